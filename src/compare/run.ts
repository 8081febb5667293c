// compare, start to end: load the inputs, filter, choose one record per agency and year, write
// the outputs. Returns what the command line reports.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgencyOverrides } from '../normalize/agency/index.js';
import { changeRows, CHANGES_COLUMNS } from './changes.js';
import { conflictRows, CONFLICTS_COLUMNS } from './conflicts.js';
import { continuityRows, CONTINUITY_COLUMNS } from './continuity.js';
import { writeCsv } from './csv.js';
import { matches, type Filters } from './filters.js';
import { writePages } from './html/pages.js';
import { loadEntries, type LeftOut } from './load.js';
import { writeMarkdown } from './markdown.js';
import { buildComparison, type Comparison } from './model.js';
import { panelRows, PANEL_COLUMNS } from './panel.js';

export interface CompareOptions extends Filters {
  out: string;
  overrides?: AgencyOverrides;
  log?: (line: string) => void;
}

/** Seconds per stage, for the benchmark. The pages are written during csv and markdown too; html
 * is the time they take after those. */
export type Timings = Record<'load' | 'group' | 'csv' | 'markdown' | 'html', number>;

export interface CompareResult {
  comparison: Comparison;
  leftOut: LeftOut;
  read: number;
  filteredOut: number;
  rows: { panel: number; changes: number; continuity: number; conflicts: number };
  pages: string[];
  timings: Timings;
}

export async function runCompare(inputs: string[], options: CompareOptions): Promise<CompareResult> {
  await mkdir(options.out, { recursive: true });
  let clock = performance.now();
  const lap = () => {
    const seconds = (performance.now() - clock) / 1000;
    clock = performance.now();
    return seconds;
  };
  const { entries, leftOut } = await loadEntries(inputs, options);
  const load = lap();
  const kept = entries.filter((e) => matches(e, options));
  const comparison = buildComparison(kept);
  const grouping = lap();
  const out = (name: string) => join(options.out, name);
  const notes = { leftOut: leftOut.lines(), sameBytes: comparison.sameBytes };
  // The pages (mostly charts, in worker threads) are written alongside the CSVs and the Markdown.
  const writing = writePages(options.out, comparison, notes);
  writing.catch(() => undefined); // awaited below; not unhandled meanwhile
  const rows = {
    panel: await writeCsv(out('panel.csv'), PANEL_COLUMNS, panelRows(comparison)),
    changes: await writeCsv(out('changes.csv'), CHANGES_COLUMNS, changeRows(comparison)),
    continuity: await writeCsv(out('continuity.csv'), CONTINUITY_COLUMNS, continuityRows(comparison)),
    conflicts: await writeCsv(out('conflicts.csv'), CONFLICTS_COLUMNS, conflictRows(comparison)),
  };
  const csv = lap();
  await writeMarkdown(out('compare.md'), comparison, notes);
  const markdown = lap();
  const pages = await writing;
  const timings = { load, group: grouping, csv, markdown, html: lap() };
  return { comparison, leftOut, read: entries.length + leftOut.total, filteredOut: entries.length - kept.length, rows, pages, timings };
}
