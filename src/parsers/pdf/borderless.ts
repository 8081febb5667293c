// Tables drawn without ruling lines: the page's remaining lines are laid out as text at
// character columns proportional to their x positions (what `pdftotext -layout` does), and the
// text parser's column reader rebuilds the grids from that alignment, so that a blank cell keeps
// its place here too. Each cell's origin is its page and the box of the line it was read from.
import type { TableCell } from '../../model.js';
import type { Warning } from '../../schema.js';
import { readColumns, SENTENCE_END } from '../text-columns.js';
import type { Box } from './geometry.js';
import type { PageTable } from './grid.js';
import { HEADING } from './paragraphs.js';
import { isCjk, joinPieces, type Line, type Piece } from './text.js';

/** Pieces closer than this (in font sizes) are one word; wider gaps separate cells. */
const WORD_GAP = 0.6;
/** Before a value in a table line, a gap this wide (in font sizes) already separates cells. */
const VALUE_GAP = 0.2;
const DIGIT = /[\d０-９]/;
/** How a printed value begins: a digit, or a dash or slash standing for none. */
const VALUE_START = /[\d０-９\-－—–/／]/;

/**
 * Over this many lines (a dense A4 page holds about 120) a page is not a report's table page. The
 * column reader's cost grows with the square of a run of header-like lines: 0.1 s at 600.
 */
const MAX_LINES = 600;

/** Split a page's lines into the borderless tables they hold and the lines that stay prose. */
export function borderlessTables(lines: readonly Line[], page: number): { tables: PageTable[]; rest: Line[]; warnings: Warning[] } {
  if (lines.length < 2 || lines.length > MAX_LINES) return { tables: [], rest: [...lines], warnings: [] };
  const size = median(lines.map((l) => l.size));
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const tables: PageTable[] = [];
  const rest: Line[] = [];
  const warnings: Warning[] = [];
  // Prose lines (headings, sentences) bound the runs that may hold a table, so that a heading
  // between two tables is not read as a wrapped row label.
  let segment: Line[] = [];
  const flush = () => {
    const found = tablesIn(segment, size, page);
    tables.push(...found.tables);
    rest.push(...found.rest);
    warnings.push(...found.warnings);
    segment = [];
  };
  for (const line of lines) {
    if (isProse(line, left, right, size)) {
      flush();
      rest.push(line);
    } else segment.push(line);
  }
  flush();
  return { tables, rest, warnings };
}

function tablesIn(lines: readonly Line[], size: number, page: number): { tables: PageTable[]; rest: Line[]; warnings: Warning[] } {
  if (lines.length < 2) return { tables: [], rest: [...lines], warnings: [] };
  const unit = size / 2;
  // As pdftotext prints them: a blank line where the gap to the previous line is wider than the
  // leading of wrapped text in one cell, so that the column reader sees row boundaries.
  const text: string[] = [];
  const lineAt: number[] = []; // text index → index in lines
  lines.forEach((l, i) => {
    if (i > 0 && l.y0 - lines[i - 1].y1 > 0.5 * size) text.push(''), lineAt.push(-1);
    text.push(layout(l, unit));
    lineAt.push(i);
  });
  const tables: PageTable[] = [];
  const rest: Line[] = [];
  const warnings: Warning[] = [];
  for (let i = 0; i < text.length; ) {
    const run = readColumns(text, i);
    if (run && run.table.grid.length >= 2) {
      tables.push(pageTable(run.table.grid, (n) => lines[lineAt[n - 1]], page));
      // The reader counts lines of the laid-out text; the page is what a reader of the PDF needs.
      for (const w of run.warnings ?? []) warnings.push({ ...w, message: w.message.replace(/^line \d+/, `page ${page}`), origin: { page } });
      i = run.next;
    } else {
      if (lineAt[i] >= 0) rest.push(lines[lineAt[i]]);
      i++;
    }
  }
  return { tables, rest, warnings };
}

/** A line of prose: one cell only (no wide gaps), at the left margin, and a heading or sentence, or spanning the text width. */
function isProse(line: Line, left: number, right: number, size: number): boolean {
  if (words(line.pieces).length > 1) return false;
  if (line.x0 - left > 1.5 * size) return false;
  return HEADING.test(line.text) || SENTENCE_END.test(line.text) || line.x1 - line.x0 > 0.8 * (right - left);
}

/** A line as layout text: each word at the column of its x position, cells two or more spaces apart. */
export function layout(line: Line, unit: number): string {
  let out = '';
  for (const word of words(line.pieces, true)) {
    const text = joinPieces(word, 'prose');
    const at = Math.max(Math.round(word[0].x0 / unit), out.length === 0 ? 0 : out.length + 2);
    out = out.padEnd(at, ' ') + text;
  }
  return out;
}

function words(pieces: readonly Piece[], cells = false): Piece[][] {
  const out: Piece[][] = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const word = out[out.length - 1];
    const last = word?.[word.length - 1];
    if (last && !(cells ? cellBreak(last, p) : wordBreak(last, p))) word.push(p);
    else out.push([p]);
  }
  return out;
}

const gapOf = (a: Piece, b: Piece) => (b.x0 - a.x1) / Math.max(a.size, b.size);
const wordBreak = (a: Piece, b: Piece) => gapOf(a, b) >= WORD_GAP;
/**
 * In a table line, a number is set close to itself; a clear gap before a value (after a digit
 * or a label) separates two cells: narrow columns leave less than a word gap between them.
 */
function cellBreak(a: Piece, b: Piece): boolean {
  if (wordBreak(a, b)) return true;
  const before = a.text[a.text.length - 1];
  return gapOf(a, b) >= VALUE_GAP && VALUE_START.test(b.text[0]) && (DIGIT.test(before) || isCjk(before));
}

function pageTable(rows: TableCell[][], boxOf: (line: number) => Box, page: number): PageTable {
  const used: Box[] = [];
  for (const row of rows)
    for (const cell of row) {
      const box = boxOf(cell.origin.line ?? 1);
      used.push(box);
      cell.origin = { page, bbox: [box.x0, box.y0, box.x1, box.y1] };
    }
  const x0 = Math.min(...used.map((b) => b.x0));
  const y0 = Math.min(...used.map((b) => b.y0));
  const x1 = Math.max(...used.map((b) => b.x1));
  const y1 = Math.max(...used.map((b) => b.y1));
  // No ruling lines, so no column boundaries to match a continuation by: the normalizer's row
  // stream reads a table split over pages by its labels.
  return { page, x0, y0, x1, y1, xs: [], ys: [], grid: rows };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] || 10;
}
