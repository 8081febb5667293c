// Table 四 from the row stream: one row of fifteen values under a header naming 行政复议.
import type { Cell, Warning } from '../../schema.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS, REVIEWS_MARKERS } from '../../templates/reviews-and-lawsuits.js';
import { readCell } from '../cells.js';
import type { Row } from '../rows.js';

const WIDTH = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;
/** How far above its values the header may stand (the header has up to three rows, plus
 *  stray label lines in broken conversions). */
const HEADER_REACH = 10;

export interface ReviewsFound {
  cells: Map<string, Cell>;
  row: Row;
}

export function readReviews(rows: Row[], from: number, warnings: Warning[]): ReviewsFound | null {
  for (let i = from; i < rows.length; i++) {
    const row = rows[i];
    if (row.values.length < WIDTH) continue;
    const header = rows.slice(Math.max(from, i - HEADER_REACH), i);
    if (!header.some((h) => REVIEWS_MARKERS.review.test(h.text))) continue;
    const extra = row.values.slice(WIDTH);
    const values = extra.every((c) => c.text.trim() === '') ? row.values.slice(0, WIDTH) : row.values.slice(-WIDTH);
    const cells = new Map<string, Cell>();
    REVIEW_GROUPS.forEach((group, g) =>
      REVIEW_COLUMNS.forEach((column, c) => {
        const key = `${group}.${column}`;
        cells.set(key, readCell(values[g * REVIEW_COLUMNS.length + c], `reviewsAndLawsuits.${key}`, warnings));
      }),
    );
    return { cells, row };
  }
  return null;
}
