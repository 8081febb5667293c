// A fixture web server for the fetch tests: node:http on a 127.0.0.x address, serving a site of
// routes (scripts/fixtures/sites.mjs), answering conditional requests, and logging every request
// with its time, so tests can assert what a run asked for and how fast.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { hanwebXml } from '../../scripts/fixtures/sites.mjs';

export interface Route {
  body?: string | Uint8Array;
  type?: string;
  headers?: Record<string, string>;
  validators?: 'etag' | 'last-modified' | 'none';
  status?: number;
  redirect?: string;
  sequence?: { status: number; headers?: Record<string, string>; body?: string }[];
  delayMs?: number;
  streamBytes?: number;
  hanweb?: { href: string; title: string; date: string }[];
}

export interface Logged {
  at: number;
  host: string;
  path: string;
  status: number;
  conditional: boolean;
  userAgent: string;
}

const LAST_MODIFIED = 'Thu, 18 Jan 2024 08:00:00 GMT';

export class FixtureServer {
  readonly log: Logged[] = [];
  routes: Record<string, Route> = {};
  private readonly hits = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server!: Server;
  origin = '';

  constructor(private readonly address: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, this.address, () => resolve());
    });
    this.origin = `http://${this.address}:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    const entry: Logged = { at: Date.now(), host: this.address, path: url.pathname + url.search, status: 0, conditional, userAgent: req.headers['user-agent'] ?? '' };
    this.log.push(entry);
    const send = (status: number, headers: Record<string, string | number>, body?: string | Uint8Array) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    const route = this.routes[url.pathname];
    if (!route) return send(404, { 'content-type': 'text/plain' }, 'not found');
    const hit = (this.hits.get(url.pathname) ?? 0) + 1;
    this.hits.set(url.pathname, hit);
    const scripted = route.sequence?.[hit - 1];
    if (scripted) return send(scripted.status, { 'content-type': 'text/plain', ...scripted.headers }, scripted.body ?? 'try again');
    if (route.redirect) return send(302, { location: route.redirect }, '');
    if (route.streamBytes) {
      entry.status = 200;
      res.writeHead(200, { 'content-type': route.type ?? 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < route.streamBytes! && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return pump();
    }
    let body = route.body ?? '';
    if (route.hanweb) body = hanwebXml(route.hanweb, Number(url.searchParams.get('startrecord') ?? 1), Number(url.searchParams.get('endrecord') ?? 45));
    const headers: Record<string, string> = { 'content-type': route.type ?? 'text/html', ...route.headers };
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (route.validators === 'etag') headers.etag = etag;
    if (route.validators === 'last-modified') headers['last-modified'] = LAST_MODIFIED;
    const notModified =
      (route.validators === 'etag' && req.headers['if-none-match'] === etag) ||
      (route.validators === 'last-modified' && req.headers['if-modified-since'] !== undefined && Date.parse(req.headers['if-modified-since']) >= Date.parse(LAST_MODIFIED));
    const answer = () => (notModified ? send(304, { ...(headers.etag ? { etag } : {}) }) : send(route.status ?? 200, headers, body));
    if (!route.delayMs) return answer();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) answer();
    }, route.delayMs);
    this.timers.add(timer);
  }
}
