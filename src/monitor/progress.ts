// Progress of one target against what actually happened (年度监测, 中期评估): the value expected on
// the time-elapsed path (序时进度), a status with its thresholds, the Open SDG style rate ratio, a
// projection to the target year, and one sentence that says all of it with the numbers, in Chinese
// (explanation) and in English (explanationEn).
// Pure: observations come in, an assessment goes out.
import settingsFile from '../../data/monitor/status.json' with { type: 'json' };
import type { Binding, Comparator, TargetMeasure } from '../core/findings';
import { convert, round } from './units';

export type Status = 'achieved' | 'ahead' | 'on-track' | 'lagging' | 'severely-lagging' | 'no-data' | 'not-comparable';

/** In the order a report lists them (worst first after the achieved ones is the dashboard's order). */
export const STATUSES: readonly Status[] = ['achieved', 'ahead', 'on-track', 'lagging', 'severely-lagging', 'no-data', 'not-comparable'];

export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  achieved: { zh: '已实现', en: 'Achieved' },
  ahead: { zh: '快于预期', en: 'Ahead of schedule' },
  'on-track': { zh: '基本符合预期', en: 'On track' },
  lagging: { zh: '滞后', en: 'Lagging' },
  'severely-lagging': { zh: '严重滞后', en: 'Severely lagging' },
  'no-data': { zh: '无数据', en: 'No data' },
  'not-comparable': { zh: '无法比较', en: 'Not comparable' },
};

export interface Thresholds {
  /** ratio at or above: 快于预期 */
  ahead: number;
  /** ratio at or above: 基本符合预期 */
  onTrack: number;
  /** ratio at or above: 滞后; below: 严重滞后 */
  lagging: number;
  /** How far (relative) a value may pass a bound (控制在…以内) and still be only 滞后. */
  boundTolerance: number;
}

export interface StatusSettings {
  expected: Thresholds;
  constraint: Thresholds;
}

export const DEFAULT_SETTINGS: StatusSettings = { expected: settingsFile.expected, constraint: settingsFile.constraint };

/** What a target says, as the monitor needs it (TargetData's fields). */
export interface TargetSpec {
  /** The indicator as the plan names it (for the sentence). */
  name: string;
  measure: TargetMeasure;
  comparator: Comparator;
  value: number | string | null;
  unit: string | null;
  year: number | null;
  direction: 'up' | 'down' | null;
  baselineValue: number | null;
  baselineYear: number | null;
  binding: Binding | null;
}

/** One observed value with its unit (converted to the target's unit before use). */
export interface Point {
  year: number;
  value: number;
  unit: string;
}

export interface AssessInput {
  target: TargetSpec;
  /** Observations of the target's indicator: levels for a level or increment target, yearly rates (%) for a growth target. */
  observations: readonly Point[];
  /** Growth targets: observations of the level the rate is of (地区生产总值 for its growth rate). */
  levels?: readonly Point[];
  /** flow: an increment target adds the years' values (城镇新增就业); otherwise the change of the level. */
  nature?: string | null;
  /** The year judged: observations after it are ignored. */
  asOf: number;
  /** The base year of the plan (the year before its period) when the target names none. */
  baseYear: number | null;
  settings?: StatusSettings;
}

export interface Assessment {
  status: Status;
  /** Actual progress ÷ progress expected by time elapsed; for a growth target realized ÷ required rate. */
  ratio: number | null;
  /** Open SDG style: realized ÷ required average annual rate of change (for comparison with other tools). */
  sdgRatio: number | null;
  baseline: { year: number; value: number } | null;
  /** Latest observation up to asOf, in the target's unit. */
  latest: { year: number; value: number } | null;
  /** Value expected at latest.year on the path from baseline to target. */
  expected: number | null;
  /** Growth targets: the realized average annual rate (%) since the base year. */
  realizedRate: number | null;
  projection: { year: number; value: number; method: string } | null;
  /** The unit of baseline, latest, expected and projection values. */
  unit: string | null;
  /** One sentence in Chinese with the numbers: 2013年常住人口城镇化率为45%，按序时进度应达46%，… */
  explanation: string;
  /** The same sentence in English (indicator names and units as the plan writes them). */
  explanationEn: string;
  /** Notes on the data (现价计算, 口径) that qualify the judgement. */
  notes: string[];
}

// ---------------------------------------------------------------- assess

export function assess(input: AssessInput): Assessment {
  const t = input.target;
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const th = t.binding === 'constraint' ? settings.constraint : settings.expected;
  const base: Assessment = {
    status: 'no-data',
    ratio: null,
    sdgRatio: null,
    baseline: null,
    latest: null,
    expected: null,
    realizedRate: null,
    projection: null,
    unit: t.unit,
    explanation: '',
    explanationEn: '',
    notes: [],
  };
  const done = (a: Partial<Assessment> & { status: Status; explanation: string; explanationEn: string }): Assessment => ({ ...base, ...a });

  if (t.measure === 'ratio' || typeof t.value !== 'number') {
    return done({
      status: 'not-comparable',
      explanation: `${t.name}的目标（${t.value ?? '未给出数值'}）不是单一数值，无法按序时进度判断`,
      explanationEn: `The target for ${t.name} (${t.value ?? 'no value given'}) is not a single number, so it cannot be judged on time-elapsed progress`,
    });
  }
  if (t.year == null) return done({ status: 'no-data', explanation: `${t.name}的目标未写明年份，无法计算序时进度`, explanationEn: `The target for ${t.name} names no year, so the expected progress cannot be computed` });
  const unit = t.unit ?? '';
  const difference = t.measure === 'increment';
  const usable = input.observations.filter((o) => o.year <= input.asOf);
  const conv = usable.map((o) => ({ year: o.year, value: convert(o.value, o.unit, t.measure === 'growth' ? '%' : unit, { difference }) }));
  if (usable.length && conv.every((o) => o.value == null)) {
    const units = [...new Set(usable.map((o) => o.unit))].join('、');
    return done({
      status: 'not-comparable',
      explanation: `${t.name}的观测值单位（${units}）与目标单位（${unit || '无'}）无法换算，不作比较`,
      explanationEn: `The unit of the observations of ${t.name} (${units}) does not convert to the target’s unit (${unit || 'none'}); not compared`,
    });
  }
  const series = byYear(conv.filter((o): o is { year: number; value: number } => o.value != null));
  const levels = byYear(
    (input.levels ?? [])
      .filter((o) => o.year <= input.asOf)
      .map((o) => ({ year: o.year, value: o.value, unit: o.unit })),
    true,
  );
  if (t.measure === 'growth') return growth(t, series, levels, input, th, done);
  if (!series.length) return done({ status: 'no-data', explanation: `截至${input.asOf}年没有${t.name}的观测值`, explanationEn: `No observation of ${t.name} up to ${input.asOf}` });
  if (t.measure === 'increment') return increment(t, series, input, th, done);
  return level(t, series, input, th, done);
}

type Done = (a: Partial<Assessment> & { status: Status; explanation: string; explanationEn: string }) => Assessment;
type Series = Array<{ year: number; value: number }>;

/** One value per year (the last given wins), sorted by year. */
function byYear<T extends { year: number; value: number }>(points: readonly T[], keepUnit = false): Series & Array<T> {
  const m = new Map<number, T>();
  for (const p of points) m.set(p.year, p);
  const out = [...m.values()].sort((a, b) => a.year - b.year);
  return (keepUnit ? out : out.map((p) => ({ year: p.year, value: p.value }))) as Series & Array<T>;
}

function level(t: TargetSpec, s: Series, input: AssessInput, th: Thresholds, done: Done): Assessment {
  const X = t.value as number;
  const T = t.year!;
  const u = t.unit ?? '';
  const latest = s[s.length - 1];
  const by = t.baselineYear ?? input.baseYear;
  const B = t.baselineValue ?? (by != null ? s.find((p) => p.year === by)?.value : undefined) ?? null;
  const baseline = B != null && by != null ? { year: by, value: B } : null;
  const common = { latest, baseline, unit: u, projection: projectLinear(s, T, latest.year) };
  const A = latest.value;
  const said = `${latest.year}年${t.name}为${num(A)}${u}`;
  const saidEn = `${t.name} was ${num(A)}${u} in ${latest.year}`;

  // A bound (控制在…以内, 不低于…) the baseline already keeps: judged by whether it still holds.
  const upper = t.comparator === 'le' || t.comparator === 'lt';
  const lower = t.comparator === 'ge' || t.comparator === 'gt';
  const isBound = (upper && (B == null || B <= X)) || (lower && B != null && B >= X);
  if (isBound) {
    const holds = upper ? (t.comparator === 'le' ? A <= X : A < X) : t.comparator === 'ge' ? A >= X : A > X;
    const target = `${upper ? '控制在' : '不低于'}${num(X)}${u}${upper ? '以内' : ''}`;
    const targetEn = `${upper ? 'at most' : 'at least'} ${num(X)}${u}`;
    if (holds) {
      const status: Status = latest.year >= T ? 'achieved' : 'on-track';
      return done({
        ...common,
        status,
        explanation: `${said}，${upper ? '在' : '达到'}${target}的目标${upper ? '之内' : ''}，${STATUS_LABELS[status].zh}`,
        explanationEn: `${saidEn}, ${upper ? 'within' : 'meeting'} the target of ${targetEn}: ${STATUS_LABELS[status].en.toLowerCase()}`,
      });
    }
    const over = Math.abs(A - X) / Math.abs(X || 1);
    const status: Status = over <= th.boundTolerance ? 'lagging' : 'severely-lagging';
    return done({
      ...common,
      status,
      explanation: `${said}，${upper ? '超出' : '低于'}${target}的目标${diff(A - X, u)}，${STATUS_LABELS[status].zh}`,
      explanationEn: `${saidEn}, ${diffEn(A - X, u)} ${upper ? 'above' : 'below'} the target of ${targetEn}: ${STATUS_LABELS[status].en.toLowerCase()}`,
    });
  }

  const up = B == null ? t.direction !== 'down' : X >= B;
  const met = up ? (t.comparator === 'gt' ? A > X : A >= X) : t.comparator === 'lt' ? A < X : A <= X;
  if (met) {
    const early = latest.year < T ? `，提前${T - latest.year}年实现` : '';
    return done({
      ...common,
      status: 'achieved',
      ratio: baseline ? progressRatio(A, B!, X, 1) : null,
      explanation: `${said}，已达到${T}年${num(X)}${u}的目标${early}，已实现`,
      explanationEn: `${saidEn}, reaching the ${T} target of ${num(X)}${u}${earlyEn(T - latest.year)}: achieved`,
    });
  }
  if (baseline && latest.year <= baseline.year) {
    return done({
      ...common,
      status: 'no-data',
      explanation: `${t.name}只有${latest.year}年（基期）的数据，尚无规划期内的观测值`,
      explanationEn: `${t.name} has data for ${latest.year} (the base year) only, none yet within the plan period`,
    });
  }
  if (!baseline || by == null || T <= by) {
    return done({
      ...common,
      status: 'no-data',
      explanation: `${said}，缺少${by ?? '基期'}年基期值，无法计算序时进度（目标${T}年${num(X)}${u}）`,
      explanationEn: `${saidEn}; without the base-year value${by != null ? ` of ${by}` : ''} the expected progress cannot be computed (target: ${num(X)}${u} in ${T})`,
    });
  }
  const share = elapsed(latest.year, by, T);
  const E = round(B! + (X - B!) * share);
  const ratio = progressRatio(A, B!, X, share);
  const sdgRatio = rateRatio(B!, A, X, by, latest.year, T);
  const status = latest.year >= T ? afterDeadline(ratio, th) : byRatio(ratio, th);
  const where = latest.year >= T ? `${T}年目标为${num(X)}${u}` : `按序时进度应达${num(E)}${u}`;
  const whereEn = latest.year >= T ? `the ${T} target is ${num(X)}${u}` : `on the time-elapsed path it should have reached ${num(E)}${u}`;
  return done({
    ...common,
    status,
    ratio,
    sdgRatio,
    expected: E,
    explanation: `${said}，${where}，${A >= E ? '高' : '低'}${diff(A - E, u, true)}（完成序时进度的${pct(ratio)}），${STATUS_LABELS[status].zh}`,
    explanationEn: `${saidEn}; ${whereEn}; ${diffEn(A - E, u)} ${A >= E ? 'higher' : 'lower'} (${pct(ratio)} of the expected progress): ${STATUS_LABELS[status].en.toLowerCase()}`,
  });
}

function increment(t: TargetSpec, s: Series, input: AssessInput, th: Thresholds, done: Done): Assessment {
  const X = t.value as number;
  const T = t.year!;
  const u = t.unit ?? '';
  const by = t.baselineYear ?? input.baseYear;
  const latest = s[s.length - 1];
  if (by == null || T <= by) {
    return done({ status: 'no-data', latest, unit: u, explanation: `${t.name}的目标未给出起算年份，无法累计`, explanationEn: `The target for ${t.name} gives no starting year, so the increase cannot be added up` });
  }
  let delta: number;
  let note = '';
  let noteEn = '';
  if (input.nature === 'flow') {
    const years = range(by + 1, latest.year);
    const missing = years.filter((y) => !s.some((p) => p.year === y));
    if (!years.length || missing.length) {
      const gap = missing.length ? missing : [by + 1];
      return done({
        status: 'no-data',
        latest,
        unit: u,
        explanation: `缺少${gap.join('、')}年${t.name}数据，无法累计${by + 1}年以来的增量`,
        explanationEn: `${t.name} is missing for ${gap.join(', ')}, so the increase since ${by + 1} cannot be added up`,
      });
    }
    delta = round(years.reduce((sum, y) => sum + s.find((p) => p.year === y)!.value, 0));
    note = `${by + 1}—${latest.year}年累计`;
    noteEn = `added up over ${by + 1}–${latest.year}`;
  } else {
    const B = t.baselineValue ?? s.find((p) => p.year === by)?.value;
    if (B == null) {
      return done({
        status: 'no-data',
        latest,
        unit: u,
        explanation: `缺少${by}年${t.name}基期值，无法计算${by}年以来的增量`,
        explanationEn: `The ${by} base-year value of ${t.name} is missing, so the increase since ${by} cannot be computed`,
      });
    }
    delta = round(latest.value - B);
    note = `${latest.year}年比${by}年`;
    noteEn = `from ${by} to ${latest.year}`;
  }
  const progress = { year: latest.year, value: delta };
  const projection = latest.year < T ? projectIncrement(s, input.nature === 'flow', by, delta, latest.year, T) : null;
  const common = { latest: progress, baseline: { year: by, value: 0 }, unit: u, projection };
  const up = X >= 0;
  if (up ? delta >= X : delta <= X) {
    const early = latest.year < T ? `，提前${T - latest.year}年实现` : '';
    return done({
      ...common,
      status: 'achieved',
      ratio: r3(delta / X),
      explanation: `${note}${t.name}${num(delta)}${u}，已达到新增${num(X)}${u}的目标${early}，已实现`,
      explanationEn: `${t.name} ${noteEn}: ${num(delta)}${u}, reaching the target of ${num(X)}${u} more${earlyEn(T - latest.year)}: achieved`,
    });
  }
  const share = elapsed(latest.year, by, T);
  const E = round(X * share);
  const ratio = E ? r3(delta / E) : null;
  const status = latest.year >= T ? afterDeadline(ratio, th) : byRatio(ratio, th);
  return done({
    ...common,
    status,
    ratio,
    expected: E,
    explanation: `${note}${t.name}${num(delta)}${u}，按序时进度应新增${num(E)}${u}（目标${T}年新增${num(X)}${u}），完成序时进度的${pct(ratio)}，${STATUS_LABELS[status].zh}`,
    explanationEn: `${t.name} ${noteEn}: ${num(delta)}${u}; on the time-elapsed path ${num(E)}${u} should have been added (target: ${num(X)}${u} more by ${T}), ${pct(ratio)} of the expected progress: ${STATUS_LABELS[status].en.toLowerCase()}`,
  });
}

function growth(t: TargetSpec, rates: Series, levels: Array<{ year: number; value: number; unit: string }>, input: AssessInput, th: Thresholds, done: Done): Assessment {
  const g = t.value as number;
  const T = t.year!;
  const by = t.baselineYear ?? input.baseYear;
  const down = t.direction === 'down';
  const q = down ? -Math.abs(g) : g; // the required yearly rate, negative for 年均下降
  if (by == null || T <= by) {
    return done({ status: 'no-data', unit: '%', explanation: `${t.name}的目标未给出基期年份，无法计算年均增速`, explanationEn: `The target for ${t.name} gives no base year, so the average annual rate cannot be computed` });
  }
  const notes: string[] = [];
  // Realized average rate: from the yearly rates where every year since the base year is there,
  // else from the level at the base year and the latest level (compound).
  let rho: number | null = null;
  let last: number | null = null;
  const lastRate = rates.length ? rates[rates.length - 1].year : null;
  if (lastRate != null && lastRate > by) {
    const years = range(by + 1, lastRate);
    if (years.every((y) => rates.some((p) => p.year === y))) {
      const f = years.reduce((acc, y) => acc * (1 + rates.find((p) => p.year === y)!.value / 100), 1);
      rho = (Math.pow(f, 1 / years.length) - 1) * 100;
      last = lastRate;
    }
  }
  const L0 = levels.find((p) => p.year === by);
  const Lt = levels.length ? levels[levels.length - 1] : undefined;
  if (rho == null && L0 && Lt && Lt.year > by) {
    const ratioLevels = convert(Lt.value, Lt.unit, L0.unit);
    if (ratioLevels != null && L0.value > 0) {
      rho = (Math.pow(ratioLevels / L0.value, 1 / (Lt.year - by)) - 1) * 100;
      last = Lt.year;
      notes.push(`按${by}年和${Lt.year}年水平值计算的年均增速（现价计算时含价格因素）`);
    }
  }
  if (rho == null || last == null) {
    const have = rates.length || levels.length;
    return done({
      status: 'no-data',
      unit: '%',
      explanation: have ? `${t.name}缺少${by + 1}年以来逐年增速或${by}年基期水平，无法计算实际年均增速` : `截至${input.asOf}年没有${t.name}的观测值`,
      explanationEn: have
        ? `${t.name} lacks the yearly rates since ${by + 1} or the ${by} base-year level, so the realized average annual rate cannot be computed`
        : `No observation of ${t.name} up to ${input.asOf}`,
    });
  }
  rho = round(Math.round(rho * 100) / 100);
  const sdgRatio = q !== 0 ? r3(rho / q) : null;
  const expectedLevel = L0 ? r2(L0.value * Math.pow(1 + q / 100, last - by)) : null;
  const projection = L0 && last < T ? { year: T, value: r2(L0.value * Math.pow(1 + rho / 100, T - by)), method: `按${by + 1}—${last}年实际年均增速${num(rho)}%复利外推（${L0.unit}）` } : null;
  const common = { realizedRate: rho, sdgRatio, ratio: sdgRatio, latest: { year: last, value: rho }, baseline: L0 ? { year: by, value: L0.value } : null, unit: '%', expected: expectedLevel, projection, notes };
  const verb = down ? '下降' : '增长';
  const said = `${by + 1}—${last}年${t.name.replace(/(年均)?(增长|增速|下降)率?$/, '') || t.name}年均${rho < 0 && !down ? '下降' : verb}${num(Math.abs(rho))}%`;
  const goal = `年均${verb}${num(Math.abs(g))}%${t.comparator === 'ge' || t.comparator === 'gt' ? '以上' : t.comparator === 'le' || t.comparator === 'lt' ? '以内' : ''}`;
  const saidEn = `${t.name.replace(/(年均)?(增长|增速|下降)率?$/, '') || t.name} ${rho < 0 || down ? 'fell' : 'grew'} by ${num(Math.abs(rho))}% a year on average in ${by + 1}–${last}`;
  const goalEn = `${t.comparator === 'ge' || t.comparator === 'gt' ? 'at least ' : t.comparator === 'le' || t.comparator === 'lt' ? 'at most ' : ''}${num(Math.abs(g))}% average annual ${down ? 'decrease' : 'growth'}`;
  const bound = t.comparator === 'le' || t.comparator === 'lt';
  if (bound) {
    const holds = down ? rho >= q : rho <= g;
    if (holds) {
      const status: Status = last >= T ? 'achieved' : 'on-track';
      return done({ ...common, status, explanation: `${said}，在${goal}的目标之内，${STATUS_LABELS[status].zh}`, explanationEn: `${saidEn}, within the target of ${goalEn}: ${STATUS_LABELS[status].en.toLowerCase()}` });
    }
    const over = Math.abs(rho - q) / Math.abs(q || 1);
    const status: Status = over <= th.boundTolerance ? 'lagging' : 'severely-lagging';
    return done({
      ...common,
      status,
      explanation: `${said}，超出${goal}的目标${num(Math.abs(rho - q))}个百分点，${STATUS_LABELS[status].zh}`,
      explanationEn: `${saidEn}, ${num(Math.abs(rho - q))} percentage points beyond the target of ${goalEn}: ${STATUS_LABELS[status].en.toLowerCase()}`,
    });
  }
  const r = sdgRatio;
  let status: Status;
  if (r != null && r >= 1 && last >= T) status = 'achieved';
  else status = last >= T ? afterDeadline(r, th) : byRatio(r, th);
  const cmp = rho * Math.sign(q || 1) >= Math.abs(q) ? '高于' : '低于';
  return done({
    ...common,
    status,
    explanation: `${said}，${cmp}${goal}的目标（实际增速为目标增速的${pct(r)}），${STATUS_LABELS[status].zh}`,
    explanationEn: `${saidEn}, ${cmp === '高于' ? 'above' : 'below'} the target of ${goalEn} (the realized rate is ${pct(r)} of the target rate): ${STATUS_LABELS[status].en.toLowerCase()}`,
  });
}

// ---------------------------------------------------------------- arithmetic

/** Share of the period from the base year to the target year that has passed by `year` (0–1). */
export function elapsed(year: number, baseYear: number, targetYear: number): number {
  if (targetYear <= baseYear) return 1;
  return Math.min(1, Math.max(0, (year - baseYear) / (targetYear - baseYear)));
}

/** (A − B) ÷ (expected − B): 1 is exactly on the time path. */
function progressRatio(A: number, B: number, X: number, share: number): number | null {
  const need = (X - B) * share;
  return need === 0 ? null : r3((A - B) / need);
}

/** Open SDG style: realized ÷ required average annual rate of change (compound), when both levels are positive. */
function rateRatio(B: number, A: number, X: number, by: number, t: number, T: number): number | null {
  if (B <= 0 || A <= 0 || X <= 0 || t <= by || T <= by) return null;
  const realized = Math.pow(A / B, 1 / (t - by)) - 1;
  const required = Math.pow(X / B, 1 / (T - by)) - 1;
  return required === 0 ? null : r3(realized / required);
}

/** Ratios are kept to three decimals (83.3%). */
const r3 = (x: number) => round(Math.round(x * 1000) / 1000);
/** Values are kept to two decimals, as plans write them. */
const r2 = (x: number) => round(Math.round(x * 100) / 100);

function byRatio(r: number | null, th: Thresholds): Status {
  if (r == null) return 'no-data';
  if (r >= th.ahead) return 'ahead';
  if (r >= th.onTrack) return 'on-track';
  if (r >= th.lagging) return 'lagging';
  return 'severely-lagging';
}

/** At or after the target year a target not met is behind, however close. */
function afterDeadline(r: number | null, th: Thresholds): Status {
  if (r == null) return 'no-data';
  return r >= th.lagging ? 'lagging' : 'severely-lagging';
}

/** Least-squares line through the last (at most five) observations, read at the target year. */
export function projectLinear(s: Series, T: number, latestYear: number): Assessment['projection'] {
  if (latestYear >= T) return null;
  const pts = s.slice(-5);
  if (pts.length < 2) return null;
  const n = pts.length;
  const mx = pts.reduce((a, p) => a + p.year, 0) / n;
  const my = pts.reduce((a, p) => a + p.value, 0) / n;
  const sxx = pts.reduce((a, p) => a + (p.year - mx) ** 2, 0);
  const slope = sxx ? pts.reduce((a, p) => a + (p.year - mx) * (p.value - my), 0) / sxx : 0;
  const value = round(Math.round((my + slope * (T - mx)) * 100) / 100);
  return { year: T, value, method: `线性趋势外推（${pts[0].year}—${pts[n - 1].year}年${n}个观测值）` };
}

function projectIncrement(s: Series, flow: boolean, by: number, delta: number, latest: number, T: number): Assessment['projection'] {
  if (flow) {
    const years = latest - by;
    const perYear = delta / years;
    return { year: T, value: round(Math.round((delta + perYear * (T - latest)) * 100) / 100), method: `按${by + 1}—${latest}年年均增量外推` };
  }
  const p = projectLinear(s, T, latest);
  const B = s.find((x) => x.year === by)?.value;
  return p && B != null ? { ...p, value: round(p.value - B) } : null;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}

// ---------------------------------------------------------------- wording

/** A number as planners write it: no thousands separators, at most two decimals. */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function pct(r: number | null): string {
  return r == null ? '—' : `${num(r * 100)}%`;
}

/** A difference in the target's unit; a difference of percentages is in 个百分点. */
function diff(d: number, u: string, abs = false): string {
  const v = abs ? Math.abs(d) : d;
  if (u === '%' || u === '％') return `${num(Math.abs(v))}个百分点`;
  if (u === '‰') return `${num(Math.abs(v))}个千分点`;
  return `${num(Math.abs(v))}${u}`;
}

/** diff in English: 1.2 percentage points, 3 per-mille points, 5.5亿元. */
function diffEn(d: number, u: string): string {
  const v = num(Math.abs(d));
  if (u === '%' || u === '％') return `${v} percentage point${v === '1' ? '' : 's'}`;
  if (u === '‰') return `${v} per-mille point${v === '1' ? '' : 's'}`;
  return `${v}${u}`;
}

/** ", 2 years early" (nothing when not early). */
function earlyEn(years: number): string {
  return years > 0 ? `, ${years} year${years === 1 ? '' : 's'} early` : '';
}
