// 空间结构: a spatial pattern such as 三核、四轴、两屏, with its elements and their members.
import { z } from 'zod';
import { defineKind, text, textList } from './define';

const element = z.object({
  /** 三核, 四轴, 两屏 */
  name: text,
  /** null when the plan gives no number (多节点, 多个节点, an unnumbered 延伸区). */
  count: z.number().int().positive().nullable(),
  /** Members as the plan names them. */
  members: textList,
  /** Gazetteer code for each member that is a place, else null (same order as members). */
  memberCodes: z.array(z.string().nullable()),
  /** Where the element is explained, if found. */
  span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});

export const structure = defineKind({
  name: 'structure',
  plural: 'structures',
  label: { zh: '空间结构', en: 'Structures' },
  order: 20,
  colour: { fill: '#bfdbfe', line: '#2563eb' },
  nesting: 7,
  shownByDefault: true,
  schema: z.object({
    /** The pattern code as written, e.g. 三核、四轴、两屏 or 一核一带一区. */
    code: text,
    /** What it structures, e.g. 国土开发格局, 空间布局 (the noun after the code). */
    subject: text.nullable(),
    elements: z.array(element),
  }),
  fields: {
    code: { zh: '格局', en: 'Pattern' },
    subject: { zh: '对象', en: 'Subject' },
    elements: { zh: '组成', en: 'Elements' },
  },
  summary: (d) => `“${d.code}”${d.subject ?? ''}: ${d.elements.map((e) => `${e.name}(${e.members.length})`).join(' ')}`,
  evalJson: ({ data: d }) => ({
    code: d.code,
    subject: d.subject,
    elements: d.elements.map((e) => ({ name: e.name, count: e.count, members: e.members, member_codes: e.memberCodes })),
  }),
});

export type StructureData = z.infer<typeof structure.schema>;
export type StructureElement = z.infer<typeof element>;
