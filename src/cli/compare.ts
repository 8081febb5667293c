// xxgk compare <parse output folders, reports.jsonl files or report files…> -o DIR: a panel, the
// changes between years, continuity, conflicts, compare.md and compare.html (see README).
import { readFileSync } from 'node:fs';
import { parseAgencyOverrides } from '../normalize/agency/index.js';
import { Report } from '../schema.js';
import { parseYears, type YearRange } from '../compare/filters.js';
import { UsageError } from '../compare/load.js';
import { runCompare } from '../compare/run.js';
import { terminalTable } from '../compare/terminal.js';

export interface CompareCommandOptions {
  out: string;
  agency?: string;
  region?: string;
  level?: string;
  years?: string;
  agencies?: string;
}

export async function compareCommand(inputs: string[], options: CompareCommandOptions): Promise<number> {
  let years: YearRange | undefined;
  let overrides;
  try {
    years = options.years === undefined ? undefined : parseYears(options.years);
    if (options.agencies !== undefined) overrides = parseAgencyOverrides(readFileSync(options.agencies, 'utf8'));
  } catch (error) {
    return usage((error as Error).message);
  }
  const levels = Report.shape.meta.shape.level.unwrap().options as readonly string[];
  if (options.level !== undefined && !levels.includes(options.level)) return usage(`--level takes one of ${levels.join(', ')}, not "${options.level}"`);
  if (options.region !== undefined && !/^\d{1,6}$/.test(options.region)) return usage(`--region takes a prefix of a 6-digit region code, not "${options.region}"`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let result;
  try {
    result = await runCompare(inputs, { out: options.out, agency: options.agency, region: options.region, level: options.level, years, overrides, log });
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  const { comparison, leftOut, rows } = result;
  const years_ = comparison.agencies.reduce((n, a) => n + a.years.length, 0);
  log(`${result.read} records read; ${comparison.agencies.length} agencies, ${years_} agency-years in the panel`);
  if (result.filteredOut) log(`${result.filteredOut} records outside the filters`);
  if (comparison.sameBytes) log(`${comparison.sameBytes} records of the same file met twice, counted once`);
  for (const line of leftOut.lines()) log(`left out: ${line}`);
  log(`wrote ${options.out}: panel.csv (${rows.panel} rows), changes.csv (${rows.changes}), continuity.csv (${rows.continuity}), conflicts.csv (${rows.conflicts}), compare.md, ${result.pages.length > 1 ? `compare.html and ${result.pages.length - 1} agency pages` : 'compare.html'}`);
  if (comparison.agencies.length === 1 && process.stdout.isTTY) process.stdout.write(terminalTable(comparison.agencies[0]));
  return comparison.agencies.length === 0 ? 1 : 0;
}

function usage(message: string): number {
  process.stderr.write(`error: ${message}\n`);
  return 2;
}
