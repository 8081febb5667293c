// Figures from the prose of the real reports in ../shared/corpus (never copied here), and the four
// free-form reports of the crawl: each expected figure read by hand from the report's text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, cellAt } from '../src/cell-keys.js';
import { parseFile } from '../src/pipeline.js';
import type { Report } from '../src/schema.js';
import { HAS_CORPUS, NO_CORPUS, SHARED } from './helpers.js';

const figuresOf = (report: Report) =>
  Object.fromEntries(FIGURE_KEYS.flatMap((k) => (cellAt(report.figures, k)?.value ?? null) === null ? [] : [[k, cellAt(report.figures, k)?.value]]));

interface Case {
  file: string;
  figures: Record<string, number>;
  /** Soft checks: figure key → whether the prose agrees with table 三/四 (null: a table cell is empty). */
  checks?: Record<string, boolean | null>;
}

// Template-era reports: the totals they state in words.
const REAL: Case[] = [
  {
    file: '2019年上海市人民政府办公厅政府信息公开工作年度报告.html',
    // 政策解读 132 (the website) and 83 (the gazette) are both stated: no figure. 予以公开及部分公开 258 is neither key.
    figures: { 'applications.received': 859, 'applications.denied': 35, 'reviews.count': 7, 'lawsuits.count': 9 },
    checks: { 'applications.received': true, 'applications.denied': null, 'reviews.count': true, 'lawsuits.count': null },
  },
  {
    file: 'hzq2023_working.pdf',
    figures: { 'activeDisclosure.items': 1136, 'applications.received': 21, 'fees.amount': 0 },
    checks: { 'applications.received': true },
  },
  {
    file: 'hzq2024_working.pdf',
    // The prose counts what 区政府办 received for 区政府 (17); table 三 prints 95.
    figures: { 'activeDisclosure.items': 2428, 'activeDisclosure.interpretations': 7, 'applications.received': 17, 'fees.amount': 0 },
    checks: { 'applications.received': false },
  },
  {
    file: 'szfgs2024.pdf',
    // 主动公开各类政府信息5500余条 is a bound: no figure.
    figures: { 'activeDisclosure.interpretations': 21, 'applications.received': 3119, 'fees.amount': 3940, 'reviews.count': 351, 'lawsuits.count': 46 },
    checks: { 'applications.received': true, 'reviews.count': true, 'lawsuits.count': true },
  },
  {
    file: 'kewei-2024-source.md',
    // 有 1 件涉及政府信息公开工作的行政复议; 涉及的行政诉讼数为0 件 (a sentence of its own after the 行政复议 one).
    figures: {
      'activeDisclosure.interpretations': 21,
      'applications.received': 34,
      'applications.granted': 9,
      'applications.partlyGranted': 0,
      'applications.denied': 2,
      'reviews.count': 1,
      'lawsuits.count': 0,
    },
    checks: {
      'applications.received': true,
      'applications.granted': true,
      'applications.partlyGranted': true,
      'applications.denied': true,
      'reviews.count': true,
      'lawsuits.count': true,
    },
  },
  {
    file: 'shanghai-office-sample-source.md',
    // Lines wrapped in mid-sentence; 全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形 says no case was lost, not that there were none.
    figures: { 'applications.received': 1295, 'applications.denied': 20, 'fees.amount': 0 },
    checks: { 'applications.received': true, 'applications.denied': true },
  },
  {
    file: '沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt',
    // The prose counts the whole county (749); the table the 县政府 itself (713).
    figures: { 'activeDisclosure.items': 4511, 'activeDisclosure.interpretations': 21, 'applications.received': 749, 'fees.amount': 380 },
    checks: { 'applications.received': false },
  },
];

const zeros = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
const RESULTS = ['applications.granted', 'applications.partlyGranted', 'applications.denied'];
// Free-form reports, one line of text each: prose figures and the year's column of the statistics
// table (its 历年累计 column beside it, run together with it in the text).
const CRAWLED: Case[] = [
  {
    file: 'pingtan-2011-county-flat.txt',
    figures: {
      'activeDisclosure.items': 425,
      ...zeros('applications.received', ...RESULTS, 'reviews.count', 'lawsuits.count'),
      ...zeros(...['inPerson', 'online', 'letter', 'fax', 'other'].map((c) => `applications.byChannel.${c}`)),
    },
  },
  {
    file: 'pingtan-2013-dishui-flat.txt',
    // 约4900人次 咨询 (其中 1600 + 3200 + 100); 解答纳税人咨询达3000多人次 is a bound about 审批; 信息公开费用1万元 is spending, not fees paid.
    figures: { 'activeDisclosure.items': 45, consultations: 4900, ...zeros('applications.received', 'applications.denied', 'reviews.count') },
  },
  {
    file: 'pingtan-gaj-2015-flat.txt',
    // 累计主动公开政府信息1016条 is the running total; the year's is 211.
    figures: {
      'activeDisclosure.items': 211,
      ...zeros('applications.received', ...RESULTS, 'fees.amount', 'reviews.count', 'lawsuits.count'),
      ...zeros('applications.byChannel.inPerson', 'applications.byChannel.online', 'applications.byChannel.letter'),
    },
  },
  {
    file: 'pingtan-2017-flat.txt',
    // 信函、传真申请数 is two channels in one row; it prints 0, so each is 0.
    figures: {
      'activeDisclosure.items': 2122,
      ...zeros('applications.received', ...RESULTS, 'reviews.count', 'lawsuits.count'),
      ...zeros('applications.byChannel.inPerson', 'applications.byChannel.online', 'applications.byChannel.letter', 'applications.byChannel.fax'),
    },
  },
];

describe.skipIf(!HAS_CORPUS)(`figures in the prose of the real reports (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  for (const c of REAL)
    it(`${c.file}: ${Object.keys(c.figures).length} figures; soft checks against the tables`, async () => {
      const report = await parseFile(join(SHARED, 'corpus', 'real', c.file));
      expect(figuresOf(report)).toEqual(c.figures);
      for (const key of Object.keys(c.figures)) expect(cellAt(report.figures, key)?.raw).toBeTruthy();
      const soft = Object.fromEntries(report.checks.filter((k) => k.soft).map((k) => [k.id.replace(/^figures\./, ''), k.ok]));
      expect(soft).toEqual(c.checks ?? {});
      // A disagreement is its own warning, never a failed template check.
      const mismatches = report.warnings.filter((w) => w.code === 'W_FIGURE_MISMATCH').map((w) => w.cell);
      expect(mismatches).toEqual(Object.entries(c.checks ?? {}).flatMap(([k, ok]) => (ok === false ? [`figures.${k}`] : [])));
      expect(report.warnings.filter((w) => w.code === 'W_CHECK_FAILED' && w.message.startsWith('figures.'))).toEqual([]);
    });
});

describe.skipIf(!HAS_CORPUS)(`template reports of the crawl (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  it('shuyang-fgj-2023.html: 行政公文和政策解读信息 9 条 is no interpretations figure', async () => {
    const report = await parseFile(join(SHARED, 'corpus', 'crawled', 'shuyang-fgj-2023.html'));
    expect(report.figures.activeDisclosure.interpretations.value).toBeNull();
  });
  it('pingtan-2024.html: the totals of its prose', async () => {
    const report = await parseFile(join(SHARED, 'corpus', 'crawled', 'pingtan-2024.html'));
    expect(figuresOf(report)).toEqual({ 'activeDisclosure.items': 10407, 'activeDisclosure.interpretations': 96 });
  });
});

describe.skipIf(!HAS_CORPUS)(`the four free-form reports of the crawl (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  for (const c of CRAWLED)
    it(`${c.file}: template version freeform and its stated figures`, async () => {
      const report = await parseFile(join(SHARED, 'corpus', 'crawled', c.file));
      expect(report.meta.templateVersion).toBe('freeform');
      expect(figuresOf(report)).toEqual(c.figures);
      expect(report.warnings.filter((w) => w.code === 'W_TABLE_MISSING')).toEqual([]);
    });
});
