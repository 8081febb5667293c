// Values of `pdftotext -layout` table rows placed in their columns, when cells wrap: a number
// too wide for its cell is printed in pieces on the lines around its row (full-width `３５８` as
// `３５` above and `８` below the row's other values), and a row with blank cells leaves gaps
// whose place only the positions tell. A value is placed only where that is unambiguous; the
// rest is left empty and reported, never guessed.

export interface ValueToken {
  text: string;
  start: number;
  end: number;
}

const centre = (t: ValueToken) => (t.start + t.end) / 2;

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
 * The value columns: the centres of the reference line (the one with the most values), plus
 * columns right of it that other lines fill (the reference may lack a column whose numbers all
 * wrapped, such as a narrow 总计).
 */
export function valueColumns(reference: ValueToken[], others: ValueToken[][]): number[] {
  const columns = reference.map(centre);
  const spacing = columns.length > 1 ? (columns[columns.length - 1] - columns[0]) / (columns.length - 1) : 4;
  const reach = Math.max(2, 0.75 * spacing);
  const beyond = others
    .flat()
    .map(centre)
    .filter((c) => c > columns[columns.length - 1] + reach)
    .sort((a, b) => a - b);
  for (const c of beyond) {
    const last = columns[columns.length - 1];
    if (c > last + reach) columns.push(c);
  }
  return columns;
}

export interface Placement {
  /** Column of each token, -1 where it has no clear one. */
  at: number[];
  /** Columns left empty because a token could belong to either. */
  unclear: number[];
}

/**
 * Columns for one line's values. All columns filled: by order. Fewer values than columns: by
 * position, and a token about as near to a free neighbouring column as to its own is placed
 * in neither (both left empty).
 */
export function placeValues(values: ValueToken[], columns: number[]): Placement {
  const at = alignInOrder(values.map(centre), columns);
  if (values.length >= columns.length) return { at, unclear: [] };
  const unclear = new Set<number>();
  values.forEach((t, i) => {
    const own = Math.abs(centre(t) - columns[at[i]]);
    const free = [at[i] - 1, at[i] + 1].filter((j) => j >= 0 && j < columns.length && (i === 0 || at[i - 1] < j) && (i === values.length - 1 || at[i + 1] > j));
    for (const j of free)
      if (Math.abs(centre(t) - columns[j]) - own < MARGIN) {
        unclear.add(j);
        unclear.add(at[i]);
      }
  });
  return { at: at.map((c) => (unclear.has(c) ? -1 : c)), unclear: [...unclear].sort((a, b) => a - b) };
}

export interface ValueLine {
  index: number;
  /** The line's label text, if any (a fragment may carry a wrapped label's next line). */
  hasLabel: boolean;
  placement: Placement;
}

const columnsOf = (l: ValueLine) => l.placement.at.filter((c) => c >= 0);

/**
 * Lines that are pieces of a neighbouring row rather than rows: within two lines of a line with
 * more values, in columns that line leaves empty, and not both carrying a label. Returns, per
 * fragment line, the line it belongs to, or -1 where it could belong to the row above or below.
 */
export function fragments(group: ValueLine[]): Map<number, number> {
  const out = new Map<number, number>();
  group.forEach((f, i) => {
    const mine = columnsOf(f);
    if (mine.length === 0) return;
    const fits = [group[i - 1], group[i + 1]].filter((m): m is ValueLine => {
      if (!m || Math.abs(m.index - f.index) > 2) return false;
      const theirs = columnsOf(m);
      return theirs.length > mine.length && !mine.some((c) => theirs.includes(c)) && !(f.hasLabel && m.hasLabel);
    });
    if (fits.length === 1) out.set(f.index, fits[0].index);
    else if (fits.length === 2) out.set(f.index, -1);
  });
  // A main line is never itself a fragment of another.
  for (const [f, m] of out) if (m >= 0 && out.has(m)) out.delete(f);
  return out;
}

/**
 * Do the value positions stray from their columns by more than a blank cell could be told by?
 * Measured over every placed value (the 90th percentile, against a quarter of the column spacing):
 * pdftotext keeps wide columns within a character or two, narrow ones not.
 */
export function positionsWander(lines: ValueToken[][], placements: Placement[], columns: number[]): boolean {
  if (columns.length < 2) return false;
  const spacing = (columns[columns.length - 1] - columns[0]) / (columns.length - 1);
  const off: number[] = [];
  lines.forEach((values, l) => values.forEach((t, i) => placements[l].at[i] >= 0 && off.push(Math.abs(centre(t) - columns[placements[l].at[i]]))));
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
