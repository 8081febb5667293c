// One run over the sites: each start URL is read and, by what it turns out to be, handled as a
// column (its report links visited, its next pages followed while they bring new links), a
// detail page (its attachments visited, its meta kept for their records), or a report (stored
// and handed to the parse step). Columns are re-read every run; reports, detail pages and
// attachments are downloaded once and afterwards only revalidated (conditional GET).
import { XxgkError } from '../errors.js';
import type { FetchEntry, Link } from '../output/fetch-state.js';
import { decodeText } from '../parsers/decode.js';
import { sniff } from '../parsers/sniff.js';
import type { Fetched } from '../pipeline.js';
import type { ErrorCode } from '../schema.js';
import { dispositionFileName, storedExtension } from './content.js';
import { attachmentLinks, readGkmlptJson, readHanwebXml, readPage, reportLinks, type Page } from './discover.js';
import type { Validators } from './cache.js';
import type { Fetcher, Got } from './fetcher.js';
import { REPORT_TITLE } from './patterns.js';
import { HostPolicy, webUrl } from './policy.js';
import type { Site } from './sites.js';
import { RawStore } from './store.js';

/** A downloaded report, stored, for the parse step. */
export interface FetchedDocument {
  url: string;
  sha256: string;
  bytes: Buffer;
  contentType?: string;
  fetched: Fetched;
}

/** Where a crawl reads what earlier runs learnt and writes what this one does. */
export interface CrawlSink {
  known(url: string): FetchEntry | undefined;
  /** Record a URL's state (a no-op in a dry run). */
  remember(entry: FetchEntry): Promise<void>;
  /** Store the bytes (DIR/raw) and return their file name. */
  store(bytes: Buffer, sha256: string, ext: string): Promise<string>;
  /** Hand a document to the parse step; resolves once it is taken (the parse goes on after). */
  parse(document: FetchedDocument): Promise<void>;
  /** A report URL that could not be fetched: a record in failures.jsonl. */
  fail(url: string, failure: { code: ErrorCode; message: string }): Promise<void>;
  /** A URL that failed in an earlier run, not tried again without --retry-failed. */
  skipFailed(url: string): void;
  /** A column or start page that could not be read: no record, but the run fails. */
  listFailed(url: string, failure: { code: ErrorCode; message: string }): void;
  /** A dry run: what would be downloaded. */
  wouldFetch?(url: string, from: string | null): void;
}

export interface CrawlCounts {
  /** Responses with a body (2xx). */
  read: number;
  /** 304 answers. */
  notModified: number;
  /** Files stored with bytes this folder did not have for their URL. */
  newFiles: number;
}

type Role = 'start' | 'list' | 'item' | 'attachment';

interface Origin {
  from: string | null;
  title: string | null;
  page?: Fetched['page'];
  /** A continuation page of a listing: a 404 there is the end of the list, not a failure. */
  continuation?: boolean;
}

interface SiteContext {
  policy: HostPolicy;
  title?: RegExp;
  hash: string;
}

export class Crawler {
  readonly counts: CrawlCounts = { read: 0, notModified: 0, newFiles: 0 };
  private readonly visited = new Set<string>();
  /** Report links listed in this run, so a list page that repeats them brings nothing new. */
  private readonly listed = new Set<string>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly sink: CrawlSink,
    private readonly options: { allowHosts: string[]; dryRun?: boolean },
  ) {}

  async site(site: Site): Promise<void> {
    const start = webUrl(site.url)!;
    const context: SiteContext = {
      policy: new HostPolicy(start, [...this.options.allowHosts, ...site.allowHosts]),
      title: site.title === undefined ? undefined : new RegExp(site.title),
      hash: new URL(site.url).hash,
    };
    await this.visit(start, site.kind === 'auto' ? 'start' : 'list', context, { from: null, title: null });
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private later(job: Promise<void>): void {
    this.pending.add(job);
    // Its failure (a folder that cannot be written) reaches site() through the pending set.
    job.then(
      () => this.pending.delete(job),
      () => undefined,
    );
  }

  private async visit(url: URL, role: Role, context: SiteContext, origin: Origin): Promise<void> {
    if (this.visited.has(url.href)) return;
    this.visited.add(url.href);
    let known = this.sink.known(url.href);
    if (role === 'start' && known && known.role !== 'list' && known.status === 'ok') role = 'item';
    if (role === 'start' && known?.role === 'list') role = 'list';
    const document = role === 'item' || role === 'attachment';
    if (document && known?.status === 'failed') return this.sink.skipFailed(url.href);
    if (role === 'list' && known?.status === 'failed') known = undefined;
    if (document && !known && this.options.dryRun) return this.sink.wouldFetch?.(url.href, origin.from);
    // Downloaded once; afterwards revalidated at its final URL, or left alone without validators.
    if (document && known && !known.etag && !known.lastModified && (known.sha256 || known.links)) return this.revisit(known, context);
    const target = document && known?.finalUrl ? (webUrl(known.finalUrl) ?? url) : url;

    let got: Got;
    try {
      got = await this.fetcher.get(target, context.policy, known && validators(known));
    } catch (error) {
      return this.failed(url, role, origin, error);
    }
    const now = new Date().toISOString();
    if (!got.modified) {
      this.counts.notModified++;
      await this.sink.remember({ ...known!, ...got.cache, lastSeen: now });
      if (known!.role === 'list') return this.list(url, known!.links ?? [], known!.next ?? [], context);
      return this.revisit(known!, context);
    }
    this.counts.read++;
    const { response } = got;
    const contentType = response.headers['content-type'];
    const base: FetchEntry = {
      url: url.href,
      role: 'page',
      status: 'ok',
      finalUrl: got.finalUrl,
      contentType: contentType ?? null,
      ...got.cache,
      fetchedAt: got.fetchedAt,
      firstSeen: known?.firstSeen ?? now,
      lastSeen: now,
      from: known?.from ?? origin.from,
      title: known?.title ?? origin.title,
    };
    const final = new URL(got.finalUrl);
    let page: Page;
    try {
      if (role === 'list' && /dataproxy\.jsp/i.test(final.pathname)) return this.endpoint(base, readHanwebXml(decodeText(response.body).text, final), context);
      if (role === 'list' && /\/gkmlpt\/api\//.test(final.pathname)) return this.endpoint(base, readGkmlptJson(decodeText(response.body).text, final), context);
      const html = role !== 'attachment' && isHtml(response.body, contentType);
      if (!html) return this.store(base, response.body, got, origin);
      page = readPage(decodeText(response.body, { contentType, html: true }).text, final, context.hash);
    } catch (error) {
      // A page our reader chokes on fails alone; the run goes on.
      return this.failed(url, role, origin, error instanceof XxgkError ? error : new XxgkError('E_INTERNAL', `reading ${got.finalUrl} failed: ${(error as Error).message}`));
    }
    if (page.blocked) return this.failed(url, role, origin, new XxgkError('E_BLOCKED', `${got.finalUrl}: ${page.blocked}`));
    if (page.isReport) return this.store(base, response.body, got, origin);
    const reports = reportLinks(page, context.title);
    const attachments = chooseAttachments(attachmentLinks(page));
    if (role === 'list' || (role === 'start' && (page.isColumn || (reports.length > 0 && attachments.length === 0)))) {
      const entry: FetchEntry = { ...base, role: 'list', links: reports, next: page.next };
      await this.sink.remember(entry);
      return this.list(url, reports, page.next, context);
    }
    if (attachments.length > 0) return this.detail({ ...base, links: attachments, page: { url: got.finalUrl, ...page.meta } }, context);
    return this.store(base, response.body, got, origin);
  }

  /** A list page's report links visited, and its next page read while it brought new links. */
  private async list(url: URL, links: Link[], next: string[], context: SiteContext): Promise<void> {
    let fresh = 0;
    for (const link of links) {
      if (!this.listed.has(link.url) && !this.sink.known(link.url)) fresh++;
      this.listed.add(link.url);
      const target = webUrl(link.url);
      if (target && context.policy.allows(target)) this.later(this.visit(target, 'item', context, { from: url.href, title: link.title }));
    }
    // A page whose links were all known brings nothing new: the listing stops, unless the next
    // page was never read (a run killed or failed before it). A shell page without links (its
    // list comes from an endpoint) goes on to it.
    const unread = next.some((page) => this.sink.known(page)?.status !== 'ok');
    if (links.length > 0 && fresh === 0 && !unread) return;
    for (const page of next) {
      const target = webUrl(page);
      if (target && context.policy.allows(target)) await this.visit(target, 'list', context, { from: url.href, title: null, continuation: true });
    }
  }

  private async endpoint(base: FetchEntry, read: { links: Link[]; next: string[] }, context: SiteContext): Promise<void> {
    const links = reportLinks(read, context.title);
    await this.sink.remember({ ...base, role: 'list', links, next: read.next });
    return this.list(new URL(base.url), links, read.next, context);
  }

  private async detail(entry: FetchEntry, context: SiteContext): Promise<void> {
    await this.sink.remember(entry);
    return this.revisit(entry, context);
  }

  /** A known document again: a detail page's attachments are visited (revalidated) in turn. */
  private async revisit(known: FetchEntry, context: SiteContext): Promise<void> {
    for (const link of known.links ?? []) {
      const target = webUrl(link.url);
      if (target && context.policy.allows(target)) this.later(this.visit(target, 'attachment', context, { from: known.url, title: link.title, page: known.page ?? null }));
    }
  }

  private async store(base: FetchEntry, bytes: Buffer, got: Got & { modified: true }, origin: Origin): Promise<void> {
    const sha256 = RawStore.sha256(bytes);
    const contentType = got.response.headers['content-type'];
    const fileName = dispositionFileName(got.response.headers['content-disposition']);
    const ext = storedExtension(bytes, fileName, contentType);
    const known = this.sink.known(base.url);
    if (known?.sha256 !== sha256) this.counts.newFiles++;
    await this.sink.store(bytes, sha256, ext);
    const entry: FetchEntry = { ...base, role: ext === 'html' ? 'page' : 'file', sha256, ext, fileName: fileName ?? null, title: base.title ?? fileName ?? null, page: known?.page ?? origin.page ?? null };
    await this.sink.remember(entry);
    await this.sink.parse({ url: base.url, sha256, bytes, contentType, fetched: { finalUrl: got.finalUrl, fetchedAt: got.fetchedAt, page: entry.page ?? null } });
  }

  private async failed(url: URL, role: Role, origin: Origin, error: unknown): Promise<void> {
    if (!(error instanceof XxgkError)) throw error;
    const failure = { code: error.code, message: error.message };
    if (role === 'list' && origin.continuation && /^HTTP 404 /.test(error.message)) return; // past the last page
    const now = new Date().toISOString();
    const known = this.sink.known(url.href);
    const entry: FetchEntry = { url: url.href, role: role === 'start' || role === 'list' ? 'list' : 'page', status: 'failed', ...failure, firstSeen: known?.firstSeen ?? now, lastSeen: now, from: origin.from, title: origin.title };
    if (role === 'start' || role === 'list') {
      this.sink.listFailed(url.href, failure);
      if (!this.options.dryRun) await this.sink.remember(entry);
      return;
    }
    await this.sink.remember(entry);
    await this.sink.fail(url.href, failure);
  }
}

function validators(entry: FetchEntry): Validators {
  return { policy: entry.policy, etag: entry.etag, lastModified: entry.lastModified };
}

function isHtml(bytes: Buffer, contentType: string | undefined): boolean {
  const sniffed = sniff(bytes);
  if (sniffed === 'html') return true;
  return sniffed === 'text' && /html|xml/i.test(contentType ?? '');
}

/** Of a detail page's attachments, the reports when some are named as such, else all. */
function chooseAttachments(links: Link[]): Link[] {
  const named = links.filter((l) => l.title !== null && REPORT_TITLE[0].test(l.title));
  return named.length > 0 ? named : links;
}

export type { Page };
