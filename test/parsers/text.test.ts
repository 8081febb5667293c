import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Paragraph, Table } from '../../src/model.js';
import { blocksOfText, parseText } from '../../src/parsers/text.js';

const FIXTURES = new URL('../fixtures/text/', import.meta.url);
const SHARED = new URL('../../../shared/', import.meta.url);
const hasShared = existsSync(SHARED);

interface Entry {
  file: string;
  style: 'tika' | 'markdown' | 'layout' | 'empty' | 'prose';
  seed?: number;
  overrides?: Record<string, unknown>;
  encoding?: string;
  widths?: number[];
  partial?: boolean;
}
interface Spec {
  numbering: string;
  otherLayout: string;
  values: Record<string, string>;
}
interface ReportModule {
  makeSpec(seed: number, overrides?: Record<string, unknown>): Spec;
  applicationRows(spec: Spec): [string, string[]][];
  heading(i: number, style: string): string;
  APPLICANT_COLUMNS: string[];
  REVIEW_GROUPS: string[];
  REVIEW_COLUMNS: string[];
}

const manifest: Entry[] = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8'));
// The fixture builder is plain JS without types; a computed specifier keeps tsc out of it.
const reportPath = new URL('../../scripts/fixtures/report.mjs', import.meta.url).href;
const report = (await import(reportPath)) as ReportModule;

async function parseFixture(file: string) {
  return (await parseText(readFileSync(new URL(file, FIXTURES)))).value;
}
const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === 'table');
const paragraphs = (blocks: Block[]) => blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const texts = (row: { text: string }[]) => row.map((c) => c.text);
/** The first row, in any table, that has a cell with exactly this text. */
function rowWith(blocks: Block[], label: string): string[] | undefined {
  for (const t of tables(blocks)) for (const row of t.grid) if (row.some((c) => c.text === label)) return texts(row);
  return undefined;
}
const applicantValues = (spec: Spec, key: string) => report.APPLICANT_COLUMNS.map((c) => spec.values[`applications.${key}.${c}`]);
const reviewValues = (spec: Spec) => report.REVIEW_GROUPS.flatMap((g) => report.REVIEW_COLUMNS.map((c) => spec.values[`reviewsAndLawsuits.${g}.${c}`]));
const specOf = (e: Entry) => report.makeSpec(e.seed!, e.overrides);

describe('small inputs', () => {
  it('makes one paragraph per non-empty line, with 1-based line origins, whatever the line endings', () => {
    const blocks = blocksOfText('甲\r\n\r\n乙\r丙\n');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '甲', origin: { line: 1 } },
      { kind: 'paragraph', text: '乙', origin: { line: 3 } },
      { kind: 'paragraph', text: '丙', origin: { line: 4 } },
    ]);
  });

  it('keeps an isolated tab-indented line, and tab-indented prose paragraphs, as paragraphs', () => {
    expect(blocksOfText('前言\n\t缩进的一段。\n后记\n').map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    const prose = blocksOfText('\t第一段。\n\n\t第二段。\n\n\t第三段。\n');
    expect(prose.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect((prose[1] as Paragraph).text).toBe('第二段。');
  });

  it('rebuilds a Tika run: continuation lines join their cell, bare tabs stay empty cells in place', () => {
    const blocks = blocksOfText('标题\n\t甲\n\t商业\n企业\n\n\t\n\t1\n\n正文继续\n');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1] as Table;
    expect(table.grid.map(texts)).toEqual([
      ['甲', '商业\n企业'],
      ['', '1'],
    ]);
    expect(table.origin).toEqual({ line: 2 });
    expect(table.grid[0][1].origin).toEqual({ line: 3 });
    expect(table.grid[1][1]).toMatchObject({ row: 1, col: 1, rowSpan: 1, colSpan: 1, origin: { line: 7 } });
    expect((blocks[2] as Paragraph).origin).toEqual({ line: 9 });
  });

  it('ends a Tika table at a column-0 line after an empty line, not at a continuation', () => {
    const blocks = blocksOfText('\t甲\n\t乙\n\n\t丙\n续\n\n三、下一节\n');
    expect(tables(blocks)[0].grid.map(texts)).toEqual([['甲', '乙'], ['丙\n续']]);
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(['三、下一节']);
  });

  it('does not let tab-indented prose run on into the table after it', () => {
    const blocks = blocksOfText('\t（一）主动公开\n2023年，本机关做了很多工作。\n二、主动公开政府信息情况\n\t甲\n\t乙\n\n\t1\n\t2\n\n');
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(['（一）主动公开', '2023年，本机关做了很多工作。', '二、主动公开政府信息情况']);
    expect(tables(blocks)[0].grid.map(texts)).toEqual([['甲', '乙'], ['1', '2']]);
  });

  it('splits pipe rows into cells, keeping empty cells and dropping separator rows', () => {
    const blocks = blocksOfText('| a | b |\n|---|:---:|\n| 1 |  |\n|  | 2 |\n| x \\| y | 3<br>4 |\n说明\n');
    const table = tables(blocks)[0];
    expect(table.grid.map(texts)).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['', '2'],
      ['x | y', '3\n4'],
    ]);
    expect(table.grid[1][0].origin).toEqual({ line: 3 });
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(['说明']);
  });

  it('drops page furniture and Tika bookmarks, strips markdown heading marks', () => {
    const blocks = blocksOfText('— 4 —\n- 4 -\n第 4 页\n第 2 页 共 7 页\n-- 1 of 5 --\n正文\n[bookmark: _GoBack]（一）主动公开\n## 表二：主动公开\n');
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(['正文', '（一）主动公开', '表二：主动公开']);
  });
});

describe('Tika fixtures', () => {
  for (const entry of manifest.filter((e) => e.style === 'tika')) {
    it(`${entry.file}: three tables with the spec's cells in place`, async () => {
      const spec = specOf(entry);
      const doc = await parseFixture(entry.file);
      const [active, applications, reviews] = tables(doc.blocks);
      expect(tables(doc.blocks)).toHaveLength(3);

      expect(active.grid).toHaveLength(14);
      expect(texts(active.grid[3])).toEqual(['行政规范性文件', ...['issued', 'repealed', 'inForce'].map((c) => spec.values[`activeDisclosure.normativeDocuments.${c}`])]);
      expect(texts(active.grid[13])).toEqual(['行政事业性收费', spec.values['activeDisclosure.fees.amount']]);

      const rows = report.applicationRows(spec);
      expect(applications.grid).toHaveLength(3 + rows.length);
      expect(texts(applications.grid[2]).slice(2, 4)).toEqual(['商业\n企业', '科研\n机构']);
      expect(texts(applications.grid[4])).toEqual(['二、上年结转政府信息公开申请数量', ...applicantValues(spec, 'carriedOver')]);
      rows.forEach(([key, labels], i) => {
        const row = texts(applications.grid[3 + i]);
        // Label cells (covered ones empty), then exactly the seven values in order.
        expect(row.slice(-7), key).toEqual(applicantValues(spec, key));
        expect(row[row.length - 8], key).toBe(labels[labels.length - 1]);
      });

      expect(reviews.grid).toHaveLength(4);
      expect(texts(reviews.grid[1])[1]).toBe('结果\n纠正');
      expect(texts(reviews.grid[3])).toEqual(reviewValues(spec));

      const lines = paragraphs(doc.blocks).map((p) => p.text);
      for (let i = 0; i < 6; i++) expect(lines).toContain(report.heading(i, spec.numbering));
      expect(lines).toContain('本机关持续推进政务公开工作，现将有关情况报告如下。');
    });
  }

  it('reads value variants and blanks as printed text', async () => {
    const doc = await parseFixture('tika-values.txt');
    const row = rowWith(doc.blocks, '二、上年结转政府信息公开申请数量');
    expect(row?.[2]).toBe('');
    const variants = tables(doc.blocks).flatMap((t) => t.grid.flatMap(texts));
    for (const v of ['—', '/', '无', '-']) expect(variants).toContain(v);
    expect(variants.some((t) => /^[０-９]+$/.test(t))).toBe(true);
    expect(variants.some((t) => /^\d{1,3}(,\d{3})+$/.test(t))).toBe(true);
    expect(variants.some((t) => /^\d+（其中修订 16 件）$/.test(t))).toBe(true);
  });

  it('decodes a GBK file', async () => {
    const result = await parseText(readFileSync(new URL('tika-gbk.txt', FIXTURES)));
    expect(result.value.meta.encoding).toBe('gb18030');
    expect(rowWith(result.value.blocks, '3.危及“三安全一稳定”')).toBeDefined();
    expect(paragraphs(result.value.blocks)[0].text).toBe('示例市示例区示例镇人民政府2023年政府信息公开工作年度报告');
  });
});

describe('markdown fixtures', () => {
  for (const entry of manifest.filter((e) => e.style === 'markdown')) {
    it(`${entry.file}: pipe tables with covered cells empty and separators dropped`, async () => {
      const spec = specOf(entry);
      const doc = await parseFixture(entry.file);
      const [active, applications, reviews] = tables(doc.blocks);
      expect(tables(doc.blocks)).toHaveLength(3);
      expect(active.grid).toHaveLength(14);
      expect(active.grid.every((r) => r.length === 4)).toBe(true);
      const rows = report.applicationRows(spec);
      expect(applications.grid).toHaveLength(3 + rows.length);
      expect(applications.grid.every((r) => r.length === 10)).toBe(true);
      expect(texts(applications.grid[2])[4]).toBe('商业\n企业');
      expect(texts(applications.grid[4])).toEqual(['二、上年结转政府信息公开申请数量', '', '', ...applicantValues(spec, 'carriedOver')]);
      rows.forEach(([key], i) => expect(texts(applications.grid[3 + i]).slice(3), key).toEqual(applicantValues(spec, key)));
      expect(texts(reviews.grid[3])).toEqual(reviewValues(spec));
      const lines = paragraphs(doc.blocks).map((p) => p.text);
      expect(lines).toContain(report.heading(2, spec.numbering));
      expect(lines).not.toContain('— 2 —');
      expect(lines.some((l) => l.startsWith('#'))).toBe(false);
    });
  }
});

const VALUE_LIKE = /^$|^[\d０-９,.，（）其中修订件 ]+$|^[—/无-]$/;

describe('pdftotext -layout fixtures', () => {
  // Narrow columns (`widths`) wrap labels and numbers: test/parsers/text-wrapped.test.ts.
  for (const entry of manifest.filter((e) => e.style === 'layout' && !e.widths && !e.partial)) {
    it(`${entry.file}: rows rebuilt by column position, blanks in place`, async () => {
      const spec = specOf(entry);
      const doc = await parseFixture(entry.file);
      expect(rowWith(doc.blocks, '行政规范性文件')).toEqual(['行政规范性文件', ...['issued', 'repealed', 'inForce'].map((c) => spec.values[`activeDisclosure.normativeDocuments.${c}`])]);
      expect(rowWith(doc.blocks, '行政事业性收费')).toEqual(['行政事业性收费', spec.values['activeDisclosure.fees.amount']]);
      expect(rowWith(doc.blocks, '信息内容')?.slice(0, 2)).toEqual(['信息内容', '本年制发件数']);

      // Every row of table 三, across the tables a page break splits it into: the last seven
      // cells are the spec's values in order, blank cells where the spec prints nothing.
      const applicationRows = tables(doc.blocks)
        .flatMap((t) => t.grid.map(texts))
        .filter((row) => row.length >= 8 && row.length <= 12 && row.slice(-7).every((c) => VALUE_LIKE.test(c)) && row.slice(-7).some((c) => c !== ''));
      expect(applicationRows.map((row) => row.slice(-7))).toEqual(report.applicationRows(spec).map(([key]) => applicantValues(spec, key)));
      const carriedOver = rowWith(doc.blocks, '二、上年结转政府信息公开申请数量')!;
      expect(carriedOver[0]).toBe('二、上年结转政府信息公开申请数量');
      expect(carriedOver.slice(-7)).toEqual(applicantValues(spec, 'carriedOver'));

      const reviews = tables(doc.blocks).find((t) => t.grid.some((r) => r.length === 15 && r.every((c) => /^\d+$/.test(c.text))))!;
      expect(texts(reviews.grid[reviews.grid.length - 1])).toEqual(reviewValues(spec));
      const lines = paragraphs(doc.blocks).map((p) => p.text);
      expect(lines).toContain(report.heading(4, spec.numbering));
    });
  }

  it('keeps a blank cell in its column instead of sliding values left', async () => {
    const doc = await parseFixture('layout-values.txt');
    const row = rowWith(doc.blocks, '二、上年结转政府信息公开申请数量')!;
    expect(row.slice(-7)).toEqual(['—', '', '0', '0', '/', '0', '0']);
  });

  it('joins a label wrapped over two lines into its row', async () => {
    const doc = await parseFixture('layout-values.txt');
    const row = tables(doc.blocks).flatMap((t) => t.grid.map(texts)).find((r) => r.some((c) => c.startsWith('5.要求行政机关确认')))!;
    expect(row.find((c) => c.startsWith('5.要求'))).toBe('5.要求行政机关确认或重新\n出具已获取信息');
    expect(row.slice(-7)).toEqual(['6', '3', '0', '0', '0', '0', '9']);
  });

  it('leaves prose with numbers alone', () => {
    const blocks = blocksOfText('全年收取政府信息公开信息处理费 0 元。\n泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90\n号 ， 邮 编 ： 223100\n');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });
});

describe('odd inputs', () => {
  it('gives zero blocks for an empty file', async () => {
    expect((await parseFixture('empty.txt')).blocks).toEqual([]);
    expect((await parseText(new Uint8Array(0))).value.blocks).toEqual([]);
  });

  it('reads a text that is not a report as paragraphs only', async () => {
    const doc = await parseFixture('not-a-report.txt');
    expect(tables(doc.blocks)).toHaveLength(0);
    expect(doc.blocks).toHaveLength(8);
    expect(doc.blocks[2]).toEqual({ kind: 'paragraph', text: '春节将至，为切实做好节日期间安全生产工作，现将有关事项通知如下。', origin: { line: 4 } });
  });
});

(hasShared ? describe : describe.skip)(hasShared ? 'shared corpus' : 'skipped: no ../shared corpus', () => {
  const read = (path: string) => parseText(readFileSync(new URL(path, SHARED)));

  it('rebuilds the seed: three Tika tables, table 三 with 28 rows', async () => {
    const doc = (await read('seed/xiaozhao-2022-flattened.txt')).value;
    const [active, applications, reviews] = tables(doc.blocks);
    expect(tables(doc.blocks)).toHaveLength(3);
    expect(active.grid).toHaveLength(14);
    expect(texts(active.grid[1])).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(applications.grid).toHaveLength(28);
    expect(texts(applications.grid[2])).toEqual(['', '', '商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他', '']);
    expect(texts(applications.grid[4])).toEqual(['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0']);
    expect(texts(applications.grid[8])).toEqual(['', '', '2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0']);
    expect(reviews.grid).toHaveLength(4);
    expect(texts(reviews.grid[2])).toEqual(['', '', '', '', '', '结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计', '结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计']);
    expect(texts(reviews.grid[3])).toEqual(Array(15).fill('0'));
    const lines = paragraphs(doc.blocks);
    expect(lines[0]).toEqual({ kind: 'paragraph', text: '许昌市建安区小召乡人民政府', origin: { line: 1 } });
    expect(lines.some((p) => p.text.includes('[bookmark'))).toBe(false);
    expect(lines.map((p) => p.text)).toContain('三、收到和处理政府信息公开申请情况');
  });

  it('reads the kewei markdown as its pipe tables, empty cells kept', async () => {
    const doc = (await read('corpus/real/kewei-2024-source.md')).value;
    expect(tables(doc.blocks)).toHaveLength(8);
    expect(rowWith(doc.blocks, '一、本年新收政府信息公开申请数量')).toEqual(['一、本年新收政府信息公开申请数量', '32', '2', '0', '0', '0', '0', '34', '']);
    expect(rowWith(doc.blocks, '四、结转下年度继续办理')).toEqual(['四、结转下年度继续办理', '1', '0', '0', '0', '0', '0', '']);
    expect(rowWith(doc.blocks, '业')).toEqual(['业', '构', '益组织', '务机构', '', '', '', '', '']);
    expect(rowWith(doc.blocks, '规范性文件')).toEqual(['规范性文件', '13', '0', '55']);
    const cells = tables(doc.blocks).flatMap((t) => t.grid.flatMap(texts));
    expect(cells.some((c) => /^-+$/.test(c))).toBe(false);
    // The label lines between the split tables stay paragraphs, in order.
    const lines = paragraphs(doc.blocks).map((p) => p.text);
    expect(lines.indexOf('（三）不')).toBeGreaterThan(lines.indexOf('表三：收到和处理政府信息公开申请情况'));
  });

  it('drops page markers from the Shanghai office markdown', async () => {
    const doc = (await read('corpus/real/shanghai-office-sample-source.md')).value;
    expect(paragraphs(doc.blocks).some((p) => /^—\s*\d+\s*—$/.test(p.text))).toBe(false);
    expect(tables(doc.blocks).length).toBeGreaterThan(5);
  });
});
