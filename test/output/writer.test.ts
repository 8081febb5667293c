// The output folder across runs: appends without duplicates, cuts torn and uncommitted lines,
// writes the CSV header once, names JSON files from the folder, forgets failures on retry.
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvHeader, csvRow } from '../../src/output/csv.js';
import { parseFile } from '../../src/pipeline.js';
import { FIXTURES } from '../helpers.js';
import { OutputFolderError, OutputWriter, type RecordText } from '../../src/output/writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-writer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (c: string) => c.repeat(64);
/** A stand-in record: the writer treats records as text, except source.{path,sha256} in the JSON. */
const record = (path: string, sha256: string): RecordText => {
  const json = JSON.stringify({ source: { path, sha256 } });
  return { format: 'html', json: json + '\n', line: json + '\n', csv: `${path}\r\n`, ms: 5 };
};
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('OutputWriter', () => {
  it('appends across runs, with one CSV header, and skips what is recorded', async () => {
    const dir = join(tmp, 'append');
    let w = await OutputWriter.open(dir);
    await w.report('a/x.html', sha('a'), record('a/x.html', sha('a')));
    await w.failure('b.pdf', sha('b'), { code: 'E_CORRUPT', message: 'bad' });
    await w.close();
    w = await OutputWriter.open(dir);
    expect(w.status(sha('a'), 'a/x.html')).toBe('ok');
    expect(w.status(sha('b'), 'b.pdf')).toBe('failed');
    expect(w.status(sha('a'), 'other/x.html')).toBeUndefined();
    expect(w.prior(sha('a'))).toEqual({ json: 'x.json' });
    await w.report('c.html', sha('c'), record('c.html', sha('c')));
    await w.close();
    expect(lines(join(dir, 'reports.jsonl')).length).toBe(2);
    expect(readFileSync(join(dir, 'reports.csv'), 'utf8')).toBe(csvHeader() + 'a/x.html\r\nc.html\r\n');
    expect(lines(join(dir, 'failures.jsonl')).length).toBe(1);
  });

  it('cuts lines written after the last commit and a torn last line', async () => {
    const dir = join(tmp, 'torn');
    let w = await OutputWriter.open(dir);
    await w.report('a.html', sha('a'), record('a.html', sha('a')));
    await w.close();
    const committed = ['reports.jsonl', 'reports.csv', 'manifest.jsonl'].map((n) => readFileSync(join(dir, n), 'utf8'));
    // What a killed run leaves: a whole line never committed, then half a line.
    appendFileSync(join(dir, 'reports.jsonl'), '{"source":{"path":"b.html"}}\n{"sour');
    appendFileSync(join(dir, 'reports.csv'), 'b.html\r\nc.ht');
    appendFileSync(join(dir, 'manifest.jsonl'), '{"sha256":"' + sha('b') + '","path":"b.html","status":"ok","json":"b.json"}\n{"comm');
    w = await OutputWriter.open(dir);
    expect(w.status(sha('b'), 'b.html')).toBeUndefined();
    await w.close();
    expect(['reports.jsonl', 'reports.csv', 'manifest.jsonl'].map((n) => readFileSync(join(dir, n), 'utf8'))).toEqual(committed);
  });

  it('names JSON files <base>, then <base>-<sha8>, then with a path hash, and again the same on a rerun', async () => {
    const dir = join(tmp, 'names');
    const w = await OutputWriter.open(dir);
    await w.report('a/报告.pdf', sha('a'), record('a/报告.pdf', sha('a')));
    await w.report('b/报告.pdf', sha('b'), record('b/报告.pdf', sha('b')));
    await w.report('c/报告.pdf', sha('b'), record('c/报告.pdf', sha('b')));
    await w.report('a/报告.pdf', sha('a'), record('a/报告.pdf', sha('a')));
    await w.close();
    const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
    expect(names.length).toBe(3);
    expect(names).toContain('报告.json');
    expect(names).toContain(`报告-${'b'.repeat(8)}.json`);
    expect(names.find((n) => n.startsWith(`报告-${'b'.repeat(8)}-`))).toBeDefined();
    expect(JSON.parse(readFileSync(join(dir, '报告.json'), 'utf8')).source.path).toBe('a/报告.pdf');
  });

  it('declines to copy a record whose JSON file is gone (the input is then parsed again)', async () => {
    // Copies of real records are covered end to end in test/cli/resume.test.ts.
    const dir = join(tmp, 'copy');
    const w = await OutputWriter.open(dir);
    expect(await w.copy('b.html', sha('a'), 'missing.json')).toBeUndefined();
    await w.close();
  });

  it('forgets failures with retryFailed', async () => {
    const dir = join(tmp, 'retry');
    let w = await OutputWriter.open(dir);
    await w.report('a.html', sha('a'), record('a.html', sha('a')));
    await w.failure('b.pdf', sha('b'), { code: 'E_TIMEOUT', message: 'slow' });
    await w.close();
    w = await OutputWriter.open(dir, { retryFailed: true });
    expect(w.status(sha('b'), 'b.pdf')).toBeUndefined();
    expect(w.status(sha('a'), 'a.html')).toBe('ok');
    await w.close();
    expect(readFileSync(join(dir, 'failures.jsonl'), 'utf8')).toBe('');
    expect(lines(join(dir, 'reports.jsonl')).length).toBe(1);
  });

  it('refuses a folder with run files and no manifest', async () => {
    const dir = join(tmp, 'foreign');
    await OutputWriter.open(dir).then((w) => w.close());
    rmSync(join(dir, 'manifest.jsonl'));
    await expect(OutputWriter.open(dir)).rejects.toBeInstanceOf(OutputFolderError);
    // Committed rows under another header, over lines that are no records to rewrite it from: never appended to.
    const other = join(tmp, 'other-columns');
    const w = await OutputWriter.open(other);
    await w.report('a.html', sha('a'), record('a.html', sha('a')));
    await w.close();
    const csv = readFileSync(join(other, 'reports.csv'), 'utf8');
    writeFileSync(join(other, 'reports.csv'), 'S' + csv.slice(1));
    await expect(OutputWriter.open(other)).rejects.toBeInstanceOf(OutputFolderError);
  });

  it('rewrites a reports.csv an older version wrote (other columns) from reports.jsonl, filling the agency identity', async () => {
    const dir = join(tmp, 'old-version');
    // A record as xxgk 0.1.0 wrote it: no regionCode, regionName, agencyId in meta.
    const report = await parseFile(join(FIXTURES, 'html', 'template-full.html'));
    const old = { ...report, meta: { ...report.meta, agency: '淮安市洪泽区人民政府' } } as Record<string, any>;
    for (const key of ['regionCode', 'regionName', 'agencyId']) delete old.meta[key];
    const json = JSON.stringify(old);
    let w = await OutputWriter.open(dir);
    await w.report('a.html', report.source.sha256, { format: 'html', json, line: json + '\n', csv: 'row\r\n' });
    await w.close();
    const oldColumns = CSV_COLUMNS.filter((c) => !['meta.regionCode', 'meta.regionName', 'meta.agencyId'].includes(c));
    writeFileSync(join(dir, 'reports.csv'), oldColumns.join(',') + '\r\nold row\r\n');

    w = await OutputWriter.open(dir);
    expect(w.rebuiltRows).toBe(1);
    await w.report('b.html', sha('b'), record('b.html', sha('b')));
    await w.close();
    const rows = readFileSync(join(dir, 'reports.csv'), 'utf8').split('\r\n');
    expect(rows[0] + '\r\n').toBe(csvHeader());
    expect(rows[0].startsWith('source.path,meta.agency,meta.regionCode,meta.regionName,meta.agencyId,meta.year')).toBe(true);
    expect(rows[1]).toBe(csvRow({ ...report, meta: { ...report.meta, agency: '淮安市洪泽区人民政府', regionCode: '320813', regionName: '江苏省淮安市洪泽区', agencyId: '320813/人民政府' } }).trimEnd());
    expect(rows[2]).toBe('b.html');
    // Committed: the next run neither rewrites nor cuts it.
    const before = readFileSync(join(dir, 'reports.csv'), 'utf8');
    w = await OutputWriter.open(dir);
    expect(w.rebuiltRows).toBe(0);
    await w.close();
    expect(readFileSync(join(dir, 'reports.csv'), 'utf8')).toBe(before);
  });

  it('rewrites a reports.csv begun before the figure columns existed, keeping every row', async () => {
    const dir = join(tmp, 'old-header-figures');
    const report = await parseFile(join(FIXTURES, 'html', 'template-full.html'));
    const json = JSON.stringify(report);
    let w = await OutputWriter.open(dir);
    await w.report('a.html', report.source.sha256, { format: 'html', json, line: json + '\n', csv: csvRow(report) });
    await w.close();
    const oldColumns = CSV_COLUMNS.filter((c) => !c.startsWith('figures.'));
    writeFileSync(join(dir, 'reports.csv'), oldColumns.join(',') + '\r\nold row\r\n');
    w = await OutputWriter.open(dir);
    expect(w.rebuiltRows).toBe(1);
    await w.close();
    const rows = readFileSync(join(dir, 'reports.csv'), 'utf8').split('\r\n');
    expect(rows[0] + '\r\n').toBe(csvHeader());
    expect(rows[1]).toBe(csvRow(report).trimEnd());
  });

  it('a crash after the rewritten CSV was committed but before it replaced the old one: the next run rewrites again', async () => {
    const dir = join(tmp, 'old-version-crash');
    const report = await parseFile(join(FIXTURES, 'html', 'template-full.html'));
    const json = JSON.stringify(report);
    let w = await OutputWriter.open(dir);
    await w.report('a.html', report.source.sha256, { format: 'html', json, line: json + '\n', csv: csvRow(report) });
    await w.close();
    const good = readFileSync(join(dir, 'reports.csv'), 'utf8');
    // The old file still in place, the manifest already naming the new length.
    writeFileSync(join(dir, 'reports.csv'), 'old,header\r\n' + 'x'.repeat(good.length) + '\r\n');
    appendFileSync(join(dir, 'manifest.jsonl'), JSON.stringify({ commit: { 'reports.jsonl': Buffer.byteLength(json) + 1, 'reports.csv': Buffer.byteLength(good), 'failures.jsonl': 0 } }) + '\n');
    w = await OutputWriter.open(dir);
    expect(w.rebuiltRows).toBe(1);
    await w.close();
    expect(readFileSync(join(dir, 'reports.csv'), 'utf8')).toBe(good);
  });
});
