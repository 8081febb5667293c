// The batch runs in a child process that this one restarts when it dies of a crash (an abort
// from an out-of-memory the worker limit could not contain, nodejs/node#47224, or the kernel's
// OOM killer). The restarted child resumes from the manifest, and the crash journal isolates and
// then records the file that caused it, so one such file costs a restart, not the batch.
import { fork } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Set in the child's environment: the child does the work instead of supervising. */
export const CHILD_ENV = 'XXGK_BATCH_CHILD';
/** A file whose parse crashes the process is struck twice; a few more for unrelated crashes. */
const MAX_RESTARTS = 20;
const CRASH_SIGNALS = new Set(['SIGABRT', 'SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGKILL', 'SIGTRAP']);

export const isBatchChild = () => process.env[CHILD_ENV] === '1';

/**
 * glibc's malloc keeps the freed memory of the workers' large, short-lived buffers (pdf.js
 * streams and fonts) resident in per-thread arenas, and its adaptive mmap threshold sends ever
 * larger buffers there. A fixed threshold (a buffer over 64 KB gets its own mapping, returned when
 * freed) and two arenas: about 20 MB less at the peak of 2,500 PDFs, no CPU cost measured. Other
 * C libraries ignore these; the user's own settings win.
 */
const MALLOC_TUNING = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };

/** How the batch child is started: its environment and Node flags. */
export function childLaunch(env: NodeJS.ProcessEnv, execArgv: readonly string[]): { env: NodeJS.ProcessEnv; execArgv: string[] } {
  return {
    env: { ...MALLOC_TUNING, ...env, [CHILD_ENV]: '1' },
    // The child's own thread only routes files and writes outputs: a 1 MB young generation
    // (V8's default grows to 16 MB, all of it resident) costs it nothing measurable and saves
    // about 15 MB. Its parse workers get V8's default back (pool.ts).
    execArgv: [...execArgv, '--max-semi-space-size=1'],
  };
}

/** Message a child sends when it records a failure, so the exit code survives a restart. */
export const FAILURE_MESSAGE = 'failure';

export async function supervise(readsStdin: boolean): Promise<number> {
  // A list on stdin can be read once only; keep it in a file every child reads from the start.
  let listDir: string | undefined;
  let stdin: number | 'inherit' = 'inherit';
  if (readsStdin) {
    listDir = mkdtempSync(join(tmpdir(), 'xxgk-list-'));
    const list = join(listDir, 'inputs');
    await pipeline(process.stdin, createWriteStream(list));
    stdin = openSync(list, 'r');
  }
  let failures = false;
  let child: ReturnType<typeof fork> | undefined;
  const forward = (signal: NodeJS.Signals) => child?.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    for (let restarts = 0; ; restarts++) {
      child = fork(process.argv[1], process.argv.slice(2), {
        ...childLaunch(process.env, process.execArgv),
        stdio: [stdin, 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (message) => {
        if (message === FAILURE_MESSAGE) failures = true;
      });
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child!.once('exit', (c, s) => resolve([c, s])));
      const crashed = (signal && CRASH_SIGNALS.has(signal)) || code === 134;
      if (!crashed) return code === 0 && failures ? 1 : (code ?? 1);
      if (restarts >= MAX_RESTARTS) {
        process.stderr.write(`xxgk: the batch crashed ${restarts + 1} times; giving up (rerun to resume)\n`);
        return 1;
      }
      process.stderr.write(`xxgk: the batch process died (${signal ?? `exit ${code}`}); resuming, with the files in flight isolated\n`);
    }
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    if (typeof stdin === 'number') closeSync(stdin);
    if (listDir) rmSync(listDir, { recursive: true, force: true });
  }
}

/** In the child: die with the parent, so a killed batch leaves no orphan writing its folder. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(137));
  process.channel?.unref(); // the channel alone must not keep the child running at the end
}
