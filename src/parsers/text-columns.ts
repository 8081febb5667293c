// Tables as `pdftotext -layout` prints them: each table row a line whose cells sit at fixed
// character columns, blank cells as wider gaps, wrapped labels on lines of their own above or
// below the numbers. Columns are found from positions, so a blank cell keeps its place instead
// of letting the values after it slide left.
//
// Positions are counted in characters: pdftotext pads with one space per character cell,
// whatever the glyph's display width (measured on LibreOffice and WPS PDFs).
import { tableFromRows } from '../model.js';
import type { Origin, Warning } from '../schema.js';
import { cleanText, isBlank, isFurniture, LIST_MARKER, type TableRun } from './text-lines.js';
import { isPipeRow } from './text-markdown.js';
import { HEADING_NUMBER, MAX_HEADING_LENGTH, SECTION_TITLES } from '../templates/sections.js';
import { fragments, placeByStarts, placeValues, positionsWander, rowPieces, stacked, type Placement, type ValuePiece } from './text-values.js';

interface Token {
  text: string;
  start: number;
  end: number;
}

type Kind = 'data' | 'header' | 'label';

interface Line {
  index: number;
  tokens: Token[];
  kind: Kind;
  /** Index in tokens of the first value (data lines only). */
  firstValue: number;
}

// A printed value: digits (ASCII or full-width) with separators, a unit or an annotation such
// as "22（其中修订 16 件）"; or a dash, slash or 无 standing for nothing.
const NUMBER = /^[-−]?[\d０-９][\d０-９,，.．]*(元|万元|件|条|个|%)?([（(][^）)]*[）)])?$/;
const NOTHING = /^[—–\-－−/／无]$|^——$/;
export const SENTENCE_END = /[。；！？]$/;
const MAX_BLANKS = 4;

export function isValueToken(text: string): boolean {
  return NUMBER.test(text) || NOTHING.test(text);
}

/** Split a line into space-separated tokens with their character columns; a bracket keeps its inner spaces. */
export function tokens(line: string): Token[] {
  const chars = [...line.replace(/\f/g, '').replace(/\t/g, '    ')];
  const out: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === ' ' || chars[i] === '\u3000') {
      i++;
      continue;
    }
    const start = i;
    let depth = 0;
    while (i < chars.length && (depth > 0 || (chars[i] !== ' ' && chars[i] !== '\u3000'))) {
      // A bracket keeps its inner spaces only where it closes within its cell: `（三` of a group
      // label wrapped as `（三` / `）不` must not swallow the `1.属于国家秘密 -` after it.
      if ((chars[i] === '（' || chars[i] === '(') && closesInCell(chars, i)) depth++;
      else if ((chars[i] === '）' || chars[i] === ')') && depth > 0) depth--;
      i++;
      // An unclosed bracket must not swallow the rest of the line's cells.
      if (depth > 0 && chars[i] === ' ' && chars[i + 1] === ' ') depth = 0;
    }
    out.push({ text: chars.slice(start, i).join('').trim(), start, end: i });
  }
  return out;
}

/** Does the bracket at `open` close before the next run of two spaces (the end of its cell)? */
function closesInCell(chars: string[], open: number): boolean {
  for (let k = open + 1; k < chars.length; k++) {
    if (chars[k] === '）' || chars[k] === ')') return true;
    if ((chars[k] === ' ' || chars[k] === '\u3000') && (chars[k + 1] === ' ' || chars[k + 1] === '\u3000')) return false;
  }
  return false;
}

/** Fields separated by two or more spaces. */
function fieldCount(toks: Token[]): number {
  let count = toks.length > 0 ? 1 : 0;
  for (let i = 1; i < toks.length; i++) if (toks[i].start - toks[i - 1].end >= 2) count++;
  return count;
}

// Each line is classified once per document, however many runs are tried over it.
const classified = new WeakMap<string[], Line[]>();

function classifyAt(lines: string[], index: number): Line {
  let cache = classified.get(lines);
  if (!cache) classified.set(lines, (cache = []));
  return (cache[index] ??= classify(lines[index], index));
}

function classify(line: string, index: number): Line {
  const toks = tokens(line);
  const firstValue = toks.findIndex((t) => isValueToken(t.text));
  if (firstValue >= 0 && toks.length >= 2 && toks.slice(firstValue).every((t) => isValueToken(t.text))) {
    const values = toks.length - firstValue;
    const gap = firstValue > 0 ? toks[firstValue].start - toks[firstValue - 1].end : 2;
    const label = toks.slice(0, firstValue).map((t) => t.text).join('');
    // One value right after its label ("行政事业性收费 403.18") counts only with a short plain label,
    // so that prose ending in a number does not.
    const plainLabel = label.length <= 24 && !/[，。：；、,:;]/.test(label);
    if ((values >= 2 || gap >= 2 || plainLabel) && !SENTENCE_END.test(label)) return { index, tokens: toks, kind: 'data', firstValue };
  }
  const header = fieldCount(toks) >= 2 && !SENTENCE_END.test(line.trim());
  return { index, tokens: toks, kind: header ? 'header' : 'label', firstValue: -1 };
}

// A line that no table runs across: a part's numbered heading (`三、收到和处理政府信息公开申请情况`)
// or a caption of table 二 (`第二十条第（五）项`). Chromium prints a report's tables and the
// lines between them without blank lines, so these are what bound its tables.
const CAPTION = /^第二十条第[（(][一二三四五六七八九十]+[）)]项$/;
export function isTableBarrier(line: string): boolean {
  const text = line.replace(/\f/g, '').trim();
  if (text === '' || /\s{2}/.test(text) || text.length > MAX_HEADING_LENGTH) return false;
  if (CAPTION.test(text)) return true;
  const numbered = HEADING_NUMBER.exec(text);
  if (!numbered || numbered[0] === text) return false;
  const title = text.slice(numbered[0].length).trim();
  return SECTION_TITLES.some((s) => s.exact.test(title));
}

interface Group {
  lines: Line[];
  kind: 'data' | 'header' | 'other';
}

/** Groups of adjacent non-blank lines from start, lazily; stops at a page break, a long gap or the end. */
function* groupsFrom(lines: string[], start: number): Generator<Group> {
  let current: Line[] = [];
  let blanks = 0;
  const close = (): Group => {
    const kind = current.some((l) => l.kind === 'data')
      ? 'data'
      : current.some((l) => l.kind === 'header') && current.every((l) => !SENTENCE_END.test(lines[l.index].trim()))
        ? 'header'
        : 'other';
    const group = { lines: current, kind } as Group;
    current = [];
    return group;
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    // A new page restarts the column positions: the table (as rebuilt here) ends.
    if (i > start && line.startsWith('\f')) break;
    if (isFurniture(line)) continue;
    if (i > start && isTableBarrier(line)) break;
    // Tika cells and pipe rows belong to the other readers.
    if (line.startsWith('\t') || isPipeRow(line)) break;
    if (isBlank(line)) {
      if (current.length > 0) yield close();
      if (++blanks > MAX_BLANKS) return;
      continue;
    }
    blanks = 0;
    current.push(classifyAt(lines, i));
  }
  if (current.length > 0) yield close();
}

/** The groups that form a table: optional header groups, then data groups (a label group only just before data). */
function tableGroups(source: Iterator<Group>): Group[] | undefined {
  const picked: Group[] = [];
  let next = source.next();
  while (!next.done && next.value.kind === 'header') picked.push(next.value), (next = source.next());
  if (next.done || next.value.kind !== 'data') return undefined;
  let end = picked.length;
  while (!next.done) {
    const g = next.value;
    next = source.next();
    // A label line between data groups stays (a group label on its own lines); a header after
    // data starts another table (or is the next section's heading), so the run ends.
    if (g.kind === 'header' || (g.kind === 'other' && (next.done || next.value.kind !== 'data'))) break;
    picked.push(g);
    if (g.kind === 'data') end = picked.length - 1;
  }
  const kept = picked.slice(0, end + 1);
  return kept.reduce((n, g) => n + g.lines.length, 0) >= 2 ? kept : undefined;
}

const centre = (t: Token) => (t.start + t.end) / 2;

/** Cluster label start positions: starts within two characters are one column. */
function labelColumns(starts: number[]): number[] {
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  const columns: number[] = [];
  for (const s of sorted) if (columns.length === 0 || s - columns[columns.length - 1] > 2) columns.push(s);
  return columns;
}

/** The label column of a token starting at `start`: the rightmost column starting at or before it. */
function labelColumnOf(columns: number[], start: number): number {
  let c = 0;
  for (let i = 0; i < columns.length; i++) if (columns[i] <= start + 1) c = i;
  return c;
}

/** Fields of a line: tokens joined where separated by a single space. */
function fields(toks: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of toks) {
    const last = out[out.length - 1];
    if (last && t.start - last.end < 2) out[out.length - 1] = { text: `${last.text} ${t.text}`, start: last.start, end: t.end };
    else out.push({ ...t });
  }
  return out;
}

export function readColumns(lines: string[], start: number): TableRun | undefined {
  if (isBlank(lines[start]) || isFurniture(lines[start])) return undefined;
  // A table starts at a line with two fields or with values; a lone title line above stays
  // prose, unless numbers follow at once and either it opens a page, or the numbers have no label
  // of their own (a row's label wrapped above its values, as in a narrow label column), or it is
  // a lone value (the first part of a number wrapped above its row).
  const first = classifyAt(lines, start);
  const next = start + 1 < lines.length && !isBlank(lines[start + 1]) ? classifyAt(lines, start + 1) : undefined;
  const loneValue = first.tokens.length === 1 && isValueToken(first.tokens[0].text);
  if (first.kind === 'label' && !(next?.kind === 'data' && (lines[start].startsWith('\f') || next.firstValue === 0 || loneValue))) return undefined;
  const picked = tableGroups(groupsFrom(lines, start));
  if (!picked) return undefined;
  const all = picked.flatMap((g) => g.lines);
  // Text that was never laid out in columns (label and number one space apart throughout) is
  // left as lines: a run needs at least one line with fields two spaces apart.
  if (!all.some((l) => fieldCount(l.tokens) >= 2)) return undefined;
  const data = all.filter((l) => l.kind === 'data');

  // Label columns: where label fields start on data lines. (Wrapped lines are often centred or
  // indented inside their cell, so their starts would make columns that are not there.)
  const labelTokens = data.map((l) => l.tokens.slice(0, l.firstValue));
  const labelStarts = labelTokens.flatMap((toks) => fields(toks)).map((f) => f.start);
  const labelEnd = Math.max(0, ...labelTokens.flat().map((t) => t.end));
  const labels = labelColumns(labelStarts);
  /** A data line's label text by column, and whether each begins with a list mark. */
  const labelsOf = (l: Line) => {
    const out: { column: number; marker: boolean }[] = [];
    for (const t of l.kind === 'data' ? l.tokens.slice(0, l.firstValue) : []) {
      const column = labels.length > 0 ? labelColumnOf(labels, t.start) : 0;
      if (!out.some((x) => x.column === column)) out.push({ column, marker: LIST_MARKER.test(t.text) });
    }
    return out;
  };

  // Rows of values: each data line's values, with the pieces of numbers that wrapped onto the
  // lines around it (fragments) stacked into their cells. A line of one value alone is no row
  // of its own, but may be such a piece.
  const lone = (l: Line) => l.kind !== 'data' && l.tokens.length === 1 && isValueToken(l.tokens[0].text);
  // Each value knows whether pdftotext pushed it (one space after the text before it).
  const valuesOf = (l: Line) => {
    const from = l.kind === 'data' ? l.firstValue : 0;
    return l.tokens.slice(from).map((t, i) => ({ ...t, pushed: i + from > 0 && t.start - l.tokens[i + from - 1].end < 2 }));
  };
  const fragmentOf = new Map<number, number>();
  for (const g of picked)
    for (const [f, m] of fragments(g.lines.filter((l) => l.kind === 'data' || lone(l)).map((l) => ({ index: l.index, labels: labelsOf(l), values: valuesOf(l) }))))
      fragmentOf.set(f, m);
  const lineAt = new Map(all.map((l) => [l.index, l]));
  // A lone value that is no piece of a data line's row stays as it was read (a header line).
  for (const [f, m] of fragmentOf) if (lone(lineAt.get(f)!) && m >= 0 && fragmentOf.has(m)) fragmentOf.delete(f);
  const mains = data.filter((l) => !fragmentOf.has(l.index));
  const valueRows = new Map<number, ValuePiece[]>(
    mains.map((l) => {
      const parts = [...fragmentOf].filter(([, m]) => m === l.index).map(([f]) => ({ line: f, values: valuesOf(lineAt.get(f)!) }));
      return [l.index, rowPieces(valuesOf(l), l.index, parts)];
    }),
  );

  // Value columns: the centres of the row with the most values; the others align to it.
  const reference = mains.reduce((a, b) => (valueRows.get(b.index)!.length > valueRows.get(a.index)!.length ? b : a));
  const valueColumns = valueRows.get(reference.index)!.map((p) => (p.start + p.end) / 2);
  const valueStart = Math.min(...valueRows.get(reference.index)!.map((p) => p.start));

  // Header text is centred over its cell: left of this line it heads a label column.
  const headerSplit = (labelEnd + valueStart) / 2;
  const width = labels.length + valueColumns.length;

  // A cell's text is built from wrapped label lines above its row, the row's own line, and
  // wrapped lines below; each part is the tokens of one line that fall into the cell.
  type Cell = { above: string[]; own: string[]; below: string[]; line: number };
  const emptyRow = (line: number): Cell[] => Array.from({ length: width }, () => ({ above: [], own: [], below: [], line }));
  const rows = new Map<number, Cell[]>();

  const valueColumnOf = (t: Token) => {
    let best = 0;
    valueColumns.forEach((c, i) => (Math.abs(c - centre(t)) < Math.abs(valueColumns[best] - centre(t)) ? (best = i) : 0));
    return labels.length + best;
  };
  // Label text by where it starts; text over the value columns by its centre.
  const columnOf = (t: Token) => (labels.length > 0 && centre(t) < headerSplit ? labelColumnOf(labels, t.start) : valueColumnOf(t));
  /** Tokens of a line grouped by column, each group joined with spaces. */
  const byColumn = (toks: Token[], label = false) => {
    const out = new Map<number, string[]>();
    for (const t of toks) {
      const c = label && labels.length > 0 ? labelColumnOf(labels, t.start) : columnOf(t);
      out.set(c, [...(out.get(c) ?? []), t.text]);
    }
    return [...out.entries()].map(([c, words]) => [c, words.join(' ')] as const);
  };

  // Each row's values by column: all columns filled, in order; fewer, by position where that
  // is clear. Where the positions wander (pdftotext shifts the cells of narrow columns by a
  // column or more), a row with blank cells is placed only by where its cells start, and left
  // empty where that allows more than one way.
  const warnings: Warning[] = [];
  const unaligned = (line: number, what: string) =>
    warnings.push({ code: 'W_CELL_UNALIGNED', message: `line ${line}: ${what}: left empty`, origin: { line } });
  const placements = new Map<number, Placement>([...valueRows].map(([index, pieces]) => [index, placeValues(pieces, valueColumns)]));
  // Values one space apart on the widest row were pushed there by pdftotext (they did not fit at
  // their own x): where half of them are, its positions are no columns to place a row with blank
  // cells by.
  const referenceValues = valuesOf(reference);
  const packed = referenceValues.length > 2 && referenceValues.filter((t) => t.pushed).length >= (referenceValues.length - 1) / 2;
  const noisy = packed || positionsWander([...valueRows.values()], [...placements.values()], valueColumns);
  const unsettled = [...fragmentOf].filter(([, m]) => m < 0).flatMap(([f]) => valuesOf(lineAt.get(f)!).map((t) => ({ ...t, line: f })));
  for (const l of mains) {
    const row = emptyRow(l.index + 1);
    for (const [c, text] of byColumn(l.tokens.slice(0, l.firstValue), true)) row[c].own.push(text);
    for (const [f, m] of fragmentOf)
      if (m === l.index && lineAt.get(f)!.kind === 'data')
        for (const [c, text] of byColumn(lineAt.get(f)!.tokens.slice(0, lineAt.get(f)!.firstValue), true)) (f < m ? row[c].above : row[c].below).push(text);
    rows.set(l.index, row);
    const pieces = valueRows.get(l.index)!;
    // In a table whose columns do not line up, a row with blank cells goes by where its cells start.
    const { at, unclear } = noisy && pieces.length < valueColumns.length ? placeByStarts(pieces, valueRows.get(reference.index)!) : placements.get(l.index)!;
    if (unclear.length > 0) unaligned(l.index + 1, `${pieces.length} values whose columns the positions do not settle`);
    pieces.forEach((piece, i) => {
      if (at[i] < 0) return;
      // A piece of a number that may belong to this row or the next (below) stands over or
      // under this cell: the cell's number may lack it, so it is left empty.
      const doubtful = unsettled.find((u) => Math.abs(u.line - l.index) <= 2 && u.start < piece.end && piece.start < u.end);
      if (doubtful) return unaligned(l.index + 1, `"${piece.texts.map((t) => t.text).join(' ')}" beside "${doubtful.text}" (line ${doubtful.line + 1}), a piece of a number of this row or of the next`);
      const text = stacked(piece.texts.map((t) => t.text));
      if (text === null) unaligned(l.index + 1, `"${piece.texts.map((t) => t.text).join(' ')}" stacked in one column is not one number`);
      else row[labels.length + at[i]].own.push(text);
    });
  }
  for (const [f, m] of fragmentOf) if (m < 0) unaligned(f + 1, 'part of a number that may belong to the row above or the row below');

  // Lines without numbers: a line whose text lies left of the values is a wrapped label and
  // joins the nearest data line's cells (ties go to the later line: a wrapped group label sits
  // above the middle of its rows); lines with text over the value columns are header rows.
  const labelOnly = (l: Line) => l.tokens.every((t) => t.start < valueStart - 1);
  for (const g of picked) {
    const firstData = g.lines.findIndex((l) => l.kind === 'data');
    g.lines.forEach((l, at) => {
      // A data line that is a piece of no one row keeps its label text, as a wrapped label line.
      const orphan = l.kind === 'data' && fragmentOf.get(l.index) === -1;
      if ((l.kind === 'data' && !orphan) || (!orphan && fragmentOf.has(l.index)) || (orphan && l.firstValue === 0)) return;
      if (orphan) l = { ...l, tokens: l.tokens.slice(0, l.firstValue) };
      // (a piece of a wrapped number between a label line and its row is no header)
      const wrapped = orphan || (firstData >= 0 && labelOnly(l) && (at > firstData || g.lines.slice(at, firstData).every((x) => labelOnly(x) || fragmentOf.has(x.index))));
      if (!wrapped) {
        const row = emptyRow(l.index + 1);
        for (const [c, text] of byColumn(l.tokens)) row[c].own.push(text);
        rows.set(l.index, row);
        return;
      }
      const parts = byColumn(l.tokens, true);
      const target = nearestData(g.lines, l.index, (index) => parts.some(([c]) => rows.get(index)![c].own.length > 0), fragmentOf);
      if (target < 0) return;
      const row = rows.get(target)!;
      for (const [c, text] of parts) (l.index < target ? row[c].above : row[c].below).push(text);
    });
  }

  // A row cut by a page break: the next page opens with the rest of its label and of its
  // wrapped numbers (lines without a row of values) before anything else. The label text joins
  // the row; the row's values cannot be put together across pages (the columns move), so they
  // are left empty.
  let end = all[all.length - 1].index;
  const lastRow = Math.max(...mains.map((l) => l.index));
  const rest = continuation(lines, end + 1);
  if (rest.length > 0 && lastRow >= 0) {
    const row = rows.get(lastRow)!;
    // the columns move with the page: the text goes to the row's own (right-most) label
    let own = -1;
    row.slice(0, labels.length).forEach((cell, c) => cell.own.length + cell.above.length > 0 && (own = c));
    for (const l of rest) if (!lone(l) && own >= 0) row[own].below.push(l.tokens.map((t) => t.text).join(' '));
    if (rest.some(lone)) {
      for (const cell of row.slice(labels.length)) cell.own = [];
      unaligned(lastRow + 1, 'a row cut by a page break, the rest of its numbers on the next page');
    }
    end = rest[rest.length - 1].index;
  }

  const ordered = [...rows.entries()].sort((x, y) => x[0] - y[0]).map(([, row]) => row);
  const grid = ordered.map((row) =>
    row.map((cell) => ({ text: cleanText([...cell.above, ...cell.own, ...cell.below].join('\n')), origin: { line: cell.line } as Origin })),
  );
  return { table: tableFromRows(grid, { line: all[0].index + 1 }), next: end + 1, ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * The lines that open the page after a table when they continue its last row: up to the first
 * blank line, only label text without a list mark and lone values, starting with a page break.
 */
function continuation(lines: string[], from: number): Line[] {
  let i = from;
  while (i < lines.length && isBlank(lines[i]) && !lines[i].startsWith('\f')) i++;
  if (i >= lines.length || !lines[i].startsWith('\f')) return [];
  const out: Line[] = [];
  for (; i < lines.length && !isBlank(lines[i]) && !isFurniture(lines[i]); i++) {
    const l = classifyAt(lines, i);
    const loneValue = l.tokens.length === 1 && isValueToken(l.tokens[0].text);
    if (l.kind === 'data' || (!loneValue && (fieldCount(l.tokens) > 1 || LIST_MARKER.test(l.tokens[0]?.text ?? '') || SENTENCE_END.test(lines[i].trim())))) return [];
    out.push(l);
  }
  return out;
}

/**
 * The data line a wrapped label line belongs to: the nearest in its group, ties to the later
 * one, and a line whose own label already fills those columns counts as a little further away
 * (its label is complete; the wrapped text is more likely the neighbour's).
 */
function nearestData(group: Line[], index: number, hasOwnLabel: (index: number) => boolean, fragmentOf: Map<number, number>): number {
  let best = -1;
  let bestScore = Infinity;
  for (const l of group) {
    if (l.kind !== 'data' || fragmentOf.has(l.index)) continue;
    const score = Math.abs(l.index - index) + (hasOwnLabel(l.index) ? 1.5 : 0);
    if (score <= bestScore) (best = l.index), (bestScore = score);
  }
  return best;
}
