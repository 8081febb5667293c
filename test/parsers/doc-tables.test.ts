// The two pieces of the .doc table reader that LibreOffice's files do not exercise: Word 97's own
// merge flags (horzMerge, sprmTVertMerge, sprmTMerge) and property records wider than 255 bytes.
import { describe, expect, it } from 'vitest';
import { MAX_GRID_COLUMNS, layoutRows, type DocRow } from '../../src/parsers/doc-grid.js';
import { bodyHtml } from '../../src/parsers/doc-body.js';
import { htmlToDocument } from '../../src/parsers/html.js';
import type { PapxRun } from '../../src/parsers/doc-props.js';
import { readPapx, runAt } from '../../src/parsers/doc-props.js';
import { buildGrid } from '../../src/parsers/html-grid.js';

const cell = (left: number, right: number, horzMerge = 0, vertMerge = 0) => ({ left, right, horzMerge, vertMerge });
const texts = (rows: DocRow[]) => buildGrid(layoutRows(rows), {}).map((row) => row.map((c) => `${c.text}@${c.row},${c.col}:${c.rowSpan}x${c.colSpan}`));

describe('layoutRows', () => {
  it('spans cells across the columns that other rows split', () => {
    const rows: DocRow[] = [
      { cells: ['申请人情况'], def: { cells: [cell(0, 3000)] } },
      { cells: ['自然人', '法人', '总计'], def: { cells: [cell(0, 1000), cell(1000, 2010), cell(2010, 3000)] } },
    ];
    expect(texts(rows)).toEqual([
      ['申请人情况@0,0:1x3', '申请人情况@0,0:1x3', '申请人情况@0,0:1x3'],
      ['自然人@1,0:1x1', '法人@1,1:1x1', '总计@1,2:1x1'],
    ]);
  });

  it('merges down a cell flagged as continuing the one above, and folds Word 97 horizontal merges', () => {
    const rows: DocRow[] = [
      { cells: ['三、本年度办理结果', '（一）予以公开', '', '11'], def: { cells: [cell(0, 500, 0, 3), cell(500, 1000, 1), cell(1000, 1500, 2), cell(1500, 2000)] } },
      { cells: ['', '（三）不予公开', '1.属于国家秘密', '1'], def: { cells: [cell(0, 500, 0, 1), cell(500, 1000, 0, 3), cell(1000, 1500), cell(1500, 2000)] } },
      { cells: ['', '', '2.其他', '19'], def: { cells: [cell(0, 500, 0, 1), cell(500, 1000, 0, 1), cell(1000, 1500), cell(1500, 2000)] } },
    ];
    expect(texts(rows)).toEqual([
      ['三、本年度办理结果@0,0:3x1', '（一）予以公开@0,1:1x2', '（一）予以公开@0,1:1x2', '11@0,3:1x1'],
      ['三、本年度办理结果@0,0:3x1', '（三）不予公开@1,1:2x1', '1.属于国家秘密@1,2:1x1', '1@1,3:1x1'],
      ['三、本年度办理结果@0,0:3x1', '（三）不予公开@1,1:2x1', '2.其他@2,2:1x1', '19@2,3:1x1'],
    ]);
  });

  it('keeps a continuing cell whose column has nothing to continue, and rows without a layout', () => {
    const rows: DocRow[] = [
      { cells: ['a', 'b'], def: { cells: [cell(0, 500, 0, 1), cell(500, 1000)] } },
      { cells: ['c', 'd', 'e'] },
    ];
    expect(texts(rows)).toEqual([
      ['a@0,0:1x1', 'b@0,1:1x1', '@0,2:1x1'],
      ['c@1,0:1x1', 'd@1,1:1x1', 'e@1,2:1x1'],
    ]);
  });

  it('fills a column that a row leaves uncovered with an empty cell', () => {
    const rows: DocRow[] = [
      { cells: ['x', 'y'], def: { cells: [cell(0, 500), cell(500, 1000)] } },
      { cells: ['z'], def: { cells: [cell(500, 1000)] } },
    ];
    expect(texts(rows)).toEqual([
      ['x@0,0:1x1', 'y@0,1:1x1'],
      ['@1,0:1x1', 'z@1,1:1x1'],
    ]);
  });
});

describe('layoutRows on rows whose edges never line up', () => {
  it('places the cells side by side instead of building a grid thousands of columns wide', () => {
    const rows: DocRow[] = Array.from({ length: 200 }, (_, r) => ({ cells: ['a', 'b'], def: { cells: [cell(r * 100, r * 100 + 50), cell(r * 100 + 50, 30000 + r * 53)] } }));
    const laid = layoutRows(rows);
    expect(laid.every((row) => row.length === 2 && row.every((c) => c.colSpan === 1 && c.rowSpan === 1))).toBe(true);
    expect(MAX_GRID_COLUMNS).toBeLessThan(400);
  });
});

describe('bodyHtml', () => {
  // One character per file offset unit; which characters are cells and row ends is given by runs.
  const read = (text: string, runs: PapxRun[] = []) =>
    htmlToDocument(bodyHtml(text, (cp) => cp, runs)).value.blocks.map((b) => (b.kind === 'table' ? b.grid.map((row) => row.map((c) => c.text)) : b.text));
  const inTable = (from: number, to: number, rowEnd = false): PapxRun => ({ fcStart: from, fcEnd: to, inTable: true, rowEnd, depth: 1 });

  it('keeps field results, drops instructions (nested too) and deleted text, and breaks lines', () => {
    const text = '甲\x13 HYPERLINK "http://x" \x14链接\x15乙\r\x13 TOC \x13 PAGE \x14 3\x15\x14目录\x15\r丙\x00\x00丁\x0b戊\x0c己\r';
    expect(read(text)).toEqual(['甲链接乙', '目录', '丙丁\n戊', '己']);
  });

  it('reads cells and rows from the marks and their properties, paragraphs in a cell as lines', () => {
    const text = '前\ra\rb\x07c\x07\x07d\x07e\x07\x07后\r';
    // Characters 2–7 and 9–12 are cell text and cell ends; 8 and 13 end rows.
    const runs = [inTable(2, 8), inTable(8, 9, true), inTable(9, 13), inTable(13, 14, true)];
    expect(read(text, runs)).toEqual(['前', [['a\nb', 'c'], ['d', 'e']], '后']);
  });

  it('takes unbalanced field marks and a hundred thousand open fields in its stride', () => {
    expect(read('\x15\x14正文\r')).toEqual(['正文']);
    const started = performance.now();
    expect(read(`${'\x13'.repeat(100_000)}不可见\r`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** A WordDocument stream with one PAPX page (page 1) holding one run, and its table stream. */
function papxStreams(grpprl: Buffer, fc = 2048): { word: Buffer; table: Buffer } {
  const word = Buffer.alloc(1024 + 512);
  word.writeUInt32LE(0, 0x0102); // fcPlcfBtePapx
  word.writeUInt32LE(12, 0x0106); // lcbPlcfBtePapx: two FCs and one page number
  const table = Buffer.alloc(12);
  table.writeUInt32LE(fc, 0);
  table.writeUInt32LE(fc + 2, 4);
  table.writeUInt32LE(1, 8);
  const fkp = word.subarray(512, 1024);
  fkp.writeUInt32LE(fc, 0);
  fkp.writeUInt32LE(fc + 2, 4);
  fkp[511] = 1; // crun
  const at = 16; // PapxInFkp at byte 16 (word offset 8): cb = 0, cb', istd, grpprl
  fkp[8] = at / 2;
  const body = Buffer.concat([Buffer.alloc(2), grpprl]);
  if (body.length % 2) throw new Error('odd grpprl');
  fkp[at] = 0;
  fkp[at + 1] = body.length / 2;
  body.copy(fkp, at + 2);
  return { word, table };
}

const sprm = (code: number, operand: Buffer) => Buffer.concat([Buffer.from([code & 0xff, code >> 8]), operand]);
/** sprmTDefTable for `n` cells of width 100, its size in a two-byte cb. */
function tDefTable(n: number, flags: (i: number) => number = () => 0): Buffer {
  const body = Buffer.alloc(1 + 2 * (n + 1) + 20 * n);
  body[0] = n;
  for (let i = 0; i <= n; i++) body.writeInt16LE(100 * i, 1 + 2 * i);
  for (let i = 0; i < n; i++) body.writeUInt16LE(flags(i), 1 + 2 * (n + 1) + 20 * i);
  const cb = Buffer.alloc(2);
  cb.writeUInt16LE(body.length + 1);
  return sprm(0xd608, Buffer.concat([cb, body]));
}

describe('readPapx', () => {
  it('reads a row end whose sprmTDefTable is over 255 bytes, then the sprms after it', () => {
    // 12 cells: 1 + 26 + 240 bytes, the size word-extractor reads as one byte.
    const grpprl = Buffer.concat([sprm(0x2416, Buffer.from([1])), tDefTable(12, (i) => (i === 0 ? 0x60 : 0)), sprm(0x2417, Buffer.from([1])), Buffer.alloc(1)]);
    const { word, table } = papxStreams(grpprl);
    const run = runAt(readPapx(word, table), 2048)!;
    expect(run).toMatchObject({ inTable: true, rowEnd: true });
    expect(run.row!.cells).toHaveLength(12);
    expect(run.row!.cells[0]).toEqual({ left: 0, right: 100, horzMerge: 0, vertMerge: 3 });
    expect(run.row!.cells[11]).toMatchObject({ left: 1100, right: 1200 });
    expect(runAt(readPapx(word, table), 2050)).toBeUndefined();
  });

  it('follows sprmPHugePapx into the Data stream, and applies sprmTVertMerge and sprmTMerge', () => {
    const huge = Buffer.concat([
      sprm(0x2416, Buffer.from([1])),
      sprm(0x2417, Buffer.from([1])),
      tDefTable(4),
      sprm(0xd62b, Buffer.from([2, 1, 1])), // cell 1 continues the cell above
      sprm(0x5624, Buffer.from([2, 4])), // cells 2–3 merged
    ]);
    const data = Buffer.alloc(100 + 2 + huge.length);
    data.writeUInt16LE(huge.length, 100);
    huge.copy(data, 102);
    const pointer = Buffer.alloc(4);
    pointer.writeUInt32LE(100);
    const { word, table } = papxStreams(sprm(0x6646, pointer));
    const run = runAt(readPapx(word, table, data), 2048)!;
    expect(run).toMatchObject({ inTable: true, rowEnd: true });
    expect(run.row!.cells.map((c) => [c.horzMerge, c.vertMerge])).toEqual([[0, 0], [0, 1], [1, 0], [2, 0]]);
    // Without the Data stream the run is there, with no table properties.
    expect(runAt(readPapx(word, table), 2048)).toMatchObject({ inTable: false, rowEnd: false });
  });

  it('gives no runs for a damaged PAPX table instead of failing', () => {
    const { word, table } = papxStreams(sprm(0x2416, Buffer.from([1, 0])));
    word.writeUInt32LE(1 << 30, 0x0106);
    expect(readPapx(word, table)).toEqual([]);
  });
});
