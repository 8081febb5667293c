// One printed cell → a number or null, keeping the raw text. Never guesses a 0: only dashes,
// slashes and 无, which reports use to mean "none", become 0.
import { compactText } from '../templates/labels.js';

export type ValueKind = 'number' | 'none' | 'empty' | 'annotated' | 'unreadable';

export interface ParsedValue {
  value: number | null;
  kind: ValueKind;
}

const NONE = /^(?:[—–―─\-－~～/／\\、]+|无|無|没有|零)$/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
// A number followed by a unit or a parenthesised note: "251000元", "22（其中修订16件）".
const ANNOTATED = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:件|个|项|次|条|人|家|元|万元|%)?\s*(?:[（(][^）)]*[）)])?$/;
const CHINESE_NUMERAL = /^[零〇一二两三四五六七八九十百千万]+$/;

export function parseValue(raw: string): ParsedValue {
  const text = compactText(raw).replace(/，/g, ',');
  if (text === '') return { value: null, kind: 'empty' };
  if (NONE.test(text)) return { value: 0, kind: 'none' };
  if (NUMBER.test(text)) return { value: Number(text.replace(/,/g, '')), kind: 'number' };
  const annotated = ANNOTATED.exec(text);
  if (annotated) return { value: Number(annotated[1].replace(/,/g, '')), kind: 'annotated' };
  if (CHINESE_NUMERAL.test(text)) {
    const value = chineseNumeral(text);
    if (value !== null) return { value, kind: 'annotated' };
  }
  return { value: null, kind: 'unreadable' };
}

/** True where a cell's text can stand in a value column (a number, a dash, or nothing). */
export function isValueText(raw: string): boolean {
  return parseValue(raw).kind !== 'unreadable';
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 十二 → 12, 一百零五 → 105, 二〇二三 → 2023 (digit by digit when there are no units). */
export function chineseNumeral(text: string): number | null {
  if (![...text].some((ch) => ch in UNITS)) {
    if (![...text].every((ch) => ch in DIGITS)) return null;
    return Number([...text].map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    } else if (ch in UNITS) {
      section += (digit || 1) * UNITS[ch];
      digit = 0;
    } else return null;
  }
  return total + section + digit;
}
