// Table 三 rows whose label wrapped inside its cell and was cut by a page break (LibreOffice
// splits the row: values and the first lines on one page, the rest of the label on the next).
import { describe, expect, it } from 'vitest';
import { tableFromRows, type Document } from '../../src/model.js';
import { rowStream } from '../../src/normalize/rows.js';
import { readApplications } from '../../src/normalize/tables/applications.js';
import type { Warning } from '../../src/schema.js';

const V = (n: number) => [String(n), '0', '0', '0', '0', '0', String(n)];
const BLANK = ['', '', '', '', '', '', ''];

/** One table: the header row, then rows of [three label cells, seven values]. */
function read(rows: string[][]) {
  const cells = [['（本列数据的勾稽关系为：…）', '', '', '申请人情况', '', '', '', '', '', ''], ...rows].map((r) => r.map((text) => ({ text, origin: {} })));
  const document: Document = { format: 'pdf', meta: {}, blocks: [tableFromRows(cells, {})] };
  const warnings: Warning[] = [];
  const found = readApplications(rowStream(document), 2023, warnings)!;
  const value = (key: string) => found.cells.get(`${key}.naturalPerson`)?.value ?? null;
  return { value, codes: warnings.map((w) => w.code).filter((c) => c !== 'W_ROW_MISSING'), found };
}

const head = [['一、本年新收政府信息公开申请数量', '', '', ...V(9)]];
const tail = [['四、结转下年度继续办理', '', '', ...V(1)]];

describe('table 三: a wrapped label cut by a page break', () => {
  it('joins the part without values to the row it was cut from when only the whole label names a row', () => {
    const { value, codes } = read([
      ...head,
      ['三、本年度办理结果', '（三）不予公开', '7.属于行政', ...V(7)],
      ['', '', '执法案卷', ...BLANK],
      ['', '', '8.属于行政查询事项', ...V(8)],
      ...tail,
    ]);
    expect(value('denied.enforcementFiles')).toBe(7);
    expect(value('denied.administrativeQuery')).toBe(8);
    expect(codes).toEqual([]);
  });

  it('joins it too when the part without values alone looks like the row (`5.属于三类` | `内部事务信息`)', () => {
    const { value, codes } = read([...head, ['', '（三）不予公开', '5.属于三类', ...V(5)], ['', '', '内部事务信息', ...BLANK], ...tail]);
    expect(value('denied.internalAffairs')).toBe(5);
    expect(codes).toEqual([]);
  });

  it('prefers the cut label over the group label that alone names the 2019 single row (三（六）其他处理)', () => {
    const { value, found } = read([
      ...head,
      ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...V(1)],
      ['', '（六）其他处理', '2.申请人逾期未按收费', ...V(2)],
      ['', '', '通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...BLANK],
      ['', '（六）其他处理', '3.其他', ...V(3)],
      ...tail,
    ]);
    expect([value('other.overdueCorrection'), value('other.overdueFee'), value('other.other')]).toEqual([1, 2, 3]);
    expect(found.layout).toBe('2021');
  });

  it('keeps a row of its own that has a whole label and no values (a report leaving a row blank)', () => {
    const { value, found } = read([...head, ['', '（三）不予公开', '5.属于三类内部事务信息', ...V(5)], ['', '', '6.属于四类过程性信息', ...BLANK], ...tail]);
    expect(value('denied.internalAffairs')).toBe(5);
    expect(found.cells.get('denied.processInfo.naturalPerson')).toMatchObject({ value: null, raw: '' });
  });
});
