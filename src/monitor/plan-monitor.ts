// Monitoring a plan: every target with the observations that bear on it, its progress and status.
// A target is for a unit (its scope has a gazetteer code) or for the plan's region (粤西地区: the
// units the plan covers). A region's series takes what was observed for the region itself (a
// document, a person) and, for the other years, what its units add up to where the indicator's
// rule allows it. Pure: stored observations and findings in, assessments out.
import type { IndicatorEntry, TargetData } from '../core/findings';
import { aggregate, type AggregationRule } from './aggregate';
import type { FigurePassage } from './from-documents';
import type { ObservationInput, ObservationOrigin } from './observations';
import { assess, STATUS_LABELS, type Assessment, type Point, type Status, type StatusSettings } from './progress';

export interface StoredObservation extends ObservationInput {
  id: number | null;
  origin: ObservationOrigin;
  /** A document's figure: the passage it was read from. */
  passage?: FigurePassage | null;
}

/** Which figure wins when several give the same indicator, place and year: a person's over a file's over a document's over a computed one. */
export const ORIGIN_RANK: Record<ObservationOrigin, number> = { manual: 0, import: 1, document: 2, computed: 3 };

export interface PlanScope {
  slug: string;
  title: string;
  period: [number, number] | null;
  /** Gazetteer codes of the units the plan covers (its region). */
  units: string[];
}

export interface MonitoredTarget {
  /** The finding's stable key. */
  key: string;
  data: TargetData;
  flags: string[];
  start: number | null;
  end: number | null;
}

/** One figure used in a judgement, with where it came from. */
export interface UsedFigure {
  /** Canonical indicator id: a growth target's figures hold its rates and the levels they are of. */
  indicator: string;
  year: number;
  value: number;
  unit: string;
  origin: ObservationOrigin;
  source: string;
  caliber: string | null;
  /** For a computed region value: how (由各单元…之和…). */
  method?: string;
  observationId?: number | null;
  /** A document's figure: the document and passage it was read from. */
  passage?: FigurePassage | null;
}

export interface TargetStatus {
  key: string;
  target: MonitoredTarget;
  /** The place the target is judged for: a unit's code, or 'region' for the plan's units together. */
  place: { code: string | null; name: string; region: boolean };
  indicator: IndicatorEntry | null;
  assessment: Assessment;
  /** The figures of the series the judgement read (up to the year judged). */
  figures: UsedFigure[];
}

export interface MonitorContext {
  indicators: readonly IndicatorEntry[];
  rules: Map<string, AggregationRule>;
  /** A unit's name by code (for sentences). */
  placeName: (code: string) => string | undefined;
  settings?: StatusSettings;
}

/** The observations key for a plan's own region (figures a document or a person gives for 粤西地区 as a whole). */
export const regionPlace = (slug: string) => `plan:${slug}`;

export function monitorPlan(scope: PlanScope, targets: readonly MonitoredTarget[], observations: readonly StoredObservation[], asOf: number, ctx: MonitorContext): TargetStatus[] {
  const byKey = new Map<string, StoredObservation[]>();
  for (const o of observations) {
    const k = `${o.indicator}\u0000${o.place}`;
    byKey.set(k, [...(byKey.get(k) ?? []), o]);
  }
  const baseYear = scope.period ? scope.period[0] - 1 : null;
  const nameOf = (id: string) => ctx.indicators.find((i) => i.id === id)?.name ?? id;
  return targets.map((t) => {
    const d = t.data;
    const indicator = d.canonical ? (ctx.indicators.find((i) => i.id === d.canonical) ?? null) : null;
    const place = placeOf(scope, d, t.flags, ctx.placeName);
    const spec = { ...d, name: d.indicator };
    const none = (explanation: string, explanationEn: string): TargetStatus => ({
      key: t.key,
      target: t,
      place,
      indicator,
      figures: [],
      assessment: { ...assess({ target: spec, observations: [], asOf, baseYear }), status: d.measure === 'ratio' ? 'not-comparable' : 'no-data', explanation, explanationEn },
    });
    if (d.measure === 'ratio' || typeof d.value !== 'number') return { ...none('', ''), assessment: assess({ target: spec, observations: [], asOf, baseYear }) };
    if (!indicator) return none(`${d.indicator}不在指标库中，无法对应统计数据`, `${d.indicator} is not in the indicator lexicon, so no statistics match it`);
    if (!place.region && !place.code) {
      return none(`${d.indicator}的范围为${d.scope ?? '未写明'}，没有对应的统计单元`, `${d.indicator} is for ${d.scope ?? 'an unstated area'}, which is no statistical unit`);
    }
    const rule = ctx.rules.get(indicator.id);
    const series = (id: string, unit: string) => seriesOf(id, unit, place.code ?? regionPlace(scope.slug), place.region ? scope.units : null, byKey, ctx.rules, asOf, nameOf);
    const own = series(indicator.id, indicator.unit ?? d.unit ?? '');
    const levelId = d.measure === 'growth' ? rule?.parts[0] : undefined;
    const levelUnit = levelId ? (ctx.indicators.find((i) => i.id === levelId)?.unit ?? '') : '';
    const levels = levelId ? series(levelId, levelUnit) : [];
    const assessment = assess({
      target: spec,
      observations: own.map(toPoint),
      levels: levels.map(toPoint),
      nature: rule?.nature ?? null,
      asOf,
      baseYear,
      settings: ctx.settings,
    });
    return { key: t.key, target: t, place, indicator, assessment, figures: [...own, ...levels] };
  });
}

const toPoint = (f: UsedFigure): Point => ({ year: f.year, value: f.value, unit: f.unit });

/** Where a finding's figure belongs: a unit (its scope's code), the plan's region, or no statistical unit (地级市市区, 县城 …). */
export function placeOf(scope: PlanScope, d: { scope: string | null; scopeCode: string | null }, flags: readonly string[], placeName: (code: string) => string | undefined): TargetStatus['place'] {
  if (d.scopeCode && !(scope.units.length === 1 && scope.units[0] === d.scopeCode && isRegionName(scope, d.scope))) {
    return { code: d.scopeCode, name: placeName(d.scopeCode) ?? d.scope ?? d.scopeCode, region: false };
  }
  if (!d.scope || flags.includes('scope_implied') || isRegionName(scope, d.scope)) {
    if (scope.units.length === 1) return { code: scope.units[0], name: placeName(scope.units[0]) ?? d.scope ?? '', region: false };
    return { code: null, name: d.scope ?? scope.title, region: true };
  }
  return { code: null, name: d.scope, region: false };
}

/** 粤西地区 for the 粤西 plan, 湛茂都市圈 for its plan: the scope names the plan's own region. */
function isRegionName(scope: PlanScope, name: string | null): boolean {
  if (!name) return true;
  const core = name.replace(/(地区|区域|全区|全市|全省)$/, '');
  return core.length >= 2 && scope.title.includes(core);
}

/**
 * The series of one indicator for a place, one figure per year (the best origin wins). For a region
 * (units given), years with no figure for the region itself are computed from the units where the
 * indicator's rule allows.
 */
export function seriesOf(
  indicator: string,
  unit: string,
  place: string,
  units: readonly string[] | null,
  byKey: Map<string, StoredObservation[]>,
  rules: Map<string, AggregationRule>,
  asOf: number,
  nameOf: (id: string) => string = (id) => id,
): UsedFigure[] {
  const best = new Map<number, UsedFigure>();
  for (const o of byKey.get(`${indicator}\u0000${place}`) ?? []) {
    if (o.year > asOf) continue;
    const had = best.get(o.year);
    if (had && ORIGIN_RANK[had.origin] <= ORIGIN_RANK[o.origin]) continue;
    best.set(o.year, { indicator, year: o.year, value: o.value, unit: o.unit, origin: o.origin, source: o.source, caliber: o.caliber, observationId: o.id, passage: o.passage ?? null });
  }
  if (units?.length) {
    const rule = rules.get(indicator);
    const years = new Set<number>();
    const partsOf = rule?.aggregate === 'ratio' || rule?.aggregate === 'weighted' ? rule.parts : [indicator];
    for (const p of partsOf) for (const u of units) for (const o of byKey.get(`${p}\u0000${u}`) ?? []) if (o.year <= asOf) years.add(o.year);
    if (rule?.aggregate === 'weighted') for (const u of units) for (const o of byKey.get(`${indicator}\u0000${u}`) ?? []) if (o.year <= asOf) years.add(o.year);
    const lookup = (ind: string, code: string, year: number) => {
      const list = (byKey.get(`${ind}\u0000${code}`) ?? []).filter((o) => o.year === year).sort((a, b) => ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
      return list[0] && { value: list[0].value, unit: list[0].unit };
    };
    for (const y of years) {
      if (best.has(y)) continue;
      const r = aggregate(rule, indicator, units, y, unit, lookup, nameOf);
      if (r.value == null) continue;
      const sources = new Set<string>();
      for (const f of r.from) for (const o of byKey.get(`${f.indicator}\u0000${f.code}`) ?? []) if (o.year === f.year) sources.add(o.source);
      best.set(y, { indicator, year: y, value: r.value, unit: r.unit, origin: 'computed', source: [...sources].join('；'), caliber: null, method: r.method });
    }
  }
  return [...best.values()].sort((a, b) => a.year - b.year);
}

// ---------------------------------------------------------------- summaries

export type StatusCounts = Record<Status, number>;

export function countStatuses(rows: readonly TargetStatus[]): StatusCounts {
  const c = Object.fromEntries(Object.keys(STATUS_LABELS).map((s) => [s, 0])) as StatusCounts;
  for (const r of rows) c[r.assessment.status]++;
  return c;
}

const SEVERITY: Record<Status, number> = { 'severely-lagging': 0, lagging: 1, 'on-track': 3, ahead: 4, achieved: 5, 'no-data': 6, 'not-comparable': 7 };

/** Lagging first, 约束性 before 预期性 within a status, then in the plan's order. */
export function worstFirst(rows: readonly TargetStatus[]): TargetStatus[] {
  return [...rows].sort(
    (a, b) =>
      SEVERITY[a.assessment.status] - SEVERITY[b.assessment.status] ||
      Number(b.target.data.binding === 'constraint') - Number(a.target.data.binding === 'constraint') ||
      (a.target.start ?? 0) - (b.target.start ?? 0),
  );
}

/** The summary judgement in one Chinese sentence: 20项目标中，4项已实现，5项快于预期 … */
export function summarize(rows: readonly TargetStatus[], asOf: number): string {
  const c = countStatuses(rows);
  const parts = (Object.keys(STATUS_LABELS) as Status[]).filter((s) => c[s]).map((s) => `${c[s]}项${STATUS_LABELS[s].zh}`);
  const lagging = rows.filter((r) => (r.assessment.status === 'lagging' || r.assessment.status === 'severely-lagging') && r.target.data.binding === 'constraint').length;
  return `截至${asOf}年，${rows.length}项目标中，${parts.join('，')}${lagging ? `；滞后的目标中${lagging}项为约束性指标` : ''}。`;
}
