// Shared by the batch tests: run the built CLI as a child process, write good reports, read outputs.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellAt } from '../../src/cell-keys.js';
import type { Report } from '../../src/schema.js';
import { FIXTURES, ROOT } from '../helpers.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec, reportHtml } from '../../scripts/fixtures/report.mjs';

export const BIN = join(ROOT, 'bin', 'xxgk.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Start `xxgk <args>` in its own process group (so a test can kill the batch and its child). */
export function startCli(args: string[], options: { stdin?: string } = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, detached: true, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.end(options.stdin ?? '');
  const done = new Promise<CliResult>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

export const runCli = (args: string[], options: { stdin?: string } = {}) => startCli(args, options).done;

export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  if (text && !text.endsWith('\n')) throw new Error(`${path} ends in a partial line`);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

export interface Good {
  /** File name → the numbers every cell must hold. */
  expected: Map<string, Record<string, number | null>>;
}

/**
 * Good reports of every format into dir: HTML from seeds, and the committed text, DOCX and PDF
 * fixtures whose seeds their manifests record. Returns name → expected cell values.
 */
export function writeGoodReports(dir: string, htmlSeeds: number[]): Map<string, Record<string, number | null>> {
  mkdirSync(dir, { recursive: true });
  const expected = new Map<string, Record<string, number | null>>();
  for (const seed of htmlSeeds) {
    const spec = makeSpec(seed);
    writeFileSync(join(dir, `good-${seed}.html`), reportHtml(spec));
    expected.set(`good-${seed}.html`, spec.expected);
  }
  const fixture = (folder: string, file: string, seed: number, overrides: Record<string, unknown> = {}) => {
    const source = join(FIXTURES, folder, file);
    if (!existsSync(source)) return;
    copyFileSync(source, join(dir, `good-${file}`));
    expected.set(`good-${file}`, makeSpec(seed, overrides).expected);
  };
  fixture('text', 'tika-chinese.txt', 101, { numbering: 'chinese' });
  fixture('docx', 'template-full.docx', 101);
  fixture('doc', 'template-full.doc', 101);
  fixture('doc', 'template-full.wps', 101);
  fixture('pdf', 'report.pdf', 1);
  return expected;
}

/** The cells of a record that differ from the expected numbers (all of them, or only those read). */
export function wrongCells(report: Report, expected: Record<string, number | null>, onlyRead = false): string[] {
  const wrong: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const actual = cellAt(report.tables, key)?.value ?? null;
    if (onlyRead && actual === null) continue;
    if (actual !== value) wrong.push(`${key}: ${actual} ≠ ${value}`);
  }
  return wrong;
}

export const baseName = (path: string) => path.split(/[\\/]/).pop()!;
