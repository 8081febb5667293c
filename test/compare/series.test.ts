// The generated series (series.ts) through compare: exactly the expected panel, changes,
// continuity and conflicts, asserted on the CSV files.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CELL_KEYS } from '../../src/cell-keys.js';
import { runCompare, type CompareResult } from '../../src/compare/run.js';
import { readCsv } from './csv-read.js';
import { AGENCY, AGENCY_ID, REGION_CODE, writeSeries, type Spec } from './series.js';

const INDICATOR_COLUMNS = ['received', 'processed', 'receivedChange', 'disclosureRate', 'fullDisclosureRate', 'refusalRate', 'unavailableShare', 'notProcessedShare', 'otherShare', 'reviewCorrectionRate', 'lawsuitCorrectionRate', 'correctionRate', 'disputeRate', 'businessShare', 'onTime'].map((n) => `indicator.${n}`);

const r6 = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** The indicators of a year, written out from the formulas in the issue, independently of src/compare. */
function expectedIndicators(spec: Spec, previous: Spec | undefined): Record<string, string> {
  const v = (k: string) => spec.expected[k]!;
  const P = v('applications.totalProcessed.total');
  const total = (group: string, rows: string[]) => rows.reduce((s, r) => s + v(`applications.${group}.${r}.total`), 0);
  const denied = total('denied', ['stateSecret', 'prohibitedByLaw', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFiles', 'administrativeQuery']);
  const unavailable = total('unavailable', ['notHeld', 'needsCreation', 'unclear']);
  const notProcessed = total('notProcessed', ['complaint', 'duplicate', 'publication', 'excessive', 'confirmation']);
  const other = spec.otherLayout === 'single' ? v('applications.other.other.total') : total('other', ['overdueCorrection', 'overdueFee', 'other']);
  const rl = (g: string, c: string) => v(`reviewsAndLawsuits.${g}.${c}`);
  const div = (a: number, b: number) => (b === 0 ? '' : r6(a / b));
  const received = v('applications.newReceived.total');
  const deadline = `${spec.year + 1}-03-31`; // a government (人民政府)
  return {
    'indicator.received': String(received),
    'indicator.processed': String(P),
    'indicator.receivedChange': previous ? div(received - previous.expected['applications.newReceived.total']!, previous.expected['applications.newReceived.total']!) : '',
    'indicator.disclosureRate': div(v('applications.granted.total') + v('applications.partlyGranted.total'), P),
    'indicator.fullDisclosureRate': div(v('applications.granted.total'), P),
    'indicator.refusalRate': div(denied, P),
    'indicator.unavailableShare': div(unavailable, P),
    'indicator.notProcessedShare': div(notProcessed, P),
    'indicator.otherShare': div(other, P),
    'indicator.reviewCorrectionRate': div(rl('review', 'corrected'), rl('review', 'total')),
    'indicator.lawsuitCorrectionRate': div(rl('lawsuitDirect', 'corrected') + rl('lawsuitAfterReview', 'corrected'), rl('lawsuitDirect', 'total') + rl('lawsuitAfterReview', 'total')),
    'indicator.correctionRate': div(rl('review', 'corrected') + rl('lawsuitDirect', 'corrected') + rl('lawsuitAfterReview', 'corrected'), rl('review', 'total') + rl('lawsuitDirect', 'total') + rl('lawsuitAfterReview', 'total')),
    'indicator.disputeRate': div(rl('review', 'total') + rl('lawsuitDirect', 'total'), received),
    'indicator.businessShare': div(received - v('applications.newReceived.naturalPerson'), received),
    'indicator.onTime': spec.published <= deadline ? '1' : '0',
  };
}

describe('compare: a generated series of one agency', () => {
  let dir: string;
  let out: string;
  let series: Awaited<ReturnType<typeof writeSeries>>;
  let result: CompareResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-compare-'));
    series = await writeSeries(join(dir, 'in'));
    out = join(dir, 'out');
    result = await runCompare([series.jsonl], { out });
  });

  it('panel.csv: one row per year, the corrected 2023 report chosen, every cell and indicator as the specs say', () => {
    const { header, rows } = readCsv(join(out, 'panel.csv'));
    expect(header).toEqual(['agencyId', 'agency', 'regionCode', 'level', 'year', 'templateVersion', 'published', 'source.path', 'checksFailed', ...ALL_CELL_KEYS, ...INDICATOR_COLUMNS]);
    expect(rows.map((r) => r.year)).toEqual(['2020', '2021', '2022', '2023']);
    series.specs.forEach((spec, i) => {
      const row = rows[i];
      const expected: Record<string, string> = {
        agencyId: AGENCY_ID,
        agency: AGENCY,
        regionCode: REGION_CODE,
        level: 'county',
        year: String(spec.year),
        templateVersion: spec.template === '2019' ? '2019' : '2021',
        published: spec.published,
        'source.path': series.paths[i],
        checksFailed: '0',
        ...Object.fromEntries(ALL_CELL_KEYS.map((k) => [k, k in spec.expected ? String(spec.expected[k]) : ''])),
        ...expectedIndicators(spec, series.specs[i - 1]),
      };
      expect(row).toEqual(expected);
    });
    // 2023 has two records: the one without the typo (no failed check) is chosen.
    expect(rows[3]['source.path']).toMatch(/2023\.html$/);
    // 2022 was published on 15 April: late for a government (31 March).
    expect(rows.map((r) => r['indicator.onTime'])).toEqual(['1', '1', '0', '1']);
  });

  it('changes.csv: every cell and indicator with a value in either year, flags for the template change and nulls', () => {
    const { header, rows } = readCsv(join(out, 'changes.csv'));
    expect(header).toEqual(['agencyId', 'agency', 'key', 'fromYear', 'toYear', 'from', 'to', 'change', 'changeRatio', 'flags']);
    const [s20, s21, s22, s23] = series.specs;
    for (const [a, b] of [[s20, s21], [s21, s22], [s22, s23]]) {
      const pair = rows.filter((r) => r.fromYear === String(a.year) && r.toYear === String(b.year));
      const keys = ALL_CELL_KEYS.filter((k) => k in a.expected || k in b.expected);
      expect(pair.map((r) => r.key)).toEqual([...keys, ...INDICATOR_COLUMNS]);
      for (const key of keys) {
        const row = pair.find((r) => r.key === key)!;
        const from = a.expected[key] ?? null;
        const to = b.expected[key] ?? null;
        const change = from === null || to === null ? null : to - from;
        const flags = [...(a === s20 ? ['template-changed'] : []), ...(change === null ? ['null'] : [])];
        expect(row).toEqual({
          agencyId: AGENCY_ID, agency: AGENCY, key, fromYear: String(a.year), toYear: String(b.year),
          from: from === null ? '' : String(from), to: to === null ? '' : String(to),
          change: change === null ? '' : r6(change), changeRatio: change === null || from === 0 ? '' : r6(change / from!),
          flags: flags.join(' '),
        });
      }
    }
    // The 2019 template's table 二 against the 2021 one: nothing in common, each side null.
    expect(rows.find((r) => r.key === 'activeDisclosure2019.regulations.newlyMade')!.flags).toBe('template-changed null');
    expect(rows.find((r) => r.key === 'activeDisclosure.regulations.issued' && r.toYear === '2021')!.flags).toBe('template-changed null');
    // 2020 is the first year, so it has no receivedChange: into 2021 that change has no from.
    expect(rows.find((r) => r.key === 'indicator.receivedChange' && r.toYear === '2021')!.flags).toBe('template-changed null');
    // onTime is a flag: a change, never a ratio.
    const late = rows.find((r) => r.key === 'indicator.onTime' && r.toYear === '2022')!;
    expect([late.from, late.to, late.change, late.changeRatio]).toEqual(['1', '0', '-1', '']);
    expect(rows.length).toBe(result.rows.changes);
  });

  it('continuity.csv: kept 2020→2021 and 2022→2023, broken 2021→2022 in the natural-person column and the total', () => {
    const { header, rows } = readCsv(join(out, 'continuity.csv'));
    expect(header).toEqual(['agencyId', 'agency', 'fromYear', 'toYear', 'column', 'carriedForward', 'carriedOver', 'ok']);
    expect(rows.length).toBe(21);
    const [, s21, s22] = series.specs;
    expect(rows.filter((r) => r.ok !== 'true').map((r) => [r.fromYear, r.toYear, r.column, r.carriedForward, r.carriedOver, r.ok])).toEqual([
      ['2021', '2022', 'naturalPerson', String(s21.expected['applications.carriedForward.naturalPerson']), String(s22.expected['applications.carriedOver.naturalPerson']), 'false'],
      ['2021', '2022', 'total', String(s21.expected['applications.carriedForward.total']), String(s22.expected['applications.carriedOver.total']), 'false'],
    ]);
    expect(Number(rows.find((r) => r.toYear === '2022' && r.column === 'total')!.carriedOver) - Number(rows.find((r) => r.toYear === '2022' && r.column === 'total')!.carriedForward)).toBe(3);
  });

  it('conflicts.csv: the one cell the two 2023 publications disagree on', () => {
    const { header, rows } = readCsv(join(out, 'conflicts.csv'));
    expect(header).toEqual(['agencyId', 'agency', 'year', 'key', 'chosen', 'other', 'chosenSource', 'otherSource']);
    const right = series.specs[3].expected['applications.granted.naturalPerson']!;
    expect(rows).toEqual([
      { agencyId: AGENCY_ID, agency: AGENCY, year: '2023', key: 'applications.granted.naturalPerson', chosen: String(right), other: String(right + 5), chosenSource: series.paths[3], otherSource: series.paths[4] },
    ]);
  });

  it('says how many records were left out and why', () => {
    expect(result.leftOut.lines()).toEqual([expect.stringMatching(/^1 records without an agency id .*orphan\.html/)]);
    expect(readFileSync(join(out, 'compare.md'), 'utf8')).toMatch(/Left out: 1 records without an agency id/);
  });

  it('compare.md: indicators by year, the largest changes, the continuity break and the flags', () => {
    const md = readFileSync(join(out, 'compare.md'), 'utf8');
    expect(md).toContain(`## ${AGENCY}`);
    expect(md).toMatch(/\| 实质公开率 disclosureRate \| [\d.]+% \| [\d.]+% \| [\d.]+% \| [\d.]+% \|/);
    expect(md).toMatch(/\| 2021→2022 \| naturalPerson \| \d+ \| \d+ \|/);
    expect(md).toMatch(/- 2021: template 2019 → 2021/);
    expect(md).toMatch(/- 2022: published late \(2023-04-15\)/);
    expect(md).toMatch(/- 2023: 2 records, chose .*2023\.html; 1 conflicting cell/);
  });
});
