// The three tables where their cells ran together into text: crawled pages print a table as
// `规章000行政规范性文件693665第二十条…`, each row label followed by its values with no
// separator. Each part's text is cut into (label, digits) pairs; a label names its row by the
// template's label data; the digits of all rows of a table are split by split-runs.ts, which
// reads a run only where the template's arithmetic leaves one way to split it. Every other
// cell is null with a warning: a wrong number is far worse than an empty one.
import type { Document } from '../../model.js';
import type { Cell, SectionKey, TemplateVersion, Warning, Origin } from '../../schema.js';
import { APPLICANT_COLUMNS, ROWS_2021_ONLY } from '../../templates/applications.js';
import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, type DisclosureTemplate } from '../../templates/active-disclosure.js';
import { canonicalLabel } from '../../templates/labels.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS, REVIEWS_MARKERS } from '../../templates/reviews-and-lawsuits.js';
import { applicationRules, reviewRules, type ArithmeticRule } from '../checks.js';
import { splitRow, type Row } from '../rows.js';
import type { Heading } from '../sections.js';
import { solveRuns, splitsOf, type DigitRun, type SumRule } from '../split-runs.js';
import { applicationRowKey } from './applications.js';

interface Segment {
  /** Canonical text before the digits: the row's label (and any header words before it). */
  label: string;
  digits: string;
}

interface Region {
  text: string;
  origin: Origin;
  first: Row;
}

/** Digits with at most one decimal point; a trailing digit before "." or "、" and a non-digit
 *  is the next label's item number ("00000002.其他法律…" is 0000000 | 2.其他法律…). */
const RUN = /\d+(?:\.\d+)?/g;

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let label = '';
  let at = 0;
  for (const match of text.matchAll(RUN)) {
    label += text.slice(at, match.index);
    at = match.index + match[0].length;
    let digits = match[0];
    const numbering = /^[.、][^\d]/.test(text.slice(at, at + 2));
    if (numbering) {
      // The last digit opens the next label; what stands before it is this label's run.
      const mark = digits.slice(-1);
      digits = digits.slice(0, -1);
      if (digits !== '') out.push({ label, digits });
      label = mark;
      continue;
    }
    out.push({ label, digits });
    label = '';
  }
  return out;
}

/** Whether a run has digits enough for its row's cells: a figure in prose before the table
 *  ("本年新收政府信息公开申请74件") is not the row. */
const fills = (digits: string, cells: number) => digits.replace('.', '').length >= cells;

/** A part's paragraphs as one canonical text (whitespace inside runs is no separator). */
function region(document: Document, headings: Heading[], key: SectionKey): Region | null {
  const at = headings.findIndex((h) => h.key === key);
  if (at < 0) return null;
  const start = headings[at].block + 1;
  const end = headings[at + 1]?.block ?? document.blocks.length;
  const blocks = document.blocks.slice(start, end);
  if (blocks.length === 0 || blocks.some((b) => b.kind === 'table')) return null;
  const text = canonicalLabel(blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(''));
  const origin = { ...blocks[0].origin, block: start };
  return { text, origin, first: splitRow([{ text: blocks[0].kind === 'paragraph' ? blocks[0].text : '', origin }], start) };
}

/** checks.ts's rules in the form split-runs.ts solves. */
const sumRules = (rules: ArithmeticRule[]): SumRule[] => rules.map((r) => ({ total: r.total, parts: r.parts, plus: r.plusOnTotalSide }));

interface Read {
  cells: Map<string, Cell>;
}

/** Solve the runs and turn them into cells (keys relative to the table), with warnings. */
function settle(table: string, runs: (DigitRun & { row: string })[], rules: SumRule[], origin: Origin, warnings: Warning[]): Read {
  const { splits, consistent, broken } = solveRuns(runs, rules);
  if (!consistent && runs.some((r) => rules.some((rule) => rule.parts.concat(rule.total).some((k) => r.keys.includes(k)))))
    warnings.push({
      code: 'W_RUNS_INCONSISTENT',
      message: `table ${table}: no split of its run-together digits satisfies the template's arithmetic; only runs the digits allow one way were read`,
      origin,
    });
  const cells = new Map<string, Cell>();
  const prefix = `${table}.`;
  runs.forEach((run, r) => {
    const split = splits[r];
    const rel = (key: string) => key.slice(prefix.length);
    if (!split) {
      const why = broken[r] ? 'no split of them adds up to the row\'s total' : 'the template\'s arithmetic does not settle how they split';
      warnings.push({
        code: 'W_CELLS_RUN_TOGETHER',
        message: `${run.row}: the digits "${run.digits}" run ${run.keys.length} cells together and ${why}: the cells are null`,
        origin,
        cell: run.row,
      });
      for (const key of run.keys) cells.set(rel(key), { value: null, raw: null, origin });
      return;
    }
    const ways = splitsOf(run.digits, run.keys.length, 2);
    if (!ways || ways.length > 1)
      warnings.push({
        code: 'W_CELLS_SPLIT_BY_ARITHMETIC',
        message: `${run.row}: the digits "${run.digits}" read as ${split.join(' | ')}, the only split the template's arithmetic allows`,
        origin,
        cell: run.row,
      });
    run.keys.forEach((key, i) => cells.set(rel(key), { value: Number(split[i]), raw: split[i], origin }));
  });
  return { cells };
}

/** Table 二 from the part's run-together text. */
export function runTogetherDisclosure(document: Document, headings: Heading[], year: number | null, warnings: Warning[]) {
  const part = region(document, headings, 'activeDisclosure');
  if (!part) return null;
  const votes = (t: DisclosureTemplate) => t.markers.filter((m) => m.test(part.text)).length;
  const template =
    votes(ACTIVE_DISCLOSURE_2019) > votes(ACTIVE_DISCLOSURE_2021) || (votes(ACTIVE_DISCLOSURE_2021) === 0 && year !== null && year < 2021)
      ? ACTIVE_DISCLOSURE_2019
      : ACTIVE_DISCLOSURE_2021;
  // Row patterns are written for a whole label cell; here the label ends the text before its run.
  const ending = template.rows.map((row) => ({ row, pattern: new RegExp(`(?:${row.pattern.source.replace(/^\^|\$$/g, '')})$`) }));
  const runs: (DigitRun & { row: string })[] = [];
  for (const s of segments(part.text)) {
    const hit = ending.find((e) => e.pattern.test(s.label));
    if (!hit || !fills(s.digits, hit.row.columns.length) || runs.some((r) => r.row.endsWith(`.${hit.row.key}`))) continue;
    runs.push({ row: `${template.table}.${hit.row.key}`, keys: hit.row.columns.map((c) => `${template.table}.${hit.row.key}.${c}`), digits: s.digits });
  }
  if (runs.length === 0) return null;
  const { cells } = settle(template.table, runs, [], part.origin, warnings);
  return { table: template.table, version: template.version, cells, firstRow: part.first };
}

/** Table 三 from the part's run-together text. */
export function runTogetherApplications(document: Document, headings: Heading[], year: number | null, warnings: Warning[]) {
  const part = region(document, headings, 'applications');
  if (!part) return null;
  const found: { key: string; digits: string }[] = [];
  for (const s of segments(part.text)) {
    const key = applicationRowKey(s.label);
    if (!key || !fills(s.digits, APPLICANT_COLUMNS.length) || found.some((f) => f.key === key)) continue;
    found.push({ key, digits: s.digits });
  }
  if (found.length === 0) return null;
  const layout: TemplateVersion = found.some((f) => f.key === 'single:other.other')
    ? '2019'
    : found.some((f) => ROWS_2021_ONLY.includes(f.key)) || year === null || year >= 2021
      ? '2021'
      : '2019';
  const runs = found.map((f) => {
    const key = f.key.replace(/^single:/, '');
    return { row: `applications.${key}`, keys: APPLICANT_COLUMNS.map((c) => `applications.${key}.${c}`), digits: f.digits };
  });
  const { cells } = settle('applications', runs, sumRules(applicationRules(layout)), part.origin, warnings);
  // start/end bound the row readers of the other tables; text runs hold no rows to bound.
  return { cells, layout, firstRow: part.first, start: Infinity, end: 0 };
}

/** Table 四 from the part's run-together text: one run of fifteen after a header naming 行政复议. */
export function runTogetherReviews(document: Document, headings: Heading[], warnings: Warning[]) {
  const part = region(document, headings, 'reviewsAndLawsuits');
  if (!part) return null;
  const keys = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => `reviewsAndLawsuits.${g}.${c}`));
  const runs = segments(part.text).filter((s) => fills(s.digits, keys.length));
  if (runs.length !== 1 || !REVIEWS_MARKERS.review.test(runs[0].label)) return null;
  const { cells } = settle('reviewsAndLawsuits', [{ row: 'reviewsAndLawsuits', keys, digits: runs[0].digits }], sumRules(reviewRules()), part.origin, warnings);
  return { cells, row: part.first };
}
