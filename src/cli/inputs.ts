// The inputs of a run: files as given, folders walked (in sorted order, so runs repeat).
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions a folder walk picks up; a file named explicitly is always read. */
export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.doc', '.pdf', '.wps']);

export async function* walkInputs(paths: string[]): AsyncGenerator<string> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      yield path; // reported as E_READ by the parse step
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path);
    else yield path;
  }
}

async function* walkFolder(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path);
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
  }
}
