// DIR/manifest.jsonl: the parse ledger of an output folder, which makes a killed run resumable.
// One line per finished input, { sha256, path, status, code?, message?, json?, format?, ms? },
// committed by the folder's one rule (ledger.ts): a commit line { commit: { <run file>: <byte
// length> } } written only after those run files were fsync'd. Lines after the last commit are
// void: on start the run files are cut back to the committed lengths and those inputs are
// parsed again. So every
// input ends up exactly once in reports.jsonl ∪ failures.jsonl, whenever the process died.
//
// In memory for the run: the (sha256, path) pairs already recorded (a 27-character digest each)
// and, per sha256, the JSON file or the failure of its first record, so identical bytes under a
// new name are copied, not parsed. About 200 bytes an input: 20 MB for 100,000 inputs.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ErrorCode } from '../schema.js';
import { Ledger, readLedger, rewriteLedger, scanLedger, type Offsets } from './ledger.js';

export type { Offsets } from './ledger.js';

export const MANIFEST = 'manifest.jsonl';

export interface ManifestEntry {
  /** null when the input could not be read (E_READ), was refused by its size unread, or not fetched. */
  sha256: string | null;
  path: string;
  status: 'ok' | 'failed';
  /** The record's file in the output folder (status ok). */
  json?: string;
  code?: ErrorCode;
  message?: string;
  format?: string;
  ms?: number;
}

export type Prior = { json: string } | { code: ErrorCode; message: string };

const pairKey = (sha256: string | null, path: string) =>
  createHash('sha1')
    .update(`${sha256 ?? ''}\0${path}`)
    .digest('base64')
    .slice(0, 27);

export class Manifest {
  private readonly recorded = new Map<string, ManifestEntry['status']>();
  private readonly bySha = new Map<string, string>();

  private constructor(
    private readonly ledger: Ledger<ManifestEntry>,
    /** Committed lengths of the run files; {} for a new folder. */
    readonly offsets: Offsets,
    /** Whether the folder had a manifest before this run. */
    readonly existed: boolean,
  ) {}

  /** Open DIR/manifest.jsonl, creating it; with retryFailed, failed inputs are forgotten. */
  static async open(dir: string, options: { retryFailed?: boolean; failuresFile: string }): Promise<Manifest> {
    const path = join(dir, MANIFEST);
    let failed = 0;
    let committed = await scanLedger<ManifestEntry>(path, (entry) => void (entry.status === 'failed' && failed++));
    const existed = committed.bytes > 0 || (await Ledger.exists(path));
    if (options.retryFailed && failed > 0) {
      const kept = filter(readLedger<ManifestEntry>(path, committed.bytes), (entry) => entry.status !== 'failed');
      await rewriteLedger(path, kept, { ...committed.offsets, [options.failuresFile]: 0 });
      committed = await scanLedger(path, () => undefined);
    }
    const manifest = new Manifest(await Ledger.open<ManifestEntry>(path, committed.bytes), committed.offsets, existed);
    if (existed) await scanLedger<ManifestEntry>(path, (entry) => manifest.remember(entry));
    return manifest;
  }

  /** The record this input (these bytes under this path) already has: ok, failed or none. */
  status(sha256: string | null, path: string): ManifestEntry['status'] | undefined {
    return this.recorded.get(pairKey(sha256, path));
  }

  /** The first record of these bytes under any path. */
  prior(sha256: string): Prior | undefined {
    const value = this.bySha.get(sha256);
    if (value === undefined) return undefined;
    return value.startsWith('{') ? (JSON.parse(value) as Prior) : { json: value };
  }

  /** Record a finished input; it counts as done at once, and is durable at the next commit. */
  add(entry: ManifestEntry): void {
    this.remember(entry);
    this.ledger.add(entry);
  }

  get uncommitted(): number {
    return this.ledger.uncommitted;
  }

  /** Append the pending entries and a commit line with the run files' lengths, then fsync. */
  commit(offsets: Offsets): Promise<void> {
    return this.ledger.commit(offsets);
  }

  /** Commit new lengths for run files rewritten whole (no new entries), then fsync. */
  recommit(offsets: Offsets): Promise<void> {
    Object.assign(this.offsets, offsets);
    return this.ledger.commit(this.offsets, true);
  }

  close(): Promise<void> {
    return this.ledger.close();
  }

  private remember(entry: ManifestEntry): void {
    this.recorded.set(pairKey(entry.sha256, entry.path), entry.status);
    if (entry.sha256 && !this.bySha.has(entry.sha256))
      this.bySha.set(entry.sha256, entry.status === 'ok' ? entry.json! : JSON.stringify({ code: entry.code, message: entry.message }));
  }
}

async function* filter<E>(entries: AsyncIterable<E>, keep: (entry: E) => boolean): AsyncGenerator<E> {
  for await (const entry of entries) if (keep(entry)) yield entry;
}
