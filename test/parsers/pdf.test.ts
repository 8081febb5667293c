import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isPageNumber, parsePdf } from '../../src/parsers/pdf/index.js';
import { borderlessTables, layout } from '../../src/parsers/pdf/borderless.js';
import type { Line } from '../../src/parsers/pdf/text.js';
import type { Document, Paragraph, Table, TableCell } from '../../src/model.js';
import { XxgkError } from '../../src/errors.js';
import { parseBytes } from '../../src/pipeline.js';
import { cellAt } from '../../src/cell-keys.js';

interface Spec {
  otherLayout: string;
  values: Record<string, string>;
}
interface ReportModule {
  makeSpec(seed: number, overrides?: Record<string, unknown>): Spec;
  applicationRows(spec: Spec): [string, string[]][];
  APPLICANT_COLUMNS: string[];
  REVIEW_GROUPS: string[];
  REVIEW_COLUMNS: string[];
}
interface FixtureEntry {
  seed: number;
  overrides: Record<string, unknown>;
  pages: number;
  stamp: string;
}

// The fixture builder is plain JS without types; a computed specifier keeps tsc out of it.
const report = (await import(new URL('../../scripts/fixtures/report.mjs', import.meta.url).href)) as ReportModule;
const DIR = new URL('../fixtures/pdf/', import.meta.url);
const fixtures = JSON.parse(readFileSync(new URL('fixtures.json', DIR), 'utf8')) as Record<string, FixtureEntry>;
const bytesOf = (file: string) => new Uint8Array(readFileSync(new URL(file, DIR)));
const parse = async (file: string) => (await parsePdf(bytesOf(file))).value;

const CORPUS = new URL('../../../shared/corpus/real/', import.meta.url);
const HAS_CORPUS = existsSync(CORPUS);
const NO_CORPUS = 'skipped: no ../shared corpus';

const tables = (doc: Document): Table[] => doc.blocks.filter((b): b is Table => b.kind === 'table');
const paragraphs = (doc: Document): Paragraph[] => doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const flat = (s: string) => s.replace(/\s+/g, '');
const hasCell = (t: Table, pred: (text: string) => boolean) => t.grid.some((row) => row.some((c) => pred(flat(c.text))));
const tableWith = (doc: Document, text: string): Table[] => tables(doc).filter((t) => hasCell(t, (s) => s.startsWith(text)));
/** Distinct cells of a row, left to right (a merged cell once). */
const distinct = (row: TableCell[]) => row.filter((c, i) => row.indexOf(c) === i);

describe('pdf: hand-written PDF with a non-embedded CJK font (cjk-font.pdf)', async () => {
  const doc = await parse('cjk-font.pdf');

  it('decodes STSong-Light / UniGB-UCS2-H text and joins CJK, digits and Latin words correctly', () => {
    expect(doc.meta).toEqual({ pages: 2, title: '非嵌入字体测试' });
    expect(paragraphs(doc).map((p) => p.text)).toEqual([
      '示例县人民政府2023年政府信息公开工作年度报告',
      '本机关2023年共收到申请21件。',
      'Open Government Information',
      '二、主动公开政府信息情况',
      '本年度未收取信息处理费。',
    ]);
  });

  // patches/pdfjs-dist+*.patch: built-in CMaps kept across documents, no @font-face rules built,
  // no drawable font programs built (test/parsers/pdf-text-only.test.ts).
  it('reads the same text again from the CMaps that pdf.js keeps across documents (patches applied)', async () => {
    const pdfjs = (file: string) => readFileSync(createRequire(createRequire(import.meta.url).resolve('pdf-parse')).resolve(`pdfjs-dist/legacy/build/${file}`), 'utf8');
    expect(pdfjs('pdf.worker.mjs')).toContain('const builtInCMapMemo = new Map();');
    expect(pdfjs('pdf.mjs')).toContain('this._document?.xxgkNoFontFaces');
    expect(pdfjs('pdf.mjs')).toContain('if (!globalThis.xxgkNoCanvas)');
    expect(pdfjs('pdf.worker.mjs')).toContain('if (globalThis.xxgkTextOnly) {');
    // Latin-1 only, so that V8 keeps each module's source one byte per character (3 MB less per worker).
    expect(pdfjs('pdf.worker.mjs')).not.toMatch(/[^\x00-\xff]/);
    expect(pdfjs('pdf.mjs')).not.toMatch(/[^\x00-\xff]/);
    await parse('report.pdf');
    expect(await parse('cjk-font.pdf')).toEqual(doc);
  });

  it('removes the running header and the page numbers (— 1 —, 第 2 页)', () => {
    const text = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
    expect(text).not.toMatch(/示例县人民政府信息公开年报|Page|— 1 —|第 ?2 ?页/);
  });

  it('builds a table from thin filled rectangles under a scaling transform, with a merged cell', () => {
    const [a, b] = tables(doc);
    expect(doc.blocks.map((x) => x.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'table', 'paragraph', 'table', 'paragraph']);
    expect(a.origin).toEqual({ page: 1, bbox: [72, 192, 572, 292] });
    expect(a.grid.map((row) => row.map((c) => c.text))).toEqual([
      ['信息内容（合并单元格）', '信息内容（合并单元格）', '总计'],
      ['商业\n企业', '12', '34'],
      ['行政许可', '7', ''],
    ]);
    expect(a.grid[0][0]).toBe(a.grid[0][1]);
    expect(a.grid[0][0]).toMatchObject({ row: 0, col: 0, rowSpan: 1, colSpan: 2, origin: { page: 1, bbox: [72, 192, 472, 222] } });
    expect(a.grid[2][2]).toMatchObject({ text: '', row: 2, col: 2, rowSpan: 1, colSpan: 1, origin: { page: 1, bbox: [472, 262, 572, 292] } });
    // stroked `re` plus m/l segments under a translation
    expect(b.origin).toEqual({ page: 2, bbox: [72, 162, 372, 242] });
    expect(b.grid.map((row) => row.map((c) => c.text))).toEqual([
      ['规章', '5'],
      ['行政规范性文件', '0'],
    ]);
  });

  it('gives every paragraph a page and a top-left box', () => {
    const title = paragraphs(doc)[0];
    expect(title.origin.page).toBe(1);
    const [x0, y0, x1, y1] = title.origin.bbox!;
    expect(x0).toBeCloseTo(72, 0);
    expect(y0).toBeGreaterThan(842 - 740 - 16); // baseline at 740 from the bottom, 16 pt type
    expect(y1).toBeLessThan(842 - 740 + 5);
    expect(x1).toBeCloseTo(72 + 22 * 16, 0);
  });
});

describe('pdf: LibreOffice reports in the national template', () => {
  for (const file of ['report.pdf', 'split.pdf', 'split-thead.pdf']) {
    describe(file, async () => {
      const entry = fixtures[file];
      const spec = report.makeSpec(entry.seed, entry.overrides);
      const doc = await parse(file);
      const v = (key: string) => spec.values[key];

      it('has the page count and no page furniture', () => {
        expect(doc.meta.pages).toBe(entry.pages);
        for (const p of paragraphs(doc)) {
          expect(p.text).not.toMatch(/^[-—]\s*\d+\s*[-—]$|第\s*\d+\s*页|^示例市示例区示例镇人民政府政府信息公开工作年度报告$/);
        }
        expect(paragraphs(doc).some((p) => /^2023年，本机关认真贯彻落实/.test(p.text))).toBe(true);
      });

      it('reads table 二 with every value in its cell', () => {
        const [t] = tableWith(doc, '第二十条第（一）项');
        const row = (label: string) => distinct(t.grid.find((r) => flat(r[0].text) === label)!).map((c) => c.text);
        for (const [label, key] of [['规章', 'regulations'], ['行政规范性文件', 'normativeDocuments']])
          expect(row(label)).toEqual([label, v(`activeDisclosure.${key}.issued`), v(`activeDisclosure.${key}.repealed`), v(`activeDisclosure.${key}.inForce`)]);
        expect(row('行政许可')).toEqual(['行政许可', v('activeDisclosure.licensing.decisions')]);
        expect(row('行政处罚')).toEqual(['行政处罚', v('activeDisclosure.penalties.decisions')]);
        expect(row('行政强制')).toEqual(['行政强制', v('activeDisclosure.coercion.decisions')]);
        expect(row('行政事业性收费')).toEqual(['行政事业性收费', v('activeDisclosure.fees.amount')]);
        expect(t.grid[0][0]).toMatchObject({ colSpan: 4, rowSpan: 1 });
      });

      it('joins table 三 across the page break into one block with every row in order', () => {
        const found = tableWith(doc, '（本列数据的勾稽关系');
        expect(found).toHaveLength(1);
        const [t] = found;
        expect(t.grid.every((row) => row.length === 10)).toBe(true);
        const pages = new Set(t.grid.flatMap((row) => row.map((c) => c.origin.page)));
        expect(pages.size).toBe(2); // it really is split
        const rows = report.applicationRows(spec);
        let last = -1;
        for (const [key, labels] of rows) {
          const label = flat(labels[labels.length - 1]);
          const r = t.grid.findIndex((row, i) => i > last && row.slice(0, 3).some((c) => flat(c.text) === label));
          expect(r, `${key} (${label}) after row ${last}`).toBeGreaterThan(last);
          expect(t.grid[r].slice(3).map((c) => c.text)).toEqual(report.APPLICANT_COLUMNS.map((c) => v(`applications.${key}.${c}`)));
          last = r;
        }
        // header rows repeated at the top of the continuation only where <thead> asked for it
        const headers = new Set(t.grid.flatMap((row) => row.filter((c) => flat(c.text) === '申请人情况')));
        expect(headers.size).toBe(file === 'split-thead.pdf' ? 2 : 1);
      });

      it('keeps the merged cells of table 三', () => {
        const [t] = tableWith(doc, '（本列数据的勾稽关系');
        const note = t.grid[0][0];
        expect(note).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
        expect(t.grid[2][2]).toBe(note);
        expect(t.grid[0][3]).toMatchObject({ text: '申请人情况', colSpan: 7 });
        const results = t.grid.flat().find((c) => flat(c.text) === '三、本年度办理结果')!;
        expect(results.col).toBe(0);
        expect(results.rowSpan).toBeGreaterThanOrEqual(5);
        for (let k = 0; k < results.rowSpan; k++) expect(t.grid[results.row + k][0]).toBe(results);
        // the first result row carries the label cell and （一）予以公开 spanning two columns
        expect(t.grid[results.row][1]).toMatchObject({ text: '（一）予以公开', colSpan: 2 });
      });

      it('reads table 四: 15 value cells in the last row', () => {
        const [t] = tableWith(doc, '行政复议');
        expect(t.grid[0].length).toBe(15);
        const lastRow = distinct(t.grid[t.grid.length - 1]);
        expect(lastRow.map((c) => c.text)).toEqual(report.REVIEW_GROUPS.flatMap((g) => report.REVIEW_COLUMNS.map((c) => v(`reviewsAndLawsuits.${g}.${c}`))));
        expect(t.grid[0][0]).toMatchObject({ text: '行政复议', colSpan: 5 });
        expect(t.grid[0][5]).toMatchObject({ text: '行政诉讼', colSpan: 10 });
      });

      it('interleaves headings and tables in reading order with valid origins', () => {
        const index = (pred: (b: Document['blocks'][number]) => boolean) => doc.blocks.findIndex(pred);
        const h3 = index((b) => b.kind === 'paragraph' && b.text === '三、收到和处理政府信息公开申请情况');
        const t3 = index((b) => b.kind === 'table' && hasCell(b, (s) => s.startsWith('（本列数据')));
        const h4 = index((b) => b.kind === 'paragraph' && b.text === '四、政府信息公开行政复议、行政诉讼情况');
        const t4 = index((b) => b.kind === 'table' && hasCell(b, (s) => s === '行政复议'));
        expect([h3, t3, h4, t4].every((i) => i >= 0)).toBe(true);
        expect(h3 < t3 && t3 < h4 && h4 < t4).toBe(true);
        const origins = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.origin] : [b.origin, ...b.grid.flat().map((c) => c.origin)]));
        for (const o of origins) {
          expect(o.page).toBeGreaterThanOrEqual(1);
          expect(o.page).toBeLessThanOrEqual(entry.pages);
          const [x0, y0, x1, y1] = o.bbox!;
          expect(x0 >= 0 && y0 >= 0 && x1 <= 596 && y1 <= 842 && x0 < x1 && y0 < y1).toBe(true);
        }
      });
    });
  }
});

describe('pdf: a report whose tables have no ruling lines (borderless.pdf)', async () => {
  const entry = fixtures['borderless.pdf'];
  const spec = report.makeSpec(entry.seed, entry.overrides) as Spec & { expected: Record<string, number | null> };
  const bytes = bytesOf('borderless.pdf');
  const doc = await parse('borderless.pdf');
  const record = await parseBytes(bytes, { path: 'borderless.pdf' });

  it('rebuilds the grids from column alignment, a blank cell kept in its column', () => {
    const [t2] = tableWith(doc, '信息内容');
    expect(t2.grid.map((row) => row.map((c) => c.text))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', spec.values['activeDisclosure.regulations.issued'], '', spec.values['activeDisclosure.regulations.inForce']],
      ['行政规范性文件', ...['issued', 'repealed', 'inForce'].map((c) => spec.values[`activeDisclosure.normativeDocuments.${c}`])],
    ]);
    const newReceived = tables(doc)
      .flatMap((t) => t.grid)
      .find((row) => flat(row[0].text) === '一、本年新收政府信息公开申请数量')!;
    expect(newReceived.slice(-7).map((c) => c.text)).toEqual(report.APPLICANT_COLUMNS.map((c) => spec.values[`applications.newReceived.${c}`]));
  });

  it('gives every cell its page and the box of its line, and leaves headings and prose as paragraphs', () => {
    for (const cell of tables(doc).flatMap((t) => t.grid.flat())) {
      expect(cell.origin.page).toBeGreaterThanOrEqual(1);
      expect(cell.origin.bbox).toHaveLength(4);
    }
    const texts = paragraphs(doc).map((p) => p.text);
    for (const heading of ['二、主动公开政府信息情况', '第二十条第（五）项', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'])
      expect(texts).toContain(heading);
  });

  it('reads every cell of the record right: blanks null, checks never false', () => {
    for (const [key, value] of Object.entries(spec.expected)) expect(cellAt(record.tables, key)?.value, key).toBe(value);
    expect(record.checks.filter((c) => c.ok === false)).toEqual([]);
    expect(record.sections).toHaveLength(6);
  });
});

describe('pdf: borderless tables from lines (unit)', () => {
  // A line of pieces at the given x positions, 10 pt text, one glyph width = 10 pt.
  const line = (y: number, cells: [number, string][]): Line => {
    const pieces = cells.map(([x, text]) => ({ text, x0: x, x1: x + 10 * text.length, y0: y, y1: y + 10, size: 10, vertical: false }));
    return { text: cells.map((c) => c[1]).join(' '), size: 10, pieces, x0: pieces[0].x0, y0: y, x1: pieces.at(-1)!.x1, y1: y + 10 };
  };

  it('lays a line out at columns proportional to x, cells at least two spaces apart', () => {
    expect(layout(line(0, [[0, '规章'], [100, '3'], [120, '0']]), 5)).toBe('规章'.padEnd(20) + '3'.padEnd(4) + '0');
    // touching pieces are one word; pieces that would overlap still get two spaces
    expect(layout(line(0, [[0, '规章'], [100, '3'], [110, '0']]), 5)).toBe('规章'.padEnd(20) + '30');
    expect(layout(line(0, [[0, '行政规范性文件'], [80, '12']]), 10)).toBe('行政规范性文件  12');
  });

  it('keeps a blank cell in its column and leaves headings as prose', () => {
    const lines = [
      line(0, [[0, '二、主动公开政府信息情况']]),
      line(30, [[0, '信息内容'], [200, '本年制发件数'], [300, '本年废止件数'], [400, '现行有效件数']]),
      line(50, [[0, '规章'], [230, '3'], [430, '9']]),
      line(70, [[0, '行政规范性文件'], [230, '1'], [330, '1'], [430, '61']]),
    ];
    const { tables, rest } = borderlessTables(lines, 2);
    expect(rest.map((l) => l.text)).toEqual(['二、主动公开政府信息情况']);
    expect(tables).toHaveLength(1);
    expect(tables[0].grid.map((row) => row.map((c) => c.text))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '3', '', '9'],
      ['行政规范性文件', '1', '1', '61'],
    ]);
    expect(tables[0].grid[1][2].origin).toEqual({ page: 2, bbox: [0, 50, 440, 60] });
  });

  it('leaves a page of more lines than any report page holds as prose (bounded cost)', () => {
    const many = Array.from({ length: 700 }, (_, i) => line(i * 12, [[0, `项目${i}`], [200, String(i)], [300, String(i + 1)]]));
    expect(borderlessTables(many.slice(0, 100), 1).tables).toHaveLength(1);
    expect(borderlessTables(many, 1)).toEqual({ tables: [], rest: many, warnings: [] });
  });
});

describe('pdf: errors and protection', () => {
  const codeOf = async (bytes: Uint8Array) => {
    try {
      await parsePdf(bytes);
      return 'parsed';
    } catch (error) {
      expect(error).toBeInstanceOf(XxgkError);
      return `${(error as XxgkError).code}: ${(error as XxgkError).message}`;
    }
  };

  it('refuses a user-password PDF with E_ENCRYPTED', async () => {
    expect(await codeOf(bytesOf('encrypted-user.pdf'))).toMatch(/^E_ENCRYPTED/);
  });

  it('reads an owner-password-only PDF (print and modify restricted)', async () => {
    const doc = await parse('encrypted-owner.pdf');
    const spec = report.makeSpec(fixtures['encrypted-owner.pdf'].seed, fixtures['encrypted-owner.pdf'].overrides);
    const [t] = tableWith(doc, '行政复议');
    expect(distinct(t.grid[t.grid.length - 1])[0].text).toBe(spec.values['reviewsAndLawsuits.review.upheld']);
  });

  it('refuses a scan with E_NO_TEXT_LAYER and the page count', async () => {
    expect(await codeOf(bytesOf('scanned.pdf'))).toMatch(/^E_NO_TEXT_LAYER: .*\b2 pages/);
  });

  it('refuses truncated and garbage PDFs with E_CORRUPT, promptly', async () => {
    const started = Date.now();
    expect(await codeOf(bytesOf('truncated.pdf'))).toMatch(/^E_CORRUPT/);
    expect(await codeOf(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))).toMatch(/^E_CORRUPT/);
    expect(await codeOf(new Uint8Array(0))).toMatch(/^E_CORRUPT/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('recognises running page numbers', () => {
    for (const s of ['-2-', '- 2 -', '— 4 —', '第 2 页', '第2页共5页', '2/5', '12', 'Page 3 of 9']) expect(isPageNumber(s), s).toBe(true);
    for (const s of ['2023年', '一、总体情况', '2/5件', '第二页']) expect(isPageNumber(s), s).toBe(false);
  });
});

describe.skipIf(!HAS_CORPUS)(`pdf: real reports (${HAS_CORPUS ? 'corpus' : NO_CORPUS})`, () => {
  for (const file of ['hzq2023_working.pdf', 'hzq2024_working.pdf', 'szfgs2024.pdf']) {
    it(`${file}: tables 三 and 四 as grids`, async () => {
      const doc = (await parsePdf(new Uint8Array(readFileSync(new URL(file, CORPUS))))).value;
      const t3 = tableWith(doc, '（本列数据的勾稽关系');
      expect(t3).toHaveLength(1);
      expect(t3[0].grid.length).toBeGreaterThanOrEqual(25);
      expect(t3[0].grid.length).toBeLessThanOrEqual(28);
      expect(t3[0].grid.every((row) => row.length === 10)).toBe(true);
      const last = t3[0].grid[t3[0].grid.length - 1];
      expect(flat(last[0].text)).toBe('四、结转下年度继续办理');
      expect(last.slice(3).every((c) => /^\d+$/.test(c.text))).toBe(true);
      const [t4] = tableWith(doc, '行政复议');
      expect([t4.grid.length, t4.grid[0].length]).toEqual([4, 15]);
      expect(distinct(t4.grid[3]).every((c) => /^\d+$/.test(c.text))).toBe(true);
      expect(distinct(t4.grid[3])).toHaveLength(15);
      expect(paragraphs(doc).every((p) => !isPageNumber(p.text))).toBe(true);
    });
  }

  it('hzq2023_working.pdf: values as printed (gold notes), title from the info dictionary', async () => {
    const doc = (await parsePdf(new Uint8Array(readFileSync(new URL('hzq2023_working.pdf', CORPUS))))).value;
    expect(doc.meta).toMatchObject({ pages: 5, title: '洪泽区人民政府2023年政府信息公开工作年度报告' });
    const [t4] = tableWith(doc, '行政复议');
    expect(t4.grid[3].map((c) => c.text).join(' ')).toBe('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0');
    const [t3] = tableWith(doc, '（本列数据的勾稽关系');
    const newReceived = t3.grid.find((row) => flat(row[0].text) === '一、本年新收政府信息公开申请数量')!;
    expect(newReceived.slice(3).map((c) => c.text)).toEqual(['21', '0', '0', '0', '0', '0', '21']);
    expect(paragraphs(doc).some((p) => p.text.includes('受理政府信息公开申请21件'))).toBe(true);
  });
});
