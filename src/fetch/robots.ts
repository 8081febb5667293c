// robots.txt of one origin, read per RFC 9309 with robots-parser: a 2xx answer gives its rules
// (and Crawl-delay); a 4xx, or more than MAX_REDIRECTS redirects, gives none (all allowed); a 5xx
// or no answer at all disallows everything, so the host is skipped for this run.
import robotsParserModule from 'robots-parser';
import { XxgkError } from '../errors.js';
import type { HttpResponse } from './client.js';
import { MAX_REDIRECTS } from './limits.js';
import { webUrl } from './policy.js';

// robots-parser is CommonJS whose types claim a default export; at run time the module is the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** The product token our rules are read for. */
export const ROBOTS_AGENT = 'xxgk';

export interface Robots {
  /** Throws E_ROBOTS where the rules forbid the URL (or the host could not be read). */
  check(url: URL): void;
  /** Crawl-delay in seconds, if the rules name one. */
  crawlDelay?: number;
}

/** Read origin's robots.txt with send (one polite GET, retries included). */
export async function readRobots(origin: string, send: (url: URL) => Promise<HttpResponse>): Promise<Robots> {
  let at = new URL('/robots.txt', origin);
  for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
    let response: HttpResponse;
    try {
      response = await send(at);
    } catch (error) {
      return unreachable(origin, (error as Error).message);
    }
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      const next = webUrl(location, at);
      if (!next) break;
      at = next;
      continue;
    }
    if (response.status >= 500) return unreachable(origin, `HTTP ${response.status}`);
    if (response.status >= 400) break;
    const rules = robotsParser(at.href, new TextDecoder('utf-8').decode(response.body));
    const base = at.origin;
    return {
      check: (url) => {
        // robots-parser answers for URLs of the robots.txt's own origin only.
        if (rules.isAllowed(new URL(url.pathname + url.search, base).href, ROBOTS_AGENT) === false)
          throw new XxgkError('E_ROBOTS', `${origin}/robots.txt disallows ${url.pathname}${url.search}`);
      },
      crawlDelay: rules.getCrawlDelay(ROBOTS_AGENT),
    };
  }
  return { check: () => undefined };
}

function unreachable(origin: string, why: string): Robots {
  const error = new XxgkError('E_ROBOTS', `${origin}/robots.txt could not be read (${why}); the host is skipped this run`);
  return {
    check: () => {
      throw error;
    },
  };
}
