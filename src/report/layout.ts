// The report's reading order as blocks (title, headings, paragraphs, tables, charts, the sources
// list), laid out once and drawn by html.ts and docx.ts alike, so both say the same things in the
// same order. The spreadsheet (xlsx.ts) reads the model's numbers instead.
import { num } from '../monitor/progress';
import { NONE, type ReportModel, type TaskRow } from './model';
import type { ChartSpec } from './series';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  /** Cells may hold line breaks (\n). */
  | { kind: 'table'; caption: string; headers: string[]; rows: string[][]; /** relative column widths */ widths: number[] }
  | { kind: 'chart'; spec: ChartSpec; caption: string }
  | { kind: 'sources'; items: string[] };

const NUMERALS = '一二三四五六七八九十';

export const TARGET_HEADERS = ['序号', '指标（范围）', '基期', '目标', '最新值', '序时进度应达', '状态', '说明', '来源'];
const TARGET_WIDTHS = [4, 13, 12, 11, 11, 11, 8, 24, 6];

/** "2010年3536.99亿元" → the year on its own line, so narrow columns break between year and value. */
const yearLine = (s: string) => s.replace(/^(\d{4}(?:—\d{4})?年)(?=.)/, '$1\n');

export function layout(m: ReportModel, opts: { charts?: boolean } = {}): Block[] {
  const out: Block[] = [];
  let n = 0;
  const heading = (text: string) => out.push({ kind: 'heading', text: `${NUMERALS[n++]}、${text}` });
  const cite = (ids: number[]) => ids.map((i) => `[${i}]`).join('');

  out.push({ kind: 'title', text: m.title }, { kind: 'subtitle', text: m.subtitle });
  const meta = [m.plan.issuer.join('、'), m.plan.docNumber, m.plan.period ? `规划期${m.plan.period[0]}—${m.plan.period[1]}年` : null, `评估截至${m.asOf}年`, `生成于${m.date}`];
  out.push({ kind: 'meta', text: meta.filter(Boolean).join('　') });

  heading('总体判断');
  out.push({ kind: 'para', text: m.summary });
  out.push({ kind: 'table', caption: '表1　目标状态统计', headers: ['状态', '项数'], rows: m.counts.map((c) => [c.label, String(c.count)]), widths: [3, 1] });

  heading('目标指标进展');
  out.push({ kind: 'para', text: `共${m.targets.length}项目标，按滞后程度排列（滞后在前，同一状态中约束性指标在前）。“序时进度应达”为按规划期时间进度应达到的数值；“来源”为规划原文或观测数据的编号，见“数据来源”。` });
  out.push({
    kind: 'table',
    caption: '表2　目标指标进展',
    headers: TARGET_HEADERS,
    rows: m.targets.map((t, i) => [
      String(i + 1),
      `${t.indicator}\n（${[t.scope, t.binding].filter(Boolean).join('，')}）`,
      yearLine(t.baselineText),
      yearLine(t.targetText),
      yearLine(t.latestText),
      t.expectedText,
      t.statusLabel,
      t.explanation,
      cite(t.sources),
    ]),
    widths: TARGET_WIDTHS,
  });

  if (opts.charts !== false) {
    heading('目标路径与实际值');
    if (!m.charts.length) out.push({ kind: 'para', text: NONE });
    m.charts.forEach((spec, i) => out.push({ kind: 'chart', spec, caption: `图${i + 1}　${spec.title}：${spec.pathLabel}（虚线）与${spec.actualLabel}（实线）` }));
  }

  heading('重点任务推进情况');
  if (!m.tasks.length) out.push({ kind: 'para', text: NONE });
  else out.push({ kind: 'table', caption: `表3　重点任务推进情况${m.tasksAsOf ? `（截至${m.tasksAsOf}）` : ''}`, headers: ['序号', '任务', '牵头单位', '配合单位', '完成时限', '最新进展', '提示'], rows: m.tasks.map((t, i) => taskCells(t, i)), widths: [4, 24, 10, 10, 7, 24, 7] });

  heading('重大项目进展');
  if (!m.projects.length) out.push({ kind: 'para', text: NONE });
  else
    out.push({
      kind: 'table',
      caption: '表4　重大项目进展',
      headers: ['序号', '项目名称', '类别', '总投资（亿元）', '进展'],
      rows: m.projects.map((p, i) => [String(i + 1), p.name, p.category ?? '—', p.investment == null ? '—' : num(p.investment), p.progress ?? '—']),
      widths: [4, 24, 10, 10, 30],
    });

  heading('数据缺口');
  if (!m.gaps.length) out.push({ kind: 'para', text: NONE });
  else {
    out.push({ kind: 'para', text: `${m.gaps.length}项目标缺少可比的观测数据，需补充统计或改进指标口径后才能判断进展。` });
    out.push({ kind: 'table', caption: '表5　数据缺口', headers: ['序号', '指标', '范围', '状态', '原因'], rows: m.gaps.map((g, i) => [String(i + 1), g.indicator, g.scope, g.statusLabel, g.reason]), widths: [4, 14, 10, 7, 40] });
  }

  heading('数据来源');
  out.push({ kind: 'sources', items: m.sources.map((s) => `[${s.id}] ${s.text}`) });
  return out;
}

export function taskCells(t: TaskRow, i: number): string[] {
  const latest = [t.status, t.percent == null ? null : `完成${num(t.percent)}%`, t.text].filter(Boolean).join('；') || '—';
  const flags = [t.overdue ? '逾期' : null, t.noUpdate ? '未报送进展' : null].filter(Boolean).join('、') || '—';
  return [String(i + 1), t.task, t.lead.join('、') || '—', t.support.join('、') || '—', t.deadline ?? '—', latest, flags];
}
