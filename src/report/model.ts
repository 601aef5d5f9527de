// The evaluation report of a plan for a year (规划实施评估报告) as plain data: the summary judgement
// with the status counts, one row per target, the charts' series, the data gaps, task and project
// progress, and the sources every number cites (an observation's source or the plan's passage).
// Pure: monitored targets in, a model out; the renderers (html, docx, xlsx, pdf) only lay it out.
import { STATUS_LABELS, STATUSES, num, type Status } from '../monitor/progress';
import { summarize, worstFirst, type TargetStatus, type UsedFigure } from '../monitor/plan-monitor';
import type { ObservationOrigin } from '../monitor/observations';
import { chartSpec, type ChartSpec } from './series';

export interface ReportPlan {
  title: string;
  slug: string;
  period: [number, number] | null;
  /** 发文机关 */
  issuer: string[];
  /** 文号, e.g. 粤府〔2011〕152号 */
  docNumber: string | null;
}

/** A task (重点任务) with its latest progress report. */
export interface TaskRow {
  task: string;
  /** 牵头单位 */
  lead: string[];
  /** 配合单位 */
  support: string[];
  deadline: string | null;
  status: string | null;
  percent: number | null;
  /** The latest progress report's text. */
  text: string | null;
  overdue?: boolean;
  /** No progress reported in the period asked for (未报送). */
  noUpdate?: boolean;
}

/** A project (重大项目) with its progress. */
export interface ProjectRow {
  name: string;
  category: string | null;
  /** 总投资, 亿元 */
  investment: number | null;
  progress: string | null;
}

/** Where a target was read in the plan: the passage quoted, and its section. */
export interface Passage {
  quote: string;
  section?: string | null;
}

export interface ReportInput {
  plan: ReportPlan;
  asOf: number;
  generatedAt: Date;
  /** The day the tasks' flags (逾期, 未报送进展) were judged on, YYYY-MM-DD. */
  tasksAsOf?: string;
  targets: readonly TargetStatus[];
  /** By target key. */
  passages: Readonly<Record<string, Passage>>;
  tasks?: readonly TaskRow[];
  projects?: readonly ProjectRow[];
}

export type SourceKind = 'plan' | 'observation';

export interface Source {
  /** 1-based, as cited in the tables ([1]). */
  id: number;
  kind: SourceKind;
  text: string;
}

export interface TargetLine {
  key: string;
  indicator: string;
  scope: string;
  /** 约束性 / 预期性 / '' */
  binding: string;
  status: Status;
  statusLabel: string;
  explanation: string;
  /** Texts as the tables print them. */
  baselineText: string;
  targetText: string;
  latestText: string;
  expectedText: string;
  /** Numbers as the spreadsheet stores them (null where none), in `unit` except the baseline. */
  unit: string;
  baselineYear: number | null;
  baselineValue: number | null;
  /** A growth target's baseline is the level the rate is of (地区生产总值, 亿元). */
  baselineUnit: string;
  targetYear: number | null;
  targetValue: number | null;
  latestYear: number | null;
  latestValue: number | null;
  expectedValue: number | null;
  /** Source ids: the plan passage first, then the observations. */
  sources: number[];
}

export interface DataGap {
  indicator: string;
  scope: string;
  statusLabel: string;
  reason: string;
}

export interface ReportModel {
  title: string;
  subtitle: string;
  plan: ReportPlan;
  asOf: number;
  /** 2026年12月7日 */
  date: string;
  summary: string;
  counts: Array<{ status: Status; label: string; count: number }>;
  targets: TargetLine[];
  charts: ChartSpec[];
  gaps: DataGap[];
  tasks: TaskRow[];
  /** The day the tasks were judged on, as 2015年12月31日 (null when not given). */
  tasksAsOf: string | null;
  projects: ProjectRow[];
  sources: Source[];
}

/** What an empty list prints as. */
export const NONE = '（暂无）';

const BINDING: Record<string, string> = { constraint: '约束性', expected: '预期性' };
const ORIGIN: Record<ObservationOrigin, string> = { manual: '人工录入', import: '统计数据导入', document: '文件摘录', computed: '汇总计算' };

export function buildReportModel(input: ReportInput): ReportModel {
  const { plan, asOf } = input;
  const sources = new SourceList();
  const rows = worstFirst(input.targets);
  const targets = rows.map((r) => targetLine(r, input.passages[r.key], sources));
  const period = plan.period ? `${plan.period[0]}—${plan.period[1]}年` : '';
  return {
    title: `《${plan.title}》实施情况评估报告`,
    subtitle: `（截至${asOf}年${period && plan.title.includes(period) ? '' : period ? `，规划期${period}` : ''}）`,
    plan,
    asOf,
    date: chineseDate(input.generatedAt),
    summary: summarize(input.targets, asOf),
    counts: STATUSES.map((s) => ({ status: s, label: STATUS_LABELS[s].zh, count: input.targets.filter((t) => t.assessment.status === s).length })),
    targets,
    charts: rows.map(chartSpec).filter((c): c is ChartSpec => c != null),
    gaps: rows
      .filter((r) => r.assessment.status === 'no-data' || r.assessment.status === 'not-comparable')
      .map((r) => ({ indicator: r.target.data.indicator, scope: r.place.name, statusLabel: STATUS_LABELS[r.assessment.status].zh, reason: r.assessment.explanation })),
    tasks: [...(input.tasks ?? [])],
    tasksAsOf: input.tasksAsOf ? chineseDate(new Date(`${input.tasksAsOf}T00:00:00`)) : null,
    projects: [...(input.projects ?? [])],
    sources: sources.list,
  };
}

function targetLine(r: TargetStatus, passage: Passage | undefined, sources: SourceList): TargetLine {
  const d = r.target.data;
  const a = r.assessment;
  const growth = d.measure === 'growth';
  const unit = d.unit === 'ratio' ? '' : (d.unit ?? '');
  const levelUnit = a.baseline && growth ? (levelFigures(r).find((f) => f.year === a.baseline!.year)?.unit ?? '') : unit;
  const cite = [sources.add('plan', planSource(d.indicator, passage))];
  for (const f of dedupe(r.figures)) cite.push(sources.add('observation', figureSource(f)));
  const numeric = typeof d.value === 'number' ? d.value : null;
  return {
    key: r.key,
    indicator: d.indicator,
    scope: r.place.name,
    binding: d.binding ? BINDING[d.binding] : '',
    status: a.status,
    statusLabel: STATUS_LABELS[a.status].zh,
    explanation: [a.explanation, ...a.notes].filter(Boolean).join('；'),
    ...texts(r, unit, levelUnit),
    unit: growth ? '%' : unit,
    baselineYear: a.baseline?.year ?? null,
    baselineValue: a.baseline?.value ?? null,
    baselineUnit: a.baseline ? levelUnit : '',
    targetYear: d.year,
    targetValue: numeric,
    latestYear: a.latest?.year ?? null,
    latestValue: a.latest?.value ?? null,
    expectedValue: a.expected == null ? null : growth ? numeric : a.expected,
    sources: [...new Set(cite)],
  };
}

/** The cells as printed: a level at a year, a rate over the years since the base year, an increment since it. */
function texts(r: TargetStatus, unit: string, levelUnit: string): Pick<TargetLine, 'baselineText' | 'targetText' | 'latestText' | 'expectedText'> {
  const d = r.target.data;
  const a = r.assessment;
  const since = (year: number) => (a.baseline ? `${a.baseline.year + 1}—${year}年` : `${year}年`);
  const targetText = targetTextOf(r);
  if (d.measure === 'growth') {
    return {
      baselineText: a.baseline ? `${a.baseline.year}年${num(a.baseline.value)}${levelUnit}` : '—',
      targetText,
      latestText: a.latest ? `${since(a.latest.year)}年均${num(a.latest.value)}%` : '—',
      expectedText: a.expected == null ? '—' : `年均${num(Number(d.value))}%（水平应达${num(a.expected)}${levelUnit}）`,
    };
  }
  if (d.measure === 'increment') {
    return {
      baselineText: a.baseline ? `${a.baseline.year}年起算` : '—',
      targetText,
      latestText: a.latest ? `${since(a.latest.year)}新增${num(a.latest.value)}${unit}` : '—',
      expectedText: a.expected == null ? '—' : `新增${num(a.expected)}${unit}`,
    };
  }
  return {
    baselineText: a.baseline ? `${a.baseline.year}年${num(a.baseline.value)}${unit}` : '—',
    targetText,
    latestText: a.latest ? `${a.latest.year}年${num(a.latest.value)}${unit}` : '—',
    expectedText: a.expected == null ? '—' : `${num(a.expected)}${unit}`,
  };
}

/** 6340亿元, 年均增长12.5%以上, 50%以上, 控制在8.5‰以内, 13∶47∶40, 1—2个. */
export function targetTextOf(r: TargetStatus): string {
  const d = r.target.data;
  const year = d.year ? `${d.year}年` : '';
  if (typeof d.value === 'string') return `${year}${d.value.replace(/:/g, '∶')}`;
  if (d.value == null) return '—';
  const u = d.unit === 'ratio' ? '' : (d.unit ?? '');
  const value = d.range ? `${num(d.range[0])}—${num(d.range[1])}${u}` : `${num(d.value)}${u}`;
  const above = d.comparator === 'ge' || d.comparator === 'gt';
  const below = d.comparator === 'le' || d.comparator === 'lt';
  const by = r.assessment.baseline?.year ?? d.baselineYear;
  if (d.measure === 'growth') return `${by != null && d.year ? `${by + 1}—${d.year}年` : year}年均${d.direction === 'down' ? '下降' : '增长'}${value}${above ? '以上' : below ? '以内' : ''}`;
  if (d.measure === 'increment') return `${year}新增${value}`;
  return `${year}${below ? '控制在' : ''}${value}${above ? '以上' : below ? '以内' : d.comparator === 'approx' ? '左右' : ''}`;
}

/** A growth target's figures that are levels (地区生产总值 for its growth rate). */
export function levelFigures(r: TargetStatus): UsedFigure[] {
  return r.figures.filter((f) => f.indicator !== r.target.data.canonical);
}

function planSource(indicator: string, p: Passage | undefined): string {
  if (!p?.quote) return `规划原文：${indicator}（原文未提供）`;
  return `规划原文${p.section ? `（${p.section}）` : ''}：“${p.quote.replace(/\s+/g, ' ').trim()}”`;
}

function figureSource(f: UsedFigure): string {
  const where = f.passage ? `${f.passage.version != null ? `第${f.passage.version}版，` : ''}第${f.passage.start}—${f.passage.end}字` : null;
  const how = [ORIGIN[f.origin], where, f.method, f.caliber ? `口径：${f.caliber}` : null].filter(Boolean).join('，');
  return `${f.source || '来源未记录'}（${how}）`;
}

/** One figure per distinct source text (a series of years from one yearbook cites it once). */
function dedupe(figures: readonly UsedFigure[]): UsedFigure[] {
  const seen = new Map<string, UsedFigure>();
  for (const f of figures) seen.set(figureSource(f), f);
  return [...seen.values()];
}

class SourceList {
  readonly list: Source[] = [];
  private byText = new Map<string, number>();
  add(kind: SourceKind, text: string): number {
    const had = this.byText.get(text);
    if (had) return had;
    const id = this.list.length + 1;
    this.list.push({ id, kind, text });
    this.byText.set(text, id);
    return id;
  }
}

function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
