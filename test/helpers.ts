// Shared by tests: fixture manifests, the spec a fixture was made from, and the shared corpus.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ALL_CELL_KEYS, cellAt } from '../src/cell-keys.js';
import type { Report } from '../src/schema.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec } from '../scripts/fixtures/report.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** Real reports and hand-read answers live beside the repository, never in it. */
export const SHARED = join(ROOT, '..', 'shared');
export const HAS_CORPUS = existsSync(join(SHARED, 'corpus'));
export const NO_CORPUS = 'skipped: no ../shared corpus';

export interface FixtureEntry {
  file: string;
  style?: string;
  seed?: number;
  overrides?: Record<string, unknown>;
  /** Column widths of table 三 in a narrow-column layout fixture. */
  widths?: number[];
  /** Printed by (layout text): chromium, or LibreOffice where absent. */
  printer?: string;
  /** Some cells cannot be read (left empty with a warning): not checked cell by cell. */
  partial?: boolean;
}

export function manifest(folder: string, name = 'manifest.json'): FixtureEntry[] {
  const path = join(FIXTURES, folder, name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : [];
}

export interface Spec {
  agency: string;
  year: number;
  published: string;
  values: Record<string, string>;
  expected: Record<string, number | null>;
}

export function specOf(entry: FixtureEntry): Spec {
  return makeSpec(entry.seed, entry.overrides ?? {});
}

/** Cells whose value differs from the spec: [] when the record is right. */
export function wrongCells(report: Report, spec: Spec): string[] {
  return Object.entries(spec.expected)
    .filter(([key, expected]) => (cellAt(report.tables, key)?.value ?? null) !== expected)
    .map(([key, expected]) => `${key}: expected ${expected}, got ${cellAt(report.tables, key)?.value ?? null}`);
}

export { ALL_CELL_KEYS, cellAt };
