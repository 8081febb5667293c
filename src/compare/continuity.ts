// continuity.csv: last year's 四、结转下年度继续办理 against this year's 二、上年结转, per column,
// for every agency with two consecutive years.
import { APPLICANT_COLUMNS } from '../templates/applications.js';
import { valueOf } from './entry.js';
import type { Agency, Comparison } from './model.js';
import { num } from './format.js';

export const CONTINUITY_COLUMNS = ['agencyId', 'agency', 'fromYear', 'toYear', 'column', 'carriedForward', 'carriedOver', 'ok'];

export interface Continuity {
  fromYear: number;
  toYear: number;
  column: string;
  carriedForward: number | null;
  carriedOver: number | null;
  ok: boolean | null;
}

export function* agencyContinuity(agency: Agency): Generator<Continuity> {
  for (let i = 1; i < agency.years.length; i++) {
    const a = agency.years[i - 1];
    const b = agency.years[i];
    if (b.year !== a.year + 1) continue;
    for (const column of APPLICANT_COLUMNS) {
      const carriedForward = valueOf(a.chosen, `applications.carriedForward.${column}`);
      const carriedOver = valueOf(b.chosen, `applications.carriedOver.${column}`);
      const ok = carriedForward === null || carriedOver === null ? null : carriedForward === carriedOver;
      yield { fromYear: a.year, toYear: b.year, column, carriedForward, carriedOver, ok };
    }
  }
}

export function* continuityRows(comparison: Comparison): Generator<unknown[]> {
  for (const agency of comparison.agencies)
    for (const c of agencyContinuity(agency))
      yield [agency.agencyId, agency.agency, c.fromYear, c.toYear, c.column, num(c.carriedForward), num(c.carriedOver), c.ok === null ? '' : String(c.ok)];
}
