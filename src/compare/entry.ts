// One report as compare needs it: identity, provenance and every cell value in a flat typed
// array (NaN for null), so that 10,000 records fit in a few tens of megabytes.
import { ALL_CELL_KEYS, ALL_CELL_PATHS, cellAt } from '../cell-keys.js';
import type { Report } from '../schema.js';
import type { AgencyIdentity } from '../normalize/agency/index.js';

export const CELL_INDEX: ReadonlyMap<string, number> = new Map(ALL_CELL_KEYS.map((k, i) => [k, i]));

export interface Entry {
  agencyId: string | null;
  agency: string | null;
  regionCode: string | null;
  regionName: string | null;
  level: Report['meta']['level'];
  year: number | null;
  templateVersion: Report['meta']['templateVersion'];
  /** Layout of table 三 ('2019': 三（六） as one row), which decides the rows summed as 其他处理. */
  applicationsLayout: '2019' | '2021' | null;
  published: string | null;
  path: string;
  sha256: string;
  checksFailed: number;
  warnings: number;
  /** Values in ALL_CELL_KEYS order; NaN where the cell is null or the table absent. */
  values: Float64Array;
  /** PDF page of each cell (0 where unknown). */
  pages: Uint16Array;
}

export function toEntry(report: Report, identity: AgencyIdentity): Entry {
  const values = new Float64Array(ALL_CELL_KEYS.length);
  const pages = new Uint16Array(ALL_CELL_KEYS.length);
  // The keys as paths, split once: walking them is most of the work of reading 10,000 records.
  ALL_CELL_PATHS.forEach((path, i) => {
    const cell = cellAt(report.tables, path);
    values[i] = cell?.value ?? NaN;
    pages[i] = cell?.origin?.page ?? 0;
  });
  return {
    agencyId: identity.agencyId,
    agency: report.meta.agency,
    regionCode: identity.regionCode,
    regionName: identity.regionName,
    level: report.meta.level,
    year: report.meta.year,
    templateVersion: report.meta.templateVersion,
    applicationsLayout: report.tableInfo.applications?.templateVersion ?? null,
    published: report.meta.published,
    path: report.source.path,
    sha256: report.source.sha256,
    checksFailed: report.checks.filter((c) => c.ok === false && !c.soft).length,
    warnings: report.warnings.length,
    values,
    pages,
  };
}

/** A cell's value, null where empty. */
export function valueOf(entry: Entry, key: string): number | null {
  const i = CELL_INDEX.get(key);
  if (i === undefined) throw new Error(`unknown cell key ${key}`);
  const v = entry.values[i];
  return Number.isNaN(v) ? null : v;
}
