// --agency, --region, --level, --years: which entries a comparison keeps.
import type { Entry } from './entry.js';

export interface Filters {
  /** A substring of the agency's name, or its id exactly. */
  agency?: string;
  /** A prefix of the region code: `3208` is all of 淮安市. */
  region?: string;
  level?: string;
  years?: YearRange;
}

export interface YearRange {
  from: number | null;
  to: number | null;
}

/** "2021-2024", "2021-", "-2024" or "2023". */
export function parseYears(text: string): YearRange {
  const m = /^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$/.exec(text);
  if (!m || (!m[1] && !m[3])) throw new Error(`expected years as 2021-2024, 2021-, -2024 or 2023, not "${text}"`);
  const from = m[1] ? Number(m[1]) : null;
  const to = m[3] ? Number(m[3]) : m[2] ? null : from;
  if (from !== null && to !== null && from > to) throw new Error(`the range ${text} ends before it starts`);
  return { from, to };
}

export function matches(entry: Entry, filters: Filters): boolean {
  const { agency, region, level, years } = filters;
  if (agency && entry.agencyId !== agency && !(entry.agency ?? '').includes(agency)) return false;
  if (region && !(entry.regionCode ?? '').startsWith(region)) return false;
  if (level && entry.level !== level) return false;
  if (years && entry.year !== null) {
    if (years.from !== null && entry.year < years.from) return false;
    if (years.to !== null && entry.year > years.to) return false;
  }
  return true;
}
