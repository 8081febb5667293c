import { describe, expect, it } from 'vitest';
import { solveRuns, splitsOf } from '../../src/normalize/split-runs.js';
import { segments } from '../../src/normalize/tables/run-together.js';

/** Splits as numbers, for reading; the solver keeps them as printed. */
const numbers = (splits: (string[] | null)[] | null) => splits?.map((split) => split?.map(Number) ?? null) ?? null;

const row = (name: string) => ['a', 'b', 'c', 'd', 'e', 'f', 'total'].map((c) => `${name}.${c}`);
const rowSum = (name: string) => ({ total: `${name}.total`, parts: row(name).slice(0, 6) });

describe('splitsOf', () => {
  it('cuts digits into numbers without leading zeros', () => {
    expect(numbers(splitsOf('693665', 3))).toContainEqual([69, 3, 665]);
    expect(splitsOf('693665', 3)!.length).toBeGreaterThan(1);
    expect(numbers(splitsOf('0000000', 7))).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    expect(numbers(splitsOf('1077', 3))).toEqual([[1, 0, 77], [10, 7, 7]]);
    expect(splitsOf('9116.36', 1)).toEqual([['9116.36']]);
    expect(splitsOf('0.500', 2)).toEqual([['0.50', '0']]);
    expect(splitsOf('12', 3)).toEqual([]);
  });
  it('gives up (null) past its limit', () => {
    expect(splitsOf('123456789', 3, 2)).toBeNull();
  });
});

describe('solveRuns', () => {
  it('reads a run where the row sum leaves one split', () => {
    const { splits, consistent } = solveRuns([{ keys: row('r'), digits: '713000074' }], [rowSum('r')]);
    expect(consistent).toBe(true);
    expect(numbers(splits)).toEqual([[71, 3, 0, 0, 0, 0, 74]]);
  });
  it('leaves a run null where no rule ties its cells, and reads one its digits allow one way', () => {
    expect(numbers(solveRuns([{ keys: ['x.1', 'x.2', 'x.3'], digits: '693665' }], []).splits)).toEqual([null]);
    const runs = [
      { keys: ['x.1', 'x.2', 'x.3'], digits: '417' },
      { keys: ['y.1', 'y.2', 'y.3'], digits: '8855698' },
      { keys: row('r'), digits: '713000074' },
    ];
    expect(numbers(solveRuns(runs, [rowSum('r')]).splits)).toEqual([[4, 1, 7], null, [71, 3, 0, 0, 0, 0, 74]]);
  });
  it('uses rules across runs: a column total settles a row that its own sum does not', () => {
    // "1010" as two cells is 10|10 or 101|0 (010 has a leading zero); a total of 10 for p.x
    // leaves 10|10.
    const runs = [
      { keys: ['p.x', 'p.y'], digits: '1010' },
      { keys: ['t.x'], digits: '10' },
    ];
    const rules = [{ total: 't.x', parts: ['p.x'] }];
    expect(numbers(solveRuns(runs, rules).splits)).toEqual([[10, 10], [10]]);
    expect(numbers(solveRuns(runs, []).splits)).toEqual([null, [10]]);
  });
  it('reads only runs the digits alone allow one way when the arithmetic cannot hold', () => {
    const runs = [
      { keys: row('r'), digits: '200000121' },
      { keys: row('s'), digits: '6000017' },
    ];
    const rules = [rowSum('r'), rowSum('s'), { total: 'r.a', parts: ['s.a'] }];
    const { splits, consistent } = solveRuns(runs, rules);
    expect(consistent).toBe(false);
    expect(numbers(splits)).toEqual([null, [6, 0, 0, 0, 0, 1, 7]]);
  });
});

describe('segments', () => {
  it('gives each label its digits; an item number glued to a run opens the next label', () => {
    expect(segments('1.属于国家秘密00000002.其他法律行政法规禁止公开0000000（四）无法提供1.本机关不掌握370000037')).toEqual([
      { label: '1.属于国家秘密', digits: '0000000' },
      { label: '2.其他法律行政法规禁止公开', digits: '0000000' },
      { label: '1.本机关不掌握', digits: '370000037' },
    ]);
    expect(segments('行政事业性收费9116.36三、')).toEqual([{ label: '行政事业性收费', digits: '9116.36' }]);
  });
});

describe('solveRuns with a misprinted row', () => {
  it('leaves the row whose own total no split meets unread, and still settles the others', () => {
    const runs = [
      { keys: row('bad'), digits: '5000009' }, // 5|0|0|0|0|0|9: no split adds up
      { keys: row('good'), digits: '713000074' },
    ];
    const { splits, consistent, broken } = solveRuns(runs, [rowSum('bad'), rowSum('good'), { total: 'bad.a', parts: ['good.a'] }]);
    expect(broken).toEqual([true, false]);
    expect(consistent).toBe(true);
    expect(numbers(splits)).toEqual([null, [71, 3, 0, 0, 0, 0, 74]]);
  });
});
