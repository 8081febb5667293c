// On a terminal, with one agency selected: its indicators by year, one line each.
import { display } from './display.js';
import { INDICATORS } from './indicators.js';
import type { Agency } from './model.js';

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
const pad = (text: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - width(text))) + text : text + ' '.repeat(Math.max(0, n - width(text))));

export function terminalTable(agency: Agency): string {
  const header = ['', ...agency.years.map((y) => String(y.year))];
  const rows = INDICATORS.map((ind, k) => [ind.name, ...agency.years.map((y) => display(ind, y.indicators[k]))]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => width(r[c]))));
  const line = (r: string[]) => r.map((cell, c) => pad(cell, widths[c], c > 0)).join('  ').trimEnd();
  const title = `${agency.agency ?? agency.agencyId} (${agency.agencyId})`;
  return [title, line(header), ...rows.map(line)].join('\n') + '\n';
}
