// conflicts.csv: every cell on which another record of the same agency and year disagrees with
// the chosen one. A null against a number is not a disagreement (one source lost the cell).
import { ALL_CELL_KEYS } from '../cell-keys.js';
import type { Agency, Comparison } from './model.js';
import { num } from './format.js';

export const CONFLICTS_COLUMNS = ['agencyId', 'agency', 'year', 'key', 'chosen', 'other', 'chosenSource', 'otherSource'];

export interface Conflict {
  year: number;
  key: string;
  chosen: number;
  other: number;
  chosenSource: string;
  otherSource: string;
}

export function* agencyConflicts(agency: Agency): Generator<Conflict> {
  for (const { year, chosen, others } of agency.years)
    for (const other of others)
      for (let k = 0; k < ALL_CELL_KEYS.length; k++) {
        const a = chosen.values[k];
        const b = other.values[k];
        if (!Number.isNaN(a) && !Number.isNaN(b) && a !== b)
          yield { year, key: ALL_CELL_KEYS[k], chosen: a, other: b, chosenSource: chosen.path, otherSource: other.path };
      }
}

export function* conflictRows(comparison: Comparison): Generator<unknown[]> {
  for (const agency of comparison.agencies)
    for (const c of agencyConflicts(agency)) yield [agency.agencyId, agency.agency, c.year, c.key, num(c.chosen), num(c.other), c.chosenSource, c.otherSource];
}
