// 现状数据: a past statistic the plan states (2010年地区生产总值3500亿元).
import { z } from 'zod';
import { areaCode, defineKind, show, text, year } from './define';

export const fact = defineKind({
  name: 'fact',
  plural: 'facts',
  label: { zh: '现状数据', en: 'Facts' },
  order: 50,
  colour: { fill: '#e5e7eb', line: '#6b7280' },
  nesting: 6,
  shownByDefault: false,
  schema: z.object({
    indicator: text,
    canonical: text.nullable(),
    scope: text.nullable(),
    scopeCode: areaCode.nullable(),
    year: year.nullable(),
    value: z.union([z.number(), z.string()]).nullable(),
    unit: text.nullable(),
  }),
  fields: {
    indicator: { zh: '指标', en: 'Indicator' },
    canonical: { zh: '标准指标代码', en: 'Canonical indicator' },
    scope: { zh: '范围', en: 'Scope' },
    scopeCode: { zh: '区划代码', en: 'Area code' },
    year: { zh: '年份', en: 'Year' },
    value: { zh: '数值', en: 'Value' },
    unit: { zh: '单位', en: 'Unit' },
  },
  summary: (d) => `${show(d.indicator)} | ${show(d.scope)} | ${show(d.year)}年 | ${show(d.value)}${show(d.unit)}`,
  evalJson: ({ data: d }) => ({
    indicator: d.indicator,
    canonical: d.canonical,
    scope: d.scope,
    scope_code: d.scopeCode,
    year: d.year,
    value: d.value,
    unit: d.unit,
  }),
});

export type FactData = z.infer<typeof fact.schema>;
