// The built command line, as a user runs it: outputs, exit codes, schema and eval.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/output/csv.js';
import { FIXTURES, ROOT, specOf, manifest } from '../helpers.js';

const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'xxgk.js'), ...args], { encoding: 'utf8' });

describe('xxgk parse', () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
    out = join(dir, 'out');
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    copyFileSync(join(FIXTURES, 'text', 'tika-chinese.txt'), join(dir, 'in', 'a.txt'));
    copyFileSync(join(FIXTURES, 'text', 'markdown-chinese.md'), join(dir, 'in', 'sub', 'b.md'));
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    writeFileSync(join(dir, 'in', 'notes.json'), '{}'); // not a report extension: not walked
  });

  it('writes a JSON per report, JSONL, CSV and failures, and exits 1 when an input failed', () => {
    const run = cli('parse', join(dir, 'in'), '-o', out, '--quiet');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/parsed 2, failed 1/);
    expect(run.stderr).toMatch(/E_EMPTY 1/);
    const records = readFileSync(join(out, 'reports.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.source.path).sort()).toEqual([join(dir, 'in', 'a.txt'), join(dir, 'in', 'sub', 'b.md')]);
    expect(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')).source.sha256).toBe(records.find((r) => r.source.path.endsWith('a.txt')).source.sha256);
    const failures = readFileSync(join(out, 'failures.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(failures).toEqual([{ path: join(dir, 'in', 'empty.txt'), code: 'E_EMPTY', message: expect.any(String) }]);

    const csv = readFileSync(join(out, 'reports.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0].split(',')).toEqual(CSV_COLUMNS);
    expect(csv.length).toBe(3);
    const row = csv.find((l) => l.includes('a.txt'))!.split(',');
    const spec = specOf(manifest('text').find((e) => e.file === 'tika-chinese.txt')!);
    const column = CSV_COLUMNS.indexOf('applications.newReceived.naturalPerson');
    expect(Number(row[column])).toBe(spec.expected['applications.newReceived.naturalPerson']);
    expect(row[CSV_COLUMNS.indexOf('meta.agency')]).toBe(spec.agency);
  });

  it('exits 0 when every input parsed', () => {
    expect(cli('parse', join(dir, 'in', 'a.txt'), '-o', join(dir, 'out0'), '-q').status).toBe(0);
  });

  it('exits 2 on a usage error', () => {
    expect(cli('parse', join(dir, 'in')).status).toBe(2);
    expect(cli('parse', join(dir, 'in'), '-o', out, '--jobs', 'many').status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
  });
});

describe('xxgk schema', () => {
  it('prints the JSON Schema generated from the record schema', () => {
    const run = cli('schema');
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toMatch(/json-schema/);
    expect(schema.required).toEqual(expect.arrayContaining(['source', 'meta', 'sections', 'tables', 'checks', 'warnings']));
    expect(JSON.stringify(schema)).toContain('naturalPerson');
  });
});

describe('xxgk eval', () => {
  it('scores cells, meta and broken checks, lists wrong cells, and gates with --min', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-eval-'));
    const entry = manifest('text').find((e) => e.file === 'tika-wrong-totals.txt')!;
    const spec = specOf(entry);
    copyFileSync(join(FIXTURES, 'text', entry.file), join(dir, entry.file));
    expect(cli('parse', join(dir, entry.file), '-o', join(dir, 'out'), '-q').status).toBe(0);
    mkdirSync(join(dir, 'gold'));
    const gold = { file: entry.file, meta: { agency: spec.agency, year: spec.year }, cells: spec.expected, brokenCheck: 'reviewsAndLawsuits.review: total' };
    writeFileSync(join(dir, 'gold', 'a.gold.json'), JSON.stringify(gold));
    const good = cli('eval', '--gold', join(dir, 'gold'), join(dir, 'out'), '--min', '0.995');
    expect(good.stdout).toMatch(/cells 200\/200 \(100\.00%\), agency ok, year ok/);
    expect(good.stdout).toMatch(/broken check reported ok/);
    expect(good.status).toBe(0);

    const wrong = { ...gold, cells: { ...spec.expected, 'applications.granted.total': 99999 } };
    writeFileSync(join(dir, 'gold', 'a.gold.json'), JSON.stringify(wrong));
    const bad = cli('eval', '--gold', join(dir, 'gold'), join(dir, 'out'), '--min', '1');
    expect(bad.stdout).toMatch(/applications\.granted\.total: expected 99999, got \d+/);
    expect(bad.stdout).toMatch(/overall: 199\/200/);
    expect(bad.status).toBe(1);
  });
});
