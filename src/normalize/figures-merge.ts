// The figures of a report: what its prose states, and in a free-form report what its statistics
// table prints. The table's cell is the origin where both give the same number; where they
// differ the table is kept (its label and column say exactly what it counts) and a warning says so.
import type { Document } from '../model.js';
import type { Cell, Warning } from '../schema.js';
import type { FigureKey } from '../templates/figures.js';
import { readGridFigures, readRunTogetherFigures } from './figure-tables.js';
import { readProseFigures, type FoundFigure } from './figures.js';
import type { Row } from './rows.js';

export function readFigures(document: Document, rows: Row[], agency: string | null, freeform: boolean, warnings: Warning[]): Map<FigureKey, Cell> {
  const figures = new Map<FigureKey, FoundFigure>(readProseFigures(document, agency, warnings));
  if (!freeform) return figures;
  const tables = new Map([...readRunTogetherFigures(document, figures, warnings), ...readGridFigures(rows, warnings)]);
  for (const [key, cell] of tables) {
    const prose = figures.get(key);
    if (prose && prose.value !== cell.value)
      warnings.push({
        code: 'W_FIGURE_MISMATCH',
        message: `figures.${key}: the prose states ${prose.value} ("${prose.raw}"), the statistics table ${cell.value}: the table's number is kept`,
        origin: cell.origin,
        cell: `figures.${key}`,
      });
    figures.set(key, cell);
  }
  return figures;
}
