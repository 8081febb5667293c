import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parsers/index.js';
import { parseDocx } from '../../src/parsers/docx.js';
import { MAX_DOC_BYTES } from '../../src/parsers/doc.js';
import { parseBytes } from '../../src/pipeline.js';
import { summaryTitle } from '../../src/parsers/doc-summary.js';
import iconv from 'iconv-lite';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { entryOf } from '../../scripts/make-doc-fixtures.mjs';
import { ALL_CELL_KEYS, cellAt, specOf, wrongCells } from '../helpers.js';
import { FIGURE_KEYS } from '../../src/cell-keys.js';
import type { Document, Table, TableCell } from '../../src/model.js';
import { XxgkError } from '../../src/errors.js';

interface DocCase {
  name: string;
  doc: string;
  docx: string;
  seed: number;
  overrides: Record<string, unknown>;
  /** LibreOffice wrote DOCX's deleted last row of this table as a live row. */
  writerKeepsDeletedRow?: { table: number };
}
interface ErrorCase {
  file: string;
  code: string;
  message?: string;
}

const DIR = new URL('../fixtures/doc/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as { cases: DocCase[]; errors: ErrorCase[] };
const bytesOf = (file: string) => readFileSync(new URL(file, DIR));

const tables = (doc: Document): Table[] => doc.blocks.filter((b): b is Table => b.kind === 'table');
/** Text, spans and top-left corner of every grid position. */
const gridOf = (t: Table) => t.grid.map((row) => row.map((c: TableCell) => `${c.text}|${c.row},${c.col}|${c.rowSpan}x${c.colSpan}`));
const texts = (doc: Document) => doc.blocks.map((b) => (b.kind === 'table' ? '<table>' : b.text));

const fileName = (url: URL) => url.pathname.slice(url.pathname.lastIndexOf('/') + 1);

/** The .doc against the DOCX LibreOffice saved it from: the same document model and record. */
function sameAsDocx(c: { doc: URL; docx: URL; spec?: { seed: number; overrides: Record<string, unknown> }; writerKeepsDeletedRow?: { table: number } }) {
  it('gives the same blocks and table grids, spans included', async () => {
    const d = (await parseDocument(readFileSync(c.doc))).value;
    const x = (await parseDocument(readFileSync(c.docx))).value;
    expect(d.format).toBe('doc');
    // The title from \x05SummaryInformation, as DOCX's from docProps/core.xml.
    expect(d.meta).toEqual(x.meta);
    expect(d.meta.title).toMatch(/政府信息公开工作年度报告$/);
    expect(texts(d)).toEqual(texts(x));
    const grids = tables(d).map(gridOf);
    if (c.writerKeepsDeletedRow) expect(grids[c.writerKeepsDeletedRow.table].pop()!.every((cell) => cell.startsWith('99|'))).toBe(true);
    expect(grids).toEqual(tables(x).map(gridOf));
  });

  it('gives the same record: every cell and figure (value, raw, origin), meta, sections, checks', async () => {
    const dr = await parseBytes(readFileSync(c.doc), { path: fileName(c.doc) });
    const xr = await parseBytes(readFileSync(c.docx), { path: fileName(c.docx) });
    expect(dr.source.format).toBe('doc');
    for (const key of ALL_CELL_KEYS) expect(cellAt(dr.tables, key), key).toEqual(cellAt(xr.tables, key));
    for (const key of FIGURE_KEYS) expect(cellAt(dr.figures, key), key).toEqual(cellAt(xr.figures, key));
    expect(dr.meta).toEqual(xr.meta);
    expect(dr.sections).toEqual(xr.sections);
    expect(dr.tableInfo).toEqual(xr.tableInfo);
    expect(dr.checks).toEqual(xr.checks);
    if (c.spec) expect(wrongCells(dr, specOf({ file: fileName(c.doc), ...c.spec }))).toEqual([]);
    const codes = (ws: { code: string }[]) => ws.map((w) => w.code).filter((code) => !code.startsWith('W_DOCX_'));
    expect(codes(dr.warnings)).toEqual(codes(xr.warnings));
  });
}

describe('.doc fixtures against the DOCX they were saved from', () => {
  it('has a .doc for every paired DOCX fixture, and a .wps', () => {
    const docx = JSON.parse(readFileSync(new URL('../fixtures/docx/manifest.json', import.meta.url), 'utf8')) as { cases: { name: string }[] };
    expect(manifest.cases.map((c) => c.name)).toEqual(expect.arrayContaining(docx.cases.map((c) => c.name)));
    expect(manifest.cases.some((c) => c.doc.endsWith('.wps'))).toBe(true);
  });

  for (const c of manifest.cases)
    describe(c.name, () => sameAsDocx({ doc: new URL(c.doc, DIR), docx: new URL(c.docx, DIR), spec: { seed: c.seed, overrides: c.overrides }, writerKeepsDeletedRow: c.writerKeepsDeletedRow }));

  it('rebuilds the merged cells of the national template from cell edges and merge flags', async () => {
    const t3 = tables((await parseDocument(bytesOf('template-full.doc'))).value).find((t) => t.grid.some((row) => row.some((cell) => cell.text === '申请人情况')))!;
    expect(t3.grid).toHaveLength(28);
    expect(t3.grid[0]).toHaveLength(10);
    expect(t3.grid[0][0]).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(t3.grid[5][0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22, colSpan: 1 });
    expect(t3.grid[26][0]).toBe(t3.grid[5][0]);
    expect(t3.grid[5][1]).toMatchObject({ text: '（一）予以公开', colSpan: 2 });
    expect(t3.grid[7][1]).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
    expect(t3.grid[1][4]).toMatchObject({ text: '法人或其他组织', colSpan: 5 });
    expect(t3.grid[2][4].text).toBe('商业\n企业');
  });

  it('keeps inserted text and drops text deleted with tracked changes', async () => {
    const doc = (await parseDocument(bytesOf('tracked-changes.doc'))).value;
    const all = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.grid.flat().map((cell) => cell.text) : [b.text]));
    expect(all).toContain('314');
    expect(all).toContain('809.34');
    expect(all).not.toContain('321');
    expect(all).not.toContain('12345.67');
  });

  it('keeps the text of hyperlink fields and drops their instructions', async () => {
    const doc = (await parseDocument(bytesOf('fields.doc'))).value;
    const all = texts(doc).join('\n');
    expect(all).toContain('通过政府信息公开专栏全年主动公开');
    expect(all).toContain('详见收费说明');
    expect(all).not.toMatch(/HYPERLINK|example\.gov\.cn/);
  });

  it('reads a .doc whose summary stream is damaged, without its title', async () => {
    const bytes = Buffer.from(bytesOf('template-full.doc'));
    const entry = entryOf(bytes, '\u0005SummaryInformation');
    bytes.writeUInt32LE(0x7ffffff0, entry.at + 0x74); // start sector far past any table
    const doc = (await parseDocument(bytes)).value;
    expect(doc.meta.title).toBeUndefined();
    expect(tables(doc)).toHaveLength(3);
  });

  it('reads a .doc that arrives under a .docx name', async () => {
    const doc = (await parseDocx(bytesOf('template-full.doc'))).value;
    expect(doc.format).toBe('doc');
    expect(tables(doc)).toHaveLength(3);
  });
});

// The figure fixtures (free-form and stated-totals reports), whose .doc make-figure-fixtures.mjs
// saves beside the DOCX; test/figures-fixtures.test.ts checks their figures against the spec.
describe('.doc of the figure fixtures against the DOCX they were saved from', () => {
  const FIGURES = new URL('../fixtures/figures/', import.meta.url);
  const entries = JSON.parse(readFileSync(new URL('manifest.json', FIGURES), 'utf8')) as { base: string; kind: string; seed?: number; overrides?: Record<string, unknown> }[];

  it('has a .doc for every DOCX', () => {
    const files = readdirSync(FIGURES).sort();
    const docs = entries.map((e) => `${e.base}.doc`).sort();
    expect(files.filter((f) => f.endsWith('.doc'))).toEqual(docs);
    expect(files.filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -1))).toEqual(docs);
  });

  for (const e of entries)
    describe(e.base, () =>
      sameAsDocx({ doc: new URL(`${e.base}.doc`, FIGURES), docx: new URL(`${e.base}.docx`, FIGURES), spec: e.kind === 'template' ? { seed: e.seed!, overrides: e.overrides ?? {} } : undefined }),
    );
});

describe('summaryTitle', () => {
  /** A property set stream with a code page and a title in it. */
  function summary(codepage: number, title: Buffer, type = 0x1e): Buffer {
    const header = Buffer.alloc(48);
    header.writeUInt16LE(0xfffe, 0);
    header.writeUInt32LE(1, 24);
    header.writeUInt32LE(48, 44);
    const props = Buffer.alloc(24);
    props.writeUInt32LE(2, 4);
    props.writeUInt32LE(1, 8);
    props.writeUInt32LE(24, 12);
    props.writeUInt32LE(2, 16);
    props.writeUInt32LE(32, 20);
    const cp = Buffer.alloc(8);
    cp.writeUInt16LE(2, 0);
    cp.writeUInt16LE(codepage, 4);
    const value = Buffer.alloc(8);
    value.writeUInt16LE(type, 0);
    value.writeUInt32LE(type === 0x1f ? title.length / 2 : title.length, 4);
    return Buffer.concat([header, props, cp, value, title]);
  }

  it('decodes the title in the code page the set names, or UTF-16', () => {
    const title = '某县人民政府2012年政府信息公开工作年度报告';
    expect(summaryTitle(summary(936, Buffer.concat([iconv.encode(title, 'gbk'), Buffer.alloc(1)])))).toBe(title);
    expect(summaryTitle(summary(65001, Buffer.from(`${title}\0`)))).toBe(title);
    expect(summaryTitle(summary(1200, Buffer.from(`${title}\0`, 'utf16le'), 0x1f))).toBe(title);
  });

  it('gives nothing for a missing or damaged stream', () => {
    expect(summaryTitle(undefined)).toBeUndefined();
    expect(summaryTitle(Buffer.alloc(10))).toBeUndefined();
    const bad = summary(936, Buffer.from('x'));
    bad.writeUInt32LE(1 << 30, 44);
    expect(summaryTitle(bad)).toBeUndefined();
  });
});

describe('unreadable .doc and .wps', () => {
  for (const e of manifest.errors) {
    it(`${e.file} → ${e.code}`, async () => {
      const started = performance.now();
      const error = await parseDocument(bytesOf(e.file)).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(error).toBeInstanceOf(XxgkError);
      expect((error as XxgkError).code).toBe(e.code);
      if (e.message) expect((error as XxgkError).message).toContain(e.message);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  }

  it('refuses a compound file over the size cap before reading it', async () => {
    const bytes = Buffer.alloc(MAX_DOC_BYTES + 512);
    bytesOf('template-full.doc').copy(bytes);
    await expect(parseDocument(bytes)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
  });

  it('tells the user to save a .wps that is no compound file as .docx', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    await expect(parseDocument(bytes)).rejects.toMatchObject({ code: 'E_UNSUPPORTED_FORMAT', message: expect.stringContaining('save it as .docx') });
  });

  it('has the error cases the parser must tell apart', () => {
    expect(Object.fromEntries(manifest.errors.map((e) => [e.file, e.code]))).toMatchObject({
      'encrypted.doc': 'E_ENCRYPTED',
      'truncated.doc': 'E_CORRUPT',
      'not-word.wps': 'E_UNSUPPORTED_FORMAT',
      'chain-loop.doc': 'E_CORRUPT',
    });
  });

  it('ends every .doc with random bytes changed in a record or an error of ours, never E_INTERNAL', async () => {
    const good = bytesOf('template-full.doc');
    let seed = 12;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const outcomes = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const bytes = Buffer.from(good);
      for (let k = 0, n = 1 + Math.floor(random() * 40); k < n; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const outcome = await parseBytes(bytes, { path: `mutant-${i}.doc` }).then(
        () => 'parsed',
        (x: unknown) => (x instanceof XxgkError ? x.code : `not an XxgkError: ${String(x)}`),
      );
      outcomes.add(outcome);
    }
    expect([...outcomes].filter((o) => !['parsed', 'E_CORRUPT', 'E_UNSUPPORTED_FORMAT', 'E_EMPTY', 'E_NOT_A_REPORT'].includes(o))).toEqual([]);
    expect(outcomes).toContain('E_CORRUPT');
  });

  it('fails on every cut of a .doc with an error, never a hang or a crash', async () => {
    const good = bytesOf('template-full.doc');
    for (let at = 512; at < good.length; at += 4096) {
      const outcome = await parseDocument(good.subarray(0, at)).then(
        () => 'parsed',
        (x: unknown) => (x instanceof XxgkError ? x.code : `not an XxgkError: ${String(x)}`),
      );
      expect(['E_CORRUPT', 'parsed']).toContain(outcome);
    }
  });
});
