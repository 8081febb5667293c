// xxgk eval --gold GOLD_DIR OUT_DIR: a parse output against hand-read answers
// (format: ../shared/corpus/gold/README.md). Prints per-file and overall cell accuracy and
// every wrong cell, so a researcher can validate extraction on their own hand-coded sample.
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { cellAt } from '../cell-keys.js';
import { Report } from '../schema.js';

export const Gold = z.object({
  file: z.string(),
  meta: z.object({
    agency: z.union([z.string(), z.array(z.string())]).optional(),
    year: z.number().int().optional(),
    templateVersion: z.string().optional(),
  }),
  cells: z.record(z.string(), z.number().nullable()),
  brokenCheck: z.string().nullable().optional(),
});
export type Gold = z.infer<typeof Gold>;

export interface FileScore {
  file: string;
  found: boolean;
  right: number;
  total: number;
  wrong: { key: string; expected: number | null; actual: number | null; raw: string | null }[];
  agency: boolean | null;
  year: boolean | null;
  templateVersion: boolean | null;
  brokenCheck: boolean | null;
}

export function scoreReport(gold: Gold, report: Report | undefined): FileScore {
  const keys = Object.keys(gold.cells);
  if (!report)
    return { file: gold.file, found: false, right: 0, total: keys.length, wrong: [], agency: false, year: false, templateVersion: false, brokenCheck: null };
  const wrong: FileScore['wrong'] = [];
  for (const key of keys) {
    const cell = cellAt(report.tables, key);
    const actual = cell?.value ?? null;
    if (actual !== gold.cells[key]) wrong.push({ key, expected: gold.cells[key], actual, raw: cell?.raw ?? null });
  }
  const agencies = gold.meta.agency === undefined ? null : ([] as string[]).concat(gold.meta.agency);
  const prefix = gold.brokenCheck?.split(':')[0].trim();
  return {
    file: gold.file,
    found: true,
    right: keys.length - wrong.length,
    total: keys.length,
    wrong,
    agency: agencies ? agencies.includes(report.meta.agency ?? '') : null,
    year: gold.meta.year === undefined ? null : gold.meta.year === report.meta.year,
    templateVersion: gold.meta.templateVersion === undefined ? null : gold.meta.templateVersion === report.meta.templateVersion,
    brokenCheck: prefix ? report.checks.some((c) => c.id.startsWith(prefix) && c.ok === false && !c.soft) : null,
  };
}

async function readRecords(outDir: string): Promise<Map<string, Report>> {
  const byFile = new Map<string, Report>();
  const text = await readFile(join(outDir, 'reports.jsonl'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const report = Report.parse(JSON.parse(line));
    byFile.set(basename(report.source.path), report);
  }
  return byFile;
}

const mark = (ok: boolean | null) => (ok === null ? '-' : ok ? 'ok' : 'WRONG');

export async function evalCommand(goldDir: string, outDir: string, options: { min?: number }): Promise<number> {
  const names = (await readdir(goldDir)).filter((n) => n.endsWith('.json')).sort();
  const records = await readRecords(outDir);
  const scores: FileScore[] = [];
  for (const name of names) {
    const gold = Gold.parse(JSON.parse(await readFile(join(goldDir, name), 'utf8')));
    scores.push(scoreReport(gold, records.get(gold.file)));
  }
  const evaluated = scores.filter((s) => s.found);
  let right = 0;
  let total = 0;
  for (const s of scores) {
    if (!s.found) {
      console.log(`${s.file}: not in ${outDir} (not parsed, or failed): not counted`);
      continue;
    }
    right += s.right;
    total += s.total;
    console.log(
      `${s.file}: cells ${s.right}/${s.total} (${((100 * s.right) / s.total).toFixed(2)}%), agency ${mark(s.agency)}, year ${mark(s.year)}, ` +
        `template ${mark(s.templateVersion)}, broken check reported ${mark(s.brokenCheck)}`,
    );
    for (const w of s.wrong) console.log(`    ${w.key}: expected ${w.expected}, got ${w.actual}${w.raw !== null ? ` (raw "${w.raw}")` : ''}`);
  }
  const accuracy = total ? right / total : 0;
  console.log(`overall: ${right}/${total} cells right (${(100 * accuracy).toFixed(2)}%) over ${evaluated.length} of ${scores.length} answered files`);
  const metaWrong = evaluated.filter((s) => s.agency === false || s.year === false || s.brokenCheck === false).length;
  if (options.min !== undefined && (accuracy < options.min || metaWrong > 0 || evaluated.length < scores.length)) return 1;
  return 0;
}
