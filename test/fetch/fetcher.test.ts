// The polite fetcher against a local server: redirect limits, retries (how many, on what), a
// Retry-After longer than a run waits, the size cap with a declared length, gzip, conditional
// GET for an unstorable (no-store) response, and a connection refused.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XxgkError } from '../../src/errors.js';
import { HttpClient } from '../../src/fetch/client.js';
import { Fetcher } from '../../src/fetch/fetcher.js';
import { HostPolicy } from '../../src/fetch/policy.js';
import { FixtureServer } from './server.js';

const server = new FixtureServer('127.0.0.8');
const client = new HttpClient({ timeoutMs: 2000, totalMs: 10_000, maxBytes: 1000 });

beforeAll(async () => {
  await server.start();
  const chain = (n: number, end: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`/${end}${i}`, { redirect: i + 1 < n ? `/${end}${i + 1}` : `/${end}-end`, validators: 'none' as const }]));
  server.routes = {
    '/robots.txt': { body: 'User-agent: *\nDisallow:\n', type: 'text/plain', validators: 'none' },
    ...chain(5, 'five'),
    '/five-end': { body: 'ok', type: 'text/plain', validators: 'none' },
    ...chain(6, 'six'),
    '/six-end': { body: 'ok', type: 'text/plain', validators: 'none' },
    '/gone': { body: 'no', status: 404, validators: 'none' },
    '/down': { body: 'down', status: 502, validators: 'none' },
    '/later': { body: 'later', status: 429, headers: { 'retry-after': '86400' }, validators: 'none' },
    '/declared': { body: 'x'.repeat(5000), type: 'application/pdf', validators: 'none' },
    '/gzip': { body: gzipSync(Buffer.from('压缩的正文')), headers: { 'content-encoding': 'gzip' }, type: 'text/plain; charset=utf-8', validators: 'none' },
    '/rogue': { body: '', status: 304, validators: 'none' },
    '/nostore': { body: 'fresh', headers: { 'cache-control': 'no-store' }, type: 'text/plain', validators: 'etag' },
  };
});
afterAll(async () => {
  await client.close();
  await server.stop();
});

const fetcher = () => new Fetcher(client, { delayMs: 10, maxCrawlDelayMs: 1000 });
const at = (path: string) => new URL(path, server.origin);
const policy = () => new HostPolicy(at('/'));
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof XxgkError ? error.code : String(error)));
const hits = (prefix: string) => server.log.filter((e) => e.path.startsWith(prefix)).length;

describe('the polite fetcher', () => {
  it('follows 5 redirects and refuses a sixth', async () => {
    const got = await fetcher().get(at('/five0'), policy());
    expect(got.modified && got.finalUrl).toBe(at('/five-end').href);
    expect(await codeOf(fetcher().get(at('/six0'), policy()))).toBe('E_REDIRECT');
    expect(hits('/six-end')).toBe(0);
  });

  it('does not retry a 404; retries a 502 three times; fails a Retry-After longer than a run waits', async () => {
    expect(await codeOf(fetcher().get(at('/gone'), policy()))).toBe('E_HTTP');
    expect(hits('/gone')).toBe(1);
    expect(await codeOf(fetcher().get(at('/down'), policy()))).toBe('E_HTTP');
    expect(hits('/down')).toBe(4);
    expect(await codeOf(fetcher().get(at('/later'), policy()))).toBe('E_HTTP');
    expect(hits('/later')).toBe(1);
    expect(await codeOf(fetcher().get(at('/rogue'), policy()))).toBe('E_HTTP'); // a 304 nobody asked for
  });

  it('refuses a body over the cap from its declared length, and inflates gzip', async () => {
    expect(await codeOf(fetcher().get(at('/declared'), policy()))).toBe('E_TOO_LARGE');
    const got = await fetcher().get(at('/gzip'), policy());
    expect(got.modified && got.response.body.toString('utf8')).toBe('压缩的正文');
  });

  it('revalidates by ETag even a response marked no-store', async () => {
    const first = await fetcher().get(at('/nostore'), policy());
    expect(first.modified).toBe(true);
    const second = await fetcher().get(at('/nostore'), policy(), first.cache);
    expect(second.modified).toBe(false);
    expect(server.log.filter((e) => e.path === '/nostore').map((e) => [e.status, e.conditional])).toEqual([
      [200, false],
      [304, true],
    ]);
  });

  it('retries a refused connection, then fails it as E_NETWORK (and the host as unreadable robots)', async () => {
    const dead = new URL('http://127.0.0.1:9/x');
    expect(await codeOf(fetcher().get(dead, new HostPolicy(dead)))).toBe('E_ROBOTS');
    const plain = new HttpClient({ timeoutMs: 2000, totalMs: 10_000, maxBytes: 1000 });
    expect(await codeOf(plain.get(dead, {}))).toBe('E_NETWORK');
    await plain.close();
  });
});
