// A generated series of one agency's reports for the compare tests, built with the project's own
// fixture generator: 2020 on the 2019 template, 2021–2023 on the 2021 template, continuity kept
// 2020→2021 and 2022→2023 and broken 2021→2022, and 2023 published twice (the first time with a
// typo that breaks the arithmetic).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes } from '../../src/pipeline.js';
import type { Report } from '../../src/schema.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { APPLICANT_COLUMNS, makeSpec, reportHtml } from '../../scripts/fixtures/report.mjs';

export const AGENCY = '示例市示例区人民政府';
export const AGENCY_ID = '990101/人民政府';
export const REGION_CODE = '990101';
export const REGION_NAME = '示例市示例区';

export interface Spec {
  year: number;
  published: string;
  values: Record<string, string>;
  expected: Record<string, number | null>;
  template?: string;
  otherLayout?: string;
}

/** Set 二、上年结转 and rebalance 一、本年新收 so that every check still holds. */
function carryOver(spec: Spec, from: Spec, offset = 0): void {
  for (const column of APPLICANT_COLUMNS.slice(0, 6) as string[]) {
    const carried = Number(from.values[`applications.carriedForward.${column}`]) + (column === 'naturalPerson' ? offset : 0);
    const v = (row: string) => Number(spec.values[`applications.${row}.${column}`]);
    const received = v('totalProcessed') + v('carriedForward') - carried;
    if (received < 0) throw new Error('seed gives a negative 本年新收; choose another');
    spec.values[`applications.carriedOver.${column}`] = String(carried);
    spec.values[`applications.newReceived.${column}`] = String(received);
  }
  for (const row of ['carriedOver', 'newReceived']) {
    const total = (APPLICANT_COLUMNS.slice(0, 6) as string[]).reduce((s, c) => s + Number(spec.values[`applications.${row}.${c}`]), 0);
    spec.values[`applications.${row}.total`] = String(total);
  }
  spec.expected = Object.fromEntries(Object.entries(spec.values).map(([k, v]) => [k, Number(v)]));
}

export function seriesSpecs(): { specs: Spec[]; duplicate: Spec } {
  const y2020: Spec = makeSpec(201, { agency: AGENCY, year: 2020, published: '2021-03-20', template: '2019', otherLayout: 'single' });
  const y2021: Spec = makeSpec(202, { agency: AGENCY, year: 2021, published: '2022-02-10' });
  const y2022: Spec = makeSpec(203, { agency: AGENCY, year: 2022, published: '2023-04-15' });
  const y2023: Spec = makeSpec(204, { agency: AGENCY, year: 2023, published: '2024-03-01' });
  carryOver(y2021, y2020);
  carryOver(y2022, y2021, 3); // the break: three more carried over than 2021 carried forward
  carryOver(y2023, y2022);
  // The first publication of 2023: one figure mistyped, later corrected.
  const duplicate: Spec = { ...y2023, published: '2024-01-20', values: { ...y2023.values }, expected: { ...y2023.expected } };
  const typo = Number(y2023.values['applications.granted.naturalPerson']) + 5;
  duplicate.values['applications.granted.naturalPerson'] = String(typo);
  duplicate.expected['applications.granted.naturalPerson'] = typo;
  return { specs: [y2020, y2021, y2022, y2023], duplicate };
}

/** Parse a spec's HTML as a file of this name; the record carries the agency id by hand. */
export async function recordOf(spec: Spec, path: string, identity = { agencyId: AGENCY_ID, regionCode: REGION_CODE, regionName: REGION_NAME }): Promise<Report> {
  const report = await parseBytes(Buffer.from(reportHtml(spec)), { path });
  Object.assign(report.meta, identity);
  return report;
}

/** Writes the series' HTML files and a reports.jsonl of their records (agency ids set) into dir. */
export async function writeSeries(dir: string): Promise<{ specs: Spec[]; duplicate: Spec; paths: string[]; jsonl: string }> {
  const { specs, duplicate } = seriesSpecs();
  mkdirSync(dir, { recursive: true });
  const all = [...specs.map((s) => [s, `${s.year}.html`] as const), [duplicate, '2023-first.html'] as const];
  const lines: string[] = [];
  const paths: string[] = [];
  for (const [spec, name] of all) {
    const path = join(dir, name);
    writeFileSync(path, reportHtml(spec));
    paths.push(path);
    lines.push(JSON.stringify(await recordOf(spec, path)));
  }
  // A record whose agency does not resolve: left out, and said so.
  const orphan = makeSpec(205, { agency: '无名机关', year: 2022, published: '2023-01-10' });
  lines.push(JSON.stringify(await recordOf(orphan, join(dir, 'orphan.html'), { agencyId: null as unknown as string, regionCode: null as unknown as string, regionName: null as unknown as string })));
  const jsonl = join(dir, 'reports.jsonl');
  writeFileSync(jsonl, lines.join('\n') + '\n');
  return { specs, duplicate, paths, jsonl };
}
