// The series a target's chart draws: the path the plan sets from the baseline to the target (a
// straight line for a level, compound growth for a rate, from zero for an increment) against what
// was observed. Pure data; charts.ts draws it.
import type { TargetStatus } from '../monitor/plan-monitor';
import { num } from '../monitor/progress';
import { convert, round } from '../monitor/units';

export type XY = [year: number, value: number];

export interface ChartSpec {
  key: string;
  /** 地区生产总值（粤西地区） */
  title: string;
  /** The y axis's unit. */
  unit: string;
  /** The plan's path from the baseline to the target year (dashed). */
  path: XY[];
  /** Observed values, in the unit (solid, with points). */
  actual: XY[];
  /** 规划路径 / 实际值 labels, e.g. 按年均增长12.5%的路径. */
  pathLabel: string;
  actualLabel: string;
}

const r2 = (x: number) => round(Math.round(x * 100) / 100);

/** The chart of a target with figures, or null (no figures, or a target that is not one number). */
export function chartSpec(r: TargetStatus): ChartSpec | null {
  const d = r.target.data;
  const a = r.assessment;
  if (!r.figures.length || typeof d.value !== 'number' || d.year == null || d.measure === 'ratio') return null;
  const X = d.value;
  const T = d.year;
  const title = `${d.indicator}（${r.place.name}）`;
  const by = a.baseline?.year ?? null;
  const from = (y: number) => by == null || y >= by;

  if (d.measure === 'growth') return growthChart(r, title);
  const unit = d.unit ?? '';
  if (d.measure === 'increment') {
    if (by == null || !a.latest) return null;
    return { key: r.key, title, unit, path: [[by, 0], [T, X]], actual: [[by, 0], [a.latest.year, a.latest.value]], pathLabel: '规划路径（累计新增）', actualLabel: '实际累计新增' };
  }
  const path: XY[] = a.baseline ? years(a.baseline.year, T).map((y) => [y, r2(a.baseline!.value + ((X - a.baseline!.value) * (y - a.baseline!.year)) / (T - a.baseline!.year))]) : [[T, X]];
  const actual = inUnit(r.figures.filter((f) => f.indicator === d.canonical && from(f.year)), unit);
  return { key: r.key, title, unit, path, actual, pathLabel: '规划路径（序时进度）', actualLabel: '实际值' };
}

/**
 * A rate target: the yearly rates chained into an index (base year = 100) against the index the
 * target rate gives, which is what the judgement reads (real growth); where the yearly rates do not
 * run from the base year, the levels against the level the rate compounds to (at current prices).
 */
function growthChart(r: TargetStatus, title: string): ChartSpec | null {
  const d = r.target.data;
  const by = r.assessment.baseline?.year ?? d.baselineYear;
  const T = d.year!;
  if (by == null) return null;
  const q = (d.direction === 'down' ? -Math.abs(Number(d.value)) : Number(d.value)) / 100;
  const pathLabel = `按年均${d.direction === 'down' ? '下降' : '增长'}${num(Math.abs(q * 100))}%的路径`;
  const rates = new Map(r.figures.filter((f) => f.indicator === d.canonical).map((f) => [f.year, f.value]));
  const index: XY[] = [[by, 100]];
  for (let y = by + 1; rates.has(y); y++) index.push([y, r2(index[index.length - 1][1] * (1 + rates.get(y)! / 100))]);
  if (index.length > 1) {
    const path = years(by, T).map((y): XY => [y, r2(100 * Math.pow(1 + q, y - by))]);
    return { key: r.key, title, unit: `指数（${by}年=100）`, path, actual: index, pathLabel, actualLabel: '实际（逐年增速累计）' };
  }
  const levels = r.figures.filter((f) => f.indicator !== d.canonical);
  const base = r.assessment.baseline;
  if (!levels.length || !base) return null;
  const unit = levels.find((f) => f.year === base.year)?.unit ?? levels[0].unit;
  const path = years(base.year, T).map((y): XY => [y, r2(base.value * Math.pow(1 + q, y - base.year))]);
  return { key: r.key, title, unit, path, actual: inUnit(levels.filter((f) => f.year >= base.year), unit), pathLabel, actualLabel: '实际值（现价）' };
}

function inUnit(figures: ReadonlyArray<{ year: number; value: number; unit: string }>, unit: string): XY[] {
  const out: XY[] = [];
  for (const f of figures) {
    const v = convert(f.value, f.unit, unit);
    if (v != null) out.push([f.year, r2(v)]);
  }
  return out.sort((p, q) => p[0] - q[0]);
}

function years(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}
