// Positioned text: pdf.js text items → pieces with boxes → lines. Chinese often arrives one glyph
// per item, and producers put fake spaces between runs, so spacing is decided from geometry.
import { apply, concat, type Box, type Matrix } from './geometry.js';
import type { PdfTextItem } from './load.js';

export interface Piece extends Box {
  text: string;
  /** Font size in points. */
  size: number;
  /** Vertical writing: glyphs run downward. */
  vertical: boolean;
}

export interface Line extends Box {
  text: string;
  size: number;
  pieces: Piece[];
}

interface FontStyle {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

// CJK ideographs, kana, CJK and full-width punctuation, and the quotes and dashes Chinese text uses.
const CJK = /[\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
export const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);

/** Drop spaces a producer wrote between CJK and CJK or digits (`2022 年` → `2022年`). */
export function tidySpaces(s: string): string {
  return s
    .replace(/[\u00a0\u3000\t]/g, ' ')
    .replace(/(?<=[\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]) +(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u2018\d])/g, '')
    .replace(/(?<=\d) +(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export const MAX_ITEMS_PER_PAGE = 200_000;

/** Text items → pieces in top-left page coordinates (`view` is the viewport transform). */
export function toPieces(items: readonly unknown[], styles: Record<string, FontStyle>, view: Matrix): Piece[] {
  const pieces: Piece[] = [];
  for (const raw of items.slice(0, MAX_ITEMS_PER_PAGE)) {
    const item = raw as PdfTextItem;
    if (typeof item.str !== 'string' || !Array.isArray(item.transform)) continue;
    const text = tidySpaces(item.str);
    if (!text) continue;
    const style = (item.fontName && styles[item.fontName]) || {};
    const [a, b, c, d, e, f] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    const ascent = style.ascent && style.ascent > 0.5 && style.ascent < 1.2 ? style.ascent : 0.86;
    const descent = 1 - ascent;
    let corners: [number, number][];
    if (style.vertical) {
      // pdf.js reports vertical runs with width = glyph width and height = run length downward.
      const w = item.width || size;
      const h = item.height || size;
      corners = [[e - w / 2, f], [e + w / 2, f], [e - w / 2, f - h], [e + w / 2, f - h]];
    } else {
      const m = concat([1, 0, 0, 1, e, f], [a / size, b / size, c / size, d / size, 0, 0]);
      const w = item.width / (Math.hypot(a, b) / size || 1);
      corners = [apply(m, 0, -descent * size), apply(m, w, -descent * size), apply(m, 0, ascent * size), apply(m, w, ascent * size)];
    }
    const pts = corners.map(([x, y]) => apply(view, x, y));
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    if (![box.x0, box.y0, box.x1, box.y1].every(Number.isFinite)) continue;
    pieces.push({ text, size, vertical: !!style.vertical, ...box });
  }
  return pieces;
}

const weight = (ch: string): number => (isCjk(ch) ? 1 : 0.55);

/** Split a horizontal piece into one piece per character, widths by a CJK/Latin estimate. */
export function splitPiece(p: Piece): Piece[] {
  const chars = [...p.text];
  if (chars.length < 2 || p.vertical) return [p];
  const total = chars.reduce((s, ch) => s + weight(ch), 0);
  const out: Piece[] = [];
  let x = p.x0;
  for (const ch of chars) {
    const w = ((p.x1 - p.x0) * weight(ch)) / total;
    if (ch !== ' ') out.push({ ...p, text: ch, x0: x, x1: x + w });
    x += w;
  }
  return out;
}

const centreY = (b: Box): number => (b.y0 + b.y1) / 2;

/** Group pieces into lines (top to bottom, each left to right). Linear after the sort. */
export function buildLines(pieces: readonly Piece[], mode: 'prose' | 'cell' = 'prose'): Line[] {
  const sorted = [...pieces].sort((p, q) => centreY(p) - centreY(q) || p.x0 - q.x0);
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let cy = 0;
  let size = 0;
  for (const p of sorted) {
    const pcy = centreY(p);
    // Vertical runs are lines of their own; otherwise a piece joins a line whose middle it shares.
    if (current.length && !p.vertical && !current[0].vertical && Math.abs(pcy - cy) <= 0.45 * Math.min(size, p.size)) {
      current.push(p);
      cy = (cy * (current.length - 1) + pcy) / current.length;
      size = Math.max(size, p.size);
    } else {
      if (current.length) groups.push(current);
      current = [p];
      cy = pcy;
      size = p.size;
    }
  }
  if (current.length) groups.push(current);
  return groups.map((g) => {
    g.sort((p, q) => p.x0 - q.x0);
    return {
      text: joinPieces(g, mode),
      size: Math.max(...g.map((p) => p.size)),
      pieces: g,
      x0: Math.min(...g.map((p) => p.x0)),
      y0: Math.min(...g.map((p) => p.y0)),
      x1: Math.max(...g.map((p) => p.x1)),
      y1: Math.max(...g.map((p) => p.y1)),
    };
  });
}

/** Join the pieces of one line: no space at a CJK boundary, a space between Latin words. */
export function joinPieces(pieces: readonly Piece[], mode: 'prose' | 'cell'): string {
  let out = '';
  let prev: Piece | undefined;
  for (const p of pieces) {
    if (prev) {
      const gap = p.x0 - prev.x1;
      const size = Math.max(prev.size, p.size);
      const before = out[out.length - 1];
      const after = p.text[0];
      const cjkBoundary = isCjk(before) || isCjk(after) || (/\d/.test(before) && isCjk(after)) || (isCjk(before) && /\d/.test(after));
      // Overlapping pieces (fake bold, shadows) repeat the same text: keep one.
      if (gap < -0.5 * size && p.text === prev.text) continue;
      if (cjkBoundary) {
        if (mode === 'prose' && gap > 1.5 * size) out += ' ';
      } else if (gap > 0.12 * size) out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out;
}

/** Text of a table cell: lines joined with "\n", vertical runs and stacked single glyphs without. */
export function cellText(pieces: readonly Piece[]): string {
  const lines = buildLines(pieces, 'cell');
  if (lines.length === 0) return '';
  const stacked = lines.length >= 3 && lines.every((l) => [...l.text].length === 1);
  let out = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const bothVertical = lines[i].pieces[0].vertical && lines[i - 1].pieces[0].vertical;
    out += (stacked || bothVertical ? '' : '\n') + lines[i].text;
  }
  return out;
}
