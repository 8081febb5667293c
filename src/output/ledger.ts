// The commit rule of an output folder's ledgers (manifest.jsonl, fetch-state.jsonl): a ledger is
// a file of JSON lines, one per entry, and after each batch of entries a commit line
// { commit: { <run file>: <byte length> } }, written only after the files it names were fsync'd.
// Lines after the last commit are void: on open they are cut off (a torn last line of a killed
// run with them), so a ledger only ever says what is on disk.
import { createReadStream } from 'node:fs';
import { open, rename, stat, truncate, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { temporaryName } from './atomic.js';

/** Committed byte length of each run file, by file name. */
export type Offsets = Record<string, number>;

export interface Committed {
  /** Byte length of the ledger up to and including its last commit line. */
  bytes: number;
  /** The offsets of the last commit. */
  offsets: Offsets;
  /** Committed entries. */
  entries: number;
}

/**
 * Read a ledger, calling onEntry for each committed entry (in file order); returns where its
 * committed part ends. A missing file reads as empty.
 */
export async function scanLedger<E>(path: string, onEntry: (entry: E) => void): Promise<Committed> {
  const result: Committed = { bytes: 0, offsets: {}, entries: 0 };
  if (!(await exists(path))) return result;
  let position = 0;
  let batch: E[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    position += Buffer.byteLength(line) + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      break; // a torn line: the process died while writing it, so nothing after it counts
    }
    const record = value as { commit?: Offsets };
    if (record.commit) {
      for (const entry of batch) onEntry(entry);
      result.entries += batch.length;
      batch = [];
      result.bytes = position;
      result.offsets = record.commit;
    } else batch.push(value as E);
  }
  lines.close();
  return result;
}

/** The committed entries of a ledger whose committed part is `bytes` long, streamed. */
export async function* readLedger<E>(path: string, bytes: number): AsyncGenerator<E> {
  if (bytes === 0) return;
  const lines = createInterface({ input: createReadStream(path, { end: bytes - 1 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const record = JSON.parse(line) as { commit?: Offsets };
    if (!record.commit) yield record as E;
  }
}

/** Rewrite a ledger atomically with only the given entries, ending in one commit line. */
export async function rewriteLedger<E>(path: string, entries: Iterable<E> | AsyncIterable<E>, offsets: Offsets): Promise<void> {
  const temporary = temporaryName(path);
  const out = await open(temporary, 'w');
  try {
    let chunk: string[] = [];
    for await (const entry of entries) {
      chunk.push(JSON.stringify(entry) + '\n');
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

/** A ledger open for appending: entries wait in memory until the next commit. */
export class Ledger<E> {
  private pending: string[] = [];

  private constructor(private readonly handle: FileHandle) {}

  /** Open for appending after cutting off what follows the last commit (committedBytes). */
  static async open<E>(path: string, committedBytes: number): Promise<Ledger<E>> {
    if (await exists(path)) await truncate(path, committedBytes);
    return new Ledger<E>(await open(path, 'a'));
  }

  static exists(path: string): Promise<boolean> {
    return exists(path);
  }

  add(entry: E): void {
    this.pending.push(JSON.stringify(entry) + '\n');
  }

  get uncommitted(): number {
    return this.pending.length;
  }

  /** Append the pending entries and a commit line, then fsync; `force` commits new offsets alone. */
  async commit(offsets: Offsets = {}, force = false): Promise<void> {
    if (this.pending.length === 0 && !force) return;
    const text = this.pending.join('') + JSON.stringify({ commit: offsets }) + '\n';
    this.pending = [];
    await this.handle.write(text);
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
