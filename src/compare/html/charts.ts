// Charts as inline SVG, rendered here with ECharts' server-side renderer: the page needs no script
// to show them. Renderer instances are reused (their class names stay unique within them).
// Only the parts these charts use are registered: the full bundle runs every registered
// component's processors on each setOption (measured: about 1.2–1.4× slower per chart).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { percent as asPercent } from '../format.js';
import { OUTCOMES, sum } from '../indicators.js';
import type { Entry } from '../entry.js';
import type { Agency } from '../model.js';

const WIDTH = 400;
const HEIGHT = 240;
/** One renderer per kind of chart, reset by each option (notMerge): merging an option into the
 * last one of its kind was 15% cheaper but kept state across charts (a point missing after a
 * chart with gaps; test/compare/charts.test.ts). */
const charts = new Map<string, echarts.ECharts>();

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartKind = 'counts' | 'rates' | 'outcomes';
export const INIT = { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT } as const;
export const COMMON = { animation: false, textStyle: { fontFamily: 'sans-serif' } };

let rendered = 0;

export function render(kind: ChartKind, option: echarts.EChartsCoreOption): string {
  let chart = charts.get(kind);
  if (!chart) charts.set(kind, (chart = echarts.init(null, null, INIT)));
  // silent: no events to dispatch on a server.
  chart.setOption({ ...COMMON, ...option }, { notMerge: true, silent: true });
  // ECharts numbers clip paths and style classes per renderer (zr0-c0, zr0-cls-3), restarting them
  // for each chart: many charts inlined in one page would share ids. Each chart gets its own prefix.
  const prefix = `g${rendered++}-`;
  return chart.renderToSVGString().replace(/\bzr(\d+)-/g, `${prefix}zr$1-`);
}

/** Free the renderers (their timers would keep the process alive). */
export function disposeCharts(): void {
  for (const chart of charts.values()) chart.dispose();
  charts.clear();
}

const base = (agency: Agency) => ({
  grid: { left: 48, right: 12, top: 56, bottom: 28 }, // room for a legend on two lines
  legend: { top: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 } },
  xAxis: { type: 'category' as const, data: agency.years.map((y) => String(y.year)), ...(agency.years.length <= ALL_YEARS_FIT ? EVERY_YEAR : {}) },
});

/** Up to this many years every year label fits on the axis, so ECharts' estimate of which labels
 * to hide (about a tenth of a chart's cost) is skipped by asking for all of them: the SVG is the
 * same byte for byte (test/compare/charts.test.ts). Beyond it, ECharts thins the labels. */
export const ALL_YEARS_FIT = 9;
export const EVERY_YEAR = { axisLabel: { interval: 0 }, axisTick: { interval: 0 } };

const LABEL_POSITIONS = ['top', 'bottom', 'right'] as const;

export interface LineSeries {
  name: string;
  values: (number | null)[];
}

/** One line per series over the years; `percent` prints labels as 45.0%. */
export function lineChart(agency: Agency, series: LineSeries[], percent: boolean): string {
  return render(percent ? 'rates' : 'counts', lineOption(agency, series, percent));
}

export function lineOption(agency: Agency, series: LineSeries[], percent: boolean): echarts.EChartsCoreOption {
  return {
    ...base(agency),
    yAxis: { type: 'value', min: 0, ...(percent ? { max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : {}) },
    // Every value printed (none hidden as overlapping): the chart must be readable without a script.
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      label: { show: true, fontSize: 10, position: LABEL_POSITIONS[i % LABEL_POSITIONS.length], formatter: (p: { value: unknown }) => (percent ? asPercent(p.value as number) : String(p.value)) },
    })),
  };
}

export function outcomeValues(entry: Entry): (number | null)[] {
  return OUTCOMES.map((o) => sum(entry, o.rows(entry)));
}

export function outcomesChart(agency: Agency): string {
  return render('outcomes', outcomesOption(agency));
}

export function outcomesOption(agency: Agency): echarts.EChartsCoreOption {
  const values = agency.years.map((y) => outcomeValues(y.chosen));
  return {
    ...base(agency),
    yAxis: { type: 'value', min: 0 },
    series: OUTCOMES.map((o, k) => ({
      type: 'bar',
      stack: 'outcome',
      name: `${o.term} ${o.name}`,
      data: values.map((v) => v[k]),
      label: { show: true, fontSize: 10, formatter: (p: { value: unknown }) => (p.value ? String(p.value) : '') },
    })),
  };
}

