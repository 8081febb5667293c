// Which URLs a fetch may request: http and https only, on the start URL's host or a host an
// --allow-host pattern names ("*.gov.cn" matches every host under gov.cn; "a.gov.cn" that host).
// Checked for every link and every redirect hop.

export const SCHEMES = new Set(['http:', 'https:']);

/** A parsed absolute http(s) URL, or undefined (other schemes, javascript:, mailto:, garbage). */
export function webUrl(href: string, base?: string | URL): URL | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (!SCHEMES.has(url.protocol)) return undefined;
  url.hash = '';
  return url;
}

/** Whether a host pattern admits a host name (no port). */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().trim();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return h === p;
}

export class HostPolicy {
  private readonly patterns: string[];

  constructor(startUrl: URL, allowHosts: readonly string[] = []) {
    this.patterns = [startUrl.hostname, ...allowHosts];
  }

  allows(url: URL): boolean {
    return SCHEMES.has(url.protocol) && this.patterns.some((p) => hostMatches(p, url.hostname));
  }
}
