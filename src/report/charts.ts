// A target's chart as an SVG string, drawn by ECharts on the server (SSR, no DOM): the plan's path
// dashed against the observed values solid with points. No animation: the SVG is printed.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { num } from '../monitor/progress';
import type { ChartSpec } from './series';

echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 300;
/** The fonts the SVG asks for: installed CJK first (Chromium resolves them when printing). */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 黑体, SimHei, sans-serif"; // single quotes: ECharts writes it into a double-quoted style attribute

export function renderChartSvg(spec: ChartSpec, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT, fontSize: 12 },
      title: { text: spec.title, left: 'center', top: 4, textStyle: { fontFamily: CHART_FONT, fontSize: 14, fontWeight: 'normal', color: '#000' } }, // no bold: one CJK face fewer in the PDF
      legend: { bottom: 4, data: [spec.pathLabel, spec.actualLabel], textStyle: { fontFamily: CHART_FONT } },
      grid: { left: 72, right: 28, top: 60, bottom: 64 },
      xAxis: { type: 'value', name: '年份', nameLocation: 'middle', nameGap: 26, minInterval: 1, min: 'dataMin', max: 'dataMax', axisLabel: { formatter: (v: number) => String(v) } },
      // Numbers as planners write them: no thousands separators.
      yAxis: { type: 'value', name: spec.unit ? `单位：${spec.unit}` : '', scale: true, nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => num(v) } },
      series: [
        { name: spec.pathLabel, type: 'line', data: spec.path, showSymbol: false, lineStyle: { type: 'dashed', width: 2, color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
        { name: spec.actualLabel, type: 'line', data: spec.actual, showSymbol: true, symbolSize: 6, lineStyle: { width: 2, color: '#c23531' }, itemStyle: { color: '#c23531' } },
      ],
    });
    // ECharts names the SVG's CSS classes by process-wide counters (zr7-cls-23): renamed by
    // the target instead, the same report renders to the same bytes, and charts on one page still differ.
    const id = `chart-${spec.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const names = new Map<string, string>();
    return chart
      .renderToSVGString()
      .replace(/\bzr\d+-cls-\d+\b/g, (c) => names.get(c) ?? (names.set(c, `${id}-${names.size}`), names.get(c)!))
      .replace(/\bzr\d+-/g, `${id}-`); // clip paths and gradients (zr7-c0)
  } finally {
    chart.dispose();
  }
}
