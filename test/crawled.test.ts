// The real crawled pages in ../shared/corpus/crawled (SOURCES.md there): every one gives a
// record with the right agency, year and date; cells whose digits ran together carry a number
// only where the template's arithmetic settles the split. Expected cells were read by hand.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CELL_KEYS, cellAt } from '../src/cell-keys.js';
import { parseFile } from '../src/pipeline.js';
import type { Report } from '../src/schema.js';
import { FREEFORM_SECTION_TITLES } from '../src/templates/sections.js';
import { NO_CORPUS, SHARED } from './helpers.js';

const DIR = join(SHARED, 'corpus', 'crawled');
const HAS_CRAWLED = existsSync(DIR);

/** From SOURCES.md (agency, year) and each file's header (发布时间). */
const EXPECTED: Record<string, [agency: string, year: number, published: string]> = {
  'pingtan-2024.html': ['平潭综合实验区', 2024, '2025-03-10'],
  'shuyang-fgj-2023.html': ['沭阳县发展和改革局', 2023, '2024-01-17'],
  'pingtan-2024-flat.txt': ['平潭综合实验区', 2024, '2025-03-10'],
  'pingtan-2025-flat.txt': ['平潭综合实验区', 2025, '2026-03-10'],
  'pingtan-2023-flat.txt': ['平潭综合实验区', 2023, '2024-03-08'],
  'pingtan-2022-flat.txt': ['平潭综合实验区', 2022, '2023-02-20'],
  'pingtan-2021-flat.txt': ['平潭综合实验区', 2021, '2022-02-08'],
  'pingtan-2020-flat.txt': ['平潭综合实验区', 2020, '2021-03-05'],
  'pingtan-2019-flat.txt': ['平潭综合实验区', 2019, '2020-01-20'],
  'pingtan-2017-flat.txt': ['平潭综合实验区', 2017, '2018-01-23'],
  'pingtan-2013-dishui-flat.txt': ['平潭综合实验区地方税务局', 2013, '2014-02-25'],
  'pingtan-2011-county-flat.txt': ['平潭县人民政府', 2011, '2012-04-18'],
  'pingtan-gaj-2024-flat.txt': ['平潭综合实验区公安局', 2024, '2025-01-20'],
  'pingtan-gaj-2022-flat.txt': ['平潭综合实验区公安局', 2022, '2023-01-09'],
  'pingtan-gaj-2015-flat.txt': ['平潭综合实验区公安局', 2015, '2016-01-07'],
  'pingtan-czj-2019-flat.txt': ['平潭综合实验区财政金融局', 2019, '2020-01-06'],
};
const FREEFORM = ['pingtan-2017-flat.txt', 'pingtan-2013-dishui-flat.txt', 'pingtan-2011-county-flat.txt', 'pingtan-gaj-2015-flat.txt'];

const parse = (name: string) => parseFile(join(DIR, name));
const value = (report: Report, key: string) => cellAt(report.tables, key)?.value ?? null;
const row = (report: Report, key: string) =>
  ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => value(report, `applications.${key}.${c}`));
const numbered = (report: Report) => ALL_CELL_KEYS.filter((k) => value(report, k) !== null);

describe.skipIf(!HAS_CRAWLED)(`crawled pages (${HAS_CRAWLED ? 'shared corpus' : NO_CORPUS})`, () => {
  it('holds the sixteen files SOURCES.md lists', () => {
    expect(readdirSync(DIR).filter((n) => n !== 'SOURCES.md').sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, [agency, year, published]] of Object.entries(EXPECTED))
    it(`${name}: a record of ${agency} ${year}, published ${published}`, async () => {
      const report = await parse(name);
      expect(report.meta).toMatchObject({ agency, year, published });
    });

  it('pre-2019 free-form reports: no cell carries a number the text does not settle', async () => {
    for (const name of FREEFORM) expect(numbered(await parse(name)), name).toEqual([]);
  });

  // The parts each report really prints, as printed (its numbering shifts down where it leaves one
  // out); the others are missing. 2013's 四、审批事项 and 六、工作人员及…支出 and 2017's 六、统计表
  // are none of the seven and stay in the text of the part before them.
  const FREEFORM_PARTS: Record<string, Partial<Record<string, string>>> = {
    'pingtan-2011-county-flat.txt': {
      overview: '一、 概述',
      activeDisclosure: '二、主动公开政府信息情况',
      applications: '三、政府信息依申请公开工作情况',
      problems: '四、政府信息公开工作存在的主要问题及改进情况',
    },
    'pingtan-2013-dishui-flat.txt': {
      overview: '一、概述',
      activeDisclosure: '二、主动公开政府信息情况',
      applications: '三、依申请公开、不予公开及咨询政府信息情况',
      reviewsAndLawsuits: '五、申请行政复议、提起行政诉讼和申诉的情况',
    },
    'pingtan-gaj-2015-flat.txt': {
      overview: '一、 概述',
      activeDisclosure: '二、 政府信息主动公开情况',
      applications: '三、依申请公开政府信息情况',
      fees: '四、政府信息公开的收费及减免情况',
      reviewsAndLawsuits: '五、因政府信息公开申请行政复议、提起行政诉讼情况',
      problems: '六、存在的主要问题及改进措施',
    },
    'pingtan-2017-flat.txt': {
      overview: '一、概述',
      activeDisclosure: '二、主动公开政府信息情况',
      applications: '三、政府信息依申请公开工作情况',
      reviewsAndLawsuits: '四、因政府信息公开申请行政复议、提起行政诉讼的情况',
      problems: '五、存在的主要问题和改进措施',
    },
  };
  for (const [name, parts] of Object.entries(FREEFORM_PARTS))
    it(`${name}: its free-form parts are found in the one line (${Object.keys(parts).join(', ')})`, async () => {
      const report = await parse(name);
      expect(Object.fromEntries(report.sections.map((s) => [s.key, s.heading]))).toEqual(parts);
      for (const section of report.sections) expect(section.text, section.key).not.toBe('');
      const missing = FREEFORM_SECTION_TITLES.filter((t) => !(t.key in parts)).map((t) => `no heading found for part ${t.number} (${t.key})`);
      expect(report.warnings.filter((w) => w.code === 'W_SECTION_MISSING').map((w) => w.message)).toEqual(missing);
    });

  it('pingtan-2024-flat.txt agrees with the same report as a page on every cell it reads, and leaves the one ambiguous run null', async () => {
    const [flat, page] = await Promise.all([parse('pingtan-2024-flat.txt'), parse('pingtan-2024.html')]);
    const read = numbered(flat);
    expect(read.length).toBe(197);
    for (const key of read) expect(value(flat, key), key).toBe(value(page, key));
    // 行政规范性文件6233440: no arithmetic ties 制发, 废止 and 现行有效 together.
    expect(ALL_CELL_KEYS.filter((k) => k.startsWith('activeDisclosure.') && value(flat, k) === null)).toEqual([
      'activeDisclosure.normativeDocuments.issued',
      'activeDisclosure.normativeDocuments.repealed',
      'activeDisclosure.normativeDocuments.inForce',
    ]);
    expect(flat.warnings.filter((w) => w.code === 'W_CELLS_RUN_TOGETHER').map((w) => w.cell)).toEqual(['activeDisclosure.normativeDocuments']);
  });

  it('pingtan-2022-flat.txt: 713000074 is 71|3|0|0|0|0|74 by the row sums and column totals; 8855698 stays null', async () => {
    const report = await parse('pingtan-2022-flat.txt');
    expect(row(report, 'newReceived')).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(row(report, 'carriedOver')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(report, 'granted')).toEqual([21, 0, 0, 0, 0, 0, 21]);
    expect(row(report, 'partlyGranted')).toEqual([8, 1, 0, 0, 0, 0, 9]);
    expect(row(report, 'unavailable.notHeld')).toEqual([37, 0, 0, 0, 0, 0, 37]);
    expect(row(report, 'other.other')).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(row(report, 'totalProcessed')).toEqual([72, 3, 0, 0, 0, 0, 75]);
    expect(value(report, 'activeDisclosure.normativeDocuments.inForce')).toBeNull();
    expect(value(report, 'activeDisclosure.licensing.decisions')).toBe(10690);
    expect(value(report, 'activeDisclosure.penalties.decisions')).toBe(2113);
    expect(value(report, 'activeDisclosure.fees.amount')).toBe(9116.36);
    // Table 四 is printed with spaces: 0 1 1 0 2 | 1 0 0 0 1 | 0 0 0 0 0.
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => value(report, `reviewsAndLawsuits.review.${c}`))).toEqual([0, 1, 1, 0, 2]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => value(report, `reviewsAndLawsuits.lawsuitDirect.${c}`))).toEqual([1, 0, 0, 0, 1]);
    expect(report.checks.filter((c) => c.ok === false && !c.soft)).toEqual([]);
  });

  it('pingtan-2021-flat.txt: table 四 10203120001200000 splits one way under the three group totals', async () => {
    const report = await parse('pingtan-2021-flat.txt');
    const groups = ['review', 'lawsuitDirect', 'lawsuitAfterReview'].map((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => value(report, `reviewsAndLawsuits.${g}.${c}`)),
    );
    expect(groups).toEqual([[1, 0, 2, 0, 3], [12, 0, 0, 0, 12], [0, 0, 0, 0, 0]]);
    expect(row(report, 'newReceived')).toEqual([64, 0, 0, 2, 0, 4, 70]);
  });

  it('pingtan-2020-flat.txt: its table 三 breaks its own arithmetic, so only runs the digits allow one way are read', async () => {
    const report = await parse('pingtan-2020-flat.txt');
    expect(report.warnings.some((w) => w.code === 'W_RUNS_INCONSISTENT')).toBe(true);
    // 200 000121 could be 20|0|0|0|0|1|21 or 2|0|0|0|0|0|121 …: null, never a guess.
    expect(row(report, 'newReceived')).toEqual([null, null, null, null, null, null, null]);
    expect(row(report, 'granted')).toEqual([6, 0, 0, 0, 0, 1, 7]);
    expect(row(report, 'carriedOver')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('pingtan-gaj-2022-flat.txt: every cell read, 行政规范性文件417 as 4|1|7 (three digits, three cells)', async () => {
    const report = await parse('pingtan-gaj-2022-flat.txt');
    expect(numbered(report).filter((k) => !k.startsWith('activeDisclosure2019.')).length).toBe(200);
    expect(['issued', 'repealed', 'inForce'].map((c) => value(report, `activeDisclosure.normativeDocuments.${c}`))).toEqual([4, 1, 7]);
    expect(value(report, 'activeDisclosure.penalties.decisions')).toBe(157);
    expect(row(report, 'other.overdueCorrection')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(report, 'totalProcessed')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });

  it('pingtan-czj-2019-flat.txt: 发布机构 "1" is a placeholder; 规范性文件1077 (1|0|77 or 10|7|7) stays null', async () => {
    const report = await parse('pingtan-czj-2019-flat.txt');
    expect(report.meta.agency).toBe('平潭综合实验区财政金融局');
    expect(['newlyMade', 'newlyPublished', 'totalPublished'].map((c) => value(report, `activeDisclosure2019.normativeDocuments.${c}`))).toEqual([null, null, null]);
    expect(value(report, 'activeDisclosure2019.regulations.newlyMade')).toBe(0);
  });
});
