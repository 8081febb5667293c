// Expands HTML-style rows of cells (rowspan/colspan) into the model's grid, where a merged
// cell is one object placed at every position it covers.
import type { TableCell } from '../model.js';
import type { Origin } from '../schema.js';

export interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** A colspan above this is taken as absurd and clamped to the width the other rows give
 *  (HTML allows 1000; no report table is near 100 columns). Rowspans are clamped to the rows
 *  the table has. */
export const PLAUSIBLE_COLSPAN = 100;

/** Parse a span attribute as browsers do: leading digits, default 1; 0 is kept for rowspan. */
export function parseSpan(value: string | undefined, allowZero: boolean): number {
  const match = /^\s*(\d+)/.exec(value ?? '');
  if (!match) return 1;
  const n = Number(match[1]);
  if (n === 0) return allowZero ? 0 : 1;
  return n;
}

/**
 * Build the grid. `origin` is the table's own origin; cells get `{ ...origin, row, col }`.
 * Rows that end up with no cell at all are dropped; short rows are padded with empty cells so
 * that the grid is rectangular.
 */
export function buildGrid(rows: RawCell[][], origin: Origin): TableCell[][] {
  // First pass with absurd colspans as 1 gives the table's plausible width; the second lets
  // an absurd colspan run to that right edge.
  const width = place(rows, origin, () => 1).reduce((w, row) => Math.max(w, row.length), 1);
  return finish(place(rows, origin, (c) => Math.max(1, width - c)), origin);
}

function place(rows: RawCell[][], origin: Origin, absurd: (col: number) => number): (TableCell | undefined)[][] {
  const grid: (TableCell | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const raw of cells) {
      while (grid[r][c]) c++;
      // rowspan="0" and rowspans past the last row end at the last row, as in browsers.
      const rowSpan = raw.rowSpan === 0 ? rows.length - r : Math.max(1, Math.min(raw.rowSpan, rows.length - r));
      const colSpan = raw.colSpan > PLAUSIBLE_COLSPAN ? absurd(c) : Math.max(1, raw.colSpan);
      const cell: TableCell = { text: raw.text, row: r, col: c, rowSpan, colSpan, origin: { ...origin, row: r, col: c } };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) grid[r + dr][c + dc] ??= cell;
      c += colSpan;
    }
  });
  return grid;
}

function finish(grid: (TableCell | undefined)[][], origin: Origin): TableCell[][] {
  // Drop rows with no cell (<tr></tr>): no span crosses them, so renumbering is safe.
  const newIndex = new Map<number, number>();
  grid.forEach((row, r) => {
    if (row.some(Boolean)) newIndex.set(r, newIndex.size);
  });
  const kept = grid.filter((row) => row.some(Boolean));
  const width = kept.reduce((w, row) => Math.max(w, row.length), 0);
  const seen = new Set<TableCell>();
  return kept.map((row, r) => {
    const out: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      let cell = row[c];
      if (!cell) cell = { text: '', row: r, col: c, rowSpan: 1, colSpan: 1, origin: { ...origin, row: r, col: c } };
      else if (!seen.has(cell)) {
        seen.add(cell);
        const top = newIndex.get(cell.row) ?? cell.row;
        if (top !== cell.row) {
          cell.row = top;
          cell.origin = { ...cell.origin, row: top };
        }
      }
      out.push(cell);
    }
    return out;
  });
}
