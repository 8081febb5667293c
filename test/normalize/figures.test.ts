// Figures from prose: the sentence patterns, numbers (Arabic, Chinese, 万/亿), breakdowns,
// changes against last year, running totals, bounds, and ambiguity that yields nothing.
import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS } from '../../src/cell-keys.js';
import type { Document } from '../../src/model.js';
import type { Warning } from '../../src/schema.js';
import { labelKey, readGridFigures, splitYear } from '../../src/normalize/figure-tables.js';
import { rowStream } from '../../src/normalize/rows.js';
import { tableFromRows } from '../../src/model.js';
import { figureNumber, readProseFigures } from '../../src/normalize/figures.js';
import { SENTENCE_PATTERNS, TABLE_LABELS, FIGURE_TABLE_CELLS } from '../../src/templates/figures.js';

const doc = (...paragraphs: string[]): Document => ({
  format: 'text',
  meta: {},
  blocks: paragraphs.map((text, i) => ({ kind: 'paragraph', text, origin: { line: i + 1 } })),
});

function read(...paragraphs: string[]) {
  const warnings: Warning[] = [];
  const figures = readProseFigures(doc(...paragraphs), null, warnings);
  const values = Object.fromEntries([...figures].map(([k, f]) => [k, f.value]));
  return { figures, values, warnings };
}

describe('figure data', () => {
  it('names only keys of the schema', () => {
    const keys = [...SENTENCE_PATTERNS.map((p) => p.key), ...TABLE_LABELS.flatMap((l) => (l.key ? [l.key] : [])), ...Object.keys(FIGURE_TABLE_CELLS)];
    expect(keys.filter((k) => !FIGURE_KEYS.includes(k))).toEqual([]);
    expect(FIGURE_KEYS).toContain('applications.byChannel.fax');
    expect(FIGURE_KEYS.length).toBe(15);
  });
});

describe('figureNumber', () => {
  it('reads Arabic with separators, decimals, Chinese numerals, 万 and 亿', () => {
    expect(figureNumber('1,234', undefined)).toBe(1234);
    expect(figureNumber('1.5', '万')).toBe(15000);
    expect(figureNumber('三十五', undefined)).toBe(35);
    expect(figureNumber('两', undefined)).toBe(2);
    expect(figureNumber('2', '亿')).toBe(200000000);
    expect(figureNumber('一万二千', undefined)).toBe(12000);
  });
});

describe('readProseFigures', () => {
  it('reads each key from its sentence, with the sentence as raw and the paragraph as origin', () => {
    const { figures, values, warnings } = read(
      '2023年，本机关全年主动公开政府信息2,655条，发布政策解读四十二篇。',
      '全年共受理政府信息公开申请128件，其中当面申请8件，网上申请110件，信函申请6件，传真申请1件，其他形式申请3件。',
      '同意公开96件，同意部分公开12件，不予公开9件。全年接受公众咨询3456人次。',
      '全年收取信息处理费0.12万元。因政府信息公开申请行政复议3件，提起行政诉讼两件。',
    );
    expect(warnings).toEqual([]);
    expect(values).toEqual({
      'activeDisclosure.items': 2655,
      'activeDisclosure.interpretations': 42,
      'applications.received': 128,
      'applications.byChannel.inPerson': 8,
      'applications.byChannel.online': 110,
      'applications.byChannel.letter': 6,
      'applications.byChannel.fax': 1,
      'applications.byChannel.other': 3,
      'applications.granted': 96,
      'applications.partlyGranted': 12,
      'applications.denied': 9,
      consultations: 3456,
      'fees.amount': 1200,
      'reviews.count': 3,
      'lawsuits.count': 2,
    });
    // raw: the sentence as written (full-width punctuation kept).
    expect(figures.get('applications.received')?.raw).toBe('全年共受理政府信息公开申请128件，其中当面申请8件，网上申请110件，信函申请6件，传真申请1件，其他形式申请3件。');
    expect(figures.get('lawsuits.count')?.origin).toEqual({ line: 4, block: 3 });
  });

  it('reads "未收到…申请" and "未收取任何费用" as 0', () => {
    const { values } = read('2011年全县未收到有关政府信息公开的申请。', '本年度未向公民、法人或其他组织收取任何费用。', '全年没有发生因政府信息公开申请的行政复议、行政诉讼。');
    expect(values).toEqual({ 'applications.received': 0, 'fees.amount': 0, 'reviews.count': 0, 'lawsuits.count': 0 });
  });

  it('does not read "no case lost" as "no case"', () => {
    expect(read('全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。').values).toEqual({});
  });

  it('reads a sentence that the source wrapped over lines', () => {
    const { values, figures } = read('一、总体情况', '市政府共受理政府信息公开申请 1295 件，办结 1191 件（含', '上年结转 189 件），均在法定期限内答复。其中，予以公开及部', '分公开 208 件（17.46%），不予公开 20', '件（1.68%）。');
    expect(values).toEqual({ 'applications.received': 1295, 'applications.denied': 20 });
    expect(figures.get('applications.denied')?.origin).toEqual({ line: 3, block: 2 });
  });

  it('does not read 咨询活动 as people, nor 行政事业性收费 as fees paid by applicants', () => {
    expect(read('全年举办政策咨询活动5次。本年收取行政事业性收费共计1200万元。').values).toEqual({});
  });

  it('reads a count stated before its noun, and a topic given by the sentence before', () => {
    expect(read('本年有1件涉及政府信息公开工作的行政复议，未被纠错。涉及的行政诉讼数为0件。').values).toEqual({ 'reviews.count': 1, 'lawsuits.count': 0 });
  });

  it('takes no figure for two kinds counted together, nor for a bound before the number', () => {
    expect(read('其中：发布行政公文和政策解读信息9条。').values).toEqual({});
    expect(read('全年主动公开政府信息近300条。').values).toEqual({});
    expect(read('全年主动公开政府信息约1200条。').values).toEqual({ 'activeDisclosure.items': 1200 });
  });

  it('does not read a 行政复议 申请 as an information request', () => {
    expect(read('未收到有关政府信息公开行政复议申请。').values).toEqual({ 'reviews.count': 0 });
  });

  it('leaves out changes against last year, percentages and running totals', () => {
    const { values, warnings } = read(
      '全年主动公开政府信息1200条，同比增长12%，比上年增加35条。',
      '截至2023年12月31日，累计主动公开政府信息9876条。历年累计主动公开政府信息9876条。',
    );
    expect(values).toEqual({ 'activeDisclosure.items': 1200 });
    expect(warnings).toEqual([]);
  });

  it('takes the total, not its breakdown (其中 in the sentence, or parts in later sentences)', () => {
    expect(read('全年主动公开政府信息500条，其中网站主动公开政府信息420条。').values).toEqual({ 'activeDisclosure.items': 500 });
    expect(read('全区主动公开政府信息2122条。其中，区直各部门主动公开政府信息1509条。各乡镇主动公开政府信息613条。').values).toEqual({
      'activeDisclosure.items': 2122,
    });
    // Parts first, then the whole body's number: the whole is the one with no sub-unit named.
    expect(read('县直各单位主动公开政府信息303条。各乡镇主动公开政府信息122条。县政府办主动公开信息数为62条。全县主动公开政府信息425条。').values).toEqual({
      'activeDisclosure.items': 425,
    });
  });

  it('leaves out a part inside brackets that open with 其中, and the category 其他应主动公开', () => {
    expect(read('共公布政府信息2599条（其中规划计划类信息28条，其他应主动公开政府信息856条）。').values).toEqual({});
    expect(read('共公布信息300条（其中主动公开政府信息120条）。全年主动公开政府信息280条。').values).toEqual({ 'activeDisclosure.items': 280 });
  });

  it('yields nothing and a warning where sentences disagree and nothing settles it', () => {
    const { values, warnings } = read('网站发布政策解读共132件。公报刊登政策解读83件。');
    expect(values).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'W_FIGURE_AMBIGUOUS', cell: 'figures.activeDisclosure.interpretations' });
  });

  it('yields nothing and a warning for a bound (5500余条)', () => {
    const { values, warnings } = read('市政府网站主动公开各类政府信息5500余条。');
    expect(values).toEqual({});
    expect(warnings.map((w) => w.code)).toEqual(['W_FIGURE_AMBIGUOUS']);
  });

  it('does not read 予以公开及部分公开 as either', () => {
    expect(read('予以公开及部分公开258件，不予公开35件。').values).toEqual({ 'applications.denied': 35 });
  });
});

describe('statistics tables', () => {
  it('maps labels to keys and leaves rows no figure stands for', () => {
    expect(labelKey('其中：1.当面申请数')).toBe('applications.byChannel.inPerson');
    expect(labelKey('受理政府信息公开申请总数')).toBe('applications.received');
    expect(labelKey('2.同意部分公开答复数')).toBe('applications.partlyGranted');
    expect(labelKey('3.否决公开答复数')).toBe('applications.denied');
    expect(labelKey('1.政府网站公开数')).toBeNull();
    expect(labelKey('3、信函、传真申请数')).toBeNull();
    expect(labelKey('接受行政诉讼、举报数')).toBeNull();
    expect(labelKey('行政复议数')).toBe('reviews.count');
  });

  it('splits run-together year and running total only where one split can be right', () => {
    expect(splitYear('01')).toBe(0);
    expect(splitYear('00')).toBe(0);
    expect(splitYear('77')).toBe(7);
    expect(splitYear('4251516')).toBeNull();
    expect(splitYear('4251516', 425)).toBe(425);
    expect(splitYear('4251516', 426)).toBeNull();
  });

  it('reads a grid from the column of the year, never the running total; a 0 in a two-channel row is 0 for both', () => {
    const cells = (...texts: string[]) => texts.map((text, c) => ({ text, origin: { element: c } }));
    const table = tableFromRows(
      [
        cells('指标名称', '计量单位', '历年累计', '2012年度'),
        cells('受理政府信息公开申请总数', '件', '40', '12'),
        cells('其中：1.当面申请数', '件', '10', '3'),
        cells('2.信函、传真申请数', '件', '0', '0'),
        cells('3.网上申请数', '件', '30', '9'),
        cells('政府信息公开收费金额', '万元', '2.5', '0.3'),
      ],
      {},
    );
    const warnings: Warning[] = [];
    const figures = readGridFigures(rowStream({ format: 'html', meta: {}, blocks: [table] }), warnings);
    expect(Object.fromEntries([...figures].map(([k, f]) => [k, f.value]))).toEqual({
      'applications.received': 12,
      'applications.byChannel.inPerson': 3,
      'applications.byChannel.letter': 0,
      'applications.byChannel.fax': 0,
      'applications.byChannel.online': 9,
      'fees.amount': 3000,
    });
    expect(figures.get('applications.received')?.origin).toMatchObject({ row: 1, col: 3 });
    expect(warnings).toEqual([]);
  });
});
