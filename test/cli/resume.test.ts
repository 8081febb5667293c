// A batch killed in the middle (SIGKILL to the whole process group) and run again into the same
// folder: nothing lost, nothing twice, no partial line or file.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Failure, Report } from '../../src/schema.js';
import { baseName, readJsonl, runCli, startCli, wrongCells, writeGoodReports } from './batch-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-resume-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lineCount = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

describe('a killed batch, run again', () => {
  const input = join(tmp, 'in');
  const out = join(tmp, 'out');
  const seeds = Array.from({ length: 160 }, (_, i) => 1000 + i);
  const good = writeGoodReports(input, seeds);
  // Identical bytes under other names, and inputs that fail.
  mkdirSync(join(input, 'copies'));
  for (const name of ['good-1000.html', 'good-1001.html', 'good-report.pdf']) if (existsSync(join(input, name))) copyFileSync(join(input, name), join(input, 'copies', name));
  for (const name of ['empty-1.txt', 'empty-2.html']) writeFileSync(join(input, name), '');
  const inputs = [...good.keys(), ...readdirSync(join(input, 'copies')).map((n) => `copies/${n}`), 'empty-1.txt', 'empty-2.html'];

  it('loses, repeats and tears nothing', async () => {
    const first = startCli(['parse', input, '-o', out, '--jobs', '2']);
    const jsonl = join(out, 'reports.jsonl');
    // Kill once some records are committed, well before the end.
    const committed = () => existsSync(join(out, 'manifest.jsonl')) && readFileSync(join(out, 'manifest.jsonl'), 'utf8').includes('"commit"');
    while (lineCount(jsonl) < 25 || !committed()) {
      if (first.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(first.child.exitCode, 'the batch ended before it could be killed').toBeNull();
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.done;
    const before = lineCount(jsonl);
    expect(before).toBeLessThan(inputs.length);

    const second = await runCli(['parse', input, '-o', out, '--jobs', '2', '--quiet']);
    expect(second.code, second.stderr.slice(-2000)).toBe(1); // the empty files
    expect(second.stderr).toMatch(/skipped [1-9]\d* already done/);
    // Only the files in workers at the kill are suspects (parsed alone), at most one per job.
    expect(second.stderr.match(/in flight when the last run died/g)?.length ?? 0).toBeLessThanOrEqual(2);

    const reports = readJsonl<Report>(jsonl);
    const failures = readJsonl<Failure>(join(out, 'failures.jsonl'));
    const paths = [...reports.map((r) => r.source.path), ...failures.map((f) => f.path)].map((p) => p.slice(input.length + 1));
    expect(paths.length).toBe(new Set(paths).size);
    expect(new Set(paths)).toEqual(new Set(inputs));
    expect(failures.map((f) => f.code)).toEqual(['E_EMPTY', 'E_EMPTY']);

    // CSV: a header and one row per record (no row of a report spans lines: no newline in values).
    expect(lineCount(join(out, 'reports.csv'))).toBe(reports.length + 1);
    // One JSON file per record, each whole, each of its own input.
    const jsonFiles = readdirSync(out).filter((n) => n.endsWith('.json'));
    expect(jsonFiles.length).toBe(reports.length);
    const sources = jsonFiles.map((n) => (JSON.parse(readFileSync(join(out, n), 'utf8')) as Report).source.path);
    expect(new Set(sources).size).toBe(reports.length);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    for (const report of reports) {
      const name = baseName(report.source.path);
      expect(wrongCells(report, good.get(name)!), report.source.path).toEqual([]);
    }
    // Copies were recorded under their own path from the one parse of their bytes.
    const manifest = readJsonl<{ path: string; sha256: string; ms?: number }>(join(out, 'manifest.jsonl')).filter((e) => e.path);
    for (const copy of manifest.filter((e) => e.path.includes('copies'))) {
      const original = manifest.filter((e) => e.sha256 === copy.sha256);
      expect(original.length).toBe(2);
    }
  }, 110_000);

  it('a third run changes nothing and exits 1 for the failures it skipped', async () => {
    const snapshot = ['reports.jsonl', 'reports.csv', 'failures.jsonl'].map((n) => readFileSync(join(out, n), 'utf8'));
    const third = await runCli(['parse', input, '-o', out, '--jobs', '2', '--quiet']);
    expect(third.code, third.stderr).toBe(1);
    expect(third.stderr).toContain(`parsed 0, failed 0, skipped ${inputs.length} already done (2 of them failed`);
    expect(['reports.jsonl', 'reports.csv', 'failures.jsonl'].map((n) => readFileSync(join(out, n), 'utf8'))).toEqual(snapshot);
  }, 60_000);
});
