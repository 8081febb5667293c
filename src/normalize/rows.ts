// The document as one stream of rows: each table row's distinct cells, and each paragraph as a
// row whose trailing numbers are split off ("行政许可 97"). Table readers work on this stream, so
// a table split over pages, blocks or broken conversions is read the same way as a whole one.
import type { Document, Table } from '../model.js';
import type { Origin } from '../schema.js';
import { isValueText } from './values.js';

export interface RowCell {
  text: string;
  origin: Origin;
  /** The text as printed where it differs from `text` (radical code points folded). */
  printed?: string;
}

export interface Row {
  cells: RowCell[];
  block: number;
  /** Leading cells that hold text other than a value: the row's labels. Empty ones dropped. */
  labels: RowCell[];
  /** Cells after the last label cell: the row's values, blanks kept in place. */
  values: RowCell[];
  /** All text of the row, for markers. */
  text: string;
}

function tableRows(table: Table, block: number): RowCell[][] {
  return table.grid.map((gridRow) => {
    const cells: RowCell[] = [];
    gridRow.forEach((cell, c) => {
      // A horizontally merged cell is one cell of the row, however many columns it covers.
      if (c > 0 && gridRow[c - 1] === cell) return;
      cells.push({ text: cell.text, origin: { ...cell.origin, block, row: cell.row, col: cell.col }, printed: cell.printed });
    });
    return cells;
  });
}

const TOKEN_GAP = /[\s\u3000]+/;

function paragraphRow(text: string, origin: Origin, printed?: string): RowCell[] {
  const tokens = text.trim().split(TOKEN_GAP);
  // Folding maps one code point to one and never to a space, so the printed tokens line up.
  const printedTokens = printed?.trim().split(TOKEN_GAP);
  const asPrinted = (i: number) => (printedTokens && printedTokens[i] !== tokens[i] ? printedTokens[i] : undefined);
  let split = tokens.length;
  while (split > 0 && isValueText(tokens[split - 1]) && tokens[split - 1] !== '') split--;
  if (split === tokens.length) return [{ text: text.trim(), origin, printed: printed?.trim() }];
  // A line of values alone (a table row whose header stayed on the page before): one cell each.
  if (split === 0)
    return tokens.length >= 2 ? tokens.map((t, i) => ({ text: t, origin, printed: asPrinted(i) })) : [{ text: text.trim(), origin, printed: printed?.trim() }];
  return [
    { text: tokens.slice(0, split).join(' '), origin, printed: printedTokens?.slice(0, split).join(' ') },
    ...tokens.slice(split).map((t, i) => ({ text: t, origin, printed: asPrinted(split + i) })),
  ];
}

export function splitRow(cells: RowCell[], block: number): Row {
  let last = -1;
  cells.forEach((cell, i) => {
    if (!isValueText(cell.text)) last = i;
  });
  return {
    cells,
    block,
    labels: cells.slice(0, last + 1).filter((c) => c.text.trim() !== ''),
    values: cells.slice(last + 1),
    text: cells.map((c) => c.text).join(' '),
  };
}

export function rowStream(document: Document): Row[] {
  const rows: Row[] = [];
  document.blocks.forEach((block, index) => {
    if (block.kind === 'table') for (const cells of tableRows(block, index)) rows.push(splitRow(cells, index));
    else if (block.text.trim() !== '') rows.push(splitRow(paragraphRow(block.text, { ...block.origin, block: index }, block.printed), index));
  });
  return rows;
}

/**
 * Two rows that are one row of the source: a label wrapped inside its cell and cut by a page
 * break (LibreOffice prints `5.属于三类内` with the values, `部事务信息` on the next page).
 * Each label cell of `lower` is appended to the label cell of `upper` in the same column.
 */
export function joinLabels(upper: Row, lower: Row): Row {
  const labels = upper.labels.map((cell) => ({ ...cell }));
  for (const cell of lower.labels) {
    const same = labels.find((l) => l.origin.col !== undefined && l.origin.col === cell.origin.col) ?? labels[labels.length - 1];
    if (same) same.text = `${same.text}\n${cell.text}`;
    else labels.push({ ...cell });
  }
  const values = upper.values.some((v) => v.text.trim() !== '') ? upper.values : lower.values;
  return { ...upper, labels, values, text: `${upper.text} ${lower.text}` };
}

/** A row with label text and no value in any cell. */
export const labelOnly = (row: Row): boolean => row.labels.length > 0 && row.values.every((v) => v.text.trim() === '');
