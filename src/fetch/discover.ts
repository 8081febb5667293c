// What a fetched page says about where the reports are: its links, whether it is a report itself,
// a detail page with attachments and page meta, or a column page with its next page (TRS
// createPageHTML, 下一页, ?page=N) or a list endpoint (Hanweb jpage dataproxy.jsp XML, Guangdong
// gkmlpt JSON). No browser: list endpoints are read as data.
import * as cheerio from 'cheerio';
import type { Link } from '../output/fetch-state.js';
import { decodeText } from '../parsers/decode.js';
import type { Report } from '../schema.js';
import {
  ATTACHMENT_EXTENSION,
  DOWNLOAD_HANDLER,
  META_INDEX,
  META_PUBLISHED,
  META_PUBLISHER,
  NEXT_PAGE,
  PAGE_PARAMS,
  REPORT_CONTENT,
  REPORT_TITLE,
} from './patterns.js';
import { antiBotReason } from './antibot.js';
import { webUrl } from './policy.js';

/** A detail page's meta, as the record's source.page has it (without the page's URL). */
export type PageMeta = Omit<NonNullable<Report['source']['page']>, 'url'>;

export interface Page {
  url: URL;
  /** Every http(s) link with its text (or title attribute), in page order, once each. */
  links: Link[];
  /** The page is a report: it prints the template's tables. */
  isReport: boolean;
  /** Why the page is an anti-bot wall, if it is one. */
  blocked?: string;
  meta: PageMeta;
  /** Next list page or list endpoint, when this is a column page. */
  next: string[];
  /** The page has the marks of a column: pagination, a list endpoint. */
  isColumn: boolean;
}

/** Read an HTML page. `hash` is the fragment of the URL as given (gkmlpt puts the column id there). */
export function readPage(html: string, url: URL, hash = ''): Page {
  const $ = cheerio.load(html);
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (href: string | undefined, title: string | null) => {
    const target = href ? webUrl(href, url) : undefined;
    if (!target || seen.has(target.href)) return;
    seen.add(target.href);
    links.push({ url: target.href, title });
  };
  $('a[href]').each((_, a) => {
    const element = $(a);
    const text = clean(element.text()) || clean(element.attr('title') ?? '');
    add(element.attr('href'), (clean(element.attr('title') ?? '') || text) || null);
  });
  // Hanweb columns embed their first records as XML inside a script; the anchors are in CDATA.
  for (const record of hanwebRecords(html)) add(record.url, record.title);
  $('script, style, noscript').remove();
  const text = visibleText($.root().html() ?? '');
  const isReport = REPORT_CONTENT.every((p) => p.test(text));
  const next = [...trsNext(html, url), ...anchorNext($, url), ...paramNext(links, url), ...hanwebEndpoint(html, url), ...gkmlptEndpoint(html, url, hash)];
  const page: Page = {
    url,
    links,
    isReport,
    meta: pageMeta($, text),
    next: [...new Set(next)].filter((n) => n !== url.href),
    isColumn: next.length > 0,
  };
  const blocked = isReport ? undefined : antiBotReason(html, text, reportLinks(page).length);
  if (blocked) page.blocked = blocked;
  return page;
}

/** Links to reports: by their title (a site's pattern, or 年度报告/年报 with 政府信息公开/政务公开). */
export function reportLinks(page: Pick<Page, 'links'>, title?: RegExp): Link[] {
  const matches = (t: string) => (title ? title.test(t) : REPORT_TITLE.every((p) => p.test(t)));
  return page.links.filter((l) => l.title !== null && matches(l.title));
}

/** Links to attachments: a report file name, or a download handler. */
export function attachmentLinks(page: Pick<Page, 'links'>): Link[] {
  return page.links.filter((l) => {
    const url = new URL(l.url);
    return ATTACHMENT_EXTENSION.test(url.pathname) || DOWNLOAD_HANDLER.test(url.pathname) || (l.title !== null && ATTACHMENT_EXTENSION.test(l.title));
  });
}

/** A Hanweb dataproxy.jsp answer: <datastore><totalrecord/><recordset><record><![CDATA[<a …>]]>. */
export function readHanwebXml(xml: string, url: URL): { links: Link[]; next: string[] } {
  const links = hanwebRecords(xml)
    .map((r) => ({ url: webUrl(r.url, url)?.href, title: r.title }))
    .filter((l): l is Link => !!l.url);
  const total = Number(/<totalrecord>\s*(\d+)\s*<\/totalrecord>/i.exec(xml)?.[1]);
  const end = Number(url.searchParams.get('endrecord'));
  const start = Number(url.searchParams.get('startrecord'));
  const next: string[] = [];
  if (links.length > 0 && end > 0 && Number.isFinite(total) && end < total) {
    const following = new URL(url);
    following.searchParams.set('startrecord', String(end + 1));
    following.searchParams.set('endrecord', String(end + (end - start + 1)));
    next.push(following.href);
  }
  return { links, next };
}

/** A gkmlpt API answer: { articles: [{ title, url }], total }. */
export function readGkmlptJson(text: string, url: URL): { links: Link[]; next: string[] } {
  let data: { articles?: { title?: unknown; url?: unknown; post_url?: unknown }[]; total?: unknown };
  try {
    data = JSON.parse(text);
  } catch {
    return { links: [], next: [] };
  }
  const articles = Array.isArray(data.articles) ? data.articles : [];
  const links = articles
    .map((a) => ({ url: typeof (a.url ?? a.post_url) === 'string' ? webUrl(String(a.url ?? a.post_url), url)?.href : undefined, title: typeof a.title === 'string' ? clean(a.title) : null }))
    .filter((l): l is Link => !!l.url);
  const page = Number(url.searchParams.get('page') ?? 1);
  const total = typeof data.total === 'number' ? data.total : undefined;
  const next: string[] = [];
  if (links.length > 0 && (total === undefined || page * articles.length < total)) {
    const following = new URL(url);
    following.searchParams.set('page', String(page + 1));
    next.push(following.href);
  }
  return { links, next };
}

function hanwebRecords(xml: string): { url: string; title: string | null }[] {
  const out: { url: string; title: string | null }[] = [];
  for (const [, fragment] of xml.matchAll(/<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi)) {
    const $ = cheerio.load(fragment);
    $('a[href]').each((_, a) => {
      const element = $(a);
      out.push({ url: element.attr('href')!, title: clean(element.attr('title') ?? '') || clean(element.text()) || null });
    });
  }
  return out;
}

// TRS: createPageHTML(pageCount, currentPage, "index", "html"), pages index.html, index_1.html, …
function trsNext(html: string, url: URL): string[] {
  const call = /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/.exec(html);
  const vars = /countPage\s*=\s*(\d+)[\s\S]{0,200}?currentPage\s*=\s*(\d+)/.exec(html);
  const [count, current, prefix, suffix] = call
    ? [Number(call[1]), Number(call[2]), call[3], call[4]]
    : vars
      ? [Number(vars[1]), Number(vars[2]), 'index', /\.(\w+)$/.exec(url.pathname)?.[1] ?? 'html']
      : [0, 0, '', ''];
  if (current + 1 >= count) return [];
  return [new URL(`${prefix}_${current + 1}.${suffix}`, url).href];
}

function anchorNext($: cheerio.CheerioAPI, url: URL): string[] {
  const out: string[] = [];
  $('a[href]').each((_, a) => {
    const element = $(a);
    if (!NEXT_PAGE.test(element.text())) return;
    const target = webUrl(element.attr('href')!, url);
    if (target && target.href !== url.href) out.push(target.href);
  });
  return out.slice(0, 1);
}

// ?page=N: the link to the same path with the page parameter one higher.
function paramNext(links: Link[], url: URL): string[] {
  for (const name of PAGE_PARAMS) {
    const current = Number(url.searchParams.get(name) ?? 1);
    for (const link of links) {
      const target = new URL(link.url);
      if (target.pathname === url.pathname && target.searchParams.get(name) === String(current + 1)) return [target.href];
    }
  }
  return [];
}

// Hanweb jpage: the column page names its data proxy (with webid, columnid, unitid …); the list is
// read from it by GET (the servlet takes the same parameters from the query as from a form).
function hanwebEndpoint(html: string, url: URL): string[] {
  const href = /["'(]([^"'()\s<>]*dataproxy\.jsp[^"'()\s<>]*)/i.exec(html)?.[1];
  if (!href) return [];
  const proxy = webUrl(href.replace(/&amp;/g, '&'), url);
  if (!proxy) return [];
  const perpage = Number(/perpage["']?\s*[:=]\s*["']?(\d+)/i.exec(html)?.[1] ?? 15);
  // The page embeds the first group of records; the endpoint is asked for the ones after them.
  const embedded = hanwebRecords(html).length;
  const total = Number(/<totalrecord>\s*(\d+)\s*<\/totalrecord>/i.exec(html)?.[1]);
  if (embedded > 0 && Number.isFinite(total) && total <= embedded) return [];
  const endpoint = new URL(proxy.pathname, proxy);
  endpoint.searchParams.set('startrecord', String(embedded + 1));
  endpoint.searchParams.set('endrecord', String(embedded + perpage * 3));
  endpoint.searchParams.set('perpage', String(perpage));
  const defaults: Record<string, string> = { col: '1', appid: '1', permissiontype: '0' };
  for (const [key, value] of Object.entries(defaults)) endpoint.searchParams.set(key, proxy.searchParams.get(key) ?? value);
  for (const [key, value] of proxy.searchParams) if (!['page', 'startrecord', 'endrecord', 'perpage'].includes(key)) endpoint.searchParams.set(key, value);
  return [endpoint.href];
}

// gkmlpt: a JavaScript app whose list is GET /gkmlpt/api/all/{column}?page=N&sid={SID}.
function gkmlptEndpoint(html: string, url: URL, hash: string): string[] {
  if (!url.pathname.includes('gkmlpt')) return [];
  const sid = /\bSID\s*[:=]\s*["']([^"']+)["']/.exec(html)?.[1];
  const column = /^#?(\d+)/.exec(hash)?.[1] ?? /\bCATID\s*[:=]\s*["']?(\d+)/i.exec(html)?.[1];
  if (!sid || !column) return [];
  return [new URL(`/gkmlpt/api/all/${column}?page=1&sid=${encodeURIComponent(sid)}`, url).href];
}

function pageMeta($: cheerio.CheerioAPI, text: string): PageMeta {
  const metaTag = (name: string) => clean($(`meta[name="${name}"]`).attr('content') ?? '') || null;
  const date = META_PUBLISHED.exec(text) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(metaTag('PubDate') ?? '');
  return {
    title: metaTag('ArticleTitle') ?? (clean($('title').first().text()) || null),
    published: date ? `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}` : null,
    publisher: META_PUBLISHER.exec(text)?.[1] ?? metaTag('ContentSource'),
    indexNumber: META_INDEX.exec(text)?.[1] ?? null,
  };
}

/** Why an error response (403, 412, 503 …) is an anti-bot wall, if it is one. */
export function blockedResponse(bytes: Uint8Array, contentType: string | undefined): string | undefined {
  if (bytes.length === 0 || bytes.length > 256 * 1024) return undefined;
  const html = decodeText(bytes, { contentType, html: true }).text;
  const $ = cheerio.load(html);
  $('script, style, noscript').remove();
  return antiBotReason(html, visibleText($.root().html() ?? ''), 0);
}


function visibleText(html: string): string {
  return clean(
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
