import { describe, expect, it } from 'vitest';
import { foldDocument, foldRadicals, hasRadicals } from '../../src/parsers/fold.js';
import type { Document } from '../../src/model.js';

describe('foldRadicals', () => {
  it('maps Kangxi Radicals (NFKC), the CJK Radicals Supplement (table) and compatibility ideographs', () => {
    expect(foldRadicals('⼯区⼈⺠政府')).toBe('工区人民政府');
    expect(foldRadicals('⾏政复议 ⽉⽇')).toBe('行政复议 月日');
    expect(foldRadicals('⻓⻔⻅⻋⻢⻥⻦⻬⻮⻰⻳')).toBe('长门见车马鱼鸟齐齿龙龟');
    expect(foldRadicals('\uf967予公开')).toBe('不予公开');
  });
  it('leaves everything else alone, full-width digits and circled numbers included', () => {
    const text = '２０２３年①（一）人民政府—12';
    expect(foldRadicals(text)).toBe(text);
    expect(hasRadicals(text)).toBe(false);
    expect(hasRadicals('⺠')).toBe(true);
  });
});

describe('foldDocument', () => {
  it('folds paragraphs, cells and meta, keeping the printed text where it changed and merged cells shared', () => {
    const merged = { text: '⾏政许可', row: 0, col: 0, rowSpan: 1, colSpan: 2, origin: {} };
    const plain = { text: '12', row: 1, col: 0, rowSpan: 1, colSpan: 1, origin: {} };
    const document: Document = {
      format: 'html',
      blocks: [
        { kind: 'paragraph', text: '⼯作', origin: {} },
        { kind: 'paragraph', text: '工作', origin: {} },
        { kind: 'table', grid: [[merged, merged], [plain]], origin: {} },
      ],
      meta: { title: '⼈⺠政府年报', agency: '⼯区' },
    };
    const folded = foldDocument(document);
    expect(folded.blocks[0]).toMatchObject({ text: '工作', printed: '⼯作' });
    expect(folded.blocks[1]).toBe(document.blocks[1]);
    const grid = (folded.blocks[2] as Extract<Document['blocks'][number], { kind: 'table' }>).grid;
    expect(grid[0][0]).toMatchObject({ text: '行政许可', printed: '⾏政许可' });
    expect(grid[0][1]).toBe(grid[0][0]);
    expect(grid[1][0]).toBe(plain);
    expect(folded.meta).toMatchObject({ title: '人民政府年报', agency: '工区' });
  });
});
