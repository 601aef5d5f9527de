// Values of a region made of units (粤西 = 湛江市 + 茂名市 + 阳江市) computed from the units'
// values, where that is valid: totals are summed, rates are recomputed from their parts
// (城镇化率 = urban ÷ total population), growth rates are weighted by the previous year's level,
// and a rate is never averaged. Each rule is a row of data/monitor/indicators.csv.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../places/csv';
import { parseUnit, round } from './units';

export type Nature = 'stock' | 'flow' | 'share' | 'ratio' | 'rate' | 'growth';

export interface AggregationRule {
  id: string;
  nature: Nature;
  /** sum: add the units' values · ratio: Σnumerator ÷ Σdenominator · weighted: rates weighted by the previous year's level · none: not aggregated */
  aggregate: 'sum' | 'ratio' | 'weighted' | 'none';
  /** ratio: [numerator, denominator]; growth rates: [the level the rate is the growth of] (also the weight of weighted). */
  parts: string[];
  note: string;
}

export const RULES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'monitor', 'indicators.csv');

let cached: Map<string, AggregationRule> | null = null;

export function loadAggregationRules(file = RULES_FILE): Map<string, AggregationRule> {
  if (file === RULES_FILE && cached) return cached;
  const rows = parseCsv(fs.readFileSync(file, 'utf8'), path.basename(file), true);
  const rules = new Map<string, AggregationRule>();
  rows.forEach((r, i) => {
    const where = `${path.basename(file)}:${i + 2}`;
    if (!['stock', 'flow', 'share', 'ratio', 'rate', 'growth'].includes(r.nature)) throw new Error(`${where}: nature "${r.nature}" is not one of stock, flow, share, ratio, rate, growth`);
    if (!['sum', 'ratio', 'weighted', 'none'].includes(r.aggregate)) throw new Error(`${where}: aggregate "${r.aggregate}" is not one of sum, ratio, weighted, none`);
    const parts = r.parts ? r.parts.split('/').map((s) => s.trim()) : [];
    if (r.aggregate === 'ratio' && parts.length !== 2) throw new Error(`${where}: a ratio needs parts numerator/denominator`);
    if ((r.aggregate === 'weighted' || r.nature === 'growth') && parts.length > 1) throw new Error(`${where}: a growth rate names one level in parts`);
    if (r.aggregate === 'weighted' && parts.length !== 1) throw new Error(`${where}: weighted needs the level it weights by in parts`);
    rules.set(r.id, { id: r.id, nature: r.nature as Nature, aggregate: r.aggregate as AggregationRule['aggregate'], parts, note: r.note });
  });
  if (file === RULES_FILE) cached = rules;
  return rules;
}

/** One unit's value of an indicator in a year, as the caller has it. */
export interface UnitValue {
  value: number;
  unit: string;
}

export type Lookup = (indicator: string, code: string, year: number) => UnitValue | undefined;

export interface RegionValue {
  value: number;
  unit: string;
  /** How it was computed, in words (for the data and the report). */
  method: string;
  /** The units' values it was computed from. */
  from: Array<{ indicator: string; code: string; year: number; value: number; unit: string }>;
}

export interface NotAggregated {
  value: null;
  reason: string;
  /** Units (or unit + indicator) whose values are missing. */
  missing: string[];
}

/**
 * The region's value of `indicator` in `year` from its units' values, or why it cannot be had.
 * `unit` is the unit wanted for the result (the indicator's usual unit).
 */
export function aggregate(
  rule: AggregationRule | undefined,
  indicator: string,
  codes: readonly string[],
  year: number,
  unit: string,
  lookup: Lookup,
  /** An indicator's name for the method's wording (地区生产总值 for gdp). */
  nameOf: (id: string) => string = (id) => id,
): RegionValue | NotAggregated {
  if (!rule || rule.aggregate === 'none') {
    return { value: null, reason: rule ? `${indicator} is not aggregated: ${rule.note || 'no valid rule'}` : `${indicator} has no aggregation rule in data/monitor/indicators.csv`, missing: [] };
  }
  if (!codes.length) return { value: null, reason: 'the region has no units', missing: [] };
  if (rule.aggregate === 'sum') {
    const t = total(indicator, codes, year, unit, lookup);
    return t.value == null ? t : { value: t.value, unit, method: `${codes.length}个单元之和`, from: t.from };
  }
  if (rule.aggregate === 'ratio') {
    const [num, den] = rule.parts;
    const n = total(num, codes, year, null, lookup);
    const d = total(den, codes, year, null, lookup);
    if (n.value == null || d.value == null) return { value: null, reason: `parts of ${indicator} missing`, missing: [...(n.value == null ? n.missing : []), ...(d.value == null ? d.missing : [])] };
    if (d.value === 0) return { value: null, reason: `${den} is 0`, missing: [] };
    const ratio = n.value / d.value; // both in base units (元, 人 …)
    const out = rule.nature === 'share' ? ratio * 100 : ratio / (parseUnit(unit)?.factor ?? 1);
    return { value: round(Math.round(out * 100) / 100), unit: rule.nature === 'share' ? '%' : unit, method: `由各单元${nameOf(num)}之和除以${nameOf(den)}之和计算`, from: [...n.from, ...d.from] };
  }
  // weighted: each unit's rate weighted by its level the year before
  const [levelOf] = rule.parts;
  const from: RegionValue['from'] = [];
  const missing: string[] = [];
  let sw = 0;
  let swg = 0;
  for (const code of codes) {
    const g = lookup(indicator, code, year);
    const w = lookup(levelOf, code, year - 1);
    if (!g) missing.push(`${code} ${indicator} ${year}`);
    if (!w) missing.push(`${code} ${levelOf} ${year - 1}`);
    if (!g || !w) continue;
    const wBase = w.value * (parseUnit(w.unit)?.factor ?? NaN);
    if (!Number.isFinite(wBase)) return { value: null, reason: `unknown unit ${w.unit}`, missing: [] };
    sw += wBase;
    swg += wBase * g.value;
    from.push({ indicator, code, year, value: g.value, unit: g.unit }, { indicator: levelOf, code, year: year - 1, value: w.value, unit: w.unit });
  }
  if (missing.length) return { value: null, reason: `values missing for the weighted rate of ${indicator}`, missing };
  return { value: round(Math.round((swg / sw) * 100) / 100), unit: '%', method: `各单元增速按上年${nameOf(levelOf)}加权`, from };
}

/** Σ of one indicator over the units, in `unit` (or in base units when unit is null); units of another base (亿美元 for 亿元) are refused. */
function total(indicator: string, codes: readonly string[], year: number, unit: string | null, lookup: Lookup): { value: number; from: RegionValue['from'] } | NotAggregated {
  const from: RegionValue['from'] = [];
  const missing: string[] = [];
  let sum = 0;
  const want = unit == null ? null : parseUnit(unit);
  if (unit != null && !want) return { value: null, reason: `unknown unit ${unit}`, missing: [] };
  let base = want?.base ?? null;
  for (const code of codes) {
    const v = lookup(indicator, code, year);
    if (!v) {
      missing.push(`${code} ${indicator} ${year}`);
      continue;
    }
    const p = parseUnit(v.unit);
    if (!p) return { value: null, reason: `unknown unit ${v.unit} for ${code} ${indicator}`, missing: [] };
    base ??= p.base;
    if (p.base !== base) return { value: null, reason: `${code} ${indicator} is in ${v.unit}, which does not convert to ${unit ?? base}`, missing: [] };
    sum += (v.value * p.factor) / (want?.factor ?? 1);
    from.push({ indicator, code, year, value: v.value, unit: v.unit });
  }
  if (missing.length) return { value: null, reason: `values of ${indicator} missing for ${missing.length} of ${codes.length} units`, missing };
  return { value: round(sum), from };
}
