// panel.csv: one row per agency and year, the chosen record's identity, every cell, every indicator.
import { ALL_CELL_KEYS } from '../cell-keys.js';
import { INDICATOR_NAMES } from './indicators.js';
import { num } from './format.js';
import type { Comparison } from './model.js';

export const PANEL_COLUMNS = [
  'agencyId', 'agency', 'regionCode', 'level', 'year', 'templateVersion', 'published', 'source.path', 'checksFailed',
  ...ALL_CELL_KEYS,
  ...INDICATOR_NAMES.map((n) => `indicator.${n}`),
];

export function* panelRows(comparison: Comparison): Generator<unknown[]> {
  for (const agency of comparison.agencies)
    for (const { year, chosen, indicators } of agency.years) {
      const cells = Array.from(chosen.values, num);
      yield [agency.agencyId, chosen.agency, chosen.regionCode, chosen.level, year, chosen.templateVersion, chosen.published, chosen.path, chosen.checksFailed, ...cells, ...indicators.map(num)];
    }
}
