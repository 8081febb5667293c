// GET a URL politely: robots.txt first (per host, once a run), then through the host's queue,
// with conditional headers from the stored cache policy, retries where they help (Retry-After on
// 429/503, back-off on 5xx and network errors, none on other 4xx), and redirects followed by hand:
// at most MAX_REDIRECTS, each hop checked against the allowed hosts and robots.txt.
import PQueue from 'p-queue';
import { XxgkError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import type { HttpClient, HttpResponse } from './client.js';
import { conditionalHeaders, revalidated, validatorsOf, type Validators } from './cache.js';
import { blockedResponse } from './discover.js';
import { Host, Hosts } from './hosts.js';
import type { HostPolicy } from './policy.js';
import { webUrl } from './policy.js';
import { MAX_ATTEMPTS, MAX_BACKOFF_MS, MAX_IN_FLIGHT, MAX_REDIRECTS, MAX_RETRY_AFTER_MS } from './limits.js';
import { readRobots, type Robots } from './robots.js';


export interface FetcherOptions {
  delayMs: number;
  /** Crawl-delay above this is capped to it. */
  maxCrawlDelayMs: number;
  contact?: string;
}


export type Got =
  | { modified: true; response: HttpResponse; finalUrl: string; fetchedAt: string; cache: Validators }
  | { modified: false; finalUrl: string; cache: Validators };


export class Fetcher {
  readonly hosts: Hosts;
  readonly userAgent: string;
  private readonly baseHeaders: Record<string, string>;
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
    this.baseHeaders = {
      'user-agent': this.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
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
      const headers = conditionalHeaders(hop, this.baseHeaders, cached);
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
      if (response.status === 304) return { modified: false, finalUrl: hop.href, cache: revalidated(hop, headers, response, cached!) };
      if (response.status < 200 || response.status >= 300) {
        const wall = blockedResponse(response.body, response.headers['content-type']);
        if (wall) throw new XxgkError('E_BLOCKED', `HTTP ${response.status} from ${hop.href}: ${wall}`);
        throw new XxgkError('E_HTTP', `HTTP ${response.status} from ${hop.href}`);
      }
      return { modified: true, response, finalUrl: hop.href, fetchedAt: new Date().toISOString(), cache: validatorsOf(hop, headers, response) };
    }
  }

  /** Throws E_ROBOTS unless robots.txt lets us fetch url (read on the host's first request). */
  async checkRobots(url: URL): Promise<void> {
    (await this.robotsOf(url)).check(url);
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
      robots = readRobots(url.origin, (at) => this.send(at, { 'user-agent': this.userAgent, accept: 'text/plain,*/*;q=0.5' })).then((rules) => {
        if (rules.crawlDelay) this.hosts.get(url).crawlDelayMs = Math.min(rules.crawlDelay * 1000, this.options.maxCrawlDelayMs);
        return rules;
      });
      this.robots.set(url.origin, robots);
    }
    return robots;
  }
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
