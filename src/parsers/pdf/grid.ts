// Table grids from ruling lines: group the lines into tables, build the cell lattice, merge cells
// across missing inner borders, and place text in cells by the centre of each piece.
import type { TableCell } from '../../model.js';
import { bboxOf, locate, type Box } from './geometry.js';
import type { Rule, Rules } from './rules.js';
import { cellText, splitPiece, type Piece } from './text.js';

/** Lines this close on the fixed axis are one line (double borders, rounding). */
const TOL = 1.5;
/** Lattice boundaries closer than this are merged: no real row or column is this thin. */
const MIN_CELL = 3;
/** A border must cover this share of a lattice edge to separate two cells. */
const COVER = 0.6;

export interface PageTable extends Box {
  page: number;
  /** Column and row boundaries, ascending. */
  xs: number[];
  ys: number[];
  grid: TableCell[][];
}

/** Merge rules on (nearly) the same line whose extents touch or overlap. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Rule[][] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(r.at - last[0].at) <= TOL) last.push(r);
    else lines.push([r]);
  }
  const out: Rule[] = [];
  for (const line of lines) {
    const at = line.reduce((s, r) => s + r.at, 0) / line.length;
    line.sort((a, b) => a.from - b.from);
    let cur: Rule | undefined;
    for (const r of line) {
      if (cur && r.from <= cur.to + TOL) cur.to = Math.max(cur.to, r.to);
      else {
        if (cur) out.push(cur);
        cur = { at, from: r.from, to: r.to };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Cluster coordinates (with weights) and drop boundaries closer than MIN_CELL. */
function boundaries(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1] > MIN_CELL) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** Connected groups of crossing horizontal and vertical rules: one group per table. */
function components(h: Rule[], v: Rule[]): { h: Rule[]; v: Rule[] }[] {
  const uf = new UnionFind(h.length + v.length);
  // sweep by x so each horizontal meets only the verticals within its extent
  const byX = v.map((r, i) => ({ r, i })).sort((a, b) => a.r.at - b.r.at);
  const xsSorted = byX.map((e) => e.r.at);
  h.forEach((hr, hi) => {
    let k = lowerBound(xsSorted, hr.from - TOL);
    for (; k < byX.length && byX[k].r.at <= hr.to + TOL; k++) {
      const vr = byX[k].r;
      if (hr.at >= vr.from - TOL && hr.at <= vr.to + TOL) uf.union(hi, h.length + byX[k].i);
    }
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  const get = (root: number) => {
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((r, i) => get(uf.find(i)).h.push(r));
  v.forEach((r, i) => get(uf.find(h.length + i)).v.push(r));
  return [...groups.values()];
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does some rule at coordinate `at` cover most of [from, to]? */
function covered(rules: readonly Rule[], at: number, from: number, to: number): boolean {
  let length = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > TOL + 0.5) continue;
    length += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
  }
  return length >= COVER * (to - from);
}

/**
 * Find the tables on a page. Pieces inside a table are removed from `pieces` (the caller keeps
 * the rest as prose).
 */
export function findTables(rules: Rules, pieces: Piece[], page: number): { tables: PageTable[]; rest: Piece[] } {
  const h = mergeRules(rules.horizontal);
  const v = mergeRules(rules.vertical);
  const tables: PageTable[] = [];
  for (const comp of components(h, v)) {
    if (comp.h.length < 2 || comp.v.length < 2) continue;
    const xs = boundaries([...comp.v.map((r) => r.at), Math.min(...comp.h.map((r) => r.from)), Math.max(...comp.h.map((r) => r.to))]);
    const ys = boundaries([...comp.h.map((r) => r.at), Math.min(...comp.v.map((r) => r.from)), Math.max(...comp.v.map((r) => r.to))]);
    if (xs.length < 2 || ys.length < 2 || (xs.length === 2 && ys.length === 2)) continue; // a frame, not a table
    tables.push({ page, xs, ys, grid: lattice(xs, ys, comp.h, comp.v, page), x0: xs[0], y0: ys[0], x1: xs[xs.length - 1], y1: ys[ys.length - 1] });
  }
  // Nested boxes: keep the outer table, its text decides the cells.
  const kept = tables.filter((t) => !tables.some((o) => o !== t && o.x0 <= t.x0 + TOL && o.x1 >= t.x1 - TOL && o.y0 <= t.y0 + TOL && o.y1 >= t.y1 - TOL && area(o) > area(t)));
  const rest: Piece[] = [];
  const cellPieces = new Map<TableCell, Piece[]>();
  for (const piece of pieces) {
    const cx = (piece.x0 + piece.x1) / 2;
    const cy = (piece.y0 + piece.y1) / 2;
    const table = kept.find((t) => cx >= t.x0 && cx <= t.x1 && cy >= t.y0 && cy <= t.y1);
    if (!table) {
      rest.push(piece);
      continue;
    }
    // A piece running across column boundaries (one item for several cells) is split per glyph.
    const crosses = table.xs.some((x) => x > piece.x0 + 1 && x < piece.x1 - 1);
    for (const part of crosses ? splitPiece(piece) : [piece]) {
      const c = locate(table.xs, (part.x0 + part.x1) / 2);
      const r = locate(table.ys, (part.y0 + part.y1) / 2);
      if (r < 0 || c < 0) continue;
      const cell = table.grid[r][c];
      let list = cellPieces.get(cell);
      if (!list) cellPieces.set(cell, (list = []));
      list.push(part);
    }
  }
  for (const [cell, list] of cellPieces) cell.text = cellText(list);
  kept.sort((a, b) => a.y0 - b.y0);
  return { tables: kept, rest };
}

const area = (b: Box): number => (b.x1 - b.x0) * (b.y1 - b.y0);

/** Cells of the lattice, merged where an inner border is missing. */
function lattice(xs: number[], ys: number[], h: Rule[], v: Rule[], page: number): TableCell[][] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Border presence, computed once per lattice edge.
  const right = Array.from({ length: rows }, (_, r) => Array.from({ length: cols - 1 }, (_, c) => covered(v, xs[c + 1], ys[r], ys[r + 1])));
  const below = Array.from({ length: rows - 1 }, (_, r) => Array.from({ length: cols }, (_, c) => covered(h, ys[r + 1], xs[c], xs[c + 1])));
  const grid: (TableCell | undefined)[][] = Array.from({ length: rows }, () => new Array<TableCell | undefined>(cols).fill(undefined));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c]) continue;
      let colSpan = 1;
      while (c + colSpan < cols && !right[r][c + colSpan - 1] && !grid[r][c + colSpan]) colSpan++;
      let rowSpan = 1;
      const open = (rr: number) => {
        for (let k = c; k < c + colSpan; k++) if (below[rr][k] || grid[rr + 1][k]) return false;
        // the merged block must not be cut by a vertical border inside it
        for (let k = c; k < c + colSpan - 1; k++) if (right[rr + 1][k]) return false;
        return true;
      };
      while (r + rowSpan < rows && open(r + rowSpan - 1)) rowSpan++;
      const cell: TableCell = {
        text: '',
        row: r,
        col: c,
        rowSpan,
        colSpan,
        origin: { page, bbox: bboxOf({ x0: xs[c], y0: ys[r], x1: xs[c + colSpan], y1: ys[r + rowSpan] }) },
      };
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) grid[rr][cc] = cell;
    }
  }
  return grid as TableCell[][];
}
