// The inputs of a run, streamed: files as given, folders walked one directory at a time (in
// sorted order, so runs repeat), and with "-" a list of paths read line by line from stdin.
// Nothing is collected: a walk of a million files holds one directory listing per level.
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { nonReportKind, type NonReport } from '../parsers/sniff.js';

/** Extensions a folder walk picks up; a file named explicitly is always read. */
export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.doc', '.pdf', '.wps']);

export const STDIN = '-';

/** Told of each file without an extension that a walk left out as surely no report. */
export type OnNotReport = (path: string, kind: NonReport) => void;

export async function* walkInputs(paths: string[], stdin: Readable = process.stdin, onNotReport?: OnNotReport): AsyncGenerator<string> {
  for (const path of paths) {
    if (path === STDIN) {
      for await (const listed of readList(stdin)) yield* walkOne(listed, onNotReport);
    } else yield* walkOne(path, onNotReport);
  }
}

/** How many inputs the walk will yield, without stdin; cheap (directory listings only). */
export async function countInputs(paths: string[], accept: (path: string) => boolean = () => true): Promise<number> {
  let n = 0;
  for (const path of paths) {
    if (path === STDIN) continue;
    for await (const file of walkOne(path)) if (accept(file)) n++;
  }
  return n;
}

async function* walkOne(path: string, onNotReport?: OnNotReport): AsyncGenerator<string> {
  let info;
  try {
    info = await stat(path);
  } catch {
    yield path; // reported as E_READ by the parse step
    return;
  }
  if (info.isDirectory()) yield* walkFolder(path, onNotReport);
  else yield path;
}

async function* readList(input: Readable): AsyncGenerator<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const path = line.trim();
    if (path) yield path;
  }
}

async function* walkFolder(dir: string, onNotReport?: OnNotReport): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    yield dir; // an unreadable folder is reported as E_READ like an unreadable file
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path, onNotReport);
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
    else if (entry.isFile() && extname(entry.name) === '') {
      // Scraped archives save download handlers' responses (downfile.jsp?…) without a name.
      const kind = await notReport(path);
      if (kind) onNotReport?.(path, kind);
      else yield path;
    }
  }
}

const HEAD_BYTES = 4096;
const ZIP_TAIL_BYTES = 65_536;

/** Whether a file without an extension is surely no report, from a few of its bytes. */
async function notReport(path: string): Promise<NonReport | null> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return null; // reported as E_READ by the parse step
  }
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await file.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(ZIP_TAIL_BYTES, size));
    let tailRead = false;
    const readTail = async () => {
      await file.read(tail, 0, tail.length, size - tail.length);
      tailRead = true;
    };
    // A DOCX's central directory, at the end of the zip, names word/document.xml.
    if (head[0] === 0x50 && head[1] === 0x4b) await readTail();
    return nonReportKind(head, () => tailRead && (tail.includes('word/document.xml', 0, 'latin1') || head.includes('word/document.xml', 0, 'latin1')));
  } finally {
    await file.close();
  }
}
