// parse options of a batch: --timeout with --retry-failed, --shard, a list on stdin, usage
// errors, and a file that crashes the whole process (not only its worker) under --max-memory.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Failure, Report } from '../../src/schema.js';
import { baseName, readJsonl, runCli, wrongCells, writeGoodReports } from './batch-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-options-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const input = join(tmp, 'in');
const good = writeGoodReports(input, [21, 22, 23, 24]);
const records = (out: string) => readJsonl<Report>(join(out, 'reports.jsonl'));
const failures = (out: string) => readJsonl<Failure>(join(out, 'failures.jsonl'));

describe('xxgk parse options', () => {
  it('stops a file at --timeout, keeps going, and parses it again only with --retry-failed', async () => {
    const out = join(tmp, 'timeout');
    const html = [21, 22, 23].map((s) => join(input, `good-${s}.html`));
    // No report parses in a millisecond: each worker is stopped and replaced.
    const first = await runCli(['parse', ...html, '-o', out, '--jobs', '2', '--timeout', '0.001']);
    expect(first.code, first.stderr).toBe(1);
    expect(failures(out).map((f) => f.code)).toEqual(['E_TIMEOUT', 'E_TIMEOUT', 'E_TIMEOUT']);

    const again = await runCli(['parse', ...html, '-o', out, '--jobs', '2']);
    expect(again.code).toBe(1);
    expect(records(out)).toEqual([]);

    const retry = await runCli(['parse', ...html, '-o', out, '--jobs', '2', '--retry-failed']);
    expect(retry.code, retry.stderr).toBe(0);
    expect(failures(out)).toEqual([]);
    expect(records(out).map((r) => baseName(r.source.path)).sort()).toEqual(['good-21.html', 'good-22.html', 'good-23.html']);
    for (const r of records(out)) expect(wrongCells(r, good.get(baseName(r.source.path))!)).toEqual([]);
  }, 60_000);

  it('splits the inputs into disjoint shards that together are all of them', async () => {
    const outs = [1, 2, 3].map((i) => join(tmp, `shard-${i}`));
    const results = await Promise.all(outs.map((out, i) => runCli(['parse', input, '-o', out, '--jobs', '1', '--shard', `${i + 1}/3`])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const names = outs.flatMap((out) => records(out).map((r) => baseName(r.source.path)));
    expect(names.length).toBe(good.size);
    expect(new Set(names)).toEqual(new Set(good.keys()));
    // Concatenated shards are a valid JSONL of all reports.
    const joined = outs.map((out) => readFileSync(join(out, 'reports.jsonl'), 'utf8')).join('');
    expect(joined.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Report).length).toBe(good.size);
  }, 60_000);

  it('reads a list of paths on stdin with -', async () => {
    const out = join(tmp, 'stdin');
    const listed = [join(input, 'good-21.html'), join(input, 'good-report.pdf'), join(tmp, 'missing.txt')];
    const result = await runCli(['parse', '-', '-o', out, '--jobs', '2'], { stdin: listed.join('\n') + '\n' });
    expect(result.code, result.stderr).toBe(1);
    expect(records(out).map((r) => r.source.path).sort()).toEqual(listed.slice(0, 2).sort());
    expect(failures(out).map((f) => [f.path, f.code])).toEqual([[listed[2], 'E_READ']]);
  }, 60_000);

  it('exits 2 on usage errors', async () => {
    const out = join(tmp, 'usage');
    expect((await runCli(['parse', input, '-o', out, '--shard', '3/2'])).code).toBe(2);
    expect((await runCli(['parse', input, '-o', out, '--shard', 'x'])).code).toBe(2);
    expect((await runCli(['parse', '-', '-', '-o', out])).code).toBe(2);
    expect((await runCli(['parse', input, '-o', out, '--timeout', '0'])).code).toBe(2);
    // A folder with run files but no manifest is another tool's: never appended to.
    const foreign = join(tmp, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'reports.jsonl'), '{}\n');
    const refused = await runCli(['parse', input, '-o', foreign]);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(foreign, 'reports.jsonl'), 'utf8')).toBe('{}\n');
  }, 60_000);

  it('--agencies gives every worker the mapping; a bad mapping file is a usage error', async () => {
    const out = join(tmp, 'agencies');
    const file = join(tmp, 'agencies.csv');
    writeFileSync(file, 'name,agencyId\n示例市示例区示例镇人民政府,320813/示例镇\n');
    const run = await runCli(['parse', input, '-o', out, '--jobs', '2', '--agencies', file]);
    expect(run.code).toBe(0);
    const mapped = records(out).filter((r) => r.meta.agency === '示例市示例区示例镇人民政府');
    expect(mapped.length).toBeGreaterThanOrEqual(4);
    for (const r of mapped) {
      expect(r.meta).toMatchObject({ agencyId: '320813/示例镇', regionCode: '320813', regionName: '江苏省淮安市洪泽区' });
      expect(r.warnings.map((w) => w.code)).not.toContain('W_AGENCY_UNRESOLVED');
    }
    const csv = readFileSync(join(out, 'reports.csv'), 'utf8').split('\r\n');
    expect(csv.filter((l) => l.includes(',320813,江苏省淮安市洪泽区,320813/示例镇,')).length).toBe(mapped.length);
    // Without the mapping the same name resolves to nothing, and says so.
    const plain = join(tmp, 'agencies-none');
    await runCli(['parse', join(input, 'good-21.html'), '-o', plain]);
    expect(records(plain)[0].meta.agencyId).toBeNull();
    expect(records(plain)[0].warnings.map((w) => w.code)).toContain('W_AGENCY_UNRESOLVED');

    writeFileSync(file, 'name,agencyId\n只有名字\n');
    const bad = await runCli(['parse', input, '-o', join(tmp, 'agencies-bad'), '--agencies', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--agencies .*line 2/);
    expect((await runCli(['parse', input, '-o', join(tmp, 'agencies-bad'), '--agencies', join(tmp, 'missing.csv')])).code).toBe(2);
  }, 60_000);

  it('a rerun into a folder whose reports.csv has an older version\'s columns rewrites it from reports.jsonl, then appends', async () => {
    const out = join(tmp, 'older');
    expect((await runCli(['parse', join(input, 'good-21.html'), join(input, 'good-22.html'), '-o', out])).code).toBe(0);
    const header = readFileSync(join(out, 'reports.csv'), 'utf8').split('\r\n')[0];
    const old = header.replace(',meta.regionCode,meta.regionName,meta.agencyId', '');
    expect(old).not.toBe(header);
    writeFileSync(join(out, 'reports.csv'), `${old}\r\nrow of 0.1.0\r\nrow of 0.1.0\r\n`);
    const rerun = await runCli(['parse', join(input, 'good-21.html'), join(input, 'good-23.html'), '-o', out]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/reports\.csv had the columns of an older xxgk: rewritten from reports\.jsonl .*\(2 rows\)/);
    const csv = readFileSync(join(out, 'reports.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(csv[0]).toBe(header);
    expect(csv.slice(1).map((l) => l.split(',')[0].split('/').pop()).sort()).toEqual(['good-21.html', 'good-22.html', 'good-23.html']);
    expect(records(out).length).toBe(3);
  }, 60_000);

  it('survives a file that exhausts memory, even when that aborts the whole process', async () => {
    const dir = join(tmp, 'memory');
    mkdirSync(dir);
    // 46 MB of short lines: splitting them overruns a 48 MB heap in one allocation, which V8
    // cannot always turn into a worker error (nodejs/node#47224).
    writeFileSync(join(dir, 'huge.txt'), '一、总体情况 123 456 789\n'.repeat(1_500_000));
    writeFileSync(join(dir, 'good.html'), readFileSync(join(input, 'good-24.html')));
    const out = join(tmp, 'memory-out');
    const result = await runCli(['parse', dir, '-o', out, '--jobs', '2', '--max-memory', '48']);
    expect(result.code, result.stderr.slice(-3000)).toBe(1);
    expect(failures(out).map((f) => [baseName(f.path), f.code])).toEqual([['huge.txt', 'E_TOO_LARGE']]);
    expect(records(out).map((r) => baseName(r.source.path))).toEqual(['good.html']);
    expect(wrongCells(records(out)[0], good.get('good-24.html')!)).toEqual([]);
  }, 90_000);
});
