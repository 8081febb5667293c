// compare over the real reports in ../shared/corpus (never copied here). Two kinds of test:
// - ids set by hand on the parsed records: the grouping, the continuity rule and the flags on real
//   numbers, whatever the agency resolver does;
// - the reports as files, through `xxgk parse` and the agency resolver.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCompare } from '../../src/compare/run.js';
import { resolveAgency } from '../../src/normalize/agency/index.js';
import { parseFile } from '../../src/pipeline.js';
import { HAS_CORPUS, NO_CORPUS, SHARED } from '../helpers.js';
import { readCsv } from './csv-read.js';

const REAL = join(SHARED, 'corpus', 'real');
const CRAWLED = join(SHARED, 'corpus', 'crawled');
const HZQ = ['hzq2023_working.pdf', 'hzq2024_working.pdf'].map((f) => join(REAL, f));
const SHANGHAI = ['2019年上海市人民政府办公厅政府信息公开工作年度报告.html', 'shanghai-office-sample-source.md'].map((f) => join(REAL, f));

const tmp = () => mkdtempSync(join(tmpdir(), 'xxgk-compare-corpus-'));

/** Parse files and give every record the same agency id by hand; compare the JSONL. */
async function compareByHand(files: string[], agencyId: string, regionCode: string) {
  const dir = tmp();
  const lines: string[] = [];
  for (const file of files) {
    const report = await parseFile(file);
    Object.assign(report.meta, { agencyId, regionCode, regionName: null });
    lines.push(JSON.stringify(report));
  }
  writeFileSync(join(dir, 'reports.jsonl'), lines.join('\n') + '\n');
  await runCompare([join(dir, 'reports.jsonl')], { out: join(dir, 'out') });
  return (name: string) => readCsv(join(dir, 'out', name)).rows;
}

async function compareFiles(files: string[], filters: { agency?: string } = {}) {
  const dir = tmp();
  const result = await runCompare(files, { out: join(dir, 'out'), ...filters });
  return { result, csv: (name: string) => readCsv(join(dir, 'out', name)).rows };
}

/** The rule holds where it can be read: 2023's 结转下年度 against 2024's 上年结转, seven columns. */
function expectHzqContinuity(rows: Record<string, string>[]) {
  expect(rows.map((r) => [r.fromYear, r.toYear, r.column])).toEqual(
    ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => ['2023', '2024', c]),
  );
  for (const r of rows) expect(r.ok).toBe(r.carriedForward === r.carriedOver ? 'true' : 'false');
  expect(rows.every((r) => r.ok !== '')).toBe(true);
}

describe.skipIf(!HAS_CORPUS)(`compare on the real reports (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  it('洪泽区 2023 and 2024 (PDF), ids by hand: one agency, two years, continuity evaluated, 2023 flagged small-n and checks-failed', async () => {
    const csv = await compareByHand(HZQ, '320813/人民政府', '320813');
    expect(csv('panel.csv').map((r) => [r.agencyId, r.year, r.checksFailed, r['indicator.processed']])).toEqual([
      ['320813/人民政府', '2023', '2', '21'],
      ['320813/人民政府', '2024', '0', '95'],
    ]);
    expectHzqContinuity(csv('continuity.csv'));
    expect(csv('changes.csv').find((r) => r.key === 'indicator.processed')).toMatchObject({ from: '21', to: '95', change: '74', flags: 'checks-failed small-n' });
  });

  it('上海市人民政府办公厅 2019 (HTML, 2019 template) and 2025 (text, 2021 template), ids by hand: every change flagged template-changed', async () => {
    const csv = await compareByHand(SHANGHAI, '310000/人民政府办公厅', '310000');
    expect(csv('panel.csv').map((r) => [r.year, r.templateVersion])).toEqual([['2019', '2019'], ['2025', '2021']]);
    const changes = csv('changes.csv');
    expect(changes.length).toBeGreaterThan(50);
    expect(changes.every((r) => r.flags.split(' ').includes('template-changed'))).toBe(true);
    expect(changes.find((r) => r.key === 'applications.newReceived.total')).toMatchObject({ from: '859', to: '1295', change: '436' });
    expect(csv('continuity.csv')).toEqual([]); // 2019 and 2025 are not consecutive
  });

  describe('through xxgk parse and the agency resolver', () => {
    it('洪泽区: the two PDFs group as one agency with region code 320813', async () => {
      const { csv } = await compareFiles(HZQ);
      const panel = csv('panel.csv');
      expect(panel.map((r) => [r.year, r.regionCode])).toEqual([['2023', '320813'], ['2024', '320813']]);
      expect(new Set(panel.map((r) => r.agencyId)).size).toBe(1);
      expectHzqContinuity(csv('continuity.csv'));
    });

    it('上海市人民政府办公厅: 2019 and 2025 group across the two templates, with template-changed flags', async () => {
      const { csv } = await compareFiles(SHANGHAI);
      const panel = csv('panel.csv');
      expect(panel.map((r) => [r.year, r.templateVersion, r.regionCode])).toEqual([['2019', '2019', '310000'], ['2025', '2021', '310000']]);
      expect(new Set(panel.map((r) => r.agencyId)).size).toBe(1);
      expect(csv('changes.csv').every((r) => r.flags.includes('template-changed'))).toBe(true);
    });

    it('平潭综合实验区 2017 (free-form) and 2019–2025 (crawled pages and one-line texts): one agency, one row a year', async () => {
      const id = resolveAgency('平潭综合实验区').value.agencyId!;
      const { csv } = await compareFiles([CRAWLED], { agency: id });
      const panel = csv('panel.csv');
      expect(panel.map((r) => r.year)).toEqual(['2017', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
      expect(new Set(panel.map((r) => r.agencyId))).toEqual(new Set([id]));
      // 2024 is there twice (page and text): one chosen, their disagreements listed, never averaged.
      for (const c of csv('conflicts.csv')) expect(c.year).toBe('2024');
    });
  });
});
