// Document → the parts of a Report that come from its content. Knows nothing of formats.
import { buildFigures, buildTable } from '../cell-keys.js';
import type { Document, Result } from '../model.js';
import type { Report, Tables, Warning } from '../schema.js';
import { XxgkError } from '../errors.js';
import { FREEFORM_SECTION_TITLES, SECTION_TITLES } from '../templates/sections.js';
import { DISCLOSURE_NAME } from '../templates/report-title.js';
import { checkWarnings, figureChecks, runChecks } from './checks.js';
import { readFigures } from './figures-merge.js';
import { readMeta } from './meta.js';
import type { AgencyOverrides } from './agency/index.js';
import { rowStream } from './rows.js';
import { findHeadings, readSections } from './sections.js';
import { readActiveDisclosure } from './tables/active-disclosure.js';
import { readApplications } from './tables/applications.js';
import { readReviews } from './tables/reviews-and-lawsuits.js';
import { runTogetherApplications, runTogetherDisclosure, runTogetherReviews } from './tables/run-together.js';
import { cutInlineParts } from './inline-parts.js';

export interface NormalizeOptions {
  /** A user's agency mapping (xxgk parse --agencies). */
  agencies?: AgencyOverrides;
}

export type Content = Pick<Report, 'meta' | 'sections' | 'tables' | 'tableInfo' | 'figures' | 'checks'>;

export function normalize(document: Document, options: NormalizeOptions = {}): Result<Content> {
  const warnings: Warning[] = [];
  if (document.blocks.every((b) => (b.kind === 'paragraph' ? b.text.trim() === '' : b.grid.length === 0)))
    throw new XxgkError('E_EMPTY', 'the input holds no text');

  const meta = readMeta(document, warnings, { overrides: options.agencies });
  // Crawled pages run the whole article into one line: part titles inside lines are cut out.
  document = cutInlineParts(document);
  const headings = findHeadings(document);
  const rows = rowStream(document);

  // Tables as grids or rows first; where a part's cells ran together into text, from that text.
  const applications = readApplications(rows, meta.year, warnings) ?? runTogetherApplications(document, headings, meta.year, warnings);
  const disclosure = readActiveDisclosure(rows, applications?.start ?? rows.length, meta.year, warnings) ?? runTogetherDisclosure(document, headings, meta.year, warnings);
  const reviews = readReviews(rows, applications?.end ?? 0, warnings) ?? runTogetherReviews(document, headings, warnings);

  const tablesFound = [disclosure, applications, reviews].filter(Boolean).length;
  const titled = meta.title !== null && DISCLOSURE_NAME.test(meta.title);
  // Before the 2019 template there was no table to find: such a report is free-form, found by
  // its own part titles or, where the text lost its lines, by a title that names a report.
  const freeformHeadings = tablesFound === 0 ? findHeadings(document, FREEFORM_SECTION_TITLES) : [];
  const freeform = tablesFound === 0 && (meta.year !== null ? meta.year < 2019 : freeformHeadings.length > headings.length);
  const partHeadings = freeform ? freeformHeadings : headings;
  if (tablesFound === 0 && partHeadings.length < 3 && !(titled && (partHeadings.length >= 1 || freeform)))
    throw new XxgkError(
      'E_NOT_A_REPORT',
      `not a 政府信息公开工作年度报告: no template table, ${headings.length} of the six part titles, ` +
        `and ${meta.title ? `the title "${meta.title}" does not name one` : 'no report title'}`,
    );

  const sections = readSections(document, partHeadings, warnings, freeform ? FREEFORM_SECTION_TITLES : SECTION_TITLES);
  const tables: Tables = {
    activeDisclosure: disclosure?.table === 'activeDisclosure' ? (buildTable('activeDisclosure', disclosure.cells) as Tables['activeDisclosure']) : null,
    activeDisclosure2019: disclosure?.table === 'activeDisclosure2019' ? (buildTable('activeDisclosure2019', disclosure.cells) as Tables['activeDisclosure2019']) : null,
    applications: applications ? (buildTable('applications', applications.cells) as Tables['applications']) : null,
    reviewsAndLawsuits: reviews ? (buildTable('reviewsAndLawsuits', reviews.cells) as Tables['reviewsAndLawsuits']) : null,
  };
  for (const [name, found] of [['二 (activeDisclosure)', disclosure], ['三 (applications)', applications], ['四 (reviewsAndLawsuits)', reviews]] as const)
    if (!found && !freeform) warnings.push({ code: 'W_TABLE_MISSING', message: `table ${name} was not found` });

  const yearVersion = meta.year === null ? null : meta.year >= 2021 ? '2021' : '2019';
  const tableInfo: Report['tableInfo'] = {
    activeDisclosure: disclosure ? { templateVersion: disclosure.version, origin: disclosure.firstRow.cells[0]?.origin ?? null } : null,
    applications: applications ? { templateVersion: applications.layout, origin: applications.firstRow?.cells[0]?.origin ?? null } : null,
    reviewsAndLawsuits: reviews ? { templateVersion: yearVersion, origin: reviews.row.cells[0]?.origin ?? null } : null,
  };
  // The report's template is the one its table 二 follows; table 二 changed most between them.
  meta.templateVersion = freeform ? 'freeform' : (disclosure?.version ?? (applications?.layout === '2021' ? '2021' : yearVersion));

  const figures = buildFigures(readFigures(document, rows, meta.agency, freeform, warnings));
  const checks = [...runChecks(tables, applications?.layout ?? null), ...figureChecks(figures, tables)];
  warnings.push(...checkWarnings(checks));
  return { value: { meta, sections, tables, tableInfo, figures, checks }, warnings };
}
