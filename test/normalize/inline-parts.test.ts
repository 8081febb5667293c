import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model.js';
import { cutInlineParts } from '../../src/normalize/inline-parts.js';

const doc = (...texts: string[]): Document => ({ format: 'text', blocks: texts.map((text, i) => ({ kind: 'paragraph', text, origin: { line: i + 1 } })), meta: {} });
const texts = (d: Document) => d.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));

describe('cutInlineParts', () => {
  it('cuts a run-together article at the numbered part titles inside it', () => {
    const line = '本报告根据《条例》编制，数据统计时限为2022年。 一、总体情况 2022年，本区扎实推进政务公开。 二、主动公开政府信息情况第二十条第（一）项 规章000行政事业性收费9116.36 三、收到和处理政府信息公开申请情况（本列数据…）四、结转下年度继续办理0000000四、政府信息公开行政法复议、行政诉讼情况行政复议 0 1 1 0 2 五、存在的主要问题及明年工作计划2022年，… 六、其他需要报告的事项 无。';
    expect(texts(cutInlineParts(doc(line)))).toEqual([
      '本报告根据《条例》编制，数据统计时限为2022年。',
      '一、总体情况',
      '2022年，本区扎实推进政务公开。',
      '二、主动公开政府信息情况',
      '第二十条第（一）项 规章000行政事业性收费9116.36',
      '三、收到和处理政府信息公开申请情况',
      '（本列数据…）四、结转下年度继续办理0000000',
      '四、政府信息公开行政法复议、行政诉讼情况',
      '行政复议 0 1 1 0 2',
      '五、存在的主要问题及明年工作计划',
      '2022年，…',
      '六、其他需要报告的事项',
      '无。',
    ]);
  });
  it('leaves a table of contents on one line alone', () => {
    const d = doc('目录 一、总体情况 1 二、主动公开政府信息情况 2 三、收到和处理政府信息公开申请情况 3 四、政府信息公开行政复议、行政诉讼情况 4');
    expect(cutInlineParts(d)).toBe(d);
  });
  it('leaves short paragraphs, titles without their number and wrongly numbered ones alone', () => {
    const d = doc('二、主动公开政府信息情况', '本机关在主动公开政府信息情况方面做了大量工作，并在门户网站集中公开了相关信息，方便群众查阅', '五、主动公开政府信息情况是本年度工作的重点之一，全年共公开信息一千余条，较上年有所增长。');
    expect(cutInlineParts(d)).toBe(d);
  });
});
