// changes.csv: for each agency and each pair of successive years present, every cell and
// indicator that has a value in either year, with what makes the change doubtful.
import { ALL_CELL_KEYS } from '../cell-keys.js';
import { INDICATORS, MIN_PROCESSED } from './indicators.js';
import { num } from './format.js';
import type { Agency, Comparison, YearRow } from './model.js';
import { valueOf } from './entry.js';

export const CHANGES_COLUMNS = ['agencyId', 'agency', 'key', 'fromYear', 'toYear', 'from', 'to', 'change', 'changeRatio', 'flags'];

export interface Change {
  key: string;
  fromYear: number;
  toYear: number;
  from: number | null;
  to: number | null;
  change: number | null;
  changeRatio: number | null;
  flags: string[];
}

/** Flags that hold for every key of a pair of years. */
export function pairFlags(a: YearRow, b: YearRow): string[] {
  const flags: string[] = [];
  if (a.chosen.templateVersion !== b.chosen.templateVersion || a.chosen.applicationsLayout !== b.chosen.applicationsLayout) flags.push('template-changed');
  if (a.chosen.checksFailed > 0 || b.chosen.checksFailed > 0) flags.push('checks-failed');
  const small = (r: YearRow) => {
    const p = valueOf(r.chosen, 'applications.totalProcessed.total');
    return p !== null && p < MIN_PROCESSED;
  };
  if (small(a) || small(b)) flags.push('small-n');
  return flags;
}

export function* agencyChanges(agency: Agency): Generator<Change> {
  for (let i = 1; i < agency.years.length; i++) {
    const a = agency.years[i - 1];
    const b = agency.years[i];
    const flags = pairFlags(a, b);
    const one = (key: string, from: number | null, to: number | null, ratioToo = true): Change | undefined => {
      if (from === null && to === null) return undefined;
      const change = from === null || to === null ? null : to - from;
      const changeRatio = ratioToo && change !== null && from !== 0 ? change / from! : null;
      return { key, fromYear: a.year, toYear: b.year, from, to, change, changeRatio, flags: change === null ? [...flags, 'null'] : flags };
    };
    for (let k = 0; k < ALL_CELL_KEYS.length; k++) {
      const from = a.chosen.values[k];
      const to = b.chosen.values[k];
      const c = one(ALL_CELL_KEYS[k], Number.isNaN(from) ? null : from, Number.isNaN(to) ? null : to);
      if (c) yield c;
    }
    for (let k = 0; k < INDICATORS.length; k++) {
      const c = one(`indicator.${INDICATORS[k].name}`, a.indicators[k], b.indicators[k], INDICATORS[k].kind !== 'flag');
      if (c) yield c;
    }
  }
}

export function* changeRows(comparison: Comparison): Generator<unknown[]> {
  for (const agency of comparison.agencies)
    for (const c of agencyChanges(agency))
      yield [agency.agencyId, agency.agency, c.key, c.fromYear, c.toYear, num(c.from), num(c.to), num(c.change), num(c.changeRatio), c.flags.join(' ')];
}
