// xxgk compare as a user runs it (the built command line): outputs, filters, report files parsed
// on the way into DIR/parsed, usage errors; the terminal table; the page split beyond PAGE_LIMIT.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_LIMIT } from '../../src/compare/html/pages.js';
import { buildComparison } from '../../src/compare/model.js';
import { terminalTable } from '../../src/compare/terminal.js';
import { toEntry } from '../../src/compare/entry.js';
import { ROOT } from '../helpers.js';
import { readCsv } from './csv-read.js';
import { AGENCY, AGENCY_ID, recordOf, seriesSpecs, writeSeries } from './series.js';

const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'xxgk.js'), 'compare', ...args], { encoding: 'utf8' });

describe('xxgk compare (command line)', () => {
  let dir: string;
  let series: Awaited<ReturnType<typeof writeSeries>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-compare-cli-'));
    series = await writeSeries(join(dir, 'in'));
  });

  it('writes the six outputs and says what it read, chose and left out', () => {
    const out = join(dir, 'all');
    const run = cli(series.jsonl, '-o', out);
    expect(run.status).toBe(0);
    for (const name of ['panel.csv', 'changes.csv', 'continuity.csv', 'conflicts.csv', 'compare.md', 'compare.html']) expect(existsSync(join(out, name))).toBe(true);
    expect(run.stderr).toMatch(/6 records read; 1 agencies, 4 agency-years in the panel/);
    expect(run.stderr).toMatch(/left out: 1 records without an agency id .*orphan\.html/);
    expect(run.stderr).toMatch(/panel\.csv \(4 rows\).*conflicts\.csv \(1\)/);
  });

  it('a parse output folder is read through its reports.jsonl', () => {
    const run = cli(join(dir, 'in'), '-o', join(dir, 'folder'));
    expect(run.status).toBe(0);
    expect(readCsv(join(dir, 'folder', 'panel.csv')).rows.length).toBe(4);
  });

  it('filters by years, agency name or id, region prefix and level', () => {
    const years = (args: string[]) => {
      const out = join(dir, `f-${args.join('_').replace(/[^\w]/g, '')}-${Math.random().toString(36).slice(2, 6)}`);
      const run = cli(series.jsonl, '-o', out, ...args);
      return { status: run.status, stderr: run.stderr, years: run.status === 0 ? readCsv(join(out, 'panel.csv')).rows.map((r) => r.year) : [] };
    };
    expect(years(['--years', '2021-2022']).years).toEqual(['2021', '2022']);
    expect(years(['--years', '2022-']).years).toEqual(['2022', '2023']);
    expect(years(['--years', '2020']).years).toEqual(['2020']);
    expect(years(['--agency', '示例区']).years).toEqual(['2020', '2021', '2022', '2023']);
    expect(years(['--agency', AGENCY_ID]).years).toHaveLength(4);
    expect(years(['--region', '9901']).years).toHaveLength(4);
    expect(years(['--level', 'county']).years).toHaveLength(4);
    const none = years(['--region', '3208']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/6 records outside the filters|0 agencies/);
  });

  it('usage errors exit 2 with a message', () => {
    expect(cli(series.jsonl, '-o', join(dir, 'u1'), '--years', '2024-2021').status).toBe(2);
    expect(cli(series.jsonl, '-o', join(dir, 'u2'), '--years', 'soon').stderr).toMatch(/expected years as 2021-2024/);
    expect(cli(series.jsonl, '-o', join(dir, 'u3'), '--region', 'Jiangsu').stderr).toMatch(/--region takes a prefix/);
    expect(cli(join(dir, 'missing.jsonl'), '-o', join(dir, 'u4')).status).toBe(2);
    expect(cli(series.jsonl).status).toBe(2);
    expect(cli(series.jsonl, '-o', join(dir, 'u5'), '--level', 'village').stderr).toMatch(/--level takes one of national, provincial/);
  });

  it('report files are parsed on the way by xxgk parse into DIR/parsed, and a rerun parses nothing again', () => {
    const out = join(dir, 'files');
    const files = series.paths;
    const first = cli(...files, '-o', out);
    expect(first.stderr).toMatch(/parsing 5 report input\(s\) into/);
    expect(readFileSync(join(out, 'parsed', 'reports.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
    expect(existsSync(join(out, 'parsed', 'manifest.jsonl'))).toBe(true);
    expect(first.stderr).toMatch(/5 records read/);
    const again = cli(...files, '-o', out);
    expect(again.stderr).toMatch(/skipped 5 already done/);
    expect(again.stderr).toMatch(/5 records read/);
  });
});

describe('the terminal table', () => {
  it('shows one agency\'s indicators by year, one line each', async () => {
    const { specs } = seriesSpecs();
    const entries = [];
    for (const spec of specs) entries.push(toEntry(await recordOf(spec, `${spec.year}.html`), { agencyId: AGENCY_ID, regionCode: '990101', regionName: null }));
    const text = terminalTable(buildComparison(entries).agencies[0]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(`${AGENCY} (${AGENCY_ID})`);
    expect(lines[1].trim().split(/\s+/)).toEqual(['2020', '2021', '2022', '2023']);
    expect(lines.find((l) => l.startsWith('onTime'))!.split(/\s+/).slice(1)).toEqual(['yes', 'yes', 'no', 'yes']);
    expect(lines.find((l) => l.startsWith('disclosureRate'))).toMatch(/^disclosureRate( +\d+\.\d%){4}$/);
    expect(lines.find((l) => l.startsWith('receivedChange'))!.split(/\s+/)[1]).toBe('—');
    expect(lines).toHaveLength(2 + 15);
  });
});

describe(`beyond ${PAGE_LIMIT} agencies`, () => {
  it('writes an index page and one page per agency (worker threads in the built CLI)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-compare-pages-'));
    const { specs } = seriesSpecs();
    const record = await recordOf(specs[3], 'a.html');
    const lines: string[] = [];
    for (let i = 0; i <= PAGE_LIMIT; i++) {
      const copy = structuredClone(record);
      Object.assign(copy.meta, { agencyId: `9901${String(i).padStart(2, '0')}/局${i}`, agency: `示例局${i}` });
      copy.source.sha256 = copy.source.sha256.slice(0, 56) + i.toString(16).padStart(8, '0');
      lines.push(JSON.stringify(copy));
    }
    writeFileSync(join(dir, 'reports.jsonl'), lines.join('\n') + '\n');
    // The built command line: the pages are written by worker threads there.
    const run = cli(join(dir, 'reports.jsonl'), '-o', join(dir, 'out'));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`compare.html and ${PAGE_LIMIT + 1} agency pages`);
    const pages = readdirSync(join(dir, 'out', 'agencies'));
    expect(pages.length).toBe(PAGE_LIMIT + 1);
    const index = readFileSync(join(dir, 'out', 'compare.html'), 'utf8');
    for (const page of pages) expect(index).toContain(`agencies/${encodeURIComponent(page)}`);
    expect(index).not.toContain('<svg');
    const one = readFileSync(join(dir, 'out', 'agencies', pages[0]), 'utf8');
    expect(one).toContain('<svg');
    expect(one).toContain('href="../compare.html"');
  });
});
