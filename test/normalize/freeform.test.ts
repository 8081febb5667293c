// Which documents are free-form reports: no template table, a year before 2019 (or no year and
// the old part titles), and a report title or enough part titles; anything else stays as it was.
import { describe, expect, it } from 'vitest';
import { XxgkError } from '../../src/errors.js';
import type { Document } from '../../src/model.js';
import { normalize } from '../../src/normalize/report.js';

const doc = (...paragraphs: string[]): Document => ({
  format: 'text',
  meta: {},
  blocks: paragraphs.map((text, i) => ({ kind: 'paragraph', text, origin: { line: i + 1 } })),
});

const OLD_PARTS = ['一、概述', '工作稳步推进。', '二、主动公开政府信息的情况', '全年主动公开政府信息120条。', '三、依申请公开政府信息和不予公开政府信息的情况', '全年未收到政府信息公开申请。', '四、政府信息公开的收费及减免情况', '未收取任何费用。'];

describe('free-form reports', () => {
  it('a 2010 report with its title and the old part titles: freeform, seven parts looked for, no table warnings', () => {
    const { value, warnings } = normalize(doc('示例县人民政府2010年政府信息公开工作年度报告', ...OLD_PARTS));
    expect(value.meta).toMatchObject({ year: 2010, templateVersion: 'freeform' });
    expect(value.sections.map((s) => [s.number, s.key])).toEqual([
      [1, 'overview'],
      [2, 'activeDisclosure'],
      [3, 'applications'],
      [4, 'fees'],
    ]);
    expect(value.sections[3].text).toBe('未收取任何费用。');
    expect(warnings.map((w) => w.code).sort()).toEqual(['W_AGENCY_UNRESOLVED', 'W_DATE_MISSING', 'W_SECTION_MISSING', 'W_SECTION_MISSING', 'W_SECTION_MISSING'].sort());
    expect(value.figures.activeDisclosure.items.value).toBe(120);
    expect(value.figures.applications.received.value).toBe(0);
    expect(value.figures.fees.amount.value).toBe(0);
  });

  it('no year, no title, but the old part titles: freeform', () => {
    expect(normalize(doc(...OLD_PARTS)).value.meta.templateVersion).toBe('freeform');
  });

  it('a pre-2019 title and the body on one line (no part found at a line start): freeform', () => {
    const { value } = normalize(doc('平潭县人民政府2011年政府信息公开工作年度报告', '一、概述 本报告…… 三、政府信息依申请公开工作情况 2011年全县未收到有关政府信息公开的申请。四、政府信息公开工作存在的主要问题及改进情况 ……'));
    expect(value.meta.templateVersion).toBe('freeform');
    expect(value.figures.applications.received.value).toBe(0);
  });

  it('a 2012 text that names no report and has no part titles is still not a report', () => {
    expect(() => normalize(doc('2012年工作总结', '全年完成各项任务。'))).toThrow(XxgkError);
  });

  it('a 2020 report without tables keeps its template version by year', () => {
    const { value } = normalize(doc('示例县人民政府2020年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'));
    expect(value.meta.templateVersion).toBe('2019');
  });
});
