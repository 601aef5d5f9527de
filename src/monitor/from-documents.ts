// Observations taken from documents: a later document states earlier results (a work report's
// 2025年地区生产总值增长5.5%, a plan's 2010年地区生产总值3537亿元). The `fact` findings hold them;
// here they become observations marked as coming from their passage. Only what a fact says
// exactly becomes one: a multi-year average (年均) is not a year's figure, and a share of the
// province (占全省比重) is not the indicator's value — its unit does not convert, so it is left out.
import type { FigurePassageDto } from '../core/api-types';
import type { FactData, IndicatorEntry } from '../core/findings';
import type { ObservationInput } from './observations';
import { placeOf, regionPlace, type PlanScope } from './plan-monitor';
import { conversionFactor } from './units';

export interface FactRef {
  /** The finding's stable key. */
  key: string;
  data: FactData;
  flags: string[];
  start: number;
  end: number;
  /** The passage as written. */
  quote: string;
}

/** The passage a document figure was read from: the document (plan slug, title, version), the finding's key and span, its words. */
export type FigurePassage = FigurePassageDto;

export interface DocumentObservation extends ObservationInput {
  /** The fact it was read from, so a person can check the passage. */
  passage: FigurePassage;
}

export interface Skipped {
  key: string;
  reason: string;
}

export function observationsFromFacts(
  scope: PlanScope,
  facts: readonly FactRef[],
  indicators: readonly IndicatorEntry[],
  placeName: (code: string) => string | undefined,
  version: number | null = null,
): { observations: DocumentObservation[]; skipped: Skipped[] } {
  const observations: DocumentObservation[] = [];
  const skipped: Skipped[] = [];
  for (const f of facts) {
    const d = f.data;
    const skip = (reason: string) => skipped.push({ key: f.key, reason });
    const ind = d.canonical ? indicators.find((i) => i.id === d.canonical) : undefined;
    if (!ind) {
      skip(`${d.indicator}: not an indicator of the lexicon`);
      continue;
    }
    if (typeof d.value !== 'number' || d.year == null || !d.unit) {
      skip(`${d.indicator}: no single value, year and unit`);
      continue;
    }
    if (/年均/.test(d.indicator)) {
      skip(`${d.indicator}: an average over several years, not the figure of ${d.year}`);
      continue;
    }
    if (ind.unit && ind.unit !== 'ratio' && conversionFactor(d.unit, ind.unit) == null) {
      skip(`${d.indicator}: ${d.unit} is not a unit of ${ind.name} (${ind.unit})`);
      continue;
    }
    const place = placeOf(scope, d, f.flags, placeName);
    const key = place.region ? regionPlace(scope.slug) : place.code;
    if (!key) {
      skip(`${d.indicator}: ${d.scope ?? 'no scope'} is no statistical unit`);
      continue;
    }
    observations.push({
      indicator: ind.id,
      place: key,
      year: d.year,
      value: d.value,
      unit: d.unit,
      caliber: null,
      source: `《${scope.title}》`,
      passage: { plan: scope.slug, title: scope.title, version, key: f.key, start: f.start, end: f.end, quote: f.quote },
    });
  }
  return { observations, skipped };
}

/** A document other than the monitored plan, with the facts of it that may bear on the plan. */
export interface OtherDocument {
  scope: PlanScope;
  version: number | null;
  /** The year the document speaks from: when it was issued, else the first year of its period. */
  year: number | null;
  facts: FactRef[];
}

const sameUnits = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Figures other documents state about the monitored plan's units or region: a later plan's
 * 2022年地区生产总值7617亿元 for the 湛茂都市圈 its units make up, a city's work report for the city.
 * A document's figure for one of the plan's units counts; its figure for its own region counts for
 * the plan's region only when both cover the same units. Every other figure is left out.
 *
 * Which document wins when several state the same indicator, place and year (the order returned,
 * own text included: the first of a year wins): the later document (figures are revised after
 * their first release, and a later document quotes the revised one), then the one closer to the
 * place (covering fewer units), then the monitored plan's own text, then the earlier stored plan.
 * A person's or an imported figure always wins over any of them (ORIGIN_RANK).
 */
export function observationsFromOtherDocuments(
  monitored: PlanScope,
  own: { year: number | null; observations: readonly DocumentObservation[] },
  others: readonly OtherDocument[],
  indicators: readonly IndicatorEntry[],
  placeName: (code: string) => string | undefined,
): DocumentObservation[] {
  const units = new Set(monitored.units);
  const region = regionPlace(monitored.slug);
  const groups: Array<{ year: number | null; breadth: number; own: boolean; order: number; observations: DocumentObservation[] }> = [
    { year: own.year, breadth: monitored.units.length || Infinity, own: true, order: -1, observations: [...own.observations] },
  ];
  others.forEach((doc, order) => {
    const same = sameUnits(doc.scope.units, monitored.units) && monitored.units.length > 0;
    const read = observationsFromFacts(doc.scope, doc.facts, indicators, placeName, doc.version).observations;
    const kept: DocumentObservation[] = [];
    for (const o of read) {
      if (o.place === regionPlace(doc.scope.slug)) {
        if (same) kept.push({ ...o, place: region });
      } else if (units.has(o.place)) kept.push(o);
    }
    if (kept.length) groups.push({ year: doc.year, breadth: doc.scope.units.length || Infinity, own: false, order, observations: kept });
  });
  groups.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || a.breadth - b.breadth || Number(b.own) - Number(a.own) || a.order - b.order);
  return groups.flatMap((g) => g.observations);
}

/** A document's year from its 发文日期 (2023年5月, 2023-05-10) or its period. */
export function documentYear(issued: string | null, periodStart: number | null): number | null {
  const m = issued?.match(/(19|20)\d{2}/);
  return m ? Number(m[0]) : periodStart;
}
