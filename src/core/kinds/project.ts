// 项目: a key project (重点项目), or a programme total (重点建设项目209项).
import { z } from 'zod';
import { defineKind, text, textList } from './define';

export const project = defineKind({
  name: 'project',
  plural: 'projects',
  label: { zh: '项目', en: 'Projects' },
  order: 40,
  colour: { fill: '#bbf7d0', line: '#16a34a' },
  nesting: 3,
  shownByDefault: true,
  schema: z.object({
    name: text,
    /** The 专栏 heading or list heading it was listed under. */
    category: text.nullable(),
    places: textList,
    /** Capacity as written (30万吨级, 100万千瓦). */
    capacity: text.nullable(),
    investment: z.object({ value: z.number(), unit: text }).nullable(),
    /** For programme totals (重点建设项目209项): the number of projects. */
    count: z.number().int().nonnegative().nullable(),
  }),
  fields: {
    name: { zh: '名称', en: 'Name' },
    category: { zh: '类别', en: 'Category' },
    places: { zh: '地点', en: 'Places' },
    capacity: { zh: '规模', en: 'Capacity' },
    investment: { zh: '投资', en: 'Investment' },
    count: { zh: '项目数', en: 'Number of projects' },
  },
  summary: (d) =>
    `${d.name}${d.category ? ' | ' + d.category : ''}${d.investment ? ` | 投资${d.investment.value}${d.investment.unit}` : ''}${d.count != null ? ` | ${d.count}项` : ''}`,
  evalJson: ({ data }) => ({ ...data }),
});

export type ProjectData = z.infer<typeof project.schema>;
