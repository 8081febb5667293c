// GET a URL politely: robots.txt first (per host, once a run), then through the host's queue,
// with conditional headers from the stored cache policy, retries where they help (Retry-After on
// 429/503, back-off on 5xx and network errors, none on other 4xx), and redirects followed by hand:
// at most MAX_REDIRECTS, each hop checked against the allowed hosts and robots.txt.
import CachePolicy from 'http-cache-semantics';
import PQueue from 'p-queue';
import robotsParserModule from 'robots-parser';
import { XxgkError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import type { HttpClient, HttpResponse } from './client.js';
import { blockedResponse } from './discover.js';
import { Host, Hosts } from './hosts.js';
import type { HostPolicy } from './policy.js';
import { webUrl } from './policy.js';

// robots-parser is CommonJS whose types claim a default export; at run time the module is the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export const MAX_REDIRECTS = 5;
/** Requests in flight across all hosts (each host has one at most). */
const MAX_IN_FLIGHT = 16;
const MAX_ATTEMPTS = 4;
/** A Retry-After longer than this fails the URL for this run instead of holding the host. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 60_000;
export const ROBOTS_AGENT = 'xxgk';

export interface FetcherOptions {
  delayMs: number;
  /** Crawl-delay above this is capped to it. */
  maxCrawlDelayMs: number;
  contact?: string;
}

/** What a URL's last full response left for revalidation. */
export interface Validators {
  policy?: object;
  etag?: string | null;
  lastModified?: string | null;
}

export type Got =
  | { modified: true; response: HttpResponse; finalUrl: string; fetchedAt: string; cache: Validators }
  | { modified: false; finalUrl: string; cache: Validators };

interface Robots {
  allowed(url: URL): boolean;
}

export class Fetcher {
  readonly hosts: Hosts;
  readonly userAgent: string;
  /** Requests sent this run (every attempt, robots.txt included). */
  requests = 0;
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly inFlight = new PQueue({ concurrency: MAX_IN_FLIGHT });

  constructor(
    private readonly client: HttpClient,
    private readonly options: FetcherOptions,
  ) {
    this.hosts = new Hosts(options.delayMs);
    this.userAgent = `xxgk/${TOOL_VERSION} (+${options.contact ?? 'no contact given'}; annual report archiver)`;
  }

  /**
   * GET url under policy. Throws XxgkError: E_ROBOTS, E_REDIRECT, E_HTTP (a status that is not
   * 2xx or 304), E_TIMEOUT, E_TOO_LARGE, E_NETWORK.
   */
  async get(url: URL, policy: HostPolicy, cached?: Validators): Promise<Got> {
    const seen = new Set<string>();
    let hop = url;
    for (let redirects = 0; ; redirects++) {
      seen.add(hop.href);
      await this.checkRobots(hop);
      const headers = this.headers(hop, cached);
      const response = await this.send(hop, headers);
      const location = response.status >= 300 && response.status < 400 ? response.headers.location : undefined;
      if (location !== undefined && response.status !== 304) {
        const next = webUrl(location, hop);
        if (!next) throw new XxgkError('E_REDIRECT', `${hop.href} redirects to ${location}, not an http(s) URL`);
        if (!policy.allows(next)) throw new XxgkError('E_REDIRECT', `${hop.href} redirects to ${next.href}, a host not allowed (--allow-host widens the list)`);
        if (seen.has(next.href)) throw new XxgkError('E_REDIRECT', `redirect loop: ${hop.href} → ${next.href}`);
        if (redirects >= MAX_REDIRECTS) throw new XxgkError('E_REDIRECT', `more than ${MAX_REDIRECTS} redirects (the last to ${next.href})`);
        hop = next;
        continue;
      }
      if (response.status === 304 && !cached) throw new XxgkError('E_HTTP', `HTTP 304 from ${hop.href} to a request that was not conditional`);
      if (response.status === 304) {
        const previous = cached?.policy ? CachePolicy.fromObject(cached.policy as CachePolicy.CachePolicyObject) : undefined;
        const revalidated = previous?.revalidatedPolicy(request(hop, headers), response).policy.toObject() ?? cached?.policy;
        return { modified: false, finalUrl: hop.href, cache: { ...cached, policy: revalidated } };
      }
      if (response.status < 200 || response.status >= 300) {
        const wall = blockedResponse(response.body, response.headers['content-type']);
        if (wall) throw new XxgkError('E_BLOCKED', `HTTP ${response.status} from ${hop.href}: ${wall}`);
        throw new XxgkError('E_HTTP', `HTTP ${response.status} from ${hop.href}`);
      }
      const cache: Validators = {
        policy: new CachePolicy(request(hop, headers), response, { shared: false, ignoreCargoCult: true }).toObject(),
        etag: response.headers.etag ?? null,
        lastModified: response.headers['last-modified'] ?? null,
      };
      return { modified: true, response, finalUrl: hop.href, fetchedAt: new Date().toISOString(), cache };
    }
  }

  /** Whether robots.txt lets us fetch url (reads it on the host's first request). */
  async checkRobots(url: URL): Promise<void> {
    const robots = await this.robotsOf(url);
    if (!robots.allowed(url)) throw new XxgkError('E_ROBOTS', `${url.origin}/robots.txt disallows ${url.pathname}${url.search}`);
  }

  private headers(url: URL, cached: Validators | undefined): Record<string, string> {
    const base: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    if (!cached) return base;
    const headers = { ...base };
    if (cached.policy) {
      const revalidation = CachePolicy.fromObject(cached.policy as CachePolicy.CachePolicyObject).revalidationHeaders(request(url, base));
      for (const name of ['if-none-match', 'if-modified-since']) if (typeof revalidation[name] === 'string') headers[name] = revalidation[name] as string;
    }
    // A response the cache rules call unstorable (no-store) is still revalidated by its validators.
    const policyUrl = (cached.policy as { u?: string } | undefined)?.u;
    if (!headers['if-none-match'] && !headers['if-modified-since'] && (!policyUrl || policyUrl === url.pathname + url.search)) {
      if (cached.etag) headers['if-none-match'] = cached.etag;
      if (cached.lastModified) headers['if-modified-since'] = cached.lastModified;
    }
    return headers;
  }

  /** One request to the host, holding it across the retries. */
  private send(url: URL, headers: Record<string, string>): Promise<HttpResponse> {
    const host = this.hosts.get(url);
    return host.run(async () => {
      for (let attempt = 1; ; attempt++) {
        await host.ready();
        this.requests++;
        const started = Date.now();
        let response: HttpResponse;
        try {
          response = (await this.inFlight.add(() => this.client.get(url, headers)))!;
        } catch (error) {
          host.done(Date.now() - started);
          const retry = error instanceof XxgkError && error.code === 'E_NETWORK' && attempt < MAX_ATTEMPTS;
          if (!retry) throw error;
          host.holdFor(this.backoff(host, attempt));
          continue;
        }
        host.done(response.ms);
        const status = response.status;
        if ((status === 429 || status === 503) && response.headers['retry-after'] !== undefined && attempt < MAX_ATTEMPTS) {
          const ms = retryAfterMs(response.headers['retry-after']);
          if (ms === undefined || ms > MAX_RETRY_AFTER_MS)
            throw new XxgkError('E_HTTP', `HTTP ${status} from ${url.href} with Retry-After ${response.headers['retry-after']}: longer than this run waits`);
          host.holdFor(Math.max(ms, host.spacingMs));
          continue;
        }
        if (status >= 500 && attempt < MAX_ATTEMPTS) {
          host.holdFor(this.backoff(host, attempt));
          continue;
        }
        return response;
      }
    });
  }

  /** Exponential back-off in units of the host's own spacing: 2, 4, 8 times it. */
  private backoff(host: Host, attempt: number): number {
    return Math.min(MAX_BACKOFF_MS, Math.max(host.spacingMs, 50) * 2 ** attempt);
  }

  private robotsOf(url: URL): Promise<Robots> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      robots = this.readRobots(url);
      this.robots.set(url.origin, robots);
    }
    return robots;
  }

  // RFC 9309: 2xx → its rules; 4xx (or too many redirects) → no rules; 5xx or unreachable →
  // everything disallowed, so the host is skipped for this run.
  private async readRobots(url: URL): Promise<Robots> {
    let at = new URL('/robots.txt', url.origin);
    const unreachable = (why: string): Robots => {
      const error = new XxgkError('E_ROBOTS', `${url.origin}/robots.txt could not be read (${why}); the host is skipped this run`);
      return {
        allowed: () => {
          throw error;
        },
      };
    };
    for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
      let response: HttpResponse;
      try {
        response = await this.send(at, { 'user-agent': this.userAgent, accept: 'text/plain,*/*;q=0.5' });
      } catch (error) {
        return unreachable((error as Error).message);
      }
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        const next = webUrl(location, at);
        if (!next) break;
        at = next;
        continue;
      }
      if (response.status >= 500) return unreachable(`HTTP ${response.status}`);
      if (response.status >= 400) break;
      const text = new TextDecoder('utf-8').decode(response.body);
      const rules = robotsParser(at.href, text);
      const delay = rules.getCrawlDelay(ROBOTS_AGENT);
      if (delay !== undefined && delay > 0) this.hosts.get(url).crawlDelayMs = Math.min(delay * 1000, this.options.maxCrawlDelayMs);
      // robots-parser answers for URLs of the robots.txt's own origin only.
      return { allowed: (target) => rules.isAllowed(new URL(target.pathname + target.search, at.origin).href, ROBOTS_AGENT) !== false };
    }
    return { allowed: () => true };
  }
}

/** The request http-cache-semantics describes a URL by. */
function request(url: URL, headers: Record<string, string>): CachePolicy.Request {
  return { url: url.pathname + url.search, method: 'GET', headers: { ...headers, host: url.host } };
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
