// 引用文件: a document the plan cites (《…》 with its 文号 where given).
import { z } from 'zod';
import { defineKind, text } from './define';

export const reference = defineKind({
  name: 'reference',
  plural: 'references',
  label: { zh: '引用文件', en: 'References' },
  order: 70,
  colour: { fill: '#fed7aa', line: '#ea580c' },
  nesting: 2,
  shownByDefault: true,
  schema: z.object({
    /** Title inside 《》. */
    title: text,
    docNumber: text.nullable(),
  }),
  fields: {
    title: { zh: '文件名称', en: 'Title' },
    docNumber: { zh: '文号', en: 'Document number' },
  },
  summary: (d) => `《${d.title}》${d.docNumber ? '（' + d.docNumber + '）' : ''}`,
  evalJson: ({ data: d }) => ({ title: d.title, doc_number: d.docNumber }),
});

export type ReferenceData = z.infer<typeof reference.schema>;
