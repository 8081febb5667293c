// The template's arithmetic (勾稽关系), per column, row and group. A check reads values and
// reports; it never changes one. ok is null when an input cell is empty.
import { cellAt } from '../cell-keys.js';
import type { Check, Figures, Tables, TemplateVersion, Warning } from '../schema.js';
import { APPLICANT_COLUMNS, RESULT_ROWS, ROWS_2021_ONLY } from '../templates/applications.js';
import { FIGURE_TABLE_CELLS } from '../templates/figures.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '../templates/reviews-and-lawsuits.js';

/** total = Σ parts, all keys relative to `tables`. */
function sumCheck(tables: Tables, id: string, rule: string, total: string, parts: string[], plusOnTotalSide: string[] = []): Check {
  const read = (k: string) => cellAt(tables, k)?.value ?? null;
  const partValues = parts.map(read);
  const totalValues = [total, ...plusOnTotalSide].map(read);
  const complete = partValues.every((v) => v !== null) && totalValues.every((v) => v !== null);
  const sum = (values: (number | null)[]) => round(values.reduce<number>((a, v) => a + (v ?? 0), 0));
  const expected = partValues.every((v) => v !== null) ? sum(partValues) : null;
  const actual = totalValues.every((v) => v !== null) ? sum(totalValues) : null;
  return { id, rule, ok: complete ? expected === actual : null, expected, actual, cells: [total, ...plusOnTotalSide, ...parts].map((k) => `tables.${k}`), soft: false };
}

/**
 * Soft checks: a figure the prose states against the table cells that hold the same number.
 * Prose often counts differently (a whole system, both years), so a failure is a warning of its
 * own (W_FIGURE_MISMATCH), never W_CHECK_FAILED. Only where both the figure and the table exist.
 */
export function figureChecks(figures: Figures, tables: Tables): Check[] {
  const checks: Check[] = [];
  for (const [key, cells] of Object.entries(FIGURE_TABLE_CELLS)) {
    const actual = cellAt(figures, key)?.value ?? null;
    const values = cells.map((k) => cellAt(tables, k)?.value);
    if (actual === null || values.some((v) => v === undefined)) continue;
    const expected = values.every((v) => v !== null) ? round(values.reduce<number>((a, v) => a + (v ?? 0), 0)) : null;
    checks.push({
      id: `figures.${key}`,
      rule: `the figure the prose states = ${cells.join(' + ')}`,
      ok: expected === null ? null : expected === actual,
      expected,
      actual,
      cells: [`figures.${key}`, ...cells.map((k) => `tables.${k}`)],
      soft: true,
    });
  }
  return checks;
}

// Amounts in 万元 have decimals; sums of them must not fail on floating-point noise.
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** One rule of the template's arithmetic: Σ parts = total + Σ plusOnTotalSide. */
export interface ArithmeticRule {
  id: string;
  rule: string;
  total: string;
  parts: string[];
  plusOnTotalSide: string[];
}

/** Table 三's rules for a layout (cell keys with their table prefix). */
export function applicationRules(applicationsLayout: TemplateVersion | null): ArithmeticRule[] {
  const rules: ArithmeticRule[] = [];
  const results = RESULT_ROWS.filter((k) => applicationsLayout !== '2019' || !ROWS_2021_ONLY.includes(k));
  for (const column of APPLICANT_COLUMNS) {
    const at = (row: string) => `applications.${row}.${column}`;
    rules.push({ id: `applications.balance.${column}`, rule: '一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理', total: at('totalProcessed'), parts: [at('newReceived'), at('carriedOver')], plusOnTotalSide: [at('carriedForward')] });
    rules.push({ id: `applications.totalProcessed.${column}`, rule: '三（七）总计 = the sum of the results （一）to（六）', total: at('totalProcessed'), parts: results.map(at), plusOnTotalSide: [] });
  }
  const rows = ['newReceived', 'carriedOver', ...results, 'totalProcessed', 'carriedForward'];
  for (const row of rows) {
    const at = (column: string) => `applications.${row}.${column}`;
    rules.push({ id: `applications.rowTotal.${row}`, rule: '总计 = 自然人 + the five 法人或其他组织 columns', total: at('total'), parts: APPLICANT_COLUMNS.filter((c) => c !== 'total').map(at), plusOnTotalSide: [] });
  }
  return rules;
}

/** Table 四's rules: each group's 总计. */
export function reviewRules(): ArithmeticRule[] {
  return REVIEW_GROUPS.map((group) => {
    const at = (column: string) => `reviewsAndLawsuits.${group}.${column}`;
    return { id: `reviewsAndLawsuits.${group}.total`, rule: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', total: at('total'), parts: REVIEW_COLUMNS.filter((c) => c !== 'total').map(at), plusOnTotalSide: [] };
  });
}

export function runChecks(tables: Tables, applicationsLayout: TemplateVersion | null): Check[] {
  const rules = [...(tables.applications ? applicationRules(applicationsLayout) : []), ...(tables.reviewsAndLawsuits ? reviewRules() : [])];
  return rules.map((r) => sumCheck(tables, r.id, r.rule, r.total, r.parts, r.plusOnTotalSide));
}

export function checkWarnings(checks: Check[]): Warning[] {
  return checks
    .filter((c) => c.ok === false)
    .map((c) =>
      c.soft
        ? { code: 'W_FIGURE_MISMATCH', message: `${c.id}: the prose states ${c.actual}, the table holds ${c.expected} (${c.rule})`, cell: c.id }
        : { code: 'W_CHECK_FAILED', message: `${c.id}: expected ${c.expected}, the report prints ${c.actual} (${c.rule})` },
    );
}
