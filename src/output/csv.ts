// reports.csv: one row per report, one column per canonical cell key, for R, Stata and pandas.
import { ALL_CELL_KEYS, cellAt } from '../cell-keys.js';
import type { Report } from '../schema.js';

const META_COLUMNS = ['source.path', 'meta.agency', 'meta.year', 'meta.published', 'meta.templateVersion'] as const;

export const CSV_COLUMNS: string[] = [...META_COLUMNS, ...ALL_CELL_KEYS];

export function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return CSV_COLUMNS.map(field).join(',') + '\r\n';
}

export function csvRow(report: Report): string {
  const meta = [report.source.path, report.meta.agency, report.meta.year, report.meta.published, report.meta.templateVersion];
  const cells = ALL_CELL_KEYS.map((key) => cellAt(report.tables, key)?.value ?? null);
  return [...meta, ...cells].map(field).join(',') + '\r\n';
}
