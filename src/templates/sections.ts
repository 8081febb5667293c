// The six parts of a report: how their headings are numbered and titled.
import type { SectionKey } from '../schema.js';

export interface SectionTitle {
  number: number;
  key: SectionKey;
  /** The template's title; a heading matching it scores best. */
  exact: RegExp;
  /** Titles real reports use instead. */
  variants: RegExp[];
}

export const SECTION_TITLES: SectionTitle[] = [
  { number: 1, key: 'overview', exact: /^总体情况$/, variants: [/^概述$/, /^基本情况$/, /总体情况/] },
  { number: 2, key: 'activeDisclosure', exact: /^主动公开政府信息情况$/, variants: [/主动公开政府信息/] },
  { number: 3, key: 'applications', exact: /^收到和处理政府信息公开申请情况$/, variants: [/收到和处理.*申请/] },
  {
    number: 4,
    key: 'reviewsAndLawsuits',
    exact: /^政府信息公开行政复议、?行政诉讼情况$/,
    variants: [/行政复议.{0,4}行政诉讼/, /申请行政复议.*提起行政诉讼/],
  },
  {
    number: 5,
    key: 'problems',
    exact: /^存在的主要问题及改进情况$/,
    variants: [/存在的主要问题/, /问题及改进/, /^主要问题$/],
  },
  { number: 6, key: 'other', exact: /^其他需要报告的事项$/, variants: [/其他需要报告/] },
];

/**
 * The seven parts of a free-form report (the old 条例's years, before the 2019 template): fees
 * were a part of their own, and 依申请公开 had other titles. Numbers are their places in the
 * provincial guidance's order; a report that leaves one out still names the others by title.
 */
export const FREEFORM_SECTION_TITLES: SectionTitle[] = [
  { number: 1, key: 'overview', exact: /^概述$/, variants: [/^基本情况$/, /^总体情况$/, /^概况$/] },
  { number: 2, key: 'activeDisclosure', exact: /^主动公开政府信息(?:的)?情况$/, variants: [/主动公开/] },
  {
    number: 3,
    key: 'applications',
    exact: /^依申请公开政府信息和不予公开政府信息(?:的)?情况$/,
    variants: [/依申请公开/, /不予公开政府信息/],
  },
  { number: 4, key: 'fees', exact: /^政府信息公开(?:的)?收费及减免(?:的)?情况$/, variants: [/收费及减免/, /收费.{0,4}减免/] },
  {
    number: 5,
    key: 'reviewsAndLawsuits',
    exact: /^因政府信息公开申请行政复议、?提起行政诉讼(?:的)?情况$/,
    variants: [/行政复议.{0,8}行政诉讼/, /申请行政复议/],
  },
  { number: 6, key: 'problems', exact: /^(?:政府信息公开工作)?存在的主要问题(?:及|和)改进措施$/, variants: [/存在的主要问题/, /问题(?:及|和)改进/] },
  { number: 7, key: 'other', exact: /^其他需要报告的事项$/, variants: [/其他需要报告/] },
];

const CHINESE_DIGITS = '一二三四五六七八九十';

/** Numbering that opens a heading: 一、 1、 1. （一） (一) 第一部分 １． and none. */
export const HEADING_NUMBER = new RegExp(
  `^(?:第([${CHINESE_DIGITS}\\d]+)部分[、.:：]?|（([${CHINESE_DIGITS}]+)）|([${CHINESE_DIGITS}]+)[、.．:：]|(\\d+)[、.．:：]?(?!\\d))`,
);

export function numberValue(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const i = CHINESE_DIGITS.indexOf(text);
  return i >= 0 && text.length === 1 ? i + 1 : null;
}

/** A heading is short; longer lines are prose that mentions a title. */
export const MAX_HEADING_LENGTH = 40;

/**
 * Part titles as they stand inside a line of run-together text (crawled pages print the whole
 * article on one line): the printed Chinese number, then the title. Looser than `exact` for the
 * typos real pages carry (行政法复议), stricter in needing the number.
 */
export const INLINE_TITLES: Record<number, RegExp> = {
  1: /总体情况|概述|基本情况/,
  2: /主动公开政府信息情况/,
  3: /收到和处理政府信息公开申请情况/,
  4: /政府信息公开行政.?复议、?行政诉讼情况/,
  5: /存在的主要问题(?:及(?:改进情况|明年工作计划|改进措施|整改情况))?/,
  6: /其他需要报告的事项/,
};

/**
 * Free-form part titles as they stand inside a line, keyed by their numbers in
 * FREEFORM_SECTION_TITLES; the looser wordings the old reports print (政府信息主动公开情况,
 * 政府信息依申请公开工作情况, 申请行政复议、提起行政诉讼和申诉的情况, 存在的主要问题和改进措施)
 * are here, the bare mentions the section finder's variants accept (主动公开, 依申请公开) are not.
 */
export const FREEFORM_INLINE_TITLES: Record<number, RegExp> = {
  1: /概述|基本情况|总体情况|概况/,
  2: /(?:主动公开政府信息(?:的)?|政府信息主动公开)(?:工作)?情况/,
  3: /(?:政府信息)?依申请公开[^。，；\s]{0,20}?情况/,
  4: /(?:政府信息公开)?(?:的)?收费(?:及|和)减免(?:的)?情况/,
  5: /(?:因政府信息公开)?申请行政复议、?提起行政诉讼[^。，；\s]{0,6}?情况/,
  6: /(?:政府信息公开工作)?存在的主要问题(?:(?:及|和)(?:改进|整改)(?:措施|情况))?/,
  7: /其他需要报告的事项/,
};

/**
 * Regex source for a part number printed before a title inside a line: 二、 for each of
 * `numbers`, and with `parts` also 第二部分.
 */
export function inlineNumber(numbers: number[], parts = false): string {
  const digits = numbers.map((n) => CHINESE_DIGITS[n - 1]).join('');
  return parts ? `(?:[${digits}]、|第[${digits}]部分[、:：]?)` : `[${digits}]、`;
}
