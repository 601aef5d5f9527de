// One ECharts line chart for an indicator: the actual series (solid) and each plan's target as a
// dashed path from its baseline to the target, with the target marked.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { plainNumber } from './TargetsFormat';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartTarget {
  name: string;
  points: Array<[number, number]>; // baseline → target, or the target alone
}

export function IndicatorChart({ series, seriesName, unit, targets, label }: { series: Array<[number, number]>; seriesName: string; unit: string; targets: ChartTarget[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    const palette = ['#b3261e', '#d97706', '#7c3aed', '#16a34a', '#db2777', '#0891b2'];
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 24, top: 40, bottom: 32 },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${plainNumber(v)}${unit}` : String(v)) },
      xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', minInterval: 1, axisLabel: { formatter: (v: number) => String(v) } },
      yAxis: { type: 'value', scale: true, name: unit, axisLabel: { formatter: (v: number) => plainNumber(v) } },
      series: [
        { name: seriesName, type: 'line', data: series, symbolSize: 5, lineStyle: { width: 2, color: '#0b5cad' }, itemStyle: { color: '#0b5cad' } },
        ...targets.map((t, i) => ({
          name: t.name,
          type: 'line',
          data: t.points,
          symbol: 'circle',
          symbolSize: (_v: unknown, p: { dataIndex: number }) => (p.dataIndex === t.points.length - 1 ? 10 : 4),
          lineStyle: { type: 'dashed', width: 1.5, color: palette[i % palette.length] },
          itemStyle: { color: palette[i % palette.length] },
        })),
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [series, seriesName, unit, targets]);
  return <div ref={el} className="indicator-chart" role="img" aria-label={label} data-testid="indicator-chart" />;
}
