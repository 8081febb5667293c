// Table 四 from the row stream: one row of fifteen values under a header naming 行政复议, or,
// where a converter broke it up, three rows of five values each under its group's label.
import type { Cell, Warning } from '../../schema.js';
import { REVIEW_COLUMNS, REVIEW_GROUP_LABELS, REVIEW_GROUPS, REVIEWS_MARKERS } from '../../templates/reviews-and-lawsuits.js';
import { readCell } from '../cells.js';
import type { Row, RowCell } from '../rows.js';

const GROUP_WIDTH = REVIEW_COLUMNS.length;
const WIDTH = REVIEW_GROUPS.length * GROUP_WIDTH;
/** How far above its values the header may stand (the header has up to three rows, plus
 *  stray label lines in broken conversions). */
const HEADER_REACH = 10;

export interface ReviewsFound {
  cells: Map<string, Cell>;
  row: Row;
}

/** The first `width` values of a row, or its last ones when trailing cells are not blank. */
function take(values: RowCell[], width: number): RowCell[] {
  const extra = values.slice(width);
  return extra.every((c) => c.text.trim() === '') ? values.slice(0, width) : values.slice(-width);
}

function cellsOf(groups: RowCell[][], warnings: Warning[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  REVIEW_GROUPS.forEach((group, g) =>
    REVIEW_COLUMNS.forEach((column, c) => {
      const key = `${group}.${column}`;
      cells.set(key, readCell(groups[g][c], `reviewsAndLawsuits.${key}`, warnings));
    }),
  );
  return cells;
}

function oneRow(rows: Row[], from: number, warnings: Warning[]): ReviewsFound | null {
  for (let i = from; i < rows.length; i++) {
    const row = rows[i];
    if (row.values.length < WIDTH) continue;
    const header = rows.slice(Math.max(from, i - HEADER_REACH), i);
    if (!header.some((h) => REVIEWS_MARKERS.review.test(h.text))) continue;
    const values = take(row.values, WIDTH);
    return { cells: cellsOf(REVIEW_GROUPS.map((_, g) => values.slice(g * GROUP_WIDTH, (g + 1) * GROUP_WIDTH)), warnings), row };
  }
  return null;
}

/** Each group's five values: the first row of exactly five after a label naming that group. */
function threeRows(rows: Row[], from: number, warnings: Warning[]): ReviewsFound | null {
  const groups: RowCell[][] = [];
  let first: Row | null = null;
  let i = from;
  for (const group of REVIEW_GROUPS) {
    const label = rows.findIndex((row, at) => at >= i && row.values.length < GROUP_WIDTH && REVIEW_GROUP_LABELS[group].test(row.text));
    if (label < 0) return null;
    const data = rows.findIndex((row, at) => at > label && at <= label + HEADER_REACH && row.values.length >= GROUP_WIDTH && row.values.length < WIDTH);
    if (data < 0) return null;
    groups.push(take(rows[data].values, GROUP_WIDTH));
    first ??= rows[data];
    i = data + 1;
  }
  return { cells: cellsOf(groups, warnings), row: first! };
}

export function readReviews(rows: Row[], from: number, warnings: Warning[]): ReviewsFound | null {
  return oneRow(rows, from, warnings) ?? threeRows(rows, from, warnings);
}
