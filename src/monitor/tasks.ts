// Task ledgers (台账): a plan's duties become tasks owned by their lead units (牵头) with their
// supporting units (参加) and deadlines; units post progress per reporting period. Pure helpers:
// reading a deadline as written, reporting periods, the flags a ledger shows (逾期, 本期未报送),
// and the 牵头/参加 matrix of a plan.

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface ReportingPeriod {
  kind: PeriodKind;
  /** Stable key: 2025, 2025H1, 2025Q3, 2025-06. */
  key: string;
  /** As planners write it: 2025年, 2025年上半年, 2025年第三季度, 2025年6月. */
  label: string;
  start: string;
  end: string;
}

const QUARTERS = ['一', '二', '三', '四'];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The reporting period a date (YYYY-MM-DD) falls in. */
export function periodOf(date: string, kind: PeriodKind): ReportingPeriod {
  const [y, m] = date.split('-').map(Number);
  if (kind === 'year') return { kind, key: String(y), label: `${y}年`, start: iso(y, 1, 1), end: iso(y, 12, 31) };
  if (kind === 'half') {
    const h = m <= 6 ? 1 : 2;
    return { kind, key: `${y}H${h}`, label: `${y}年${h === 1 ? '上' : '下'}半年`, start: iso(y, h === 1 ? 1 : 7, 1), end: h === 1 ? iso(y, 6, 30) : iso(y, 12, 31) };
  }
  if (kind === 'quarter') {
    const q = Math.ceil(m / 3);
    return { kind, key: `${y}Q${q}`, label: `${y}年第${QUARTERS[q - 1]}季度`, start: iso(y, q * 3 - 2, 1), end: iso(y, q * 3, lastDay(y, q * 3)) };
  }
  return { kind, key: `${y}-${String(m).padStart(2, '0')}`, label: `${y}年${m}月`, start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)) };
}

export interface Deadline {
  /** The last day (YYYY-MM-DD), or null for open-ended work (持续推进, 长期坚持). */
  date: string | null;
  /** As written. */
  text: string;
  ongoing: boolean;
}

/**
 * Reads a deadline as plans write it: 2025年底前, 2025年6月底, 2024—2025年, 2025年, 规划期内 (the
 * plan's last year), 持续推进 / 长期坚持 / 每年 (open-ended). Unknown wording stays text only.
 */
export function parseDeadline(text: string | null, periodEnd: number | null = null): Deadline | null {
  if (!text || !text.trim()) return null;
  const s = text.trim();
  const ongoing = /持续|长期|每年|年度|常态|逐年/.test(s);
  const years = [...s.matchAll(/((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月)?/g)];
  if (years.length) {
    const last = years[years.length - 1];
    const y = Number(last[1]);
    const m = last[2] ? Math.min(12, Number(last[2])) : null;
    const date = m ? iso(y, m, lastDay(y, m)) : /上半年/.test(s.slice(last.index)) ? iso(y, 6, 30) : iso(y, 12, 31);
    return { date, text: s, ongoing: false };
  }
  if (/规划期内|规划期末|“十[一二三四五六七八九]五”(期间|时期|末)/.test(s) && periodEnd != null) return { date: iso(periodEnd, 12, 31), text: s, ongoing: false };
  return { date: null, text: s, ongoing };
}

export type ProgressStatus = 'not-started' | 'in-progress' | 'completed' | 'blocked';

export const PROGRESS_LABELS: Record<ProgressStatus, { zh: string; en: string }> = {
  'not-started': { zh: '未启动', en: 'Not started' },
  'in-progress': { zh: '推进中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  blocked: { zh: '受阻', en: 'Blocked' },
};

export interface ProgressUpdate {
  /** The reporting period's key it reports on. */
  period: string;
  unit: string;
  status: ProgressStatus;
  /** 0–100 */
  percent: number | null;
  text: string;
  /** When it was posted (ISO). */
  at: string;
}

export interface TaskFlags {
  /** The deadline has passed and no update says completed. */
  overdue: boolean;
  /** No update for the current period (and the task is not completed). */
  noUpdate: boolean;
  latest: ProgressUpdate | null;
  current: ReportingPeriod;
}

/** The first day of a reporting period key (2025, 2025H2, 2025Q3, 2025-06), or null for another key. */
export function periodStart(key: string): string | null {
  let m = /^(\d{4})$/.exec(key);
  if (m) return iso(+m[1], 1, 1);
  if ((m = /^(\d{4})H([12])$/.exec(key))) return iso(+m[1], m[2] === '1' ? 1 : 7, 1);
  if ((m = /^(\d{4})Q([1-4])$/.exec(key))) return iso(+m[1], +m[2] * 3 - 2, 1);
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) return iso(+m[1], +m[2], 1);
  return null;
}

/**
 * The flags of a task as of `today` (YYYY-MM-DD). A past day is judged on the updates for the
 * periods that had begun by then (a late report for such a period counts) and on those made by then;
 * an update for a later period made afterwards is left out. For today nothing is left out.
 */
export function taskFlags(deadline: Deadline | null, all: readonly ProgressUpdate[], today: string, kind: PeriodKind): TaskFlags {
  const current = periodOf(today, kind);
  const updates = all.filter((u) => (periodStart(u.period) ?? '') <= today || u.at.slice(0, 10) <= today);
  const sorted = [...updates].sort((a, b) => a.at.localeCompare(b.at));
  const latest = sorted.length ? sorted[sorted.length - 1] : null;
  const completed = latest?.status === 'completed';
  return {
    overdue: !completed && deadline?.date != null && deadline.date < today,
    noUpdate: !completed && !updates.some((u) => u.period === current.key),
    latest,
    current,
  };
}

export interface MatrixTask {
  key: string;
  task: string;
  lead: readonly string[];
  support: readonly string[];
}

export interface DutyMatrix {
  /** Units, those that lead most tasks first. */
  units: string[];
  /** Per task, per unit (same order as units): 牵头, 参加 or ''. */
  rows: Array<{ key: string; task: string; roles: Array<'牵头' | '参加' | ''> }>;
  /** Per unit: how many tasks it leads and supports. */
  counts: Record<string, { lead: number; support: number }>;
}

/** The 牵头/参加 matrix of a plan's tasks. */
export function dutyMatrix(tasks: readonly MatrixTask[]): DutyMatrix {
  const counts: DutyMatrix['counts'] = {};
  const bump = (u: string, r: 'lead' | 'support') => ((counts[u] ??= { lead: 0, support: 0 })[r] += 1);
  for (const t of tasks) {
    for (const u of new Set(t.lead)) bump(u, 'lead');
    for (const u of new Set(t.support)) if (!t.lead.includes(u)) bump(u, 'support');
  }
  const units = Object.keys(counts).sort((a, b) => counts[b].lead - counts[a].lead || counts[b].support - counts[a].support || a.localeCompare(b, 'zh'));
  const rows = tasks.map((t) => ({ key: t.key, task: t.task, roles: units.map((u) => (t.lead.includes(u) ? '牵头' : t.support.includes(u) ? '参加' : '') as '牵头' | '参加' | '') }));
  return { units, rows, counts };
}
