// Duties from the rows of tables with a 牵头单位 / 责任单位 / 牵头考核单位 column (任务分工表, 考评表),
// as parse's blocks give them (tab-separated rows, or one cell a paragraph), columns already named
// by data/lexicons/table-headers.json:
//
//   序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限
//   1    | 建成广湛高铁 | 省发展改革委 | 省交通运输厅、自然资源厅 | 2025年底前
//
// A row that lost cells to a merged (rowspan) cell came out of parse padded on the left; its cells
// are put back under the columns they fit (a number under 序号, units under 牵头单位, a date under
// 完成时限), and a column it lacks takes the cell of the row above, as the merged cell meant.
import type { PlanDoc, Table, TableCell, TableRow } from '../core/types';
import type { AgencyContext } from './agencies';
import { deadlineClause, deadlineIn, readUnitCell, type Assignment } from './duty-assign';
import { cleanTask, type TextDuty } from './duty-text';

interface DutyColumns {
  lead: number;
  support: number[];
  deadline: number;
  task: number;
  /** Columns that group rows (类别, or 重点任务 before a 具体措施 column): merged down a grid. */
  groups: number[];
}

/** The columns of a duty table; null when the table has no lead column. */
export function dutyColumns(t: Table): DutyColumns | null {
  const leads = t.columns.flatMap((c, i) => (c.role === 'lead' ? [i] : []));
  if (leads.length === 0) return null;
  // 牵头单位 beside 责任单位: the 牵头 column leads, the others share the work
  const lead = leads.find((i) => t.columns[i].header.includes('牵头')) ?? leads[0];
  const support = [...leads.filter((i) => i !== lead), ...t.columns.flatMap((c, i) => (c.role === 'support' ? [i] : []))];
  const find = (role: string) => t.columns.findIndex((c) => c.role === role);
  const of = (role: string) => t.columns.flatMap((c, i) => (c.role === role ? [i] : []));
  // an indicator (考核指标) names the item a row assesses, its 考核内容 column says how; of two task
  // columns (重点任务 | 具体措施) the last is the row's own, the first groups rows
  const tasks = of('task');
  const task = find('indicator') >= 0 ? find('indicator') : (tasks[tasks.length - 1] ?? -1);
  const groups = [...of('category'), ...tasks.filter((i) => i !== task && find('indicator') < 0)];
  return { lead, support, deadline: find('deadline'), task, groups };
}

export function tableDuties(doc: PlanDoc, actx: AgencyContext): TextDuty[] {
  const out: TextDuty[] = [];
  for (const t of doc.blocks.tables) {
    const cols = dutyColumns(t);
    if (!cols) continue;
    let above: string[] | null = null;
    for (const row of t.rows) {
      const { texts, carried, realigned } = alignRow(row, t, cols, actx, above);
      const d = rowDuty(row, texts, carried, t, cols, actx);
      if (d && realigned) d.flags = ['cells_realigned', ...(d.flags ?? [])];
      if (d) out.push(d);
      if (texts.some((x, i) => x && i !== cols.task)) above = texts;
    }
  }
  return out;
}

function rowDuty(row: TableRow, texts: string[], carried: boolean, t: Table, cols: DutyColumns, actx: AgencyContext): TextDuty | null {
  const a: Assignment | null = readUnitCell(texts[cols.lead] ?? '', actx);
  if (!a) return null;
  const role = (i: number) => t.columns[i].role;
  const taskText =
    cols.task >= 0
      ? texts[cols.task]
      : texts.filter((x, i) => x && !['seq', 'lead', 'support', 'deadline', 'score', 'note'].includes(role(i))).join(' ');
  const task = cleanTask(taskText ?? '');
  if (!task) return null;
  const support = [...a.support];
  for (const i of cols.support) {
    const s = readUnitCell(texts[i] ?? '', actx);
    if (s) support.push(...s.lead, ...s.support);
  }
  const deadline = (cols.deadline >= 0 ? texts[cols.deadline] : '') || a.deadline || deadlineIn(taskText ?? '');
  return {
    start: row.start,
    end: row.end,
    confidence: carried ? 0.7 : 0.85,
    flags: carried ? ['lead_from_row_above'] : [],
    data: { task, lead: a.lead, support: [...new Set(support)].filter((u) => !a.lead.includes(u)), deadline: deadline || null },
  };
}

// ---- rows that lost cells to merged cells ------------------------------------------------------

/**
 * The cell texts of a row under their columns. A row parse padded on the left (it had fewer cells
 * than the header) is re-aligned by what each cell looks like; columns it lacks take the text of the
 * row above (a merged 牵头单位 or 完成时限 cell). An empty lead cell takes the one above too.
 */
function alignRow(
  row: TableRow,
  t: Table,
  cols: DutyColumns,
  actx: AgencyContext,
  above: string[] | null,
): { texts: string[]; carried: boolean; realigned: boolean } {
  const n = t.columns.length;
  let pad = 0;
  while (pad < n && isPad(row.cells[pad], row)) pad++;
  let texts: string[];
  let missing: boolean[];
  if (pad > 0 && pad < n) {
    const real = row.cells.slice(pad);
    const slots = bestSlots(real, t, actx, t.layout === 'grid' ? 'later' : 'earlier');
    texts = Array.from({ length: n }, () => '');
    missing = Array.from({ length: n }, () => true);
    slots.forEach((col, k) => {
      texts[col] = real[k].text;
      missing[col] = false;
    });
  } else {
    texts = row.cells.map((c) => c.text);
    missing = texts.map(() => false);
  }
  let carried = false;
  // In a grid (HTML, DOCX) a lacking cell was merged with the one above; one cell a paragraph, it was
  // empty and left no paragraph, so nothing is inherited.
  const merged = t.layout === 'grid';
  const inherits = (i: number) => merged && (i === cols.lead || i === cols.deadline || cols.support.includes(i) || cols.groups.includes(i));
  for (let i = 0; i < n; i++) {
    const lacks = missing[i] || (i === cols.lead && !texts[i]);
    if (lacks && above && above[i] && inherits(i)) {
      texts[i] = above[i];
      if (i === cols.lead) carried = true;
    }
  }
  return { texts, carried, realigned: pad > 0 && pad < n };
}

const isPad = (c: TableCell | undefined, row: TableRow) => !!c && c.start === c.end && c.start === row.start && !c.text;

/**
 * Columns for the real cells of a short row: order kept, each cell where it fits best. A units cell
 * fits 牵头单位 and 配合单位 alike: in a grid the lacking cell was merged (most often 牵头单位, shared by
 * the rows of one lead), so ties go to the later column; one cell a paragraph, the lacking cell was
 * empty (most often 配合单位), so ties go to the earlier.
 */
function bestSlots(cells: readonly TableCell[], t: Table, actx: AgencyContext, ties: 'later' | 'earlier'): number[] {
  const n = t.columns.length;
  const m = cells.length;
  // score[i][j]: best fit of the first i cells into the first j columns
  const score = Array.from({ length: m + 1 }, () => Array<number>(n + 1).fill(-Infinity));
  const took = Array.from({ length: m + 1 }, () => Array<boolean>(n + 1).fill(false));
  for (let j = 0; j <= n; j++) score[0][j] = j === 0 ? 0 : score[0][j - 1] + skipCost(t, j - 1);
  for (let i = 1; i <= m; i++) {
    for (let j = i; j <= n; j++) {
      const skip = score[i][j - 1] + skipCost(t, j - 1);
      const take = score[i - 1][j - 1] + fit(cells[i - 1].text, t.columns[j - 1].role, actx);
      if (ties === 'later' ? take >= skip : take > skip) {
        score[i][j] = take;
        took[i][j] = true;
      } else score[i][j] = skip;
    }
  }
  const slots: number[] = Array(m).fill(0);
  for (let i = m, j = n; i > 0 && j > 0; j--) {
    if (took[i][j]) slots[--i] = j - 1;
  }
  return slots;
}

// A merged cell is rarely the task itself.
const skipCost = (t: Table, col: number) => (['task', 'indicator'].includes(t.columns[col].role) ? -2 : 0);

function fit(text: string, role: string, actx: AgencyContext): number {
  const s = text.replace(/\s+/g, '');
  if (!s) return 0;
  const units = () => readUnitCell(s, actx) !== null;
  switch (role) {
    case 'seq':
      return /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$/.test(s) ? 3 : -3;
    case 'lead':
    case 'support':
      return units() ? 3 : -3;
    case 'deadline':
      return deadlineClause(s) ? 3 : -1;
    case 'score':
      return /^\d+(?:\.\d+)?分?$/.test(s) ? 2 : -1;
    case 'task':
    case 'indicator':
      return /^\d+(?:\.\d+)?$/.test(s) || units() ? -2 : s.length >= 4 ? 2 : 0;
    default:
      return 0;
  }
}
