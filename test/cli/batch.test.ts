// The real CLI over ≥ 200 hostile files mixed with good reports of every format: the batch
// survives, every bad file is a failure with its code, every good file parses right.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Failure, Report } from '../../src/schema.js';
import { baseName, readJsonl, runCli, wrongCells, writeGoodReports, type CliResult } from './batch-helpers.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec } from '../../scripts/fixtures/report.mjs';

// @ts-expect-error: a plain ES module script
const { makeHostile } = (await import('../../scripts/make-hostile.mjs')) as {
  makeHostile: (dir: string) => Promise<Record<string, { codes: string[]; seed?: number; whole?: boolean }>>;
};

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-batch-'));
const input = join(tmp, 'in');
const out = join(tmp, 'out');
let hostile: Awaited<ReturnType<typeof makeHostile>>;
let good: Map<string, Record<string, number | null>>;
let result: CliResult;
let reports: Report[];
let failures: Failure[];

beforeAll(async () => {
  hostile = await makeHostile(join(input, 'hostile'));
  good = writeGoodReports(join(input, 'good'), [1, 2, 3, 4, 5, 6]);
  // pages-500.pdf and the endless streams are the heavy cases the timeout may have to stop.
  result = await runCli(['parse', input, '-o', out, '--jobs', '2', '--timeout', '15', '--quiet']);
  reports = readJsonl<Report>(join(out, 'reports.jsonl'));
  failures = readJsonl<Failure>(join(out, 'failures.jsonl'));
}, 110_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('xxgk parse over hostile inputs', () => {
  it('survives and exits 1', () => {
    expect(Object.keys(hostile).length).toBeGreaterThanOrEqual(200);
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr.slice(-2000)).toBe(1);
    expect(result.stderr).toMatch(/parsed \d+, failed \d+/);
  });

  it('records every input exactly once', () => {
    const names = [...reports.map((r) => baseName(r.source.path)), ...failures.map((f) => baseName(f.path))];
    expect(names.length).toBe(new Set(names).size);
    expect(new Set(names)).toEqual(new Set([...Object.keys(hostile), ...good.keys()]));
  });

  it('gives every bad file its expected code', () => {
    const outcome = new Map<string, string>([...failures.map((f) => [baseName(f.path), f.code] as const), ...reports.map((r) => [baseName(r.source.path), 'parsed'] as const)]);
    const wrong = Object.entries(hostile)
      .filter(([name, e]) => !e.codes.includes(outcome.get(name)!))
      .map(([name, e]) => `${name}: ${outcome.get(name)} not in ${e.codes.join('|')}`);
    expect(wrong).toEqual([]);
    // The unambiguous ones, by name.
    expect(outcome.get('empty.pdf')).toBe('E_EMPTY');
    expect(outcome.get('zip-bomb.docx')).toBe('E_TOO_LARGE');
    expect(outcome.get('entity-bomb.docx')).toBe('E_CORRUPT');
    expect(outcome.get('encrypted-encrypted-user.pdf')).toBe('E_ENCRYPTED');
    expect(outcome.get('nested-100k.html')).toBe('E_NOT_A_REPORT');
    expect(outcome.get('nested-100k-report.html')).toBe('parsed');
    for (const name of Object.keys(hostile).filter((n) => n.startsWith('random-'))) expect(['E_UNSUPPORTED_FORMAT', 'E_CORRUPT']).toContain(outcome.get(name));
  });

  it('reads hostile files that a tolerant parser recovers without inventing numbers', () => {
    for (const report of reports) {
      const name = baseName(report.source.path);
      const e = hostile[name];
      if (!e) continue;
      expect(e.seed, name).toBeDefined();
      expect(wrongCells(report, makeSpec(e.seed).expected, !e.whole), name).toEqual([]);
    }
  });

  it('parses every good file right', () => {
    expect(good.size).toBeGreaterThanOrEqual(7);
    for (const [name, expected] of good) {
      const report = reports.find((r) => baseName(r.source.path) === name);
      expect(report, `${name}: ${failures.find((f) => baseName(f.path) === name)?.message}`).toBeDefined();
      expect(wrongCells(report!, expected), name).toEqual([]);
    }
  });
});
