// A pool of parse workers, one file per worker at a time, each file under a time limit and a
// heap limit. A file that runs over its time has its worker terminated (piscina terminates the
// thread of a running task whose signal aborts, which stops even a synchronous runaway loop) and
// a fresh worker takes the slot; a worker that runs out of heap dies and is replaced the same way.
import v8 from 'node:v8';
import { MessageChannel } from 'node:worker_threads';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { AgencyOverrides } from '../normalize/agency/index.js';
import type { FailedOutcome, ParseOutcome, ParseTask } from './protocol.js';

export interface PoolOptions {
  jobs: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  /** Per-worker old-generation heap limit in megabytes. */
  maxMemoryMb: number;
  /** A user's agency mapping, given to every worker once (as its workerData). */
  agencies?: AgencyOverrides;
}

/** What every parse worker starts with. */
export interface WorkerSetup {
  agencies: [string, string][];
}

const STARTUP_GRACE_MS = 60_000;
/** V8's default (66 KB of bytecode executed between tier-up checks) times 8. */
const INTERRUPT_BUDGET = 8 * 67_584;

export interface ParseOptions {
  /** Parse no other file meanwhile. */
  alone?: boolean;
  /** Called as the file is handed to a worker, and when its worker is done with it. */
  onStart?: () => void;
  onEnd?: () => void;
  /** Fetched bytes: their provenance and Content-Type, passed to the worker. */
  fetched?: Pick<ParseTask, 'fetched' | 'contentType'>;
}

export const WORKER_FILE = new URL('./worker.js', import.meta.url);

export class ParsePool {
  private readonly piscina: Piscina;
  // Tasks enter piscina only when a worker is free, so a file's clock starts when it is
  // handed to a worker, not while it waits in a queue.
  private readonly slots: PQueue;

  constructor(private readonly options: PoolOptions) {
    // V8 flags for the parse workers (process-wide; an isolate reads them as it starts). V8's
    // default young generation, whatever the process started with (supervise.ts starts it
    // small). And eight times V8's default interrupt budget: a function is optimized only once it
    // has run hot for longer, so workers compile far less for short-lived hot spots while they
    // warm up; measured, a cold 96-file batch of office reports takes 30% less CPU, 2,000 files 7%.
    v8.setFlagsFromString('--max-semi-space-size=0');
    v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    this.piscina = new Piscina({
      filename: WORKER_FILE.href,
      // Workers start as files arrive: a run of one file starts one worker.
      minThreads: 0,
      maxThreads: options.jobs,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60 * 60 * 1000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
      workerData: { agencies: [...(options.agencies ?? [])] } satisfies WorkerSetup,
    });
    this.slots = new PQueue({ concurrency: options.jobs });
  }

  // Closed while a file runs alone.
  private gate: Promise<void> = Promise.resolve();

  /**
   * Parse one file's bytes; never rejects: every failure comes back as an outcome. With alone,
   * no other file is parsed meanwhile (a suspect of a crash: if it crashes again, it did it).
   */
  async parse(path: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseOutcome> {
    if (!options.alone) {
      await this.gate;
      return this.slots.add(() => this.run(path, bytes, options)) as Promise<ParseOutcome>;
    }
    const previous = this.gate;
    let open!: () => void;
    this.gate = new Promise((resolve) => (open = resolve));
    try {
      await previous;
      while (this.slots.size > 0 || this.slots.pending > 0) await this.slots.onIdle();
      return await this.run(path, bytes, options);
    } finally {
      open();
    }
  }

  private async run(path: string, bytes: Uint8Array, hooks: ParseOptions): Promise<ParseOutcome> {
    hooks.onStart?.();
    try {
      return await this.runTask(path, bytes, hooks.fetched);
    } finally {
      hooks.onEnd?.();
    }
  }

  private async runTask(path: string, bytes: Uint8Array, fetched: ParseOptions['fetched']): Promise<ParseOutcome> {
    const controller = new AbortController();
    const channel = new MessageChannel();
    let started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    // A fresh worker first loads its modules (a second or more); the clock starts when the
    // worker begins the file. The outer limit only guards against a worker that never starts.
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), ms);
    };
    arm(this.options.timeoutMs + STARTUP_GRACE_MS);
    channel.port1.once('message', () => {
      started = Date.now();
      arm(this.options.timeoutMs);
    });
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    const task: ParseTask = { path, bytes: owned, started: channel.port2, ...fetched };
    try {
      return (await this.piscina.run(task, { signal: controller.signal, transferList: [owned.buffer as ArrayBuffer, channel.port2] })) as ParseOutcome;
    } catch (error) {
      return workerFailure(error, this.options, Date.now() - started);
    } finally {
      clearTimeout(timer);
      channel.port1.close();
    }
  }

  async close(): Promise<void> {
    await this.slots.onIdle();
    await this.piscina.destroy();
  }
}

function workerFailure(error: unknown, options: PoolOptions, ms: number): FailedOutcome {
  const e = error as { name?: string; code?: string; message?: string };
  if (e?.name === 'AbortError')
    return { ok: false, code: 'E_TIMEOUT', message: `parsing took longer than ${options.timeoutMs / 1000} s; the worker was stopped`, ms };
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return { ok: false, code: 'E_TOO_LARGE', message: `parsing needed more than ${options.maxMemoryMb} MB of memory; the worker was stopped`, ms };
  return { ok: false, code: 'E_INTERNAL', message: `the parse worker failed: ${e?.message ?? String(error)}`, ms };
}
