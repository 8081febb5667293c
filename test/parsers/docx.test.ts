import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as docx from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseDocx } from '../../src/parsers/docx.js';
import { htmlToDocument, parseHtml } from '../../src/parsers/html.js';
import { MAX_ZIP_UNCOMPRESSED_BYTES } from '../../src/parsers/docx-zip.js';
import type { Document, Table, TableCell } from '../../src/model.js';
import { XxgkError } from '../../src/errors.js';

interface ReportModule {
  makeSpec(seed: number, overrides?: Record<string, unknown>): Spec;
  applicationRows(spec: Spec): [string, string[]][];
  APPLICANT_COLUMNS: string[];
  REVIEW_GROUPS: string[];
  REVIEW_COLUMNS: string[];
}
interface Spec {
  otherLayout: string;
  values: Record<string, string>;
}
interface PairCase {
  name: string;
  seed: number;
  overrides: Record<string, unknown>;
  html: string;
  docx: string;
  extraTables?: { index: number; rows: number; cols: number }[];
  deletedText?: string[];
}
interface ErrorCase {
  file: string;
  code: string;
}

// The fixture builder is plain JS without types; a computed specifier keeps tsc out of it.
const report = (await import(new URL('../../scripts/fixtures/report.mjs', import.meta.url).href)) as ReportModule;
const DIR = new URL('../fixtures/docx/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as { cases: PairCase[]; errors: ErrorCase[] };
const bytesOf = (file: string) => readFileSync(new URL(file, DIR));
const TEMPLATE = '../shared/corpus/template/政务公开年报模版.docx';
const NO_CORPUS = 'skipped: no ../shared corpus';

const tables = (doc: Document): Table[] => doc.blocks.filter((b): b is Table => b.kind === 'table');
const shape = (t: Table) => [t.grid.length, t.grid[0].length];
/** Text, spans and top-left corner of every grid position: what must agree across formats. */
const gridOf = (t: Table) => t.grid.map((row) => row.map((c: TableCell) => `${c.text}|${c.row},${c.col}|${c.rowSpan}x${c.colSpan}`));
const find = (doc: Document, text: string) => tables(doc).find((t) => t.grid.some((row) => row.some((c) => c.text === text)));

/**
 * Every printed value of the spec, read back from the grids by the labels of its row:
 * canonical key → cell text. Throws when a row is missing.
 */
function readValues(doc: Document, spec: Spec): Record<string, string> {
  const out: Record<string, string> = {};
  const t2 = find(doc, '第二十条第（一）项')!;
  const row2 = (label: string) => t2.grid.find((row) => row[0].text === label)!;
  for (const [key, label] of [['regulations', '规章'], ['normativeDocuments', '行政规范性文件']])
    ['issued', 'repealed', 'inForce'].forEach((c, i) => (out[`activeDisclosure.${key}.${c}`] = row2(label)[i + 1].text));
  for (const [key, label] of [['licensing', '行政许可'], ['penalties', '行政处罚'], ['coercion', '行政强制'], ['fees', '行政事业性收费']]) {
    const row = row2(label);
    expect(row[1]).toMatchObject({ colSpan: 3 });
    out[`activeDisclosure.${key}.${key === 'fees' ? 'amount' : 'decisions'}`] = row[1].text;
  }

  const t3 = find(doc, '申请人情况')!;
  for (const [key, labels] of report.applicationRows(spec)) {
    const want = labels.length === 1 ? [labels[0], labels[0], labels[0]] : labels.length === 2 ? [labels[0], labels[1], labels[1]] : labels;
    const row = t3.grid.find((r) => r.slice(0, 3).every((c, i) => c.text === want[i]));
    if (!row) throw new Error(`no row for ${key}`);
    report.APPLICANT_COLUMNS.forEach((c, i) => (out[`applications.${key}.${c}`] = row[3 + i].text));
  }

  const t4 = find(doc, '行政复议')!;
  const last = t4.grid[t4.grid.length - 1];
  report.REVIEW_GROUPS.forEach((g, gi) => report.REVIEW_COLUMNS.forEach((c, ci) => (out[`reviewsAndLawsuits.${g}.${c}`] = last[gi * 5 + ci].text)));
  return out;
}

/** The subset of spec.values that readValues covers (the printed rows). */
function printedValues(spec: Spec): Record<string, string> {
  const printed = new Set(report.applicationRows(spec).map(([key]) => key));
  return Object.fromEntries(Object.entries(spec.values).filter(([k]) => !k.startsWith('applications.') || printed.has(k.split('.').slice(1, -1).join('.'))));
}

describe('DOCX and HTML fixtures of the same report', () => {
  for (const c of manifest.cases) {
    describe(c.name, async () => {
      const spec = report.makeSpec(c.seed, c.overrides);
      const d = (await parseDocx(bytesOf(c.docx))).value;
      const h = (await parseHtml(bytesOf(c.html))).value;

      it('give the same tables, cell by cell, and the same paragraphs', () => {
        expect(d.format).toBe('docx');
        expect(tables(d).map(gridOf)).toEqual(tables(h).map(gridOf));
        const texts = (doc: Document) => doc.blocks.map((b) => (b.kind === 'table' ? '<table>' : b.text));
        expect(texts(d)).toEqual(texts(h));
      });

      it('put every printed number at its labelled cell', () => {
        for (const doc of [d, h]) {
          const found = readValues(doc, spec);
          const want = printedValues(spec);
          expect(Object.keys(want).length).toBeGreaterThanOrEqual(10 + 7 * 23 + 15);
          expect(found).toEqual(want);
        }
      });

      it('keep the template shapes and merges', () => {
        const single = spec.otherLayout === 'single';
        const t3 = find(d, '申请人情况')!;
        expect(shape(find(d, '第二十条第（一）项')!)).toEqual([14, 4]);
        expect(shape(t3)).toEqual([single ? 26 : 28, 10]);
        expect(shape(find(d, '行政复议')!)).toEqual([4, 15]);
        expect(t3.grid[5][0]).toMatchObject({ text: '三、本年度办理结果', row: 5, col: 0, rowSpan: single ? 20 : 22, colSpan: 1 });
        expect(t3.grid[single ? 24 : 26][0]).toBe(t3.grid[5][0]);
        expect(t3.grid[0][0]).toMatchObject({ rowSpan: 3, colSpan: 3 });
        expect(t3.grid[1][4]).toMatchObject({ text: '法人或其他组织', colSpan: 5 });
        expect(t3.grid[2][4].text).toBe('商业\n企业');
        expect(t3.grid[7][1]).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
      });

      if (c.extraTables) {
        it('keep the non-template tables as tables of their own', () => {
          const ts = tables(d);
          expect(ts).toHaveLength(3 + c.extraTables!.length);
          for (const e of c.extraTables!) expect(shape(ts[e.index])).toEqual([e.rows, e.cols]);
          expect(ts[4].grid[2][3].text).toBe('0517-87654321');
        });
      }

      it('have the core-properties title in meta', () => {
        if (c.name !== 'libreoffice') expect(d.meta.title).toBe(`${(spec as unknown as { agency: string }).agency}2023年政府信息公开工作年度报告`);
        expect(d.meta.agency).toBeUndefined();
      });
    });
  }
});

describe('DOCX repairs', () => {
  it('rebuilds horizontal merges written as w:hMerge, which mammoth alone gets wrong', async () => {
    const bytes = bytesOf('hmerge.docx');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:hMerge w:val="restart"/>');
    expect(xml).not.toContain('w:gridSpan');
    // Without the repair: the 勾稽 note spans one column, not three, and the grid shifts.
    const plain = htmlToDocument((await mammoth.convertToHtml({ buffer: bytes })).value).value;
    expect(find(plain, '申请人情况')!.grid[0][0].colSpan).toBe(1);
    const r = await parseDocx(bytes);
    expect(r.warnings.map((w) => w.code)).toContain('W_DOCX_REPAIRED');
    const t3 = find(r.value, '申请人情况')!;
    expect(shape(t3)).toEqual([28, 10]);
    expect(t3.grid[0][0]).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(t3.grid[3][2]).toMatchObject({ text: '一、本年新收政府信息公开申请数量', colSpan: 3 });
  });

  it('keeps inserted text and drops deleted text and deleted rows', async () => {
    const c = manifest.cases.find((x) => x.name === 'tracked-changes')!;
    const spec = report.makeSpec(c.seed, c.overrides);
    const doc = (await parseDocx(bytesOf(c.docx))).value;
    const all = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.grid.flat().map((cell) => cell.text) : [b.text]));
    for (const wrong of c.deletedText!) expect(all.some((t) => t.includes(wrong))).toBe(false);
    const values = readValues(doc, spec);
    expect(values['applications.newReceived.naturalPerson']).toBe(spec.values['applications.newReceived.naturalPerson']);
    expect(values['activeDisclosure.fees.amount']).toBe(spec.values['activeDisclosure.fees.amount']);
    expect(shape(find(doc, '行政复议')!)).toEqual([4, 15]);
  });

  it('leaves footnotes, comments and page breaks out of cells', async () => {
    const P = (t: string) => new docx.Paragraph({ children: [new docx.TextRun(t)] });
    const cell = (children: docx.Paragraph[]) => new docx.TableCell({ children });
    const table = new docx.Table({
      rows: [
        new docx.TableRow({
          children: [
            cell([new docx.Paragraph({ children: [new docx.TextRun('35'), new docx.FootnoteReferenceRun(1)] })]),
            cell([new docx.Paragraph({ children: [new docx.CommentRangeStart(0), new docx.TextRun('12'), new docx.CommentRangeEnd(0), new docx.TextRun({ children: [new docx.CommentReference(0)] })] })]),
            cell([new docx.Paragraph({ children: [new docx.TextRun('结果'), new docx.PageBreak(), new docx.TextRun('纠正')] })]),
          ],
        }),
      ],
    });
    const built = new docx.Document({
      footnotes: { 1: { children: [P('含上年结转')] } },
      comments: { children: [{ id: 0, author: '王五', date: new Date(0), children: [P('请核对')] }] },
      sections: [{ children: [P('正文'), table] }],
    });
    const doc = (await parseDocx(await docx.Packer.toBuffer(built))).value;
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(tables(doc)[0].grid[0].map((c) => c.text)).toEqual(['35', '12', '结果\n纠正']);
  });
});

describe.skipIf(!existsSync('../shared/corpus'))('the blank national template (WPS DOCX)', () => {
  it('gives the three tables with the template shapes', async () => {
    if (!existsSync(TEMPLATE)) return console.log(NO_CORPUS);
    const doc = (await parseDocx(readFileSync(TEMPLATE))).value;
    const ts = tables(doc);
    expect(ts.map(shape)).toEqual([[14, 4], [28, 10], [4, 15]]);
    expect(ts[1].grid[5][0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
    expect(ts[1].grid[2][4].text).toBe('商业\n企业');
    expect(ts[2].grid[2][6].text).toBe('结果\n纠正');
    expect(ts[1].grid[3].slice(3).every((c) => c.text === '')).toBe(true);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '政府信息公开工作年度报告格式模板' });
  });
});
if (!existsSync('../shared/corpus')) it.skip(NO_CORPUS, () => {});

describe('unreadable and hostile DOCX', () => {
  for (const e of manifest.errors) {
    it(`${e.file} → ${e.code}`, async () => {
      const started = performance.now();
      const error = await parseDocx(bytesOf(e.file)).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(error).toBeInstanceOf(XxgkError);
      expect((error as XxgkError).code).toBe(e.code);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  }

  it('rejects a zip bomb from its directory, without inflating it', async () => {
    const bytes = bytesOf('zip-bomb.docx');
    expect(bytes.length).toBeLessThan(4096);
    const started = performance.now();
    await expect(parseDocx(bytes)).rejects.toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringContaining(String(MAX_ZIP_UNCOMPRESSED_BYTES)) });
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('the pipeline on DOCX and HTML versions of one report', async () => {
  const { parseBytes } = await import('../../src/pipeline.js');
  const { cellAt } = await import('../../src/cell-keys.js');
  type Json = unknown;
  // Origins and source differ by format; the DOCX repairs say what they repaired.
  const strip = (x: Json): Json =>
    Array.isArray(x) ? x.map(strip) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'origin' && k !== 'source').map(([k, v]) => [k, strip(v)])) : x;
  for (const c of manifest.cases) {
    it(`${c.name}: identical records apart from source and origins`, async () => {
      const d = await parseBytes(bytesOf(c.docx), { path: c.docx });
      const h = await parseBytes(bytesOf(c.html), { path: c.html });
      expect([d.source.format, h.source.format]).toEqual(['docx', 'html']);
      d.warnings = d.warnings.filter((w) => !w.code.startsWith('W_DOCX_'));
      expect(strip(d)).toEqual(strip(h));
      const spec = report.makeSpec(c.seed, c.overrides);
      for (const key of ['applications.newReceived.naturalPerson', 'activeDisclosure.fees.amount', 'reviewsAndLawsuits.lawsuitAfterReview.total'])
        expect(cellAt(d.tables, key)?.value).toBe(Number(spec.values[key]));
    });
  }
});
