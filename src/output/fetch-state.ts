// DIR/fetch-state.jsonl: the fetch ledger of an output folder, what `xxgk fetch` knows per URL
// (validators for conditional GET, final URL, sha256 of the stored bytes, where it was linked).
// One line per URL visit, the latest line of a URL wins; committed by the folder's one rule
// (ledger.ts) in the same commit as the parse manifest. Rewritten to one line per URL when the
// superseded lines outnumber the live ones.
import { join } from 'node:path';
import type { ErrorCode, Report } from '../schema.js';
import { Ledger, rewriteLedger, scanLedger } from './ledger.js';

export const FETCH_STATE = 'fetch-state.jsonl';

export interface Link {
  url: string;
  title: string | null;
}

export interface FetchEntry {
  url: string;
  /** list: a column page or list endpoint (re-read each run); page: an HTML report or detail page; file: an attachment. */
  role: 'list' | 'page' | 'file';
  status: 'ok' | 'failed';
  code?: ErrorCode;
  message?: string;
  finalUrl?: string;
  /** The stored bytes, DIR/raw/<sha256>.<ext>; none for lists and detail pages. */
  sha256?: string;
  ext?: string;
  contentType?: string | null;
  /** http-cache-semantics' CachePolicy.toObject() of the last full response. */
  policy?: object;
  etag?: string | null;
  lastModified?: string | null;
  /** When the bytes were downloaded. */
  fetchedAt?: string;
  firstSeen: string;
  lastSeen: string;
  /** The file name its Content-Disposition gave, decoded. */
  fileName?: string | null;
  /** The list page and link title it was found by. */
  from?: string | null;
  title?: string | null;
  /** A list's report links and next pages, a detail page's attachments: reused on a 304. */
  links?: Link[];
  next?: string[];
  /** A detail page's meta, kept for the record of its attachment. */
  page?: Report['source']['page'];
}

export class FetchState {
  private readonly entries = new Map<string, FetchEntry>();

  private constructor(private readonly ledger: Ledger<FetchEntry>) {}

  /** Open DIR/fetch-state.jsonl, creating it; with retryFailed, failed URLs are forgotten. */
  static async open(dir: string, options: { retryFailed?: boolean } = {}): Promise<FetchState> {
    const path = join(dir, FETCH_STATE);
    const latest = new Map<string, FetchEntry>();
    let committed = await scanLedger<FetchEntry>(path, (entry) => latest.set(entry.url, entry));
    const failed = [...latest.values()].filter((e) => e.status === 'failed').length;
    if ((options.retryFailed && failed > 0) || committed.entries > 2 * latest.size + 100) {
      if (options.retryFailed) for (const [url, entry] of latest) if (entry.status === 'failed') latest.delete(url);
      await rewriteLedger(path, latest.values(), {});
      committed = await scanLedger(path, () => undefined);
    }
    const state = new FetchState(await Ledger.open<FetchEntry>(path, committed.bytes));
    for (const [url, entry] of latest) state.entries.set(url, entry);
    return state;
  }

  get(url: string): FetchEntry | undefined {
    return this.entries.get(url);
  }

  all(): IterableIterator<FetchEntry> {
    return this.entries.values();
  }

  /** Record a visit; durable at the folder's next commit. */
  set(entry: FetchEntry): void {
    this.entries.set(entry.url, entry);
    this.ledger.add(entry);
  }

  get uncommitted(): number {
    return this.ledger.uncommitted;
  }

  commit(): Promise<void> {
    return this.ledger.commit();
  }

  close(): Promise<void> {
    return this.ledger.close();
  }
}
