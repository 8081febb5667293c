// Tables as Apache Tika flattens them from DOCX: each row a group of lines ended by an empty
// line, each cell a line starting with a TAB, a cell's own line breaks continuing on lines
// without the tab, covered (merged-away) cells as a bare TAB.
import { tableFromRows } from '../model.js';
import type { Origin } from '../schema.js';
import { cleanText, isBlank, type TableRun } from './text-lines.js';

const SENTENCE_END = /[。！？；]\s*$/;

interface RawCell {
  parts: string[];
  line: number;
}

export function isTikaCell(line: string): boolean {
  return line.startsWith('\t');
}

export function readTika(lines: string[], start: number): TableRun | undefined {
  if (!isTikaCell(lines[start])) return undefined;
  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let i = start;
  let next = start;
  while (i < lines.length) {
    const line = lines[i];
    if (isTikaCell(line)) {
      row.push({ parts: [line.slice(1)], line: i + 1 });
    } else if (isBlank(line)) {
      if (row.length > 0) rows.push(row), (row = []), (next = i + 1);
      // Several empty lines may follow the last row; the table goes on only if a cell follows.
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j]) && !isTikaCell(lines[j])) j++;
      if (j >= lines.length || !isTikaCell(lines[j])) break;
      i = j;
      continue;
    } else if (row.length > 0) {
      // Inside a row a line without the tab continues the cell above it, except where the
      // first row's text ends a sentence: that is a tab-indented prose line, not a table.
      const parts = row[row.length - 1].parts;
      if (rows.length === 0 && SENTENCE_END.test(parts[parts.length - 1])) return undefined;
      parts.push(line);
    } else {
      break;
    }
    i++;
  }
  if (row.length > 0) rows.push(row), (next = i);
  // A lone indented line, or indented prose paragraphs, are not a table: ask for two rows and
  // at least one row with two cells.
  if (rows.length < 2 || !rows.some((r) => r.length >= 2)) return undefined;
  const cells = rows.map((r) =>
    r.map((cell) => ({ text: cleanText(cell.parts.map((p) => cleanText(p)).join('\n')), origin: { line: cell.line } as Origin })),
  );
  return { table: tableFromRows(cells, { line: start + 1 }), next };
}
