// Helpers shared by the text parser's table readers: what a line is, and how wide it prints.
import type { Table } from '../model.js';

/** A table rebuilt from a run of lines, and the index of the first line after the run. */
export interface TableRun {
  table: Table;
  next: number;
}

/** Reads a table starting at lines[start] (0-based), or says there is none. */
export type TableReader = (lines: string[], start: number) => TableRun | undefined;

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

// Tika writes Word bookmarks into the text as "[bookmark: _GoBack]".
const BOOKMARK = /\[bookmark:[^\]]*\]/g;

/** Cell or paragraph text as it should be kept: artefacts removed, ends trimmed. */
export function cleanText(text: string): string {
  return text.replace(BOOKMARK, '').replace(/\f/g, '').trim();
}

// Page furniture that PDF converters leave between the lines of the body.
const FURNITURE = [
  /^[—–−-]{1,2}\s*\d{1,4}\s*[—–−-]{1,2}$/, // — 4 —, - 4 -
  /^-{1,2}\s*\d+\s+of\s+\d+\s*-{1,2}$/i, // -- 1 of 5 -- (pdf-parse page joins)
  /^第\s*\d+\s*页(\s*[，,/／]?\s*共\s*\d+\s*页)?$/, // 第 4 页, 第 4 页 共 7 页
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 4/7
];

export function isFurniture(line: string): boolean {
  const text = line.replace(/\f/g, '').trim();
  return text !== '' && FURNITURE.some((pattern) => pattern.test(text));
}

/**
 * Display width as pdftotext -layout pads it: East Asian wide and full-width characters take
 * two columns, combining marks none, everything else one.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

export function charWidth(code: number): number {
  if (code === 0) return 0;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
    return 2;
  return 1;
}
