// 现状数据: a past statistic the plan states (2010年地区生产总值3500亿元).
import { z } from 'zod';
import { defineKind, show, text } from './define';
import { measuredLabels, measuredShape } from './measured';

export const fact = defineKind({
  name: 'fact',
  plural: 'facts',
  label: { zh: '现状数据', en: 'Facts' },
  order: 50,
  colour: { fill: '#e5e7eb', line: '#6b7280' },
  nesting: 6,
  shownByDefault: false,
  schema: z.object({
    ...measuredShape,
    value: z.union([z.number(), z.string()]).nullable(),
    unit: text.nullable(),
  }),
  fields: {
    ...measuredLabels,
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
