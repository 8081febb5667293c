// LibreOffice PDFs of table 三 in narrow label columns (issue 14): every long label wraps inside
// its cell, and page breaks cut wrapped rows (values and first lines on one page, the rest of the
// label on the next). Every cell must come out as the spec says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model.js';
import { parsePdf } from '../../src/parsers/pdf/index.js';
import { layout } from '../../src/parsers/pdf/borderless.js';
import type { Line } from '../../src/parsers/pdf/text.js';
import { parseFile } from '../../src/pipeline.js';
import { FIXTURES, specOf, wrongCells } from '../helpers.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { APPLICATION_ROWS_2021 } from '../../scripts/fixtures/report.mjs';

const DIR = join(FIXTURES, 'pdf');
const fixtures = JSON.parse(readFileSync(join(DIR, 'fixtures.json'), 'utf8')) as Record<string, { seed: number; overrides: Record<string, unknown> }>;
const NARROW = ['narrow.pdf', 'narrow-fee.pdf', 'narrow-blank.pdf'];
const flat = (s: string) => s.replace(/\s+/g, '');

describe('pdf: table 三 in narrow label columns', () => {
  it('has the narrow fixtures', () => expect(NARROW.every((f) => f in fixtures)).toBe(true));

  for (const file of NARROW) {
    describe(file, async () => {
      const doc = (await parsePdf(new Uint8Array(readFileSync(join(DIR, file))))).value;
      const table = doc.blocks.find((b): b is Table => b.kind === 'table' && b.grid.some((r) => r.some((c) => flat(c.text) === '申请人情况')))!;
      const cells = table.grid.flat();

      it('wraps every long label of table 三 inside its cell, and a page break cuts a wrapped row', () => {
        // the labels of the narrow third column: wrapped inside their cell, or cut by a page break
        // (the cell holds the first part of the label only)
        const long = (APPLICATION_ROWS_2021 as [string, string[]][]).filter(([, labels]) => labels.length === 3).map(([, labels]) => labels[2]).filter((l) => l.length > 6);
        expect(long.length).toBeGreaterThanOrEqual(15);
        for (const label of long) {
          const cell = cells.find((c) => c.col === 2 && flat(label).startsWith(flat(c.text).slice(0, 5)) && flat(c.text).length >= 5);
          expect(cell, label).toBeDefined();
          expect(cell!.text.includes('\n') || flat(cell!.text) !== flat(label), label).toBe(true);
        }
        // a row holding only the rest of a label, its value cells empty, on a later page
        const cut = table.grid.filter((row, r) => row.slice(3).every((c) => c.text === '') && row.slice(0, 3).some((c) => c.row === r && c.text !== ''));
        expect(cut.some((row) => row[2].origin.page! > table.origin.page!)).toBe(true);
      });

      it('reads every cell as the spec says, without unplaced or missing rows', async () => {
        const report = await parseFile(join(DIR, file));
        expect(wrongCells(report, specOf({ file, ...fixtures[file] }))).toEqual([]);
        expect(report.warnings.filter((w) => /W_ROW_(UNPLACED|MISSING|DUPLICATE|BY_ORDER)/.test(w.code))).toEqual([]);
        expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
      });
    });
  }

  it('reads borderless-narrow.pdf (no ruling lines; labels and full-width numbers set close in narrow columns) cell by cell', async () => {
    const report = await parseFile(join(DIR, 'borderless-narrow.pdf'));
    expect(wrongCells(report, specOf({ file: 'borderless-narrow.pdf', ...fixtures['borderless-narrow.pdf'] }))).toEqual([]);
    expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
  });

  it('cuts the 三（三）5 row at a page break in narrow.pdf, its label read whole', async () => {
    const report = await parseFile(join(DIR, 'narrow.pdf'));
    const cell = report.tables.applications!.denied.internalAffairs.naturalPerson;
    expect(cell.value).toBe(27);
    const doc = (await parsePdf(new Uint8Array(readFileSync(join(DIR, 'narrow.pdf'))))).value;
    const labels = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.grid.flat().map((c) => ({ text: flat(c.text), page: c.origin.page })) : []));
    const first = labels.find((l) => l.text.startsWith('5.属于三类'))!;
    const rest = labels.find((l) => l.text === '息')!;
    expect(first.text).not.toBe('5.属于三类内部事务信息');
    expect(rest.page).toBe(first.page! + 1);
  });
});

describe('pdf: borderless table lines in narrow columns (unit)', () => {
  // 10 pt text, one glyph 10 pt wide; a gap of 3 pt (0.3 of the type size) between two runs.
  const line = (cells: [number, string][]): Line => {
    const pieces = cells.map(([x, text]) => ({ text, x0: x, x1: x + 10 * [...text].length, y0: 0, y1: 10, size: 10, vertical: false }));
    return { text: cells.map((c) => c[1]).join(' '), size: 10, pieces, x0: pieces[0].x0, y0: 0, x1: pieces.at(-1)!.x1, y1: 10 };
  };

  it('separates a value set close after a label or another value (less than a word gap)', () => {
    expect(layout(line([[0, '行政法规禁'], [53, '１９']]), 5).split(/ {2,}/)).toEqual(['行政法规禁', '１９']);
    expect(layout(line([[0, '３４８'], [33, '１６'], [56, '５']]), 5).split(/ {2,}/)).toEqual(['３４８', '１６', '５']);
    expect(layout(line([[0, '请内容仍不'], [53, '-']]), 5).split(/ {2,}/)).toEqual(['请内容仍不', '-']);
  });

  it("keeps a number's own runs and a label's words together", () => {
    expect(layout(line([[0, '３４'], [20, '８']]), 5).trim()).toBe('３４８');
    expect(layout(line([[0, '属于三类'], [43, '内部事务']]), 5).trim()).toBe('属于三类内部事务');
  });
});
