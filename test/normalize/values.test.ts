import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseValue } from '../../src/normalize/values.js';

describe('parseValue', () => {
  it.each([
    ['0', 0, 'number'],
    ['12', 12, 'number'],
    ['１２', 12, 'number'],
    ['1,234', 1234, 'number'],
    ['1，234', 1234, 'number'],
    ['7730.28', 7730.28, 'number'],
    ['-3', -3, 'number'],
    ['—', 0, 'none'],
    ['－', 0, 'none'],
    ['-', 0, 'none'],
    ['/', 0, 'none'],
    ['／', 0, 'none'],
    ['无', 0, 'none'],
    ['22（其中修订 16 件）', 22, 'annotated'],
    ['55（含自然失效 29 件）', 55, 'annotated'],
    ['251000元', 251000, 'annotated'],
    ['十二', 12, 'annotated'],
  ])('%s → %s', (raw, value, kind) => {
    expect(parseValue(raw)).toEqual({ value, kind });
  });

  it.each(['', ' ', '\u00a0', '\n'])('blank %j is null, never 0', (raw) => {
    expect(parseValue(raw)).toEqual({ value: null, kind: 'empty' });
  });

  it.each(['不详', '见附件', '12件以上'])('%s is unreadable: null', (raw) => {
    expect(parseValue(raw)).toEqual({ value: null, kind: 'unreadable' });
  });

  it('reads Chinese numerals with units and digit by digit', () => {
    expect(chineseNumeral('一百零五')).toBe(105);
    expect(chineseNumeral('二〇二三')).toBe(2023);
    expect(chineseNumeral('三万二千')).toBe(32000);
  });
});
