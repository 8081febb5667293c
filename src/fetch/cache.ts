// Conditional GET: http-cache-semantics keeps the bookkeeping (which validators to send for which
// URL, the policy after a 304); its policy object is what the fetch ledger stores per URL.
import CachePolicy from 'http-cache-semantics';

/** What a URL's last full response left for revalidation. */
export interface Validators {
  policy?: object;
  etag?: string | null;
  lastModified?: string | null;
}

interface Response {
  status: number;
  headers: Record<string, string>;
}

/** The request headers plus If-None-Match / If-Modified-Since for url, when cached has them. */
export function conditionalHeaders(url: URL, base: Record<string, string>, cached: Validators | undefined): Record<string, string> {
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

/** The validators of a full (2xx) response to a GET of url with these headers. */
export function validatorsOf(url: URL, headers: Record<string, string>, response: Response): Validators {
  return {
    policy: new CachePolicy(request(url, headers), response, { shared: false, ignoreCargoCult: true }).toObject(),
    etag: response.headers.etag ?? null,
    lastModified: response.headers['last-modified'] ?? null,
  };
}

/** The validators after a 304 answer. */
export function revalidated(url: URL, headers: Record<string, string>, response: Response, cached: Validators): Validators {
  const previous = cached.policy ? CachePolicy.fromObject(cached.policy as CachePolicy.CachePolicyObject) : undefined;
  return { ...cached, policy: previous?.revalidatedPolicy(request(url, headers), response).policy.toObject() ?? cached.policy };
}

/** The request http-cache-semantics describes a URL by. */
function request(url: URL, headers: Record<string, string>): CachePolicy.Request {
  return { url: url.pathname + url.search, method: 'GET', headers: { ...headers, host: url.host } };
}
