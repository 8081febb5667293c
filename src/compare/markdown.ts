// compare.md: per agency the indicators by year, the largest changes, continuity breaks and
// flags, readable in a terminal or a pull request.
import { writeFileAtomic } from '../output/atomic.js';
import { display } from './display.js';
import { num, percent } from './format.js';
import { INDICATORS } from './indicators.js';
import type { Agency, Comparison } from './model.js';
import { continuityBreaks, largestChanges, yearFlags } from './notable.js';

export interface Notes {
  leftOut: string[];
  sameBytes: number;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

export function agencyMarkdown(agency: Agency): string {
  const out: string[] = [`## ${agency.agency ?? agency.agencyId}`, ''];
  out.push(`\`${agency.agencyId}\`${agency.regionName ? ` · ${agency.regionName}` : ''}${agency.regionCode ? ` (${agency.regionCode})` : ''}${agency.level ? ` · ${agency.level}` : ''}`, '');
  out.push(table(['year', 'source', 'published', 'template', 'checks failed'], agency.years.map((y) => [String(y.year), y.chosen.path, y.chosen.published ?? '—', y.chosen.templateVersion ?? '—', String(y.chosen.checksFailed)])), '');
  out.push('### Indicators', '');
  out.push(table(['indicator', ...agency.years.map((y) => String(y.year))], INDICATORS.map((ind, k) => [`${ind.term} ${ind.name}`, ...agency.years.map((y) => display(ind, y.indicators[k]))])), '');
  const changes = largestChanges(agency);
  out.push('### Largest changes', '');
  out.push(
    changes.length
      ? table(['cell', 'years', 'from', 'to', 'change', 'flags'], changes.map((c) => [c.key, `${c.fromYear}→${c.toYear}`, num(c.from), num(c.to), `${c.change! > 0 ? '+' : ''}${num(c.change)}${c.changeRatio === null ? '' : ` (${percent(c.changeRatio)})`}`, c.flags.join(' ')]))
      : agency.years.length < 2 ? 'One year only.' : 'No row total changed.',
    '',
  );
  const breaks = continuityBreaks(agency);
  out.push('### Continuity (四、结转下年度继续办理 → next year\'s 二、上年结转)', '');
  out.push(breaks.length ? table(['years', 'column', 'carried forward', 'carried over'], breaks.map((b) => [`${b.fromYear}→${b.toYear}`, b.column, num(b.carriedForward), num(b.carriedOver)])) : 'No break.', '');
  const flags = yearFlags(agency);
  out.push('### Flags', '');
  out.push(flags.length ? flags.map((f) => `- ${f.year}: ${f.flags.join('; ')}`).join('\n') : 'None.', '');
  return out.join('\n');
}

export function comparisonMarkdown(comparison: Comparison, notes: Notes): string {
  const head = ['# xxgk compare', '', `${comparison.agencies.length} agencies, ${comparison.agencies.reduce((n, a) => n + a.years.length, 0)} agency-years. Formulas: README, section "xxgk compare".`, ''];
  if (notes.sameBytes) head.push(`- ${notes.sameBytes} records of the same file met twice, counted once.`);
  for (const line of notes.leftOut) head.push(`- Left out: ${line}.`);
  if (head.length > 4) head.push('');
  return [...head, ...comparison.agencies.map(agencyMarkdown)].join('\n');
}

export async function writeMarkdown(path: string, comparison: Comparison, notes: Notes): Promise<void> {
  await writeFileAtomic(path, comparisonMarkdown(comparison, notes));
}
