// The chart renderer's shortcuts must not change a chart: one renderer per kind reused by merging
// options, and every year label asked for up to ALL_YEARS_FIT years. Each chart is compared with a
// fresh ECharts instance given the plain option (the ids ECharts numbers per instance aside).
import * as echarts from 'echarts';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CELL_KEYS } from '../../src/cell-keys.js';
import type { Entry } from '../../src/compare/entry.js';
import { ALL_YEARS_FIT, COMMON, disposeCharts, EVERY_YEAR, INIT, lineOption, outcomesOption, render, type ChartKind } from '../../src/compare/html/charts.js';
import type { Agency } from '../../src/compare/model.js';

function agency(years: number, seed: number): Agency {
  const rows = Array.from({ length: years }, (_, i) => {
    const values = new Float64Array(ALL_CELL_KEYS.length).map((_, k) => (k * 7 + i * 13 + seed * 31) % 97);
    if (seed % 2 === 1 && i === 1) values.fill(NaN);
    const chosen = { year: 2010 + i, applicationsLayout: '2021', templateVersion: '2021', values, pages: new Uint16Array(ALL_CELL_KEYS.length) } as unknown as Entry;
    return { year: 2010 + i, chosen, others: [], indicators: [] };
  });
  return { agencyId: `x/${seed}`, agency: null, regionCode: null, regionName: null, level: null, years: rows };
}

const series = (a: Agency, n: number, scale: number) =>
  Array.from({ length: n }, (_, s) => ({ name: `s${s}`, values: a.years.map((y, i) => (Number.isNaN(y.chosen.values[0]) ? null : ((i + s + 1) * 37 % 100) * scale)) }));

const options = (a: Agency): [ChartKind, echarts.EChartsCoreOption][] => [
  ['counts', lineOption(a, series(a, 2, 10), false)],
  ['rates', lineOption(a, series(a, 3, 0.01), true)],
  ['outcomes', outcomesOption(a)],
];

function fresh(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, INIT);
  chart.setOption({ ...COMMON, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
const ids = (svg: string) => svg.replace(/(g\d+-)?zr\d+-c(ls-)?\d+/g, 'zr-id');
/** The SVG's elements as a sorted list: a reused renderer may paint elements of the same depth in
 * another order (one symbol or bar per year, none overlapping, so drawn the same; the renderer was
 * reused before this test too). Anything missing, moved or left over from an earlier chart shows. */
const elements = (svg: string) => ids(svg).split('>').sort();
const thinned = (option: echarts.EChartsCoreOption) => {
  const { axisLabel, axisTick, ...xAxis } = option.xAxis as Record<string, unknown>;
  return { ...option, xAxis };
};

afterAll(disposeCharts);

describe('charts', () => {
  it('a reused renderer draws each chart as a fresh one would, whatever came before', () => {
    for (const [i, years] of [5, 3, 9, 1, 12, 5].entries())
      for (const [kind, option] of options(agency(years, i))) expect(elements(render(kind, option))).toEqual(elements(fresh(option)));
  });

  it(`up to ${ALL_YEARS_FIT} years, asking for every year label draws what ECharts' own estimate draws`, () => {
    for (let years = 1; years <= ALL_YEARS_FIT; years++)
      for (const [, option] of options(agency(years, years))) {
        expect((option.xAxis as Record<string, unknown>).axisLabel).toEqual(EVERY_YEAR.axisLabel);
        expect(ids(fresh(option))).toBe(ids(fresh(thinned(option))));
      }
  });

  it('beyond that, ECharts decides which year labels to show', () => {
    for (const [, option] of options(agency(ALL_YEARS_FIT + 1, 0))) expect((option.xAxis as Record<string, unknown>).axisLabel).toBeUndefined();
  });
});

describe('chart ids', () => {
  it('no two charts of one page share an element id or a style class', () => {
    const agency = { years: [2021, 2022, 2023].map((year) => ({ year })) } as unknown as Agency;
    const a = render('counts', lineOption(agency, [{ name: 'a', values: [1, 2, 3] }], false));
    const b = render('counts', lineOption(agency, [{ name: 'b', values: [3, 2, 1] }], false));
    const idsOf = (svg: string) => new Set([...svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    const classesOf = (svg: string) => new Set([...svg.matchAll(/\.([\w-]+)\{/g)].map((m) => m[1]));
    expect(idsOf(a).size).toBeGreaterThan(0);
    expect([...idsOf(a)].filter((id) => idsOf(b).has(id))).toEqual([]);
    expect([...classesOf(a)].filter((c) => classesOf(b).has(c))).toEqual([]);
  });
});
