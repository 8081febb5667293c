// Pipe (markdown) tables: "| a | b |" rows, "|---|" separator rows dropped, a table being a run
// of consecutive pipe rows. Converters split real tables into many such runs; they stay split.
import { tableFromRows } from '../model.js';
import { cleanText, type TableRun } from './text-lines.js';

export function isPipeRow(line: string): boolean {
  const text = line.trim();
  return text.startsWith('|') && text.indexOf('|', 1) > 0;
}

/** The cells of a pipe row; "| a |  |" is two cells, the second empty. */
export function pipeCells(line: string): string[] {
  let text = line.trim().slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text
    .split(/(?<!\\)\|/)
    .map((cell) => cleanText(cell.replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '\n')));
}

function isSeparator(cells: string[]): boolean {
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell));
}

export function readMarkdown(lines: string[], start: number): TableRun | undefined {
  if (!isPipeRow(lines[start])) return undefined;
  const rows: { text: string; origin: { line: number } }[][] = [];
  let i = start;
  for (; i < lines.length && isPipeRow(lines[i]); i++) {
    const cells = pipeCells(lines[i]);
    if (isSeparator(cells)) continue;
    rows.push(cells.map((text) => ({ text, origin: { line: i + 1 } })));
  }
  // A run of separators only carries no data: let its lines be dropped as paragraphs would be.
  if (rows.length === 0) return { table: tableFromRows([], { line: start + 1 }), next: i };
  return { table: tableFromRows(rows, { line: start + 1 }), next: i };
}
