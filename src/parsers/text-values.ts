// Values of `pdftotext -layout` table rows placed in their columns, when cells wrap: a number
// too wide for its cell is printed in pieces on the lines around its row (full-width `３５８` as
// `３５` above and `８` below the row's other values), and a row with blank cells leaves gaps
// whose place only the positions tell. A value is placed only where that is unambiguous; the
// rest is left empty and reported, never guessed.

export interface ValueToken {
  text: string;
  start: number;
  end: number;
  /** One space after the text before it on its line: pdftotext pushed it right of its own x. */
  pushed?: boolean;
}

/** One cell's value: its pieces top to bottom (one, unless the number wrapped), and its extent. */
export interface ValuePiece {
  start: number;
  end: number;
  texts: { line: number; text: string }[];
  /** Every part was pushed: `start` is only an upper bound of where the cell begins. */
  pushed: boolean;
}

/** A data line's values, for finding the lines that only hold pieces of a neighbour's. */
export interface ValueLine {
  index: number;
  values: ValueToken[];
  /** The line's label text by label column, and whether it begins with a list mark (一、 （二） 3.). */
  labels: { column: number; marker: boolean }[];
}

const centre = (t: { start: number; end: number }) => (t.start + t.end) / 2;


/** A piece of a number printed this near (in characters, centre to centre) to a cell's text is part of that cell. */
const STACK_REACH = 1.5;
/** A token nearer to a second free column than this (in characters) has no clear column. */
const MARGIN = 1;

/** Place tokens (in order) into columns (in order), minimising the distance of their centres. */
export function alignInOrder(centres: number[], columns: number[]): number[] {
  const n = centres.length;
  const k = columns.length;
  if (n > k) return centres.map((_, i) => Math.min(i, k - 1));
  // cost[i][j]: best cost of placing tokens 0..i with token i in column j.
  const cost = centres.map(() => columns.map(() => Infinity));
  const from = centres.map(() => columns.map(() => -1));
  for (let i = 0; i < n; i++)
    for (let j = i; j <= k - n + i; j++) {
      const own = Math.abs(centres[i] - columns[j]);
      if (i === 0) cost[i][j] = own;
      else
        for (let p = i - 1; p < j; p++)
          if (cost[i - 1][p] + own < cost[i][j]) (cost[i][j] = cost[i - 1][p] + own), (from[i][j] = p);
    }
  let best = n - 1;
  for (let j = n - 1; j < k; j++) if (cost[n - 1][j] < cost[n - 1][best]) best = j;
  const out = new Array<number>(n);
  for (let i = n - 1, j = best; i >= 0; j = from[i][j], i--) out[i] = j;
  return out;
}

/**
 * May lines `upper` and `lower` hold parts of one row, by their labels? Not where both carry a
 * label in one label column, unless the lower one continues the upper (no list mark of its own
 * under a list-marked label: `一、本年新收政府信息公` / `开申请数量`).
 */
function sameRowByLabels(upper: ValueLine, lower: ValueLine): boolean {
  return lower.labels.every((l) => {
    const above = upper.labels.filter((u) => u.column === l.column);
    return above.length === 0 || (!l.marker && above.some((u) => u.marker));
  });
}

// Cells of narrow columns stand one space apart: only text over text is in one column.
const disjoint = (a: ValueLine, b: ValueLine) => !a.values.some((t) => b.values.some((u) => t.start < u.end && u.start < t.end));

/**
 * Lines that are pieces of a neighbouring row rather than rows: next to a line with more values
 * (at most two lines away, no other value line between), with no value under or over one of
 * that line's values (or a single value, the rest of one of them), and labels that allow one row. A line that fits the rows above and below
 * alike is the middle of one row whose cells wrapped both ways (the numbers' first parts above
 * it, their last parts below, as pdftotext prints vertically centred cells) where those two
 * lines may be one row; otherwise it could belong to either. Returns, per piece line, the line
 * it belongs to, or -1 where that is not clear.
 */
export function fragments(group: ValueLine[]): Map<number, number> {
  const out = new Map<number, number>();
  const fitsInto = (f: ValueLine, m: ValueLine | undefined): m is ValueLine =>
    m !== undefined &&
    Math.abs(m.index - f.index) <= 2 &&
    (m.index < f.index ? sameRowByLabels(m, f) : sameRowByLabels(f, m)) &&
    // beside the row's values (a line with no fewer), or one piece under or over one of them
    // (a top-aligned row)
    ((disjoint(f, m) && m.values.length >= f.values.length) || (f.values.length === 1 && m.values.length > 1));
  group.forEach((f, i) => {
    const fits = [group[i - 1], group[i + 1]].filter((m) => fitsInto(f, m));
    if (fits.length === 1) out.set(f.index, fits[0].index);
    else if (fits.length === 2) out.set(f.index, -1);
  });
  // The middle line of a row wrapped both ways: the lines above and below are its pieces.
  group.forEach((f, i) => {
    const [above, below] = [group[i - 1], group[i + 1]];
    if (out.get(f.index) !== -1 || !sameRowByLabels(above, below) || !sameRowByLabels(above, f) || !sameRowByLabels(f, below)) return;
    out.delete(f.index);
    for (const [piece, main] of out) if (main === above.index || main === below.index) out.set(piece, f.index);
    out.set(above.index, f.index);
    out.set(below.index, f.index);
  });
  // A piece of a piece belongs to the row that one belongs to.
  for (const [f, m] of out) {
    let row = m;
    for (let hops = 0; row >= 0 && out.has(row) && hops < group.length; hops++) row = out.get(row)!;
    out.set(f, out.has(row) ? -1 : row);
  }
  return out;
}

/** A row's value pieces left to right: its own line's values, and its fragments' stacked by column. */
export function rowPieces(own: ValueToken[], ownLine: number, parts: { line: number; values: ValueToken[] }[]): ValuePiece[] {
  const pieces: ValuePiece[] = own.map((t) => ({ start: t.start, end: t.end, texts: [{ line: ownLine, text: t.text }], pushed: !!t.pushed }));
  for (const part of parts)
    for (const t of part.values) {
      // a piece under or over a value of the row (its own line's too, where the row's middle
      // line has wrapped cells above and below it) is part of that cell
      const free = pieces.filter((p) => p.texts.every((x) => x.line !== part.line));
      const stack =
        free.find((p) => p.start < t.end && t.start < p.end) ??
        free.filter((p) => Math.abs(centre(p) - centre(t)) <= STACK_REACH).sort((a, b) => Math.abs(centre(a) - centre(t)) - Math.abs(centre(b) - centre(t)))[0];
      if (stack) {
        stack.texts.push({ line: part.line, text: t.text });
        if (!t.pushed && (stack.pushed || t.start < stack.start)) stack.start = t.start;
        stack.end = Math.max(stack.end, t.end);
        stack.pushed &&= !!t.pushed;
      } else pieces.push({ start: t.start, end: t.end, texts: [{ line: part.line, text: t.text }], pushed: !!t.pushed });
    }
  for (const p of pieces) p.texts.sort((a, b) => a.line - b.line);
  return pieces.sort((a, b) => centre(a) - centre(b));
}

export interface Placement {
  /** Column of each piece, -1 where it has no clear one. */
  at: number[];
  /** Columns left empty because the positions do not settle them. */
  unclear: number[];
}

/**
 * Columns for one row's values. All columns filled: by order. Fewer values than columns: by
 * position, unless a piece is about as near to a free neighbouring column as to its own; then
 * no value of the row is placed (all left empty).
 */
export function placeValues(values: { start: number; end: number }[], columns: number[]): Placement {
  const at = alignInOrder(values.map(centre), columns);
  if (values.length >= columns.length) return { at, unclear: [] };
  const doubtful = values.some((t, i) => {
    const own = Math.abs(centre(t) - columns[at[i]]);
    const free = [at[i] - 1, at[i] + 1].filter((j) => j >= 0 && j < columns.length && (i === 0 || at[i - 1] < j) && (i === values.length - 1 || at[i + 1] > j));
    return free.some((j) => Math.abs(centre(t) - columns[j]) - own < MARGIN);
  });
  // One unclear value leaves the whole row in doubt: the others were placed by the same positions.
  return doubtful ? unplaced(values, columns) : { at, unclear: [] };
}

const unplaced = (values: unknown[], columns: unknown[]): Placement => ({ at: values.map(() => -1), unclear: columns.map((_, j) => j) });

/** How far (in characters) a cell's start may stray from its column's and still be that column. */
const START_TOLERANCE = 1.5;

/**
 * Columns for a row with blank cells where the widest row's positions are no columns (pdftotext
 * pushed its values together, and shifts what follows full-width text), by where cells start.
 * Only a value that was not pushed says where its cell starts, and only a column whose value on
 * the widest row was not pushed says where it starts; a row is placed only where each of its
 * values starts at such a column and nowhere near another; otherwise no value of it is placed.
 */
export function placeByStarts(values: ValuePiece[], reference: ValuePiece[]): Placement {
  const at: number[] = [];
  for (const v of values) {
    if (v.pushed) return unplaced(values, reference);
    const near = reference.map((p, j) => ({ p, j })).filter(({ p }) => Math.abs(p.start - v.start) <= START_TOLERANCE);
    if (near.length !== 1 || near[0].p.pushed) return unplaced(values, reference);
    const j = near[0].j;
    // A column known only from a pushed value may start anywhere up to the next known one:
    // right after such a column, a value could be its.
    if ((j > 0 && reference[j - 1].pushed && v.start - reference[j - 1].start <= 2 * START_TOLERANCE) || (at.length > 0 && j <= at[at.length - 1]))
      return unplaced(values, reference);
    at.push(j);
  }
  return { at, unclear: [] };
}

/**
 * Do the value positions stray from their columns by more than a blank cell could be told by?
 * Measured over every placed value (the 90th percentile, against a quarter of the column
 * spacing): pdftotext keeps wide columns within a character or two, narrow ones not.
 */
export function positionsWander(rows: { start: number; end: number }[][], placements: Placement[], columns: number[]): boolean {
  if (columns.length < 2) return false;
  const spacing = (columns[columns.length - 1] - columns[0]) / (columns.length - 1);
  const off: number[] = [];
  rows.forEach((values, r) => values.forEach((t, i) => placements[r].at[i] >= 0 && off.push(Math.abs(centre(t) - columns[placements[r].at[i]]))));
  if (off.length === 0) return false;
  off.sort((a, b) => a - b);
  return off[Math.floor(0.9 * (off.length - 1))] > 0.25 * spacing;
}

const NUMBER_PIECES = /^[\d０-９][\d０-９,，.．]*$/;

/** Pieces of one cell stacked over lines, top to bottom: one number, or null when they are not. */
export function stacked(pieces: string[]): string | null {
  if (pieces.length === 1) return pieces[0];
  const text = pieces.join('');
  return NUMBER_PIECES.test(text) ? text : null;
}
