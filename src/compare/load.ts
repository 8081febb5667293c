// The inputs of compare, read into entries: parse output folders and reports.jsonl files are
// streamed line by line; report files are parsed on the way by `xxgk parse` itself into
// DIR/parsed (a normal parse output folder: resumable, and a rerun parses nothing again).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgencyOverrides } from '../normalize/agency/index.js';
import { Report } from '../schema.js';
import { toEntry, type Entry } from './entry.js';
import { identityOf } from './identity.js';

export const PARSED_FOLDER = 'parsed';
const BIN = fileURLToPath(new URL('../../bin/xxgk.js', import.meta.url));

/** Why records were left out, with a few paths of each for the message. */
export class LeftOut {
  readonly counts = new Map<string, number>();
  readonly examples = new Map<string, string[]>();

  add(reason: string, path: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    const list = this.examples.get(reason) ?? [];
    if (list.length < 3) list.push(path);
    this.examples.set(reason, list);
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  lines(): string[] {
    return [...this.counts].map(([reason, n]) => `${n} ${reason} (e.g. ${this.examples.get(reason)!.join(', ')})`);
  }
}

export const REASON = {
  invalid: 'lines that are not xxgk records',
  noAgency: 'records without an agency id (the agency name did not resolve; map it with --agencies)',
  noYear: 'records without the year they cover',
  failed: 'report files that could not be parsed (see parsed/failures.jsonl)',
} as const;

export interface LoadOptions {
  out: string;
  overrides?: AgencyOverrides;
  /** Progress lines for the user (stderr). */
  log?: (line: string) => void;
}

type Source = { kind: 'records'; path: string } | { kind: 'report'; path: string };

export function classify(input: string): Source {
  let info;
  try {
    info = statSync(input);
  } catch {
    throw new UsageError(`cannot read ${input}`);
  }
  if (info.isDirectory()) {
    const jsonl = join(input, 'reports.jsonl');
    return existsSync(jsonl) ? { kind: 'records', path: jsonl } : { kind: 'report', path: input };
  }
  return /\.jsonl?$/i.test(input) ? { kind: 'records', path: input } : { kind: 'report', path: input };
}

export class UsageError extends Error {}

/** Every entry of the inputs, and what was left out and why. */
export async function loadEntries(inputs: string[], options: LoadOptions): Promise<{ entries: Entry[]; leftOut: LeftOut; parsed: number }> {
  const entries: Entry[] = [];
  const leftOut = new LeftOut();
  const sources = inputs.map(classify);
  const add = (report: Report) => {
    const entry = toEntry(report, identityOf(report, options.overrides));
    if (entry.agencyId === null) leftOut.add(REASON.noAgency, entry.path);
    else if (entry.year === null) leftOut.add(REASON.noYear, entry.path);
    else entries.push(entry);
  };
  for (const source of sources.filter((s) => s.kind === 'records')) await readRecords(source.path, add, leftOut);

  const reports = sources.filter((s) => s.kind === 'report').map((s) => s.path);
  let parsed = 0;
  if (reports.length > 0) {
    const folder = join(options.out, PARSED_FOLDER);
    options.log?.(`parsing ${reports.length} report input(s) into ${folder}`);
    const code = await runParse(reports, folder);
    if (code === 2) throw new UsageError(`xxgk parse could not write ${folder}`);
    // The folder may hold records of earlier runs: take only those of the inputs given now.
    const given = reports.map((p) => resolve(p));
    const ours = (path: string) => given.some((g) => resolve(path) === g || resolve(path).startsWith(g + sep));
    await readRecords(join(folder, 'reports.jsonl'), (r) => ours(r.source.path) && (parsed++, add(r)), leftOut);
    const failures = await readFile(join(folder, 'failures.jsonl'), 'utf8').catch(() => '');
    const failed = new Set<string>();
    for (const line of failures.split('\n').filter(Boolean)) {
      const path = (JSON.parse(line) as { path: string }).path;
      if (ours(path)) failed.add(path);
    }
    for (const path of failed) leftOut.add(REASON.failed, path);
  }
  return { entries, leftOut, parsed };
}

async function readRecords(path: string, add: (report: Report) => void, leftOut: LeftOut): Promise<void> {
  if (!existsSync(path)) throw new UsageError(`cannot read ${path}`);
  if (/\.json$/i.test(path)) {
    const parsed = Report.safeParse(safeJson(await readFile(path, 'utf8')));
    if (parsed.success) add(parsed.data);
    else leftOut.add(REASON.invalid, path);
    return;
  }
  let n = 0;
  for await (const line of linesOf(path)) {
    n++;
    if (!line.trim()) continue;
    const parsed = Report.safeParse(safeJson(line));
    if (parsed.success) add(parsed.data);
    else leftOut.add(REASON.invalid, `${path}:${n}`);
  }
}

/** The lines of a file without their ends (LF or CRLF), as UTF-8. Records are tens of kilobytes
 * each: splitting the bytes is about four times cheaper than readline's string splitting. */
async function* linesOf(path: string): AsyncGenerator<string> {
  const text = (bytes: Buffer, start: number, end: number) => bytes.toString('utf8', start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
  let rest: Buffer | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
      yield text(bytes, start, end);
      start = end + 1;
    }
    rest = start < bytes.length ? bytes.subarray(start) : undefined;
  }
  if (rest) yield text(rest, 0, rest.length);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `xxgk parse <inputs> -o folder` as a child process: the batch layer, its isolation and resume. */
function runParse(inputs: string[], folder: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'parse', ...inputs, '-o', folder, '-q'], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? 1));
  });
}
