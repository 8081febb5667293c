// The inputs of a run, streamed: files as given, folders walked one directory at a time (in
// sorted order, so runs repeat), and with "-" a list of paths read line by line from stdin.
// Nothing is collected: a walk of a million files holds one directory listing per level.
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Extensions a folder walk picks up; a file named explicitly is always read. */
export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.doc', '.pdf', '.wps']);

export const STDIN = '-';

export async function* walkInputs(paths: string[], stdin: Readable = process.stdin): AsyncGenerator<string> {
  for (const path of paths) {
    if (path === STDIN) {
      for await (const listed of readList(stdin)) yield* walkOne(listed);
    } else yield* walkOne(path);
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

async function* walkOne(path: string): AsyncGenerator<string> {
  let info;
  try {
    info = await stat(path);
  } catch {
    yield path; // reported as E_READ by the parse step
    return;
  }
  if (info.isDirectory()) yield* walkFolder(path);
  else yield path;
}

async function* readList(input: Readable): AsyncGenerator<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const path = line.trim();
    if (path) yield path;
  }
}

async function* walkFolder(dir: string): AsyncGenerator<string> {
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
    if (entry.isDirectory()) yield* walkFolder(path);
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
  }
}
