import { describe, expect, it } from 'vitest';
import { readCrawlHeader } from '../../src/parsers/text-crawl.js';
import { parseText } from '../../src/parsers/text.js';

const header = (agency: string) => [
  '标题: 示例市示例区2022年度政府信息公开工作年度报告',
  '发布时间: 2023-02-20 15:07',
  '文号: ',
  `发布机构: ${agency}`,
  '栏目: 政府信息公开年报',
  '原文链接: https://example.gov.cn/zfxxgknb/t20230220_1.htm',
  '==================== 正文 ====================',
];

describe('readCrawlHeader', () => {
  it('reads title, date and agency from the header lines and says where the body starts', () => {
    expect(readCrawlHeader([...header('示例区人民政府办公室'), '本报告…'])).toEqual({
      meta: { title: '示例市示例区2022年度政府信息公开工作年度报告', published: '2023-02-20 15:07', agency: '示例区人民政府办公室' },
      next: 7,
    });
  });
  it('takes an empty 发布机构 or the placeholder "1" for no agency, and never the next line', () => {
    expect(readCrawlHeader(header(''))!.meta.agency).toBeUndefined();
    expect(readCrawlHeader(header('1'))!.meta.agency).toBeUndefined();
  });
  it('needs the title line first and the rule that closes the header', () => {
    expect(readCrawlHeader(['标题: x', '发布时间: 2023-02-20'])).toBeUndefined();
    expect(readCrawlHeader(['正文', ...header('')])).toBeUndefined();
  });
  it('keeps the body lines at their numbers and the header out of the blocks', async () => {
    const bytes = Buffer.from([...header(''), '一、总体情况 2022年，本机关…'].join('\n'));
    const { value } = await parseText(bytes);
    expect(value.meta).toMatchObject({ title: '示例市示例区2022年度政府信息公开工作年度报告', published: '2023-02-20 15:07' });
    expect(value.blocks).toEqual([{ kind: 'paragraph', text: '一、总体情况 2022年，本机关…', origin: { line: 8 } }]);
  });
});
