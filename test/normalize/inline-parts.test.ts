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
  it('cuts a free-form article at its part titles, numbered down where a part is left out, the longest title read', () => {
    const line =
      '本报告由概述、主动公开政府信息情况、政府信息依申请公开工作情况、政府信息公开工作存在的主要问题及改进措施共四个部分组成。一、 概述2015年，我局扎实推进政府信息公开。二、 政府信息主动公开情况（一）主动公开政府信息的数量全年主动公开政府信息211条。三、依申请公开、不予公开及咨询政府信息情况 我局未收到申请。四、因政府信息公开申请行政复议、提起行政诉讼的情况2015年未收到行政复议申请。五、存在的主要问题和改进措施一是公开形式不够多。';
    expect(texts(cutInlineParts(doc(line)))).toEqual([
      '本报告由概述、主动公开政府信息情况、政府信息依申请公开工作情况、政府信息公开工作存在的主要问题及改进措施共四个部分组成。',
      '一、 概述',
      '2015年，我局扎实推进政府信息公开。',
      '二、 政府信息主动公开情况',
      '（一）主动公开政府信息的数量全年主动公开政府信息211条。',
      '三、依申请公开、不予公开及咨询政府信息情况',
      '我局未收到申请。',
      '四、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '2015年未收到行政复议申请。',
      '五、存在的主要问题和改进措施',
      '一是公开形式不够多。',
    ]);
  });
  it('reads free-form titles numbered 第N部分, with and without 的, up to part seven', () => {
    const line =
      '第一部分 基本情况 本局认真贯彻《条例》。第二部分 主动公开政府信息的情况 全年公开信息120条。第三部分 依申请公开政府信息和不予公开政府信息的情况 未收到申请。第四部分 政府信息公开的收费及减免情况 未收取费用。第五部分：因政府信息公开申请行政复议、提起行政诉讼情况 无。六、政府信息公开工作存在的主要问题及改进措施 人员不足。七、其他需要报告的事项 无。';
    expect(texts(cutInlineParts(doc(line)))).toEqual([
      '第一部分 基本情况',
      '本局认真贯彻《条例》。',
      '第二部分 主动公开政府信息的情况',
      '全年公开信息120条。',
      '第三部分 依申请公开政府信息和不予公开政府信息的情况',
      '未收到申请。',
      '第四部分 政府信息公开的收费及减免情况',
      '未收取费用。',
      '第五部分：因政府信息公开申请行政复议、提起行政诉讼情况',
      '无。',
      '六、政府信息公开工作存在的主要问题及改进措施',
      '人员不足。',
      '七、其他需要报告的事项',
      '无。',
    ]);
  });
  it('leaves a free-form table of contents, titles numbered past their place and mere mentions alone', () => {
    const toc = doc('目录 一、概述 1 二、主动公开政府信息的情况 2 三、依申请公开政府信息情况 3 四、政府信息公开的收费及减免情况 4');
    expect(cutInlineParts(toc)).toBe(toc);
    const prose = doc(
      '全年我局坚持以公开为常态，主动公开政府信息情况良好，依申请公开工作情况平稳，收费及减免情况无，存在的主要问题正在整改之中，群众满意度较高。',
      '工作分为三步：一是梳理目录，二是四、依申请公开工作情况的自查，三是完善制度，切实做到应公开尽公开，不断提升群众的满意度。',
    );
    expect(cutInlineParts(prose)).toBe(prose);
  });
});
