// One record per agency and year. Where there are several (the HTML and the PDF of one report, a
// corrected re-publication), the rule: fewer failed checks, then fewer warnings, then the later
// publication date (a known date before none), then the source path in code-point order so that
// runs repeat. The same bytes met twice (one folder given twice) count once.
import type { Entry } from './entry.js';

export interface AgencyYear {
  chosen: Entry;
  /** The other records of this agency and year, in the rule's order. */
  others: Entry[];
}

export interface AgencyGroup {
  agencyId: string;
  /** By year, ascending. */
  years: AgencyYear[];
}

export function preferred(a: Entry, b: Entry): number {
  return (
    a.checksFailed - b.checksFailed ||
    a.warnings - b.warnings ||
    compareDates(b.published, a.published) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Groups by agency id, then year; entries without both must be left out before. */
export function group(entries: Entry[]): { groups: AgencyGroup[]; sameBytes: number } {
  const byAgency = new Map<string, Map<number, Entry[]>>();
  const seen = new Set<string>();
  let sameBytes = 0;
  for (const entry of entries) {
    const key = `${entry.sha256}\u0000${entry.agencyId}\u0000${entry.year}`;
    if (seen.has(key)) {
      sameBytes++;
      continue;
    }
    seen.add(key);
    const years = byAgency.get(entry.agencyId!) ?? new Map<number, Entry[]>();
    byAgency.set(entry.agencyId!, years);
    const list = years.get(entry.year!) ?? [];
    years.set(entry.year!, list);
    list.push(entry);
  }
  const groups = [...byAgency.keys()].sort().map((agencyId) => {
    const years = [...byAgency.get(agencyId)!].sort(([a], [b]) => a - b);
    return {
      agencyId,
      years: years.map(([, list]) => {
        const [chosen, ...others] = list.sort(preferred);
        return { chosen, others };
      }),
    };
  });
  return { groups, sameBytes };
}
