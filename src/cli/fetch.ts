// xxgk fetch <URLs> -o DIR: read the sites politely, store each new report in DIR/raw, and parse
// it into DIR through the batch layer of xxgk parse (its lock, supervisor, worker pool and
// manifest). The fetch ledger (DIR/fetch-state.jsonl) is committed with the parse manifest, so a
// killed run resumes: what was stored and not parsed is parsed from DIR/raw first.
import { join } from 'node:path';
import PQueue from 'p-queue';
import { FAILURE_MESSAGE, isBatchChild } from '../batch/supervise.js';
import { HttpClient } from '../fetch/client.js';
import { Crawler, type CrawlSink } from '../fetch/crawl.js';
import { Fetcher } from '../fetch/fetcher.js';
import { webUrl } from '../fetch/policy.js';
import { loadSites, SitesError, type Site } from '../fetch/sites.js';
import { RawStore } from '../fetch/store.js';
import { FETCH_STATE, type FetchEntry } from '../output/fetch-state.js';
import { scanLedger } from '../output/ledger.js';
import type { ErrorCode } from '../schema.js';
import { lockAndSupervise, openChildWriter, startBatch, usage } from './parse.js';

export interface FetchCommandOptions {
  out: string;
  list?: string;
  sites?: string;
  allowHost: string[];
  /** Seconds between requests to one host. */
  delay: number;
  contact?: string;
  dryRun?: boolean;
  retryFailed?: boolean;
  jobs: number;
  /** Seconds per file for parsing. */
  timeout: number;
  maxMemory: number;
  /** Seconds for connect, response headers and body stalls, each. */
  httpTimeout: number;
  /** Megabytes per response. */
  maxSize: number;
  /** Seconds: a robots.txt Crawl-delay above this is capped to it. */
  maxCrawlDelay: number;
  quiet?: boolean;
}

export async function fetchCommand(urls: string[], options: FetchCommandOptions): Promise<number> {
  let sites: Site[];
  try {
    sites = await loadSites(urls, options);
  } catch (error) {
    if (error instanceof SitesError) return usage(error.message);
    throw error;
  }
  if (sites.length === 0) return usage('nothing to fetch: give URLs, --list FILE or --sites FILE');
  if (options.dryRun) return dryRun(sites, options);
  if (!isBatchChild()) return lockAndSupervise(options.out, false);
  const writer = await openChildWriter(options.out, { retryFailed: options.retryFailed, fetchState: true });
  if (typeof writer === 'number') return writer;
  const state = writer.fetchState!;
  const store = await RawStore.open(options.out);
  const { run, summary, progress, finish } = await startBatch(writer, { ...options, tty: false });
  const client = httpClient(options);
  const fetcher = newFetcher(client, sites, options);
  let listFailures = 0;
  const parsing = new PQueue({ concurrency: options.jobs * 2 });
  let fatal: unknown; // the output folder could not be written

  const sink: CrawlSink = {
    known: (url) => state.get(url),
    remember: (entry) => writer.fetched(entry),
    store: (bytes, sha256, ext) => store.put(bytes, sha256, ext),
    parse: async (document) => {
      progress.found();
      // Downloads wait while the workers are behind, so bytes do not pile up in memory.
      await parsing.onSizeLessThan(options.jobs * 2);
      void parsing
        .add(() => run.bytes(document.url, document.bytes, document.sha256, { fetched: document.fetched, contentType: document.contentType }))
        .catch((error: unknown) => (fatal ??= error));
    },
    fail: (url, failure) => {
      progress.found();
      return run.failure(url, failure);
    },
    skipFailed: (url) => {
      progress.found();
      run.skip(url, 'failed');
    },
    listFailed: (url, failure) => {
      listFailures++;
      summary.failed(failure.code);
      process.send?.(FAILURE_MESSAGE);
      process.stderr.write(`cannot read ${url}: ${failure.code} ${failure.message}\n`);
    },
  };

  // A request whose promise never settles would let the process end quietly with exit 0.
  const stalled = () => {
    process.stderr.write('xxgk fetch: internal error: the run stalled with work left; rerun to resume\n');
    process.exit(1);
  };
  process.once('beforeExit', stalled);
  const started = Date.now();
  // Stored by a run that died before parsing them.
  const resumed: Promise<void>[] = [];
  for (const entry of [...state.all()]) {
    if (entry.status !== 'ok' || !entry.sha256 || !entry.ext || writer.status(entry.sha256, entry.url)) continue;
    const bytes = await store.read(`${entry.sha256}.${entry.ext}`).catch(() => undefined);
    if (!bytes || RawStore.sha256(bytes) !== entry.sha256) {
      // Gone from raw/: forget its validators, so the crawl downloads it again.
      await writer.fetched({ ...entry, sha256: undefined, ext: undefined, etag: null, lastModified: null, policy: undefined });
      continue;
    }
    progress.found();
    const parsed = run.bytes(entry.url, bytes, entry.sha256, {
      fetched: { finalUrl: entry.finalUrl ?? null, fetchedAt: entry.fetchedAt ?? null, page: entry.page ?? null },
      contentType: entry.contentType ?? undefined,
    });
    parsed.catch(() => undefined); // awaited below
    resumed.push(parsed);
  }
  const crawler = new Crawler(fetcher, sink, { allowHosts: options.allowHost });
  try {
    await Promise.all(sites.map((site) => crawler.site(site)));
    await parsing.onIdle();
    await Promise.all(resumed);
    if (fatal) throw fatal;
  } finally {
    await client.close();
    await finish();
    process.off('beforeExit', stalled);
  }
  const c = crawler.counts;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `fetch: ${fetcher.requests} requests; pages read ${c.read}, not modified ${c.notModified}; new files ${c.newFiles}; ` +
      `parsed ${summary.reports}; failed ${summary.failures} (${summary.failuresByCodeText()}); ` +
      `skipped ${summary.skipped} already recorded (${summary.skippedFailures} failed earlier; --retry-failed tries them again); in ${seconds} s\n`,
  );
  return summary.failures + summary.skippedFailures + listFailures > 0 ? 1 : 0;
}

/** --dry-run: read robots.txt and the columns, print the reports that would be downloaded. */
async function dryRun(sites: Site[], options: FetchCommandOptions): Promise<number> {
  const known = new Map<string, FetchEntry>();
  await scanLedger<FetchEntry>(join(options.out, FETCH_STATE), (entry) => known.set(entry.url, entry));
  const client = httpClient(options);
  const fetcher = newFetcher(client, sites, options);
  let would = 0;
  let failed = 0;
  const sink: CrawlSink = {
    known: (url) => known.get(url),
    remember: async () => undefined,
    store: async () => '',
    parse: async (document) => {
      would++;
      process.stdout.write(`${document.url}\n`);
    },
    fail: async (url, failure) => listFailed(url, failure),
    skipFailed: () => undefined,
    listFailed: (url, failure) => listFailed(url, failure),
    wouldFetch: (url) => {
      would++;
      process.stdout.write(`${url}\n`);
    },
  };
  const listFailed = (url: string, failure: { code: ErrorCode; message: string }) => {
    failed++;
    process.stderr.write(`cannot read ${url}: ${failure.code} ${failure.message}\n`);
  };
  const crawler = new Crawler(fetcher, sink, { allowHosts: options.allowHost, dryRun: true });
  try {
    await Promise.all(sites.map((site) => crawler.site(site)));
  } finally {
    await client.close();
  }
  process.stderr.write(`fetch --dry-run: ${fetcher.requests} requests; would download ${would}; failed ${failed}\n`);
  return failed > 0 ? 1 : 0;
}

function httpClient(options: FetchCommandOptions): HttpClient {
  return new HttpClient({ timeoutMs: options.httpTimeout * 1000, totalMs: Math.max(options.httpTimeout * 1000 * 10, 300_000), maxBytes: options.maxSize * 1024 * 1024 });
}

function newFetcher(client: HttpClient, sites: Site[], options: FetchCommandOptions): Fetcher {
  const fetcher = new Fetcher(client, { delayMs: options.delay * 1000, maxCrawlDelayMs: options.maxCrawlDelay * 1000, contact: options.contact });
  for (const site of sites) if (site.delay !== undefined) fetcher.hosts.setDelay(webUrl(site.url)!, site.delay * 1000);
  return fetcher;
}
