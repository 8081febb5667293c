// A .doc table's rows as HTML-style cells with spans. Word's binary format stores each row's
// cells with their left and right edges (sprmTDefTable) and merge flags, not spans: the columns
// are the union of every row's edges, a cell's colspan is how many of them it crosses, and a
// cell flagged "continues the cell above" adds a row to that cell's rowspan.
import type { RawCell } from './html-grid.js';
import type { RowDef } from './doc-props.js';

export interface DocRow {
  /** Text of each cell, paragraphs joined with "\n". */
  cells: string[];
  /** The row's layout, when its row-end mark carried one that fits its cells. */
  def?: RowDef;
}

/** Edges closer than this (twips, 1/1440 inch) are one column edge: writers round widths. */
const EDGE_TOLERANCE = 30;
/** More columns than this from the union of the rows' edges is no report table but rows whose
 *  edges never line up (or a hostile file): its cells are then placed side by side. */
export const MAX_GRID_COLUMNS = 256;

interface Placed extends RawCell {
  col: number;
  /** Continues the cell above (vertical merge). */
  continues: boolean;
}

/** Rows of cells with spans, gaps filled with empty cells, ready for buildGrid or markup. */
export function layoutRows(rows: DocRow[]): RawCell[][] {
  const edges = columnEdges(rows);
  const aligned = edges.length - 1 <= MAX_GRID_COLUMNS;
  const placed = rows.map((row) => placeRow(aligned ? row : { cells: row.cells }, edges));
  // Vertical merges: a continuing cell joins the cell above that starts at its column with its width.
  const open = new Map<number, Placed>();
  const kept: Placed[][] = placed.map((cells) => {
    const out: Placed[] = [];
    const next = new Map<number, Placed>();
    for (const cell of cells) {
      const above = open.get(cell.col);
      if (cell.continues && above && above.colSpan === cell.colSpan) {
        above.rowSpan++;
        if (cell.text) above.text = above.text ? `${above.text}\n${cell.text}` : cell.text;
        next.set(cell.col, above);
        continue;
      }
      out.push(cell);
      next.set(cell.col, cell);
    }
    open.clear();
    for (const [col, cell] of next) open.set(col, cell);
    return out;
  });
  return fillGaps(kept);
}

/** Sorted column edges shared by all rows, near-equal edges merged. */
function columnEdges(rows: DocRow[]): number[] {
  const all = rows.flatMap((row) => row.def?.cells.flatMap((c) => [c.left, c.right]) ?? []).sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of all) if (edges.length === 0 || x - edges[edges.length - 1] > EDGE_TOLERANCE) edges.push(x);
  return edges;
}

/** Index of the edge nearest to x (binary search: edges are sorted). */
function edgeIndex(edges: number[], x: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(edges[lo - 1] - x) <= Math.abs(edges[lo] - x) ? lo - 1 : lo;
}

function placeRow(row: DocRow, edges: number[]): Placed[] {
  const def = row.def;
  // Without a layout that fits, the cells sit side by side, one column each.
  if (!def || def.cells.length !== row.cells.length) return row.cells.map((text, col) => ({ text, col, rowSpan: 1, colSpan: 1, continues: false }));
  const out: Placed[] = [];
  def.cells.forEach((cell, i) => {
    const text = row.cells[i];
    const start = edgeIndex(edges, cell.left);
    const end = Math.max(start + 1, edgeIndex(edges, cell.right));
    const last = out[out.length - 1];
    // Word 97's horizontal merge: cells flagged "merged" fold into the first of their set.
    if (cell.horzMerge >= 2 && last) {
      last.colSpan = end - last.col;
      if (text) last.text = last.text ? `${last.text}\n${text}` : text;
      return;
    }
    out.push({ text, col: start, rowSpan: 1, colSpan: end - start, continues: cell.vertMerge === 1 });
  });
  return out;
}

/** Empty cells where a row leaves a column uncovered, so that cells keep their columns. */
function fillGaps(rows: Placed[][]): RawCell[][] {
  const covered: Set<number>[] = rows.map(() => new Set());
  return rows.map((cells, r) => {
    const out: RawCell[] = [];
    let col = 0;
    const skipCovered = () => {
      while (covered[r].has(col)) col++;
    };
    for (const cell of cells) {
      skipCovered();
      if (cell.col > col) {
        // An empty filler for the uncovered columns before this cell.
        let gap = 0;
        while (col + gap < cell.col && !covered[r].has(col + gap)) gap++;
        if (gap > 0) out.push({ text: '', rowSpan: 1, colSpan: gap });
        col += gap;
        skipCovered();
      }
      out.push({ text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) for (let dc = 0; dc < cell.colSpan; dc++) covered[r + dr].add(col + dc);
      col += cell.colSpan;
    }
    return out;
  });
}
