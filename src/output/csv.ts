// reports.csv: one row per report, one column per canonical cell key, for R, Stata and pandas.
import { ALL_CELL_KEYS, FIGURE_KEYS, cellAt } from '../cell-keys.js';
import type { Report } from '../schema.js';

const META_COLUMNS = ['source.path', 'meta.agency', 'meta.year', 'meta.published', 'meta.templateVersion'] as const;

// Figure columns come after every cell column, so that an older header is a prefix of this one.
export const CSV_COLUMNS: string[] = [...META_COLUMNS, ...ALL_CELL_KEYS, ...FIGURE_KEYS.map((k) => `figures.${k}`)];

function field(value: unknown): string {
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
  const figures = FIGURE_KEYS.map((key) => cellAt(report.figures, key)?.value ?? null);
  return [...meta, ...cells, ...figures].map(field).join(',') + '\r\n';
}

/**
 * How many of this version's columns a reports.csv header holds, where it is this version's
 * header or an older one that this one extends (a folder started before figures existed);
 * null for any other header.
 */
export function knownColumns(header: string): number | null {
  const current = csvHeader();
  if (header === current) return CSV_COLUMNS.length;
  const bare = header.replace(/\r\n$/, '');
  if (!header.endsWith('\r\n') || !current.startsWith(bare + ',')) return null;
  const count = splitFields(bare).length;
  return CSV_COLUMNS.slice(0, count).map(field).join(',') === bare ? count : null;
}

/** A row of this version cut to its first `count` fields (quoted fields kept whole). */
export function keepColumns(row: string, count: number): string {
  const fields = splitFields(row.replace(/\r\n$/, ''));
  return fields.length <= count ? row : fields.slice(0, count).join(',') + '\r\n';
}

/** The fields of one CSV line, each as written (quotes kept). */
function splitFields(line: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ',' && !quoted) {
      fields.push(line.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(line.slice(start));
  return fields;
}
