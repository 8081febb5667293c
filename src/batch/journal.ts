// DIR/inflight.jsonl and DIR/crashes.jsonl: which files were being parsed when the process died.
// A worker's heap limit is best effort: some allocation shapes (one huge array or string split)
// abort the whole process instead of the worker (nodejs/node#47224). So every parse is journaled
// at its start and end with synchronous appends (they survive an abort); on the next start the
// files that started and never ended are the suspects, and each gets a strike in crashes.jsonl.
// A file with one strike is parsed alone, so a second crash convicts it; with two it is recorded
// as E_TOO_LARGE without being parsed again.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const INFLIGHT = 'inflight.jsonl';
export const CRASHES = 'crashes.jsonl';
const REWRITE_AFTER_LINES = 10_000;

const keyOf = (sha256: string, path: string) => createHash('sha1').update(`${sha256}\0${path}`).digest('base64').slice(0, 27);

interface Line {
  start?: string;
  end?: string;
  path?: string;
  sha256?: string;
}

export class CrashJournal {
  private readonly running = new Map<string, string>();
  private lines = 0;

  private constructor(
    private readonly dir: string,
    private readonly strikeCounts: Map<string, number>,
    /** Files in flight when the previous run died, now struck once more. */
    readonly suspects: { path: string; sha256: string }[],
  ) {}

  static open(dir: string): CrashJournal {
    const strikes = new Map<string, number>();
    const crashes = join(dir, CRASHES);
    for (const line of readLines(crashes)) if (line.start) strikes.set(line.start, (strikes.get(line.start) ?? 0) + 1);

    const started = new Map<string, Line>();
    for (const line of readLines(join(dir, INFLIGHT))) {
      if (line.start) started.set(line.start, line);
      else if (line.end) started.delete(line.end);
    }
    const suspects = [...started.values()].map((l) => ({ path: l.path!, sha256: l.sha256! }));
    if (suspects.length > 0) {
      appendFileSync(crashes, [...started.values()].map((l) => JSON.stringify(l) + '\n').join(''));
      for (const key of started.keys()) strikes.set(key, (strikes.get(key) ?? 0) + 1);
    }
    writeFileSync(join(dir, INFLIGHT), '');
    return new CrashJournal(dir, strikes, suspects);
  }

  /** How many runs died while these bytes under this path were being parsed. */
  strikes(sha256: string, path: string): number {
    return this.strikeCounts.get(keyOf(sha256, path)) ?? 0;
  }

  start(sha256: string, path: string): void {
    const key = keyOf(sha256, path);
    const line = JSON.stringify({ start: key, path, sha256 }) + '\n';
    this.running.set(key, line);
    this.append(line);
  }

  end(sha256: string, path: string): void {
    const key = keyOf(sha256, path);
    this.running.delete(key);
    this.append(JSON.stringify({ end: key }) + '\n');
  }

  /** A clean stop (end of run, Ctrl-C): nothing is in flight that could have crashed us. */
  clear(): void {
    this.running.clear();
    writeFileSync(join(this.dir, INFLIGHT), '');
  }

  private append(line: string): void {
    const path = join(this.dir, INFLIGHT);
    if (++this.lines < REWRITE_AFTER_LINES) return appendFileSync(path, line);
    // Keep the journal small: only the files still running.
    writeFileSync(`${path}.tmp`, [...this.running.values()].join(''));
    renameSync(`${path}.tmp`, path);
    this.lines = this.running.size;
  }
}

function readLines(path: string): Line[] {
  if (!existsSync(path)) return [];
  const lines: Line[] = [];
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (!text) continue;
    try {
      lines.push(JSON.parse(text) as Line);
    } catch {
      // a torn last line: the process died while writing it
    }
  }
  return lines;
}
