// 目标: a quantitative target (indicator, scope, year, value, unit, comparator, baseline, 约束性/预期性).
import { z } from 'zod';
import { defineKind, show, text, year } from './define';
import { measuredLabels, measuredShape } from './measured';

const COMPARATORS = ['eq', 'ge', 'gt', 'le', 'lt', 'approx'] as const;
/** level: a value to reach; growth: 年均增长 X%; increment: 新增/累计 X; ratio: 13∶47∶40. */
const MEASURES = ['level', 'growth', 'increment', 'ratio'] as const;
const BINDINGS = ['constraint', 'expected'] as const; // 约束性 / 预期性

const SYMBOL: Record<string, string> = { eq: '', ge: '≥', gt: '>', le: '≤', lt: '<', approx: '≈' };

const values = {
  comparator: {
    eq: { zh: '达到 =', en: '= reaches' },
    ge: { zh: '不低于 ≥', en: '≥ at least' },
    gt: { zh: '高于 >', en: '> more than' },
    le: { zh: '不高于 ≤', en: '≤ at most' },
    lt: { zh: '低于 <', en: '< less than' },
    approx: { zh: '约 ≈', en: '≈ about' },
  },
  measure: {
    level: { zh: '总量/水平', en: 'Level' },
    growth: { zh: '增速', en: 'Growth rate' },
    increment: { zh: '增量', en: 'Increment' },
    ratio: { zh: '比例', en: 'Ratio' },
  },
  direction: { up: { zh: '上升', en: 'Up' }, down: { zh: '下降', en: 'Down' } },
  binding: { constraint: { zh: '约束性', en: 'Binding (约束性)' }, expected: { zh: '预期性', en: 'Expected (预期性)' } },
};

export const target = defineKind({
  name: 'target',
  plural: 'targets',
  label: { zh: '目标', en: 'Targets' },
  order: 10,
  colour: { fill: '#fde68a', line: '#d97706' },
  nesting: 5,
  shownByDefault: true,
  schema: z.object({
    ...measuredShape,
    /** Number, or a ratio string '13:47:40'. For a range, the lower bound (see range). */
    value: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?(:\d+(\.\d+)?)+$/)]).nullable(),
    /** [low, high] for 5-10家, 6.5%－7%, 一至两个. */
    range: z.tuple([z.number(), z.number()]).nullable(),
    /** Unit with 万/亿 kept inside (亿元, 万人, 万标箱); percent is '%'; 'ratio' for ratios. */
    unit: text.nullable(),
    comparator: z.enum(COMPARATORS),
    measure: z.enum(MEASURES),
    /** For 下降/降低 X%: 'down'; for 增长/提高: 'up'; null when not stated. */
    direction: z.enum(['up', 'down']).nullable(),
    baselineValue: z.number().nullable(),
    baselineYear: year.nullable(),
    binding: z.enum(BINDINGS).nullable(),
  }),
  fields: {
    ...measuredLabels,
    value: { zh: '数值', en: 'Value' },
    range: { zh: '区间', en: 'Range' },
    unit: { zh: '单位', en: 'Unit' },
    comparator: { zh: '比较', en: 'Comparator' },
    measure: { zh: '类型', en: 'Measure' },
    direction: { zh: '方向', en: 'Direction' },
    baselineValue: { zh: '基期值', en: 'Baseline value' },
    baselineYear: { zh: '基期年份', en: 'Baseline year' },
    binding: { zh: '约束性/预期性', en: 'Binding' },
  },
  values,
  defaults: { comparator: 'eq', measure: 'level' },
  summary(d) {
    const value = d.range ? `${d.range[0]}–${d.range[1]}` : show(d.value);
    const base = d.baselineValue != null ? `（基期${show(d.baselineYear)}年${show(d.baselineValue)}）` : '';
    const binding = d.binding ? ' | ' + values.binding[d.binding].zh : '';
    return `${show(d.indicator)} | ${show(d.scope)} | ${show(d.year)}年 | ${SYMBOL[d.comparator] ?? ''}${value}${d.unit === 'ratio' ? '' : show(d.unit)} | ${values.measure[d.measure]?.zh ?? d.measure}${binding}${base}`;
  },
  evalJson: (f) => {
    const d = f.data;
    return {
      indicator: d.indicator,
      canonical: d.canonical,
      scope: d.scope,
      scope_code: d.scopeCode,
      year: d.year,
      value: d.value,
      value_max: d.range ? d.range[1] : null,
      range: d.range,
      unit: d.unit,
      comparator: d.comparator,
      kind: d.measure,
      direction: d.direction,
      baseline_value: d.baselineValue,
      baseline_year: d.baselineYear,
      binding: d.binding,
      year_implied: f.flags.includes('year_implied'),
    };
  },
});

export type TargetData = z.infer<typeof target.schema>;
export type Comparator = TargetData['comparator'];
export type TargetMeasure = TargetData['measure'];
export type Binding = NonNullable<TargetData['binding']>; // 约束性 / 预期性
