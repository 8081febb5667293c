import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model.js';
import { findHeadings } from '../../src/normalize/sections.js';

const doc = (lines: string[]): Document => ({
  format: 'text',
  meta: {},
  blocks: lines.map((text, i) => ({ kind: 'paragraph', text, origin: { line: i + 1 } })),
});

describe('section headings', () => {
  it.each([
    ['一、总体情况', 1],
    ['1、 总体情况', 1],
    ['1.总体情况', 1],
    ['（一）总体情况', 1],
    ['第一部分 总体情况', 1],
    ['１．总体情况', 1],
    ['二 、 主 动 公 开 政 府 信 息 情 况', 2],
    ['四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', 4],
    ['五、政府信息公开工作存在的主要问题及改进情况', 5],
    ['六、其他需要报告的事项', 6],
    ['三、收到和处理政府信息公开申请情况', 3],
  ])('%s → part %i', (text, number) => {
    expect(findHeadings(doc(['前言', text, '正文'])).map((h) => h.number)).toEqual([number]);
  });

  it('keys by title when the number is wrong, and prefers the exact title', () => {
    const headings = findHeadings(doc(['一、总体情况', '四、政府信息公开申请情况', '一、主动公开政府信息情况', '二、收到和处理政府信息公开申请情况']));
    expect(headings.map((h) => [h.number, h.text])).toEqual([
      [1, '一、总体情况'],
      [2, '一、主动公开政府信息情况'],
      [3, '二、收到和处理政府信息公开申请情况'],
    ]);
  });

  it('does not take prose or sub-heads for titles', () => {
    const headings = findHeadings(
      doc(['（一）主动公开', '（二）依申请公开', '2022年，我乡政府信息公开行政复议情况。', '全年主动公开政府信息情况良好，' + '共计发布信息88条，其中政策解读1篇，工作动态30条。']),
    );
    expect(headings).toEqual([]);
  });
});
