// The rules on their own: which record is chosen, when an indicator is null, the deadline, what a
// conflict is, the flags of a change, and the years option.
import { describe, expect, it } from 'vitest';
import { ALL_CELL_KEYS } from '../../src/cell-keys.js';
import { agencyChanges } from '../../src/compare/changes.js';
import { agencyConflicts } from '../../src/compare/conflicts.js';
import { CELL_INDEX, type Entry } from '../../src/compare/entry.js';
import { parseYears } from '../../src/compare/filters.js';
import { INDICATORS } from '../../src/compare/indicators.js';
import { buildComparison } from '../../src/compare/model.js';

function entry(over: Partial<Entry> & { cells?: Record<string, number | null> } = {}): Entry {
  const values = new Float64Array(ALL_CELL_KEYS.length).fill(NaN);
  for (const [key, v] of Object.entries(over.cells ?? {})) values[CELL_INDEX.get(key)!] = v ?? NaN;
  const { cells: _cells, ...rest } = over;
  return {
    agencyId: '990000/局', agency: '示例市教育局', regionCode: '990000', regionName: null, level: 'city', year: 2023, templateVersion: '2021', applicationsLayout: '2021',
    published: '2024-01-20', path: 'a.html', sha256: 'a'.repeat(64), checksFailed: 0, warnings: 0, values, pages: new Uint16Array(ALL_CELL_KEYS.length), ...rest,
  };
}
const indicator = (e: Entry, name: string, prev?: Entry) => INDICATORS.find((i) => i.name === name)!.compute(e, prev);

describe('choosing one record per agency and year', () => {
  const chosen = (...entries: Entry[]) => buildComparison(entries).agencies[0].years[0].chosen.path;
  it('fewer failed checks first, then fewer warnings, then the later date, then the path', () => {
    expect(chosen(entry({ path: 'a', checksFailed: 1, warnings: 0 }), entry({ path: 'b', sha256: 'b'.repeat(64), checksFailed: 0, warnings: 9 }))).toBe('b');
    expect(chosen(entry({ path: 'a', warnings: 3 }), entry({ path: 'b', sha256: 'b'.repeat(64), warnings: 2, published: '2020-01-01' }))).toBe('b');
    expect(chosen(entry({ path: 'a', published: '2024-01-20' }), entry({ path: 'b', sha256: 'b'.repeat(64), published: '2024-02-01' }))).toBe('b');
    expect(chosen(entry({ path: 'a', published: null }), entry({ path: 'b', sha256: 'b'.repeat(64), published: '2024-02-01' }))).toBe('b');
    expect(chosen(entry({ path: 'b' }), entry({ path: 'a', sha256: 'b'.repeat(64) }))).toBe('a');
  });
  it('the same bytes met twice count once; a null against a number is no conflict', () => {
    const c = buildComparison([entry({ path: 'a' }), entry({ path: 'copy' })]);
    expect(c.sameBytes).toBe(1);
    expect(c.agencies[0].years[0].others).toEqual([]);
    const k = 'applications.granted.total';
    const pair = buildComparison([entry({ path: 'a', cells: { [k]: 5, 'applications.partlyGranted.total': 1 } }), entry({ path: 'b', sha256: 'b'.repeat(64), cells: { [k]: 6, 'applications.partlyGranted.total': null } })]);
    expect([...agencyConflicts(pair.agencies[0])].map((x) => [x.key, x.chosen, x.other])).toEqual([[k, 5, 6]]);
  });
});

describe('indicators', () => {
  const P = 'applications.totalProcessed.total';
  it('null where an input is null or the denominator 0', () => {
    expect(indicator(entry({ cells: { [P]: 0, 'applications.granted.total': 0, 'applications.partlyGranted.total': 0 } }), 'disclosureRate')).toBeNull();
    expect(indicator(entry({ cells: { [P]: 10, 'applications.granted.total': 4, 'applications.partlyGranted.total': null } }), 'disclosureRate')).toBeNull();
    expect(indicator(entry({ cells: { [P]: 10, 'applications.granted.total': 4, 'applications.partlyGranted.total': 1 } }), 'disclosureRate')).toBe(0.5);
  });
  it('其他处理: the 2019 single row alone, or the three 2021 rows', () => {
    const cells = { [P]: 10, 'applications.other.other.total': 2, 'applications.other.overdueCorrection.total': null, 'applications.other.overdueFee.total': null };
    expect(indicator(entry({ applicationsLayout: '2019', cells }), 'otherShare')).toBe(0.2);
    expect(indicator(entry({ applicationsLayout: '2021', cells }), 'otherShare')).toBeNull();
  });
  it('receivedChange only against the year just before', () => {
    const k = 'applications.newReceived.total';
    expect(indicator(entry({ cells: { [k]: 15 } }), 'receivedChange', entry({ year: 2022, cells: { [k]: 10 } }))).toBe(0.5);
    expect(indicator(entry({ cells: { [k]: 15 } }), 'receivedChange', entry({ year: 2021, cells: { [k]: 10 } }))).toBeNull();
  });
  it('onTime: 31 January for departments, 31 March for governments', () => {
    expect(indicator(entry({ agency: '示例市教育局', published: '2024-01-31' }), 'onTime')).toBe(1);
    expect(indicator(entry({ agency: '示例市教育局', published: '2024-02-01' }), 'onTime')).toBe(0);
    expect(indicator(entry({ agency: '示例市人民政府', published: '2024-03-31' }), 'onTime')).toBe(1);
    expect(indicator(entry({ agency: '平潭综合实验区', published: '2024-03-10' }), 'onTime')).toBe(1);
    expect(indicator(entry({ agency: '示例市人民政府', published: '2024-04-01' }), 'onTime')).toBe(0);
    expect(indicator(entry({ published: null }), 'onTime')).toBeNull();
  });
});

describe('changes', () => {
  it('small-n under 30 processed, no ratio from 0, gaps between years kept as the pair', () => {
    const P = 'applications.totalProcessed.total';
    const c = buildComparison([entry({ year: 2021, path: 'a', cells: { [P]: 0 } }), entry({ year: 2023, path: 'b', sha256: 'b'.repeat(64), cells: { [P]: 40 } })]);
    const row = [...agencyChanges(c.agencies[0])].find((r) => r.key === P)!;
    expect(row).toMatchObject({ fromYear: 2021, toYear: 2023, from: 0, to: 40, change: 40, changeRatio: null, flags: ['small-n'] });
  });
});

describe('--years', () => {
  it('reads ranges, open ends and one year; refuses the rest', () => {
    expect(parseYears('2021-2024')).toEqual({ from: 2021, to: 2024 });
    expect(parseYears('2021-')).toEqual({ from: 2021, to: null });
    expect(parseYears('-2024')).toEqual({ from: null, to: 2024 });
    expect(parseYears('2023')).toEqual({ from: 2023, to: 2023 });
    expect(() => parseYears('2024-2021')).toThrow();
    expect(() => parseYears('x')).toThrow();
  });
});
