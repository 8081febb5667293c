// Helpers shared by the text parser's table readers: what a line is, and what is page furniture.
import type { Table } from '../model.js';
import type { Warning } from '../schema.js';

/** A table rebuilt from a run of lines, and the index of the first line after the run. */
export interface TableRun {
  table: Table;
  next: number;
  /** Cells the reader found but could not place (left empty). */
  warnings?: Warning[];
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

/** A list mark that starts a numbered item: 一、 （一） 1. 1、 第一部分. */
export const LIST_MARKER = /^(第[一二三四五六七八九十百]+[章节部分条]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.](?!\d))/;
