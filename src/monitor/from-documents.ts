// Observations taken from documents: a later document states earlier results (a work report's
// 2025年地区生产总值增长5.5%, a plan's 2010年地区生产总值3537亿元). The `fact` findings hold them;
// here they become observations marked as coming from their passage. Only what a fact says
// exactly becomes one: a multi-year average (年均) is not a year's figure, and a share of the
// province (占全省比重) is not the indicator's value — its unit does not convert, so it is left out.
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

export interface DocumentObservation extends ObservationInput {
  /** The fact it was read from: plan, finding key and span, so a person can check the passage. */
  passage: { plan: string; key: string; start: number; end: number; quote: string };
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
      passage: { plan: scope.slug, key: f.key, start: f.start, end: f.end, quote: f.quote },
    });
  }
  return { observations, skipped };
}
