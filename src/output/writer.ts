// The output folder of a parse run: DIR/<name>.json per report, and reports.jsonl, reports.csv
// and failures.jsonl appended across runs. Every finished input goes through one write chain:
// its JSON file is written atomically, its lines appended whole, and its manifest entry added;
// every COMMIT_EVERY entries (or COMMIT_MS) the run files are fsync'd and the manifest commits
// their lengths. On open, the run files are cut back to the last commit (see manifest.ts and ledger.ts),
// which also removes a torn last line left by a killed run.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Fetched } from '../pipeline.js';
import { Report, type ErrorCode, type Format } from '../schema.js';
import { FetchState, type FetchEntry } from './fetch-state.js';
import { Manifest, type ManifestEntry, type Prior } from './manifest.js';
import { writeFileAtomic } from './atomic.js';
import type { AgencyOverrides } from '../normalize/agency/index.js';
import { csvHeader, csvRow } from './csv.js';
import { rebuildCsv, UnreadableRecordError } from './csv-rebuild.js';

export const REPORTS_JSONL = 'reports.jsonl';
export const REPORTS_CSV = 'reports.csv';
export const FAILURES_JSONL = 'failures.jsonl';
const RUN_FILES = [REPORTS_JSONL, REPORTS_CSV, FAILURES_JSONL] as const;

const COMMIT_EVERY = 64;
const COMMIT_MS = 2000;

import { OutputFolderError } from './folder-error.js';
export { OutputFolderError };

/** Base of a report's JSON name from its input name: "a/报告.pdf" → "报告". */
export function reportBaseName(sourcePath: string): string {
  return basename(sourcePath, extname(sourcePath)).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'report';
}

/** The strings of one parsed record, as a worker makes them. */
export interface RecordText {
  format: Format;
  json: string | Uint8Array;
  line: string | Uint8Array;
  csv: string;
  ms?: number;
}

class RunFile {
  constructor(
    readonly name: string,
    readonly handle: FileHandle,
    public size: number,
  ) {}

  async append(text: string | Uint8Array): Promise<void> {
    const data = typeof text === 'string' ? Buffer.from(text) : text;
    await this.handle.write(data);
    this.size += data.length;
  }
}

export interface WriterOptions {
  /** Parse again the inputs that failed in earlier runs. */
  retryFailed?: boolean;
  /** The user's agency mapping, for rows of an older reports.csv that are rewritten. */
  agencies?: AgencyOverrides;
  /** Keep xxgk fetch's ledger too. */
  fetchState?: boolean;
}

export class OutputWriter {
  private chain: Promise<unknown> = Promise.resolve();
  private lastCommit = Date.now();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    readonly dir: string,
    private readonly manifest: Manifest,
    private readonly files: Record<(typeof RUN_FILES)[number], RunFile>,
    /** The fetch ledger, when the folder is written by xxgk fetch. */
    readonly fetchState?: FetchState,
  ) {
    // A slow stream of inputs still commits regularly.
    this.timer = setInterval(() => void this.serial(() => this.commitIfDue()), COMMIT_MS).unref();
  }

  /** Rows of reports.csv rewritten from reports.jsonl on open (an older version's columns), else 0. */
  rebuiltRows = 0;

  static async open(dir: string, options: WriterOptions = {}): Promise<OutputWriter> {
    await mkdir(dir, { recursive: true });
    const manifest = await Manifest.open(dir, { retryFailed: options.retryFailed, failuresFile: FAILURES_JSONL });
    let rebuilt = 0;
    try {
      if (manifest.existed) rebuilt = await rebuildOldCsv(dir, manifest, options.agencies);
    } catch (error) {
      await manifest.close();
      if (error instanceof UnreadableRecordError)
        throw new OutputFolderError(`${join(dir, REPORTS_CSV)} has other columns than this version of xxgk writes and cannot be rewritten: ${error.message}; use a new output folder`);
      throw error;
    }
    const files = {} as Record<(typeof RUN_FILES)[number], RunFile>;
    for (const name of RUN_FILES) {
      const path = join(dir, name);
      const size = await stat(path).then(
        (s) => s.size,
        () => 0,
      );
      if (!manifest.existed && size > 0) {
        await manifest.close();
        throw new OutputFolderError(`${path} exists but ${dir} has no manifest.jsonl (written by another tool or version); use a new output folder`);
      }
      const committed = manifest.offsets[name] ?? 0;
      if (size > committed) await truncate(path, committed);
      const handle = await open(path, 'a');
      files[name] = new RunFile(name, handle, Math.min(size, committed));
    }
    if (files[REPORTS_CSV].size === 0) await files[REPORTS_CSV].append(csvHeader());
    else if ((await firstLine(join(dir, REPORTS_CSV))) !== csvHeader()) {
      await Promise.all([...Object.values(files).map((f) => f.handle.close()), manifest.close()]);
      throw new OutputFolderError(`${join(dir, REPORTS_CSV)} has other columns than this version of xxgk writes; use a new output folder`);
    }
    await removeTemporaryFiles(dir);
    const fetchState = options.fetchState ? await FetchState.open(dir, { retryFailed: options.retryFailed }) : undefined;
    const writer = new OutputWriter(dir, manifest, files, fetchState);
    writer.rebuiltRows = rebuilt;
    return writer;
  }

  /** Whether these bytes under this path were recorded, as ok or failed, by this or an earlier run. */
  status(sha256: string | null, path: string): 'ok' | 'failed' | undefined {
    return this.manifest.status(sha256, path);
  }

  /** The first record of these bytes under any path: its JSON file, or its failure. */
  prior(sha256: string): Prior | undefined {
    return this.manifest.prior(sha256);
  }

  /** Record a parsed input. */
  report(path: string, sha256: string, record: RecordText): Promise<void> {
    return this.serial(async () => {
      const json = await this.chooseName(path, sha256);
      await writeFileAtomic(join(this.dir, json), record.json);
      await this.files[REPORTS_JSONL].append(record.line);
      await this.files[REPORTS_CSV].append(record.csv);
      await this.finish({ sha256, path, status: 'ok', json, format: record.format, ms: round(record.ms) });
    });
  }

  /**
   * Record an input whose bytes were already parsed under another path, by copying that record
   * with this path. Returns the copy, or undefined when the earlier JSON file is gone or damaged.
   */
  async copy(path: string, sha256: string, fromJson: string, fetched?: Fetched): Promise<Report | undefined> {
    let report: Report;
    try {
      report = Report.parse(JSON.parse(await readFile(join(this.dir, fromJson), 'utf8')));
    } catch {
      return undefined;
    }
    if (report.source.sha256 !== sha256) return undefined;
    report.source.path = path;
    if (fetched) Object.assign(report.source, fetched);
    await this.report(path, sha256, {
      format: report.source.format,
      json: JSON.stringify(report, null, 2) + '\n',
      line: JSON.stringify(report) + '\n',
      csv: csvRow(report),
      ms: 0,
    });
    return report;
  }

  /** Record a failed input. */
  failure(path: string, sha256: string | null, failure: { code: ErrorCode; message: string; ms?: number }): Promise<void> {
    return this.serial(async () => {
      await this.files[FAILURES_JSONL].append(JSON.stringify({ path, code: failure.code, message: failure.message }) + '\n');
      await this.finish({ sha256, path, status: 'failed', code: failure.code, message: failure.message, ms: round(failure.ms) });
    });
  }

  /** Record what xxgk fetch learnt about a URL; committed with the folder's next commit. */
  fetched(entry: FetchEntry): Promise<void> {
    return this.serial(async () => {
      this.fetchState!.set(entry);
      if (this.uncommitted >= COMMIT_EVERY) await this.commit();
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.serial(() => this.commit());
    await Promise.all([...Object.values(this.files).map((f) => f.handle.close()), this.manifest.close(), this.fetchState?.close()]);
  }

  private get uncommitted(): number {
    return this.manifest.uncommitted + (this.fetchState?.uncommitted ?? 0);
  }

  private async finish(entry: ManifestEntry): Promise<void> {
    this.manifest.add(entry);
    if (this.uncommitted >= COMMIT_EVERY) await this.commit();
  }

  private async commitIfDue(): Promise<void> {
    if (Date.now() - this.lastCommit >= COMMIT_MS) await this.commit();
  }

  private async commit(): Promise<void> {
    this.lastCommit = Date.now();
    if (this.uncommitted === 0) return;
    // The data first: a commit never names bytes that are not on disk. The fetch ledger before
    // the parse ledger: a URL whose bytes are recorded as fetched but not yet as parsed is
    // parsed from DIR/raw on the next run; the reverse cannot happen.
    await Promise.all(Object.values(this.files).map((f) => f.handle.sync()));
    await this.fetchState?.commit();
    await this.manifest.commit(Object.fromEntries(Object.values(this.files).map((f) => [f.name, f.size])));
  }

  /**
   * The JSON file for this input: <base>.json, unless that holds another input's record, then
   * <base>-<sha8>.json, then <base>-<sha8>-<path hash>.json. Decided from the folder itself, so
   * the parent keeps no list of names and a rerun picks the same name again.
   */
  private async chooseName(path: string, sha256: string): Promise<string> {
    const base = reportBaseName(path);
    const pathHash = createHash('sha1').update(path).digest('hex').slice(0, 8);
    const candidates = [`${base}.json`, `${base}-${sha256.slice(0, 8)}.json`, `${base}-${sha256.slice(0, 8)}-${pathHash}.json`];
    for (const name of candidates) {
      const owner = await readOwner(join(this.dir, name));
      if (owner === null || (owner?.sha256 === sha256 && owner.path === path)) return name;
    }
    return candidates[candidates.length - 1];
  }

  // One write at a time: names are chosen from the folder, and lines must not interleave.
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.chain.then(job);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

/** Whose record a JSON file holds: null when there is no file, undefined when it is not ours. */
async function readOwner(path: string): Promise<{ sha256: string; path: string } | null | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return undefined;
  }
  try {
    const source = (JSON.parse(text) as { source?: { sha256?: unknown; path?: unknown } }).source;
    return typeof source?.sha256 === 'string' && typeof source.path === 'string' ? { sha256: source.sha256, path: source.path } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A reports.csv with other columns than this version's (an older xxgk wrote the folder): rewrite
 * it from the committed reports.jsonl. The new length is committed before the new file replaces
 * the old, so a crash in between leaves the old file, which the next run rewrites again.
 */
async function rebuildOldCsv(dir: string, manifest: Manifest, agencies?: AgencyOverrides): Promise<number> {
  const csv = join(dir, REPORTS_CSV);
  const size = await stat(csv).then(
    (s) => s.size,
    () => 0,
  );
  if (size === 0 || (await firstLine(csv)) === csvHeader()) return 0;
  const rebuilt = await rebuildCsv(join(dir, REPORTS_JSONL), manifest.offsets[REPORTS_JSONL] ?? 0, csv, agencies);
  await manifest.recommit({ [REPORTS_CSV]: rebuilt.bytes });
  await rename(rebuilt.temporary, csv);
  return rebuilt.rows;
}

/** Temporary files of atomic writes that a killed run left behind. */
async function removeTemporaryFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (/\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)) await unlink(join(dir, name)).catch(() => undefined);
}

/** The first line of a file, read from its first 64 KB. */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? text : text.slice(0, end + 1);
  } finally {
    await handle.close();
  }
}

const round = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms));
