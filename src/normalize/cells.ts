// A printed cell → a record cell, with the warning its text calls for.
import type { Cell, Warning } from '../schema.js';
import type { RowCell } from './rows.js';
import { parseValue } from './values.js';

export function readCell(source: RowCell, key: string, warnings: Warning[]): Cell {
  const { value, kind } = parseValue(source.text);
  const raw = (source.printed ?? source.text).trim();
  if (kind === 'empty') warnings.push({ code: 'W_CELL_EMPTY', message: `${key} is empty: value null, not 0`, origin: source.origin, cell: key });
  if (kind === 'unreadable')
    warnings.push({ code: 'W_CELL_UNREADABLE', message: `${key}: "${raw}" is not a number: value null`, origin: source.origin, cell: key });
  if (kind === 'annotated')
    warnings.push({ code: 'W_CELL_ANNOTATED', message: `${key}: read ${value} from "${raw}"`, origin: source.origin, cell: key });
  return { value, raw, origin: source.origin };
}

export const MISSING_CELL: Cell = { value: null, raw: null, origin: null };
