// reports.csv: one row per report, one column per canonical cell key, for R, Stata and pandas.
import { ALL_CELL_KEYS, ALL_CELL_PATHS, FIGURE_KEYS, FIGURE_PATHS, cellAt } from '../cell-keys.js';
import type { Report } from '../schema.js';

const META_COLUMNS = ['source.path', 'meta.agency', 'meta.regionCode', 'meta.regionName', 'meta.agencyId', 'meta.year', 'meta.published', 'meta.templateVersion'] as const;

// Figure columns come after every cell column, so that an older header is a prefix of this one.
export const CSV_COLUMNS: string[] = [...META_COLUMNS, ...ALL_CELL_KEYS, ...FIGURE_KEYS.map((k) => `figures.${k}`)];

export function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return CSV_COLUMNS.map(field).join(',') + '\r\n';
}

export function csvRow(report: Report): string {
  const { agency, regionCode, regionName, agencyId } = report.meta;
  const meta = [report.source.path, agency, regionCode, regionName, agencyId, report.meta.year, report.meta.published, report.meta.templateVersion];
  const cells = ALL_CELL_PATHS.map((path) => cellAt(report.tables, path)?.value ?? null);
  const figures = FIGURE_PATHS.map((path) => cellAt(report.figures, path)?.value ?? null);
  return [...meta, ...cells, ...figures].map(field).join(',') + '\r\n';
}
