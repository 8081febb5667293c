// compare.html: the page. Per agency: sources, indicator charts, outcome bars, the indicators by
// year, the largest changes, continuity and flags. Across agencies: one year's table, sortable,
// ranked only where enough applications were processed. A methods section prints every formula.
import { valueOf } from '../entry.js';
import { num, percent } from '../format.js';
import { display } from '../display.js';
import { INDICATORS, MIN_PROCESSED, OUTCOMES, type Indicator } from '../indicators.js';
import type { Agency, Comparison, YearRow } from '../model.js';
import type { Notes } from '../markdown.js';
import { continuityBreaks, largestChanges, yearFlags } from '../notable.js';
import { lineChart, outcomesChart } from './charts.js';
import { SCRIPT, STYLE } from './assets.js';

export const esc = (text: unknown) => String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const indicator = (name: string) => INDICATORS.findIndex((i) => i.name === name);

export function document(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
${body}
<script>${SCRIPT}</script>
</body></html>
`;
}

/** A source path as text, or a link where it is a URL. */
function source(path: string): string {
  return /^https?:\/\//i.test(path) ? `<a href="${esc(path)}">${esc(path)}</a>` : `<code>${esc(path)}</code>`;
}

const pageRanges = new WeakMap<YearRow, string>();

/** Pages of table 三 and 四 cells, "p. 3–4", where the source is paged. Asked for every cell
 * shown, so worked out once per row. */
function pages(row: YearRow): string {
  let text = pageRanges.get(row);
  if (text === undefined) {
    let lo = Infinity;
    let hi = 0;
    for (const p of row.chosen.pages) if (p > 0) (lo = Math.min(lo, p)), (hi = Math.max(hi, p));
    text = hi === 0 ? '' : lo === hi ? `p. ${lo}` : `p. ${lo}–${hi}`;
    pageRanges.set(row, text);
  }
  return text;
}

const where = (row: YearRow) => `${row.chosen.path}${pages(row) ? ` ${pages(row)}` : ''}`;

function table(head: string[], rows: string[], attrs = ''): string {
  return `<table class="stack${attrs}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
/** A row whose cells carry their column name for the phone layout; cells are [html, label, title?, sort?]. */
function tr(cells: [string, string, string?, (string | number | null)?][]): string {
  return `<tr>${cells.map(([html, label, title, v]) => `<td data-label="${esc(label)}"${title ? ` title="${esc(title)}"` : ''}${v !== undefined ? ` data-v="${esc(v ?? '')}"` : ''}>${html}</td>`).join('')}</tr>`;
}

export function agencySection(agency: Agency, anchor: string): string {
  const years = agency.years.map((y) => String(y.year));
  const out: string[] = [`<section id="${esc(anchor)}" data-agency="${esc(agency.agencyId)}">`, `<h2>${esc(agency.agency ?? agency.agencyId)}</h2>`];
  out.push(`<p class="muted"><code>${esc(agency.agencyId)}</code>${agency.regionName ? ` · ${esc(agency.regionName)}` : ''}${agency.regionCode ? ` (${esc(agency.regionCode)})` : ''}${agency.level ? ` · ${esc(agency.level)}` : ''}</p>`);

  out.push('<h3>Sources 来源</h3>');
  out.push(table(['year', 'source', 'published', 'template', 'checks failed'], agency.years.map((y) =>
    tr([[String(y.year), 'year'], [`${source(y.chosen.path)}${pages(y) ? ` <span class="muted">${pages(y)}</span>` : ''}`, 'source'], [esc(y.chosen.published ?? '—'), 'published'], [esc(y.chosen.templateVersion ?? '—'), 'template'], [String(y.chosen.checksFailed), 'checks failed']]),
  )));

  const series = (names: string[]) => names.map((n) => ({ name: `${INDICATORS[indicator(n)].term} ${n}`, values: agency.years.map((y) => y.indicators[indicator(n)]) }));
  out.push('<div class="charts">');
  out.push(`<figure data-chart="applications">${lineChart(agency, series(['received', 'processed']), false)}<figcaption>Applications received (本年新收) and processed (办理结果总计) by year.</figcaption></figure>`);
  out.push(`<figure data-chart="rates">${lineChart(agency, series(['disclosureRate', 'refusalRate', 'correctionRate']), true)}<figcaption>实质公开率, 不予公开率 and 综合纠错率 by year (formulas under Methods).</figcaption></figure>`);
  out.push(`<figure data-chart="outcomes">${outcomesChart(agency)}<figcaption>Where the applications ended up (三、本年度办理结果): ${OUTCOMES.map((o) => `${o.term} ${o.name}`).join(', ')}.</figcaption></figure>`);
  out.push('</div>');

  out.push('<h3>Indicators 指标</h3>');
  out.push(table(['indicator', ...years], INDICATORS.map((ind: Indicator, k) =>
    tr([[`${esc(ind.term)} <span class="muted">${ind.name}</span>`, 'indicator'], ...agency.years.map((y): [string, string, string] => [esc(display(ind, y.indicators[k])), String(y.year), where(y)])]),
  )));

  const changes = largestChanges(agency);
  out.push('<h3>Largest changes 主要变化</h3>');
  out.push(changes.length
    ? table(['cell', 'years', 'from', 'to', 'change', 'flags'], changes.map((c) => {
        const a = agency.years.find((y) => y.year === c.fromYear)!;
        const b = agency.years.find((y) => y.year === c.toYear)!;
        return tr([[`<code>${esc(c.key)}</code>`, 'cell'], [`${c.fromYear}→${c.toYear}`, 'years'], [num(c.from), 'from', where(a)], [num(c.to), 'to', where(b)], [`${c.change! > 0 ? '+' : ''}${num(c.change)}${c.changeRatio === null ? '' : ` (${percent(c.changeRatio)})`}`, 'change'], [`<span class="flag">${esc(c.flags.join(' '))}</span>`, 'flags']]);
      }))
    : `<p>${agency.years.length < 2 ? 'One year only.' : 'No row total changed.'}</p>`);

  const breaks = continuityBreaks(agency);
  out.push('<h3>Continuity 结转衔接</h3><p class="muted">四、结转下年度继续办理 of one year against 二、上年结转 of the next.</p>');
  out.push(breaks.length
    ? table(['years', 'column', 'carried forward', 'carried over'], breaks.map((b) => tr([[`${b.fromYear}→${b.toYear}`, 'years'], [esc(b.column), 'column'], [num(b.carriedForward), 'carried forward'], [num(b.carriedOver), 'carried over']])))
    : `<p>${agency.years.some((y, i) => i > 0 && agency.years[i - 1].year === y.year - 1) ? 'No break.' : 'No consecutive years.'}</p>`);

  const flags = yearFlags(agency);
  out.push('<h3>Flags 提示</h3>');
  out.push(flags.length ? `<ul>${flags.map((f) => `<li>${f.year}: ${esc(f.flags.join('; '))}</li>`).join('')}</ul>` : '<p>None.</p>');
  out.push('</section>');
  return out.join('\n');
}

/** The year most agencies have (the later one on a tie). */
export function commonYear(comparison: Comparison): number | null {
  const counts = new Map<number, number>();
  for (const a of comparison.agencies) for (const y of a.years) counts.set(y.year, (counts.get(y.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  return best;
}

/** Across agencies, one year: sortable; ranked by 实质公开率 only where P ≥ MIN_PROCESSED. */
export function acrossAgencies(comparison: Comparison, href: (agency: Agency) => string): string {
  const year = commonYear(comparison);
  if (year === null) return '<p>No agency-year to compare.</p>';
  const rows = comparison.agencies.flatMap((agency) => {
    const y = agency.years.find((r) => r.year === year);
    return y ? [{ agency, y }] : [];
  });
  const rate = indicator('disclosureRate');
  const rankable = rows.filter(({ y }) => (valueOf(y.chosen, 'applications.totalProcessed.total') ?? 0) >= MIN_PROCESSED && y.indicators[rate] !== null);
  const ranks = new Map(rankable.sort((a, b) => b.y.indicators[rate]! - a.y.indicators[rate]!).map((r, i) => [r.agency.agencyId, i + 1]));
  const shown = ['received', 'processed', 'disclosureRate', 'refusalRate', 'correctionRate', 'onTime'].map(indicator);
  const head = ['agency', 'region', ...shown.map((k) => INDICATORS[k].term), 'rank'];
  const body = rows.map(({ agency, y }) =>
    tr([
      [`<a href="${esc(href(agency))}">${esc(agency.agency ?? agency.agencyId)}</a>`, 'agency', agency.agencyId, agency.agency ?? agency.agencyId],
      [esc(agency.regionCode ?? '—'), 'region', agency.regionName ?? '', agency.regionCode],
      ...shown.map((k): [string, string, string, number | null] => [esc(display(INDICATORS[k], y.indicators[k])), INDICATORS[k].term, where(y), y.indicators[k]]),
      [String(ranks.get(agency.agencyId) ?? '—'), 'rank', ranks.has(agency.agencyId) ? '' : `not ranked: fewer than ${MIN_PROCESSED} applications processed`, ranks.get(agency.agencyId) ?? null],
    ]),
  );
  return `<h2 id="across">Across agencies, ${year}</h2>
<p class="muted">${rows.length} agencies with a report for ${year}. Rank by 实质公开率 among the ${ranks.size} that processed at least ${MIN_PROCESSED} applications. Click a column head to sort.</p>
${table(head, body, ' sortable')}`;
}

export function methods(): string {
  const items = INDICATORS.map((i) => `<li><b>${esc(i.term)}</b> <code>${i.name}</code> = <code>${esc(i.formula)}</code></li>`).join('\n');
  return `<h2 id="methods">Methods 方法</h2>
<p>P = <code>applications.totalProcessed.total</code> (三、本年度办理结果（七）总计). An indicator is empty (—) where an input cell is empty or the denominator is 0; a dash printed in a report (—, /, 无) reads as 0.</p>
<ul>
${items}
</ul>
<p>One record per agency and year: where there are several, the one with fewer failed arithmetic checks, then fewer warnings, then the later publication date; every cell on which the others disagree is listed in conflicts.csv. Changes are flagged <code>template-changed</code> (2019 and 2021 template rows are not the same thing), <code>checks-failed</code> (either year's arithmetic is broken), <code>small-n</code> (fewer than ${MIN_PROCESSED} applications processed) and <code>null</code>. Continuity compares one year's 四、结转下年度继续办理 with the next year's 二、上年结转, column by column. Every number carries its source: hover a value for the file and page.</p>`;
}

export function notesHtml(comparison: Comparison, notes: Notes): string {
  const lines = [`${comparison.agencies.length} agencies, ${comparison.agencies.reduce((n, a) => n + a.years.length, 0)} agency-years.`];
  if (notes.sameBytes) lines.push(`${notes.sameBytes} records of the same file met twice, counted once.`);
  for (const l of notes.leftOut) lines.push(`Left out: ${l}.`);
  return `<ul class="muted">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
}
