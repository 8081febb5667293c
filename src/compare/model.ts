// A comparison: the chosen record of every agency and year with its indicators, built once and
// read by every output.
import type { Entry } from './entry.js';
import { group, type AgencyGroup } from './choose.js';
import { INDICATORS } from './indicators.js';

export interface YearRow {
  year: number;
  chosen: Entry;
  others: Entry[];
  /** In INDICATORS order. */
  indicators: (number | null)[];
}

export interface Agency {
  agencyId: string;
  /** The name as the latest chosen record writes it. */
  agency: string | null;
  regionCode: string | null;
  regionName: string | null;
  level: Entry['level'];
  years: YearRow[];
}

export interface Comparison {
  agencies: Agency[];
  /** Records met twice (the same bytes for one agency and year), counted once. */
  sameBytes: number;
}

export function buildComparison(entries: Entry[]): Comparison {
  const { groups, sameBytes } = group(entries);
  return { agencies: groups.map(toAgency), sameBytes };
}

function toAgency(g: AgencyGroup): Agency {
  const years = g.years.map(({ chosen, others }, i) => ({
    year: chosen.year!,
    chosen,
    others,
    indicators: INDICATORS.map((ind) => ind.compute(chosen, g.years[i - 1]?.chosen)),
  }));
  const latest = years[years.length - 1].chosen;
  return { agencyId: g.agencyId, agency: latest.agency, regionCode: latest.regionCode, regionName: latest.regionName, level: latest.level, years };
}
