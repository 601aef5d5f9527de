// 任务分工: a task with its lead and supporting agencies (牵头单位/参加单位) and its deadline.
import { z } from 'zod';
import { defineKind, show, text, textList } from './define';

export const duty = defineKind({
  name: 'duty',
  plural: 'duties',
  label: { zh: '任务分工', en: 'Duties' },
  order: 30,
  colour: { fill: '#fbcfe8', line: '#db2777' },
  nesting: 4,
  shownByDefault: true,
  schema: z.object({
    task: text,
    lead: textList,
    support: textList,
    /** As written: 2025年底前, 持续推进 … */
    deadline: text.nullable(),
  }),
  fields: {
    task: { zh: '任务', en: 'Task' },
    lead: { zh: '牵头单位', en: 'Lead' },
    support: { zh: '参加单位', en: 'Support' },
    deadline: { zh: '时限', en: 'Deadline' },
  },
  summary: (d) => `${d.task} | 牵头：${show(d.lead)} | 参加：${show(d.support)}${d.deadline ? ' | ' + d.deadline : ''}`,
  evalJson: ({ data: d }) => ({ task: d.task, lead: d.lead, support: d.support, deadline: d.deadline }),
});

export type DutyData = z.infer<typeof duty.schema>;
