// Charts as inline SVG, rendered here with ECharts' server-side renderer: the page needs no script
// to show them. One renderer instance is reused (its class names stay unique within it).
import * as echarts from 'echarts';
import { OUTCOMES, sum } from '../indicators.js';
import type { Entry } from '../entry.js';
import type { Agency } from '../model.js';

const WIDTH = 400;
const HEIGHT = 240;
let chart: echarts.ECharts | undefined;

function render(option: echarts.EChartsOption): string {
  chart ??= echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option }, true);
  return chart.renderToSVGString();
}

/** Free the renderer (its timers would keep the process alive). */
export function disposeCharts(): void {
  chart?.dispose();
  chart = undefined;
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
  return render({
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
  return render({
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

