// DIR/manifest.jsonl: the commit log of a parse output folder, which makes a killed run resumable.
// One line per finished input, { sha256, path, status, code?, message?, json?, format?, ms? },
// and after each batch of them a commit line { commit: { <run file>: <byte length> } } written
// only after those run files were fsync'd. Lines after the last commit are void: on start the
// run files are cut back to the committed lengths and those inputs are parsed again. So every
// input ends up exactly once in reports.jsonl ∪ failures.jsonl, whenever the process died.
//
// In memory for the run: the (sha256, path) pairs already recorded (a 27-character digest each)
// and, per sha256, the JSON file or the failure of its first record, so identical bytes under a
// new name are copied, not parsed. About 200 bytes an input: 20 MB for 100,000 inputs.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, stat, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ErrorCode } from '../schema.js';
import { temporaryName } from '../output/atomic.js';

export const MANIFEST = 'manifest.jsonl';

export interface ManifestEntry {
  /** null when the input could not be read (E_READ) or was refused by its size unread. */
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

/** Committed byte length of each run file, by file name. */
export type Offsets = Record<string, number>;

export type Prior = { json: string } | { code: ErrorCode; message: string };

const pairKey = (sha256: string | null, path: string) =>
  createHash('sha1')
    .update(`${sha256 ?? ''}\0${path}`)
    .digest('base64')
    .slice(0, 27);

export class Manifest {
  private readonly recorded = new Map<string, ManifestEntry['status']>();
  private readonly bySha = new Map<string, string>();
  private pending: string[] = [];

  private constructor(
    private readonly handle: FileHandle,
    /** Committed lengths of the run files; {} for a new folder. */
    readonly offsets: Offsets,
    /** Whether the folder had a manifest before this run. */
    readonly existed: boolean,
  ) {}

  /** Open DIR/manifest.jsonl, creating it; with retryFailed, failed inputs are forgotten. */
  static async open(dir: string, options: { retryFailed?: boolean; failuresFile: string }): Promise<Manifest> {
    const path = join(dir, MANIFEST);
    const existed = await stat(path).then(
      () => true,
      () => false,
    );
    let committed = { bytes: 0, offsets: {} as Offsets, failed: 0 };
    if (existed) {
      committed = await scan(path, () => undefined);
      if (options.retryFailed && committed.failed > 0) {
        await compactWithoutFailures(path, committed.bytes, { ...committed.offsets, [options.failuresFile]: 0 });
        committed = await scan(path, () => undefined);
      } else {
        // Drop uncommitted and torn lines, so that new lines follow the last commit.
        await truncate(path, committed.bytes);
      }
    }
    const manifest = new Manifest(await open(path, 'a'), committed.offsets, existed);
    if (existed) await scan(path, (entry) => manifest.remember(entry));
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
    this.pending.push(JSON.stringify(entry) + '\n');
  }

  get uncommitted(): number {
    return this.pending.length;
  }

  /** Append the pending entries and a commit line with the run files' lengths, then fsync. */
  async commit(offsets: Offsets): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('') + JSON.stringify({ commit: offsets }) + '\n';
    this.pending = [];
    await this.handle.write(text);
    await this.handle.sync();
  }

  /** Commit new lengths for run files rewritten whole (no new entries), then fsync. */
  async recommit(offsets: Offsets): Promise<void> {
    Object.assign(this.offsets, offsets);
    await this.handle.write(JSON.stringify({ commit: this.offsets }) + '\n');
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private remember(entry: ManifestEntry): void {
    this.recorded.set(pairKey(entry.sha256, entry.path), entry.status);
    if (entry.sha256 && !this.bySha.has(entry.sha256))
      this.bySha.set(entry.sha256, entry.status === 'ok' ? entry.json! : JSON.stringify({ code: entry.code, message: entry.message }));
  }
}

/**
 * Read a manifest, calling onEntry for each committed entry; returns the byte length up to and
 * including the last commit line, that commit's offsets and the number of committed failures.
 */
async function scan(path: string, onEntry: (entry: ManifestEntry) => void): Promise<{ bytes: number; offsets: Offsets; failed: number }> {
  let position = 0;
  const result = { bytes: 0, offsets: {} as Offsets, failed: 0 };
  let batch: ManifestEntry[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    position += Buffer.byteLength(line) + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      break; // a torn line: the process died while writing it, so nothing after it counts
    }
    const record = value as { commit?: Offsets } & ManifestEntry;
    if (record.commit) {
      for (const entry of batch) {
        onEntry(entry);
        if (entry.status === 'failed') result.failed++;
      }
      batch = [];
      result.bytes = position;
      result.offsets = record.commit;
    } else batch.push(record);
  }
  lines.close();
  return result;
}

/** Rewrite the manifest without its failed entries, atomically, ending in the given commit. */
async function compactWithoutFailures(path: string, committedBytes: number, offsets: Offsets): Promise<void> {
  const temporary = temporaryName(path);
  const out = await open(temporary, 'w');
  try {
    const lines = createInterface({ input: createReadStream(path, { end: Math.max(0, committedBytes - 1) }), crlfDelay: Infinity });
    let chunk: string[] = [];
    for await (const line of lines) {
      if (!line) continue;
      const record = JSON.parse(line) as { commit?: Offsets } & ManifestEntry;
      if (record.commit || record.status === 'failed') continue;
      chunk.push(line + '\n');
      if (chunk.length >= 1000) await out.write(chunk.splice(0).join(''));
    }
    chunk.push(JSON.stringify({ commit: offsets }) + '\n');
    await out.write(chunk.join(''));
    await out.sync();
  } finally {
    await out.close();
  }
  await rename(temporary, path);
}
