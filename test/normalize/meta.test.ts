import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model.js';
import { parseDate, readMeta } from '../../src/normalize/meta.js';

const doc = (lines: string[], meta: Document['meta'] = {}): Document => ({
  format: 'text',
  meta,
  blocks: lines.map((text, i) => ({ kind: 'paragraph', text, origin: { line: i + 1 } })),
});

describe('metadata', () => {
  it('agency and year from a title split over two lines, date from the signature', () => {
    const meta = readMeta(doc([' 许昌市建安区小召乡人民政府', '关于2022年政府信息公开工作的年度报告', '正文', '小召乡人民政府', '2023年1月6日']), []);
    expect(meta).toMatchObject({ agency: '许昌市建安区小召乡人民政府', agencyFrom: 'title', year: 2022, published: '2023-01-06', level: 'township' });
  });

  it('a title broken before 年度报告', () => {
    const meta = readMeta(doc(['2024 年上海市科委政府信息公开工作', '年度报告', '正文']), []);
    expect(meta.agency).toBe('上海市科委');
    expect(meta.year).toBe(2024);
  });

  it('the full name where the opening prose gives one, not any longer run of characters', () => {
    const meta = readMeta(doc(['洪泽区人民政府', '2023年政府信息公开工作年度报告', '本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。']), []);
    expect(meta.agency).toBe('淮安市洪泽区人民政府');
    expect(readMeta(doc(['洪泽区人民政府2023年政府信息公开工作年度报告', '本报告由洪泽区人民政府办公室编制。']), []).agency).toBe('洪泽区人民政府');
  });

  it('the page date when the report has no signature date', () => {
    const meta = readMeta(doc(['2019年上海市人民政府办公厅政府信息公开工作年度报告', '发布日期：2020-01-31', '正文']), []);
    expect(meta.published).toBe('2020-01-31');
  });

  it('the signature agency, then page furniture, when the title names none', () => {
    const warnings: never[] = [];
    expect(readMeta(doc(['政府信息公开工作年度报告', '正文', '某某县交通运输局', '二〇二三年一月十六日']), warnings)).toMatchObject({
      agency: '某某县交通运输局',
      agencyFrom: 'signature',
      published: '2023-01-16',
    });
    expect(readMeta(doc(['政府信息公开工作年度报告', '正文'], { agency: '某某县交通运输局' }), []).agencyFrom).toBe('page');
  });

  it('warns instead of guessing', () => {
    const warnings: { code: string }[] = [];
    const meta = readMeta(doc(['一段没有标题的文字']), warnings as never);
    expect(meta.agency).toBeNull();
    expect(meta.year).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(['W_AGENCY_MISSING', 'W_YEAR_MISSING', 'W_DATE_MISSING']);
  });

  it('parses written dates', () => {
    expect(parseDate('2023年1月6日')).toBe('2023-01-06');
    expect(parseDate('二〇二三年十二月三十一日')).toBe('2023-12-31');
    expect(parseDate('2020-01-31')).toBe('2020-01-31');
    expect(parseDate('2023年13月1日')).toBeNull();
  });
});
