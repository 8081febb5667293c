// What the Markdown and the page point out per agency: the largest changes of row totals,
// continuity breaks, and the flags of each year.
import { agencyChanges, type Change } from './changes.js';
import { agencyConflicts } from './conflicts.js';
import { agencyContinuity, type Continuity } from './continuity.js';
import { INDICATORS } from './indicators.js';
import type { Agency } from './model.js';

const ON_TIME = INDICATORS.findIndex((i) => i.name === 'onTime');

/** Changes of row totals and table 二 counts, largest absolute change first. */
export function largestChanges(agency: Agency, n = 8): Change[] {
  const counted = (key: string) => /^(applications|reviewsAndLawsuits)\..*\.total$|^activeDisclosure(2019)?\./.test(key);
  return [...agencyChanges(agency)]
    .filter((c) => c.change !== null && c.change !== 0 && counted(c.key))
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!) || (a.key < b.key ? -1 : 1))
    .slice(0, n);
}

export function continuityBreaks(agency: Agency): Continuity[] {
  return [...agencyContinuity(agency)].filter((c) => c.ok === false);
}

/** Per year, what a reader should know before quoting it. */
export function yearFlags(agency: Agency): { year: number; flags: string[] }[] {
  const conflicts = new Map<number, number>();
  for (const c of agencyConflicts(agency)) conflicts.set(c.year, (conflicts.get(c.year) ?? 0) + 1);
  return agency.years
    .map((y, i) => {
      const flags: string[] = [];
      if (y.chosen.checksFailed) flags.push(`${y.chosen.checksFailed} arithmetic check(s) failed`);
      const previous = agency.years[i - 1];
      if (previous && previous.chosen.templateVersion !== y.chosen.templateVersion)
        flags.push(`template ${previous.chosen.templateVersion ?? '?'} → ${y.chosen.templateVersion ?? '?'}`);
      if (y.indicators[ON_TIME] === 0) flags.push(`published late (${y.chosen.published})`);
      if (y.others.length) flags.push(`${y.others.length + 1} records, chose ${y.chosen.path}`);
      if (conflicts.get(y.year)) flags.push(`${conflicts.get(y.year)} conflicting cell(s)`);
      return { year: y.year, flags };
    })
    .filter((f) => f.flags.length > 0);
}
