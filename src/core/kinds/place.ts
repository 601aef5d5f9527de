// 地名: a mention of an administrative unit of the gazetteer.
import { z } from 'zod';
import { areaCode, defineKind, text } from './define';

export const place = defineKind({
  name: 'place',
  plural: 'places',
  label: { zh: '地名', en: 'Places' },
  order: 60,
  colour: { fill: '#e9d5ff', line: '#7c3aed' },
  nesting: 1,
  shownByDefault: false,
  schema: z.object({ code: areaCode, name: text, level: text }),
  fields: {
    code: { zh: '区划代码', en: 'Area code' },
    name: { zh: '名称', en: 'Name' },
    level: { zh: '层级', en: 'Level' },
  },
  values: {
    level: {
      province: { zh: '省级', en: 'Province' },
      prefecture: { zh: '地级', en: 'Prefecture' },
      county: { zh: '县级', en: 'County' },
    },
  },
  summary: (d) => `${d.name} ${d.code}`,
  evalJson: ({ data }) => ({ ...data }),
});

export type PlaceData = z.infer<typeof place.schema>;
