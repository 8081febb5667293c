// The document model every format parser produces and every later stage reads. Nothing here
// knows which format a document came from.
import type { Origin, Warning, Format } from './schema.js';

/** A table cell. A merged cell is one object placed at every grid position it covers. */
export interface TableCell {
  text: string;
  /** Grid position of the cell's top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  origin: Origin;
  /** The text as printed, where folding radical code points changed `text` (see parsers/fold.ts). */
  printed?: string;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  origin: Origin;
  /** The text as printed, where folding radical code points changed `text`. */
  printed?: string;
}

export interface Table {
  kind: 'table';
  /** grid[r][c] is the cell at that position, spans expanded. Rows may be ragged for tables
   *  rebuilt from flattened text, where the source does not say how wide a row was. */
  grid: TableCell[][];
  origin: Origin;
}

export type Block = Paragraph | Table;

/** Facts a format knows outside its body: HTML page metadata, DOCX core properties. */
export interface DocumentMeta {
  title?: string;
  /** Issuing body from page furniture (发布机构) or document properties. */
  agency?: string;
  /** Publication date from page furniture (发文日期 / 发布日期), as written. */
  published?: string;
  pages?: number;
  encoding?: string;
}

export interface Document {
  format: Format;
  blocks: Block[];
  meta: DocumentMeta;
}

/** A value paired with the warnings raised while making it (as mammoth's results do). */
export interface Result<T> {
  value: T;
  warnings: Warning[];
}

/** True where grid[r][c] is covered by a cell that starts elsewhere. */
export function isCovered(cell: TableCell, r: number, c: number): boolean {
  return cell.row !== r || cell.col !== c;
}

/** Make a table from rows of cells that have no spans (flattened text, markdown, columns). */
export function tableFromRows(rows: { text: string; origin: Origin }[][], origin: Origin): Table {
  const grid = rows.map((cells, r) =>
    cells.map((cell, c) => ({ text: cell.text, row: r, col: c, rowSpan: 1, colSpan: 1, origin: cell.origin })),
  );
  return { kind: 'table', grid, origin };
}
