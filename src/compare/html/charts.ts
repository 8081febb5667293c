// Charts as inline SVG, rendered here with ECharts' server-side renderer: the page needs no script
// to show them. Renderer instances are reused (their class names stay unique within them).
// Only the parts these charts use are registered: the full bundle runs every registered
// component's processors on each setOption (measured: about 1.2–1.4× slower per chart).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { OUTCOMES, sum } from '../indicators.js';
import type { Entry } from '../entry.js';
import type { Agency } from '../model.js';

const WIDTH = 400;
const HEIGHT = 240;
/** One renderer per kind of chart, so that each chart's option has the same shape as the last
 * one of its instance: merged into it, ECharts updates its models and views in place instead of
 * building them anew (measured: about 15% less CPU per agency than one instance reset each time). */
const charts = new Map<string, echarts.ECharts>();

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

function render(kind: 'counts' | 'rates' | 'outcomes', option: echarts.EChartsCoreOption): string {
  let chart = charts.get(kind);
  if (!chart) charts.set(kind, (chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT })));
  // Every call of a kind sets the same keys, so a merge leaves nothing of the previous chart;
  // silent: no events to dispatch on a server.
  chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option }, { silent: true });
  return chart.renderToSVGString();
}

/** Free the renderers (their timers would keep the process alive). */
export function disposeCharts(): void {
  for (const chart of charts.values()) chart.dispose();
  charts.clear();
}

const base = (agency: Agency) => ({
  grid: { left: 48, right: 12, top: 56, bottom: 28 }, // room for a legend on two lines
  legend: { top: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 } },
  xAxis: { type: 'category' as const, data: agency.years.map((y) => String(y.year)) },
});

const LABEL_POSITIONS = ['top', 'bottom', 'right'] as const;

export interface LineSeries {
  name: string;
  values: (number | null)[];
}

/** One line per series over the years; `percent` prints labels as 45.0%. */
export function lineChart(agency: Agency, series: LineSeries[], percent: boolean): string {
  return render(percent ? 'rates' : 'counts', {
    ...base(agency),
    yAxis: { type: 'value', min: 0, ...(percent ? { max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : {}) },
    // Every value printed (none hidden as overlapping): the chart must be readable without a script.
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      label: { show: true, fontSize: 10, position: LABEL_POSITIONS[i % LABEL_POSITIONS.length], formatter: (p: { value: unknown }) => (percent ? `${((p.value as number) * 100).toFixed(1)}%` : String(p.value)) },
    })),
  });
}

export function outcomeValues(entry: Entry): (number | null)[] {
  return OUTCOMES.map((o) => sum(entry, o.rows(entry)));
}

export function outcomesChart(agency: Agency): string {
  const values = agency.years.map((y) => outcomeValues(y.chosen));
  return render('outcomes', {
    ...base(agency),
    yAxis: { type: 'value', min: 0 },
    series: OUTCOMES.map((o, k) => ({
      type: 'bar',
      stack: 'outcome',
      name: `${o.term} ${o.name}`,
      data: values.map((v) => v[k]),
      label: { show: true, fontSize: 10, formatter: (p: { value: unknown }) => (p.value ? String(p.value) : '') },
    })),
  });
}

