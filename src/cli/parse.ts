// xxgk parse <files, folders or -> -o DIR: every input through the worker pool into the output
// folder. The parent reads and hashes files (a few ahead of the workers), skips what the folder
// already holds, hands the bytes to a worker and writes what comes back; it keeps counters, the
// manifest's set of done inputs, and the files in flight, nothing per report.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { CrashJournal } from '../batch/journal.js';
import type { ParseOptions, ParsePool } from '../batch/pool.js';
import type { Progress } from '../batch/progress.js';
import { inShard, type Shard } from '../batch/shard.js';
import { exitWithParent, FAILURE_MESSAGE, isBatchChild, supervise } from '../batch/supervise.js';
import type { AgencyOverrides } from '../normalize/agency/index.js';
import { OutputFolderError } from '../output/folder-error.js';
import { FolderLockedError, lockFolder } from '../output/lock.js';
import type { OutputWriter, WriterOptions } from '../output/writer.js';
import type { ErrorCode } from '../schema.js';
import { countInputs, STDIN, walkInputs } from './inputs.js';
import type { Summary } from './summary.js';
// Only the batch child loads the pool, the writer, the agency gazetteer and the rest (imported
// where used): the supervising process stays small and starts fast.

/** Files larger than this are refused unread: no report is, and one would take a worker's heap. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface ParseCommandOptions {
  out: string;
  jobs: number;
  quiet?: boolean;
  /** Seconds per file. */
  timeout: number;
  /** Megabytes of heap per worker. */
  maxMemory: number;
  shard?: Shard;
  retryFailed?: boolean;
  /** CSV name,agencyId (--agencies). */
  agencies?: string;
}

type Input = { bytes: Uint8Array; sha256: string } | { failure: { code: ErrorCode; message: string } };

async function readInput(path: string): Promise<Input> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { failure: { code: 'E_READ', message: `cannot read ${path}: not a regular file` } };
    if (info.size > MAX_INPUT_BYTES)
      return { failure: { code: 'E_TOO_LARGE', message: `the file has ${info.size} bytes, over the limit of ${MAX_INPUT_BYTES}` } };
    const bytes = await readFile(path);
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    return { failure: { code: 'E_READ', message: `cannot read ${path}: ${(error as Error).message}` } };
  }
}

export async function parseCommand(inputs: string[], options: ParseCommandOptions): Promise<number> {
  if (inputs.filter((i) => i === STDIN).length > 1) return usage('"-" (paths on stdin) may be given once');
  if (!isBatchChild()) return lockAndSupervise(options.out, inputs.includes(STDIN));
  // A bad --agencies file is a usage error before any work starts (the child's exit code is the run's).
  let agencies: AgencyOverrides | undefined;
  try {
    agencies = options.agencies === undefined ? undefined : await readAgencyOverrides(options.agencies);
  } catch (error) {
    return usage((error as Error).message);
  }
  const writer = await openChildWriter(options.out, { retryFailed: options.retryFailed, agencies });
  if (typeof writer === 'number') return writer;
  if (writer.rebuiltRows > 0)
    process.stderr.write(`reports.csv had the columns of an older xxgk: rewritten from reports.jsonl with this version's (${writer.rebuiltRows} rows)\n`);
  const tty = process.stderr.isTTY === true;
  const { run, summary, progress, finish } = await startBatch(writer, { ...options, tty, agencies });
  const { default: PQueue } = await import('p-queue');
  const accept = (path: string) => inShard(path, options.shard);
  // On a terminal, count the inputs in the background (directory listings only) for the ETA.
  if (tty) void countInputs(inputs, accept).then((n) => progress.total(n), () => undefined);

  // Read a few files ahead of the workers, never more.
  const reading = new PQueue({ concurrency: options.jobs * 2 + 2 });
  let fatal: unknown;
  for await (const path of walkInputs(inputs, process.stdin, (file, kind) => accept(file) && summary.notReport(kind))) {
    if (fatal) break;
    if (!accept(path)) continue;
    progress.found();
    await reading.onSizeLessThan(options.jobs * 2 + 2);
    void reading.add(() => run.input(path)).catch((error: unknown) => (fatal ??= error));
  }
  await reading.onIdle();
  await finish();
  if (fatal) throw fatal; // the output folder could not be written: no point going on
  process.stderr.write(summary.text());
  // Exit 1 while any given input stands failed, in this run or (skipped now) in an earlier one.
  return summary.failures + summary.skippedFailures > 0 ? 1 : 0;
}

export class BatchRun {
  /** Parses in flight by sha256, so identical bytes under two names are parsed once. */
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly writer: OutputWriter,
    private readonly pool: ParsePool,
    private readonly journal: CrashJournal,
    private readonly summary: Summary,
    private readonly progress: Progress,
  ) {}

  async input(path: string): Promise<void> {
    const input = await readInput(path);
    if ('failure' in input) {
      const done = this.writer.status(null, path);
      if (done) return this.skipped(path, done);
      await this.writer.failure(path, null, input.failure);
      return this.failed(path, input.failure);
    }
    return this.bytes(path, input.bytes, input.sha256);
  }

  /** Bytes already read (a file, or a download of xxgk fetch with its provenance). */
  async bytes(path: string, bytes: Uint8Array, sha256: string, fetched?: ParseOptions['fetched']): Promise<void> {
    for (;;) {
      const done = this.writer.status(sha256, path);
      if (done) return this.skipped(path, done);
      const running = this.inflight.get(sha256);
      if (running) {
        await running; // the same bytes under another name: wait, then copy its record
        continue;
      }
      const job = this.record(path, sha256, bytes, fetched);
      this.inflight.set(sha256, job);
      try {
        return await job;
      } finally {
        this.inflight.delete(sha256);
      }
    }
  }

  private async record(path: string, sha256: string, bytes: Uint8Array, fetched: ParseOptions['fetched']): Promise<void> {
    const prior = this.writer.prior(sha256);
    if (prior && 'code' in prior) {
      const failure = { code: prior.code, message: `identical bytes to an input that failed: ${prior.message}` };
      await this.writer.failure(path, sha256, failure);
      return this.failed(path, failure);
    }
    if (prior) {
      const copy = await this.writer.copy(path, sha256, prior.json, fetched?.fetched);
      if (copy) {
        this.summary.parsed({ warnings: copy.warnings.map((w) => w.code), checksFailed: copy.checks.filter((c) => c.ok === false && !c.soft).length });
        return this.progress.done(path, { ok: true });
      }
    }
    const strikes = this.journal.strikes(sha256, path);
    if (strikes >= 2) {
      const failure = { code: 'E_TOO_LARGE' as const, message: `parsing this file crashed the whole process ${strikes} times (memory beyond what a worker limit can stop); not parsed again` };
      await this.writer.failure(path, sha256, failure);
      return this.failed(path, failure);
    }
    const outcome = await this.pool.parse(path, bytes, {
      alone: strikes === 1,
      onStart: () => this.journal.start(sha256, path),
      onEnd: () => this.journal.end(sha256, path),
      fetched,
    });
    if (outcome.ok) {
      await this.writer.report(path, sha256, outcome);
      this.summary.parsed(outcome);
      this.progress.done(path, { ok: true });
    } else {
      await this.writer.failure(path, sha256, outcome);
      this.failed(path, outcome);
    }
  }

  /** Record an input that failed before parsing (xxgk fetch: a download that failed). */
  async failure(path: string, failure: { code: ErrorCode; message: string }): Promise<void> {
    await this.writer.failure(path, null, failure);
    this.failed(path, failure);
  }

  /** An input an earlier run recorded (as a failure?). */
  skip(path: string, status: 'ok' | 'failed'): void {
    this.skipped(path, status);
  }

  private failed(path: string, failure: { code: ErrorCode; message: string }): void {
    this.summary.failed(failure.code);
    process.send?.(FAILURE_MESSAGE);
    this.progress.done(path, { ok: false, code: failure.code, message: failure.message });
  }

  private skipped(path: string, status: 'ok' | 'failed'): void {
    this.summary.skip(status === 'failed');
    if (status === 'failed') process.send?.(FAILURE_MESSAGE);
    this.progress.done(path, { skipped: true });
  }
}

/** The --agencies file, checked before any work starts: a bad line is a usage error. */
async function readAgencyOverrides(path: string): Promise<AgencyOverrides> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`--agencies: cannot read ${path}: ${(error as Error).message}`);
  }
  const { parseAgencyOverrides } = await import('../normalize/agency/index.js');
  try {
    return parseAgencyOverrides(text);
  } catch (error) {
    throw new Error(`--agencies ${path}: ${(error as Error).message}`);
  }
}

export interface Batch {
  run: BatchRun;
  summary: Summary;
  progress: Progress;
  /** Close the pool and the writer (a last commit), stop listening for signals. */
  finish(): Promise<void>;
}

/**
 * The parse side of a batch child: crash journal, worker pool, counters and progress; on SIGINT
 * or SIGTERM it commits what is done and exits, so a rerun resumes from there.
 */
export async function startBatch(writer: OutputWriter, options: { out: string; jobs: number; timeout: number; maxMemory: number; tty: boolean; quiet?: boolean; agencies?: AgencyOverrides }): Promise<Batch> {
  const [{ CrashJournal }, { ParsePool }, { createProgress }, { Summary }] = await Promise.all([
    import('../batch/journal.js'),
    import('../batch/pool.js'),
    import('../batch/progress.js'),
    import('./summary.js'),
  ]);
  const journal = CrashJournal.open(options.out);
  for (const suspect of journal.suspects) process.stderr.write(`in flight when the last run died, parsed alone now: ${suspect.path}\n`);
  const pool = new ParsePool({ jobs: options.jobs, timeoutMs: options.timeout * 1000, maxMemoryMb: options.maxMemory, agencies: options.agencies });
  const summary = new Summary();
  const progress = createProgress({ tty: options.tty, quiet: options.quiet });
  let stopping = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    // Commit what is done, so a rerun resumes from here; the workers die with the process.
    if (stopping) return;
    stopping = true;
    progress.stop();
    journal.clear();
    process.stderr.write(`\n${signal}: stopping; a rerun into the same folder resumes\n`);
    void writer.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  const finish = async () => {
    await pool.close();
    await writer.close();
    journal.clear();
    progress.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  };
  return { run: new BatchRun(writer, pool, journal, summary, progress), summary, progress, finish };
}

/** In the parent process: lock the output folder and supervise the batch child; its exit code. */
export async function lockAndSupervise(out: string, readsStdin: boolean): Promise<number> {
  let release: () => void;
  try {
    release = lockFolder(out);
  } catch (error) {
    if (error instanceof FolderLockedError || error instanceof OutputFolderError) return usage(error.message);
    throw error;
  }
  try {
    return await supervise(readsStdin);
  } finally {
    release();
  }
}

/** In the batch child: the output folder's writer, or the exit code of a usage error. */
export async function openChildWriter(out: string, options: WriterOptions): Promise<OutputWriter | number> {
  exitWithParent();
  const { OutputWriter } = await import('../output/writer.js');
  try {
    return await OutputWriter.open(out, options);
  } catch (error) {
    if (error instanceof OutputFolderError) return usage(error.message);
    throw error;
  }
}

export function usage(message: string): number {
  process.stderr.write(`error: ${message}\n`);
  return 2;
}
