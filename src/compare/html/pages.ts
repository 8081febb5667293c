// Writes compare.html: one page, or beyond PAGE_LIMIT agencies an index page plus one page per
// agency in agencies/, so that no file grows past what a phone opens.
import { mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomic } from '../../output/atomic.js';
import type { Notes } from '../markdown.js';
import type { Agency, Comparison } from '../model.js';
import { writeAgencyPages } from './agency-pages.js';
import { disposeCharts } from './charts.js';
import { acrossAgencies, agencySection, document, esc, methods, notesHtml } from './page.js';

export const PAGE_LIMIT = 300;
export const AGENCY_FOLDER = 'agencies';

/** A file name for an agency's page: its id made safe, with a hash against collisions. */
export function pageName(agency: Agency): string {
  const safe = agency.agencyId.replace(/[\\/:*?"<>|#%\s\u0000-\u001f]/g, '_').slice(0, 80);
  return `${safe}-${createHash('sha1').update(agency.agencyId).digest('hex').slice(0, 6)}.html`;
}
const anchor = (agency: Agency) => `a-${createHash('sha1').update(agency.agencyId).digest('hex').slice(0, 10)}`;

/** Writes the page(s); returns the files written, compare.html first. */
export async function writePages(dir: string, comparison: Comparison, notes: Notes): Promise<string[]> {
  const title = 'xxgk compare';
  try {
    if (comparison.agencies.length <= PAGE_LIMIT) {
      const body = [
        `<h1>${title}</h1>`,
        notesHtml(comparison, notes),
        comparison.agencies.length > 1 ? acrossAgencies(comparison, (a) => `#${anchor(a)}`) : '',
        ...comparison.agencies.map((a) => agencySection(a, anchor(a))),
        methods(),
      ].join('\n');
      await writeFileAtomic(join(dir, 'compare.html'), document(title, body));
      return ['compare.html'];
    }
    await mkdir(join(dir, AGENCY_FOLDER), { recursive: true });
    const jobs = comparison.agencies.map((agency) => ({ agency, name: pageName(agency), anchor: anchor(agency) }));
    await writeAgencyPages(join(dir, AGENCY_FOLDER), jobs);
    const written = ['compare.html', ...jobs.map((j) => `${AGENCY_FOLDER}/${j.name}`)];
    const href = (a: Agency) => `${AGENCY_FOLDER}/${encodeURIComponent(pageName(a))}`;
    const all = `<h2 id="agencies">All agencies</h2>\n<ul>\n${comparison.agencies.map((a) => `<li><a href="${esc(href(a))}">${esc(a.agency ?? a.agencyId)}</a> <span class="muted">${esc(a.agencyId)} · ${a.years.map((y) => y.year).join(', ')}</span></li>`).join('\n')}\n</ul>`;
    const index = [`<h1>${title}</h1>`, notesHtml(comparison, notes), acrossAgencies(comparison, href), all, methods()].join('\n');
    await writeFileAtomic(join(dir, 'compare.html'), document(title, index));
    return written;
  } finally {
    disposeCharts();
  }
}

