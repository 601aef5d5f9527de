// The ECharts map of Guangdong, Guangxi and Hainan as one geo ('south'): units coloured by a
// visualMap, a plan's spatial structure drawn on top (cores as points, axes as lines, zones as
// outlined units). Clicking a unit calls onPick(code).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { EffectScatterChart, LinesChart, MapChart as EMapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([EMapChart, ScatterChart, EffectScatterChart, LinesChart, GeoComponent, TooltipComponent, VisualMapComponent, TitleComponent, CanvasRenderer]);

export interface MapUnitData {
  code: string;
  name: string;
  province: string;
  cp: [number, number] | null;
  value: number | null;
  /** The first covering plans (the API lists at most perUnit). */
  plans: Array<{ slug: string; title: string; relation: string; role: string }>;
  /** How many plans cover the unit, over all. */
  planTotal: number;
}

/** Covering plans named in a unit's tooltip (the rest are counted). */
const TOOLTIP_PLANS = 5;

export interface PlacedUnit {
  code: string;
  name: string;
  point: [number, number] | null;
  approx: boolean;
}

export interface PlacedElement {
  name: string;
  count: number | null;
  shape: 'point' | 'line' | 'area' | 'other';
  members: Array<{ name: string; places: PlacedUnit[] }>;
  fromSpanText: boolean;
}

export interface StructureData {
  key: string;
  code: string;
  subject: string | null;
  elements: PlacedElement[];
}

type GeoJson = { type: string; UTF8Encoding?: boolean; features: unknown[] };

let registered: Promise<void> | null = null;

/** Loads the three provinces once and registers them as one map named 'south'. */
export function registerSouth(): Promise<void> {
  registered ??= Promise.all(
    ['guangdong', 'guangxi', 'hainan'].map((p) =>
      fetch(`/api/map/geo/${p}`).then((r) => {
        if (!r.ok) throw new Error(`map shapes of ${p}: ${r.status}`);
        return r.json() as Promise<GeoJson>;
      }),
    ),
  ).then((parts) => {
    // all three are ECharts 4 compressed GeoJSON (UTF8Encoding): merged as is
    const merged = { type: 'FeatureCollection', UTF8Encoding: true, features: parts.flatMap((p) => p.features) };
    echarts.registerMap('south', merged as never);
  });
  registered.catch(() => (registered = null));
  return registered;
}

export interface MapLabels {
  plans: string;
  /** After the titles named: '等{n}部'. */
  morePlans: string;
  noData: string;
  approx: string;
  unitOf: string;
}

interface Props {
  units: MapUnitData[];
  legend: { label: string; unit: string };
  structure: StructureData[] | null;
  labels: MapLabels;
  onPick(code: string): void;
}

// the mainland of the three provinces and Hainan island (三沙's reefs lie further south)
const VIEW: [[number, number], [number, number]] = [
  [104.3, 26.45],
  [117.4, 18.0],
];
const ZONE = '#b3261e';
const LINE_COLORS = ['#b3261e', '#1d4ed8', '#047857', '#7c3aed', '#c2410c', '#0e7490'];

/** The map units a gazetteer unit lies on: itself, its prefecture (for a county), or all of a province's. */
function mapUnitsOf(code: string, units: MapUnitData[]): MapUnitData[] {
  const self = units.find((u) => u.code === code);
  if (self) return [self];
  if (code.endsWith('0000')) return units.filter((u) => u.province === code);
  const pref = units.find((u) => u.code === code.slice(0, 4) + '00');
  return pref ? [pref] : [];
}

export function SouthMap({ units, legend, structure, labels, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const byName = useRef(new Map<string, MapUnitData>());
  const settled = useRef(false);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const name = (p as { name?: string }).name;
      const u = name ? byName.current.get(name) : undefined;
      if (u) pick.current(u.code);
    });
    // for tests and scripts: whether the canvas shows the latest options and size (ECharts draws on a later frame) …
    c.on('finished', () => (settled.current = true));
    const ro = new ResizeObserver(() => {
      settled.current = false;
      c.resize();
    });
    ro.observe(el);
    // … and where a unit's label point is on the canvas, relative to the chart box
    (window as unknown as { __planatlasMap?: unknown }).__planatlasMap = {
      get settled() {
        return settled.current;
      },
      pixelOf(code: string): [number, number] | null {
        const u = [...byName.current.values()].find((x) => x.code === code);
        if (!u?.cp) return null;
        const px = c.convertToPixel({ geoIndex: 0 }, u.cp) as number[] | undefined;
        return px ? [px[0], px[1]] : null;
      },
    };
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    byName.current = new Map(units.map((u) => [u.name, u]));
    const values = units.map((u) => u.value).filter((v): v is number => v != null);
    const min = values.length ? Math.min(...values) : 0;
    const max = values.length ? Math.max(...values) : 1;

    const points: Array<{ name: string; value: [number, number]; element: string }> = [];
    const lines: Array<{ name: string; coords: Array<[number, number]>; lineStyle: { color: string } }> = [];
    const zones = new Map<string, string>();
    (structure ?? []).forEach((s, si) => {
      for (const el of s.elements) {
        for (const m of el.members) {
          const located = m.places.filter((p) => p.point);
          if (el.shape === 'line' && located.length >= 2) {
            lines.push({ name: `${s.code} · ${el.name}：${m.name}`, coords: located.map((p) => p.point!), lineStyle: { color: LINE_COLORS[si % LINE_COLORS.length] } });
          } else if (el.shape === 'area') {
            for (const p of m.places) for (const u of mapUnitsOf(p.code, units)) zones.set(u.name, `${el.name}：${m.name}`);
          } else {
            for (const p of located) points.push({ name: `${m.name}（${p.name}${p.approx ? labels.approx : ''}）`, value: p.point!, element: `${s.code} · ${el.name}` });
          }
        }
      }
    });

    settled.current = false;
    c.setOption(
      {
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (p: unknown) => {
            const q = p as { seriesType?: string; name: string; data?: { element?: string } };
            if (q.seriesType === 'map') {
              const u = byName.current.get(q.name);
              if (!u) return q.name;
              const v = u.value == null ? labels.noData : `${u.value}${legend.unit === '部' ? '' : ' '}${legend.unit}`;
              const zone = zones.get(q.name);
              return [u.name, `${legend.label}：${v}`, u.plans.length ? `${labels.plans}：${u.plans.slice(0, TOOLTIP_PLANS).map((x) => x.title).join('；')}${u.planTotal > TOOLTIP_PLANS ? labels.morePlans.replace('{n}', String(u.planTotal)) : ''}` : '', zone ?? '']
                .filter(Boolean)
                .map((s) => s.replace(/[<>&]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch]!))
                .join('<br/>');
            }
            const text = q.data?.element ? `${q.data.element}<br/>${q.name}` : q.name;
            return text.replace(/[<>&]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch]!).replace(/&lt;br\/&gt;/g, '<br/>');
          },
        },
        visualMap: {
          type: 'continuous',
          min,
          max: max === min ? min + 1 : max,
          calculable: false,
          left: 8,
          bottom: 8,
          itemHeight: 90,
          itemWidth: 12,
          text: [`${max}`, `${min}`],
          textStyle: { fontSize: 11 },
          seriesIndex: 0,
          inRange: { color: ['#fdf2f0', '#f4a582', '#d6604d', '#8c1d18'] },
        },
        geo: {
          map: 'south',
          boundingCoords: VIEW,
          roam: true,
          scaleLimit: { min: 0.8, max: 8 },
          label: { show: false },
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.8, areaColor: '#eeeeee' },
          emphasis: { label: { show: true, fontSize: 11 }, itemStyle: { areaColor: '#ffe066' } },
          select: { disabled: true },
          regions: [...zones.keys()].map((name) => ({ name, itemStyle: { borderColor: ZONE, borderWidth: 2.5, borderType: 'dashed' } })),
        },
        series: [
          {
            type: 'map',
            geoIndex: 0,
            data: units.map((u) => ({ name: u.name, value: u.value ?? NaN })),
          },
          {
            type: 'lines',
            coordinateSystem: 'geo',
            polyline: true,
            silent: false,
            lineStyle: { width: 3, opacity: 0.85 },
            data: lines,
            zlevel: 1,
          },
          {
            type: 'effectScatter',
            coordinateSystem: 'geo',
            symbolSize: 10,
            rippleEffect: { scale: 2.5 },
            itemStyle: { color: '#1d4ed8' },
            data: points,
            zlevel: 2,
          },
        ],
      },
      { notMerge: true },
    );
  }, [units, legend, structure, labels]);

  return <div ref={box} className="map-chart" data-testid="map-chart" />;
}
