// DIR/.xxgk.lock: one run writes an output folder at a time. A nightly cron job that overlaps the
// previous night's would otherwise interleave two runs' manifests and cut back each other's
// uncommitted lines. The supervising process holds the lock across restarts of its child; a lock
// whose process is gone (a killed run) is taken over, so a rerun resumes at once.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OutputFolderError } from './folder-error.js';

export const LOCK = '.xxgk.lock';

export class FolderLockedError extends Error {}

interface Holder {
  pid: number;
  host: string;
  started: string;
}

/** Lock `dir` for this process; returns the release function. Throws FolderLockedError when held. */
export function lockFolder(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new OutputFolderError(`cannot use ${dir} as the output folder: ${(error as Error).message}`);
  }
  const file = join(dir, LOCK);
  const me = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies Holder);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, me + '\n', { flag: 'wx' });
      return () => {
        if (readHolderText(file) === me) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && isRunning(holder))
      throw new FolderLockedError(
        `another xxgk run (pid ${holder.pid} on ${holder.host}, started ${holder.started}) is writing ${dir}; ` +
          `wait for it, or delete ${file} if no run is writing there`,
      );
    rmSync(file, { force: true }); // left by a run that was killed
  }
  throw new FolderLockedError(`could not lock ${dir}: ${file} keeps reappearing`);
}

function readHolderText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readHolderText(file) ?? '') as Holder;
    if (Number.isInteger(holder.pid) && typeof holder.host === 'string') return holder;
  } catch {
    // unreadable: being written this instant, or garbage
  }
  const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  return age < 5000 ? { pid: -1, host: hostname(), started: 'just now' } : undefined;
}

/** Whether the holder still runs; on another machine (a shared folder) it cannot be told, so yes. */
function isRunning(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === -1) return true; // a lock being written
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
