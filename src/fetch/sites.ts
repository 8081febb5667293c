// The sites a fetch watches: URLs from the command line, a --list file (one URL a line), or a
// --sites JSON file of site objects with their own kind, title filter, hosts and delay.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { webUrl } from './policy.js';

export const SiteKind = z.enum(['auto', 'trs', 'hanweb', 'gkmlpt', 'generic']);

export const Site = z.object({
  url: z.string().describe('start URL: a column page, a detail or report page, or an attachment'),
  kind: SiteKind.default('auto').describe('auto: the start URL may be any page or file, read to decide; the others: it is a column page (one reader knows all of them)'),
  title: z.string().optional().describe('regular expression a report link title must match (default: 年度报告/年报 with 政府信息公开/政务公开)'),
  allowHosts: z.array(z.string()).default([]).describe('more host patterns for this site, e.g. *.gov.cn'),
  delay: z.number().positive().optional().describe('seconds between requests to this host'),
});
export type Site = z.infer<typeof Site>;

export class SitesError extends Error {}

/** Sites from URLs, a list file and a sites file; throws SitesError on anything unusable. */
export async function loadSites(urls: string[], options: { list?: string; sites?: string }): Promise<Site[]> {
  const sites: Site[] = urls.map((url) => Site.parse({ url }));
  if (options.list) {
    const text = await readText(options.list);
    for (const line of text.split(/\r?\n/)) {
      const url = line.replace(/#.*$/, '').trim();
      if (url) sites.push(Site.parse({ url }));
    }
  }
  if (options.sites) {
    let value: unknown;
    try {
      value = JSON.parse(await readText(options.sites));
    } catch (error) {
      throw new SitesError(`${options.sites}: ${(error as Error).message}`);
    }
    const parsed = z.array(Site).safeParse(Array.isArray(value) ? value : (value as { sites?: unknown })?.sites);
    if (!parsed.success) throw new SitesError(`${options.sites}: not a list of sites: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    sites.push(...parsed.data);
  }
  for (const site of sites) {
    if (!webUrl(site.url)) throw new SitesError(`not an http(s) URL: ${site.url}`);
    if (site.title !== undefined) {
      try {
        new RegExp(site.title);
      } catch {
        throw new SitesError(`${site.url}: title is not a regular expression: ${site.title}`);
      }
    }
  }
  return sites;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new SitesError(`cannot read ${path}: ${(error as Error).message}`);
  }
}
