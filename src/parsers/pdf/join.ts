// Tables continued on the next page: when the last block of a page and the first block of the next
// are tables with the same column boundaries, they are one table.
import type { TableCell } from '../../model.js';
import type { PageTable } from './grid.js';

const SAME_X = 2;

export function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= SAME_X);
}

/** Append `next`'s rows to `first` (cells keep their own page in their origin). */
export function appendRows(first: PageTable, next: PageTable): PageTable {
  const offset = first.grid.length;
  const moved = new Set<TableCell>();
  for (const row of next.grid)
    for (const cell of row)
      if (!moved.has(cell)) {
        moved.add(cell);
        cell.row += offset;
      }
  return { ...first, grid: [...first.grid, ...next.grid], ys: [...first.ys, ...next.ys] };
}
