// Politeness per host: one request at a time (a p-queue of concurrency 1 whose `interval` spaces
// request starts by the delay), and before each request a wait for whatever else the host asks:
// its robots.txt Crawl-delay, a Retry-After, a back-off after errors, and a multiple of its last
// response time when it is slow (Heritrix's delayFactor, capped).
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';

/** A slow server waits SLOW_FACTOR times its last response time before the next request. */
const SLOW_FACTOR = 2;
const MAX_SLOW_MS = 30_000;

export class Host {
  private readonly queue: PQueue;
  private lastStart = 0;
  private lastEnd = 0;
  private lastMs = 0;
  private notBefore = 0;
  /** Crawl-delay from robots.txt, already capped. */
  crawlDelayMs = 0;

  constructor(
    readonly name: string,
    readonly delayMs: number,
  ) {
    this.queue = new PQueue({ concurrency: 1, interval: Math.max(1, delayMs), intervalCap: 1, strict: true });
  }

  /** The spacing the host gets between request starts. */
  get spacingMs(): number {
    return Math.max(this.delayMs, this.crawlDelayMs);
  }

  /** Run a job holding the host: no other request to it meanwhile. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return this.queue.add(job) as Promise<T>;
  }

  /** Inside run(): wait until the host may get the next request, then mark its start. */
  async ready(): Promise<void> {
    const at = Math.max(this.lastStart + this.spacingMs, this.lastEnd + Math.min(SLOW_FACTOR * this.lastMs, MAX_SLOW_MS), this.notBefore);
    const wait = at - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastStart = Date.now();
  }

  /** A response (or error) came back after ms. */
  done(ms: number): void {
    this.lastEnd = Date.now();
    this.lastMs = ms;
  }

  /** No request before this many ms from now (Retry-After, back-off). */
  holdFor(ms: number): void {
    this.notBefore = Math.max(this.notBefore, Date.now() + ms);
  }
}

export class Hosts {
  private readonly hosts = new Map<string, Host>();
  private readonly delays = new Map<string, number>();

  constructor(private readonly defaultDelayMs: number) {}

  /** Before the first request: a site's own delay for its host (the larger when two sites differ). */
  setDelay(url: URL, delayMs: number): void {
    const name = url.hostname.toLowerCase();
    this.delays.set(name, Math.max(delayMs, this.delays.get(name) ?? 0));
  }

  get(url: URL): Host {
    const name = url.hostname.toLowerCase();
    let host = this.hosts.get(name);
    if (!host) this.hosts.set(name, (host = new Host(name, this.delays.get(name) ?? this.defaultDelayMs)));
    return host;
  }
}
