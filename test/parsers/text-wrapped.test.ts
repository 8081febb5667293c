// pdftotext -layout text of table 三 printed in narrow columns (issue 14): labels and numbers wrap
// inside their cells. Values are stacked back into their cells where the lines say so, and left
// empty with W_CELL_UNALIGNED where they do not: never a number in the wrong cell.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model.js';
import { tokens } from '../../src/parsers/text-columns.js';
import { blocksOfText } from '../../src/parsers/text.js';
import { parseFile } from '../../src/pipeline.js';
import type { Warning } from '../../src/schema.js';
import { cellAt, FIXTURES, manifest, specOf, wrongCells } from '../helpers.js';

const narrow = manifest('text').filter((e) => e.widths);
const rows = (text: string, warnings: Warning[] = []) =>
  blocksOfText(text, warnings)
    .filter((b): b is Table => b.kind === 'table')
    .flatMap((t) => t.grid.map((r) => r.map((c) => c.text)));

describe('layout text: tokens', () => {
  it('keeps spaces inside a bracket that closes in its cell, not in one cut by a wrap', () => {
    expect(tokens('   （三 1.属于国家秘密 -     -    -').map((t) => t.text)).toEqual(['（三', '1.属于国家秘密', '-', '-', '-']);
    expect(tokens('规范性文件   22（其中修订 16 件）   5').map((t) => t.text)).toEqual(['规范性文件', '22（其中修订 16 件）', '5']);
  });
});

describe('layout text: numbers wrapped inside their cells', () => {
  const table = [
    '甲类            １２   ３    ４    １９',
    '',
    '                                 ３５',
    '乙类            ３０９ ４    ９',
    '                                 ８',
    '',
    '丙类            １   ２    ３    ６',
  ].join('\n');

  it('stacks the digits of one cell, above and below the row, into one number', () => {
    const warnings: Warning[] = [];
    expect(rows(table, warnings)).toEqual([
      ['甲类', '１２', '３', '４', '１９'],
      ['乙类', '３０９', '４', '９', '３５８'],
      ['丙类', '１', '２', '３', '６'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('takes the columns from the row with the most values once its pieces are stacked', () => {
    // Every row but one wraps its total: the widest single line has three values, the table four.
    const wrapped = table.replace('甲类            １２   ３    ４    １９', '甲类            １２   ３    ４').replace('３０９ ４', '３０９  ４');
    expect(rows(wrapped)[1]).toEqual(['乙类', '３０９', '４', '９', '３５８']);
    expect(rows(wrapped)[0]).toEqual(['甲类', '１２', '３', '４', '']);
  });

  it('places no row with blank cells by the positions of a widest row that pdftotext pushed together', () => {
    // `３０９ ４` one space apart: the values did not fit at their own x, so their positions are
    // not their columns' (full-width digits in narrow columns print like this).
    const warnings: Warning[] = [];
    const packed = table.replace('甲类            １２   ３    ４    １９', '甲类            １２   ３    ４').replace('４    ９', '４ ９');
    expect(rows(packed, warnings)[0]).toEqual(['甲类', '', '', '', '']);
    expect(rows(packed)[1]).toEqual(['乙类', '３０９', '４', '９', '３５８']);
    expect(warnings.map((w) => [w.code, w.origin?.line])).toEqual([['W_CELL_UNALIGNED', 1]]);
  });

  it('places such a row where its values start at columns the widest row shows unpushed', () => {
    // `３０９` and the stacked `３５８` were not pushed: their starts are their columns' starts.
    const packed = table.replace('甲类            １２   ３    ４    １９', '甲类            １２                 １９').replace('４    ９', '４ ９');
    expect(rows(packed)[0]).toEqual(['甲类', '１２', '', '', '１９']);
  });

  it('leaves a piece that could belong to the row above or the row below out, with a warning', () => {
    const warnings: Warning[] = [];
    const ambiguous = ['甲类            １２   ３    ４', '                                 ５', '乙类            ２０   ６    ７', '', '丙类            １   ２    ３    ６'].join('\n');
    const read = rows(ambiguous, warnings);
    expect(read.flat()).not.toContain('５');
    expect(warnings.map((w) => [w.code, w.origin?.line])).toEqual([['W_CELL_UNALIGNED', 2]]);
  });

  it('keeps the label text of such a piece as a wrapped label line', () => {
    const warnings: Warning[] = [];
    // between two numbered rows, a line in the second label column: its 续行 stays label text
    const orphan = ['1.甲类        １２   ３    ４', '      续行                     ５', '2.乙类        ２０   ６    ７', '', '3.丙类        １   ２    ３    ６'].join('\n');
    const read = rows(orphan, warnings);
    expect(read.flat()).not.toContain('５');
    expect(read.flat().some((c) => c.includes('续行'))).toBe(true);
    expect(read.map((r) => r.slice(-4))).toEqual([['１２', '３', '４', ''], ['２０', '６', '７', ''], ['１', '２', '３', '６']]);
    expect(warnings.map((w) => [w.code, w.origin?.line])).toEqual([['W_CELL_UNALIGNED', 2]]);
  });

  it('reads a row whose cells wrapped both ways: first parts above, single-line cells, last parts below', () => {
    const both = ['甲类            １２   ３    ４    １９', '', '                ３，７ ２８', '乙类                      ５２  ２９９', '                ９６   ６', '', '丙类            １   ２    ３    ６'].join('\n');
    expect(rows(both)[1]).toEqual(['乙类', '３，７９６', '２８６', '５２', '２９９']);
  });

  it('leaves a row empty when one of its values lies between two columns, with a warning', () => {
    const warnings: Warning[] = [];
    // Value columns centred at 10, 17, 24 and 31 (characters); the 7 at 20.5, halfway between two.
    const between = ['甲类       10     20     30     60', '', `乙类       5${' '.repeat(10)}7${' '.repeat(9)}12`, '', '丙类       1      2      3      6'].join('\n');
    const read = rows(between, warnings);
    expect(read[1]).toEqual(['乙类', '', '', '', '']);
    expect(warnings.map((w) => [w.code, w.origin?.line])).toEqual([['W_CELL_UNALIGNED', 3]]);
    expect(read[2]).toEqual(['丙类', '1', '2', '3', '6']);
  });

  it('does not stack pieces that do not make one number', () => {
    const warnings: Warning[] = [];
    const mixed = ['甲类            １２   ３    ４    １９', '', '                                 -', '乙类            ３０９ ４    ９', '                                 ８'].join('\n');
    expect(rows(mixed, warnings)[1]).toEqual(['乙类', '３０９', '４', '９', '']);
    expect(warnings[0]).toMatchObject({ code: 'W_CELL_UNALIGNED', origin: { line: 4 } });
  });
});

describe('layout fixtures in narrow columns (scripts/make-text-fixtures.mjs)', () => {
  it('has fixtures with full-width digits and thousands, blank and dash cells, and the wrapped dash row', () => {
    const names = narrow.map((e) => e.file);
    for (const n of ['fullwidth', 'fullwidth-dash', 'fullwidth-blank', 'thousands', 'thousands-dash', 'thousands-blank', 'fullwidth-thousands', 'fullwidth-thousands-dash', 'docx'])
      expect(names).toContain(`layout-narrow-${n}.txt`);
    expect(names).toContain('layout-dash-wrapped-label.txt');
  });

  // Read whole: no blank cells, no row cut by a page break with its numbers on the next page.
  const WHOLE = ['fullwidth', 'fullwidth-dash', 'thousands', 'thousands-dash', 'docx'].map((n) => `layout-narrow-${n}.txt`).concat('layout-dash-wrapped-label.txt');

  for (const entry of narrow) {
    const spec = specOf(entry);
    const whole = WHOLE.includes(entry.file);
    it(`${entry.file}: ${whole ? 'every cell as the spec says' : 'no number in a wrong cell, every empty cell of a printed value warned'}`, async () => {
      const report = await parseFile(join(FIXTURES, 'text', entry.file));
      expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
      if (whole) {
        expect(wrongCells(report, spec)).toEqual([]);
        return;
      }
      const placed = Object.entries(spec.expected).filter(([key, value]) => {
        const got = cellAt(report.tables, key)?.value ?? null;
        return got !== null && got !== value;
      });
      expect(placed).toEqual([]);
      const wrongRows = placed.map(([key]) => key.replace(/\.[^.]+$/, '.'));
      const unaligned = new Set(report.warnings.filter((w) => w.code === 'W_CELL_UNALIGNED').map((w) => w.origin?.line));
      const missing = report.warnings.filter((w) => w.code === 'W_ROW_MISSING').map((w) => w.cell!);
      for (const [key, value] of Object.entries(spec.expected)) {
        const cell = cellAt(report.tables, key);
        if (value === null || (cell?.value ?? null) !== null || wrongRows.some((r) => key.startsWith(r))) continue;
        const explained = (cell?.origin?.line !== undefined && unaligned.has(cell.origin.line)) || missing.some((m) => `tables.${key}`.startsWith(`tables.${m.replace(/^tables\./, '')}.`));
        expect(explained, `${key}: ${value} read as null without a warning`).toBe(true);
      }
    });
  }

  it('reads the dash row whose group label wraps below it (`（三 1.属于国家秘密 - - …`) as zeros', async () => {
    const report = await parseFile(join(FIXTURES, 'text', 'layout-dash-wrapped-label.txt'));
    for (const c of ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'])
      expect(cellAt(report.tables, `applications.denied.stateSecret.${c}`)).toMatchObject({ value: 0, raw: '-' });
  });

  it('stacks 三（七）总计 of the DOCX-made report back into ３５８ and keeps every value in its column', async () => {
    const report = await parseFile(join(FIXTURES, 'text', 'layout-narrow-docx.txt'));
    expect(cellAt(report.tables, 'applications.totalProcessed.total')).toMatchObject({ value: 358, raw: '３５８' });
    expect(report.warnings.filter((w) => /W_ROW_|W_CHECK/.test(w.code))).toEqual([]);
  });
});
