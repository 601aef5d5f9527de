// 监测 shared pieces: the API's monitor shapes, status colours (红黄绿), figure origins, the
// severity order used to sort targets, and a small inline SVG sparkline (baseline → target path
// dashed, actual figures solid).
import type { FigureDto, FigurePassageDto, LedgerTaskDto, MonitorStatus, ObservationOriginDto, TargetStatusDto, TaskUpdateDto, YearValue } from '../../../src/core/api-types';
import type { Lang } from '../i18n';
import { Link } from '../router';
import { formatTargetValue, plainNumber } from './TargetsFormat';

// The monitor API's shapes live in src/core/api-types (shared with the server); these names are the web app's.
export type { MonitorStatus, YearValue };
export type Origin = ObservationOriginDto;
export type Figure = FigureDto;
export type FigurePassage = FigurePassageDto;
export type TargetStatusRow = TargetStatusDto;
export type TaskUpdate = TaskUpdateDto;
export type LedgerTask = LedgerTaskDto;

/** Traffic-light class per status: green, light green, amber, red, grey. */
export const STATUS_TONE: Record<MonitorStatus, 'green' | 'lightgreen' | 'amber' | 'red' | 'grey'> = {
  achieved: 'green',
  ahead: 'green',
  'on-track': 'lightgreen',
  lagging: 'amber',
  'severely-lagging': 'red',
  'no-data': 'grey',
  'not-comparable': 'grey',
};

/** Most urgent first: the dashboard lists lagging targets before the others. */
export const SEVERITY: Record<MonitorStatus, number> = {
  'severely-lagging': 0,
  lagging: 1,
  'on-track': 2,
  ahead: 3,
  achieved: 4,
  'no-data': 5,
  'not-comparable': 6,
};

export function sortBySeverity<T extends { status: MonitorStatus; binding: string | null }>(rows: T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => SEVERITY[a.r.status] - SEVERITY[b.r.status] || Number(b.r.binding === 'constraint') - Number(a.r.binding === 'constraint') || a.i - b.i)
    .map((x) => x.r);
}

export const ORIGIN_NAMES: Record<Origin, { zh: string; en: string }> = {
  manual: { zh: '人工录入', en: 'Typed in' },
  import: { zh: '导入', en: 'Imported' },
  document: { zh: '文件摘录', en: 'From a document' },
  computed: { zh: '由下级单元计算', en: 'Computed from units' },
};

export const PROGRESS_NAMES: Record<string, { zh: string; en: string }> = {
  'not-started': { zh: '未开始', en: 'Not started' },
  'in-progress': { zh: '推进中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  blocked: { zh: '受阻', en: 'Blocked' },
};

export const BINDING_LABELS: Record<'constraint' | 'expected', { zh: string; en: string }> = {
  constraint: { zh: '约束性', en: 'Binding' },
  expected: { zh: '预期性', en: 'Expected' },
};

/** 6075.662 + 亿元 → 6075.66亿元 (units as planners write them, no thousands separators). */
export function withUnit(v: number | null | undefined, unit: string | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return `${plainNumber(v)}${unit && unit !== 'ratio' ? unit : ''}`;
}

export const pct = (r: number | null | undefined) => (r == null ? '—' : `${plainNumber(Math.round(r * 1000) / 10)}%`);

/** The distinct sources of a row's figures (origin, source, caliber) with the years each covers. */
export type FigureSource = { origin: Origin; source: string; caliber: string | null; method: string | null; passage: FigurePassage | null; years: number[] };

export function figureSources(figures: Figure[]): FigureSource[] {
  const out = new Map<string, FigureSource>();
  for (const f of figures) {
    const k = [f.origin, f.source, f.caliber ?? '', f.method ?? '', f.passage ? `${f.passage.plan}#${f.passage.key}` : ''].join('\u0001');
    const e = out.get(k) ?? { origin: f.origin, source: f.source, caliber: f.caliber, method: f.method, passage: f.passage ?? null, years: [] };
    e.years.push(f.year);
    out.set(k, e);
  }
  return [...out.values()];
}

export function yearSpan(years: number[], lang: Lang): string {
  const s = [...years].sort((a, b) => a - b);
  if (!s.length) return '';
  const y = lang === 'zh' ? '年' : '';
  return s.length === 1 || s[0] === s[s.length - 1] ? `${s[0]}${y}` : `${s[0]}—${s[s.length - 1]}${y}`;
}

/** A small SVG: the planned path from baseline to target (dashed) and the actual figures (solid). */
/** The unit of the baseline figure (a growth target's baseline is a level: 3537亿元 for a % target). */
export function baselineUnit(row: TargetStatusRow): string | null {
  const b = row.baseline;
  if (!b) return null;
  return row.figures.find((f) => f.year === b.year && f.value === b.value)?.unit ?? row.unit;
}

export function Sparkline({ row, width = 120, height = 36 }: { row: TargetStatusRow; width?: number; height?: number }) {
  const growth = row.measure === 'growth';
  const rawTarget = typeof row.target.value === 'number' ? row.target.value : null;
  const ty = row.target.year;
  const b = row.baseline;
  // A growth target is drawn as the level path it implies: baseline × (1 + rate)^years.
  const unit = growth ? baselineUnit(row) : row.unit;
  const tv = rawTarget == null ? null : growth ? (b && ty != null ? b.value * (1 + rawTarget / 100) ** (ty - b.year) : null) : rawTarget;
  const actual = row.figures
    .filter((f) => !unit || f.unit === unit)
    .filter((f) => (b ? f.year >= b.year : true))
    .sort((x, y) => x.year - y.year)
    .map((f) => [f.year, f.value] as [number, number]);
  const plan: Array<[number, number]> = [];
  if (b && tv != null && ty != null && ty > b.year && (row.measure === 'level' || growth)) {
    if (growth) for (let y = b.year; y <= ty; y++) plan.push([y, b.value * (1 + (rawTarget as number) / 100) ** (y - b.year)]);
    else plan.push([b.year, b.value], [ty, tv]);
  }
  const pts = [...actual, ...plan];
  if (tv != null && ty != null) pts.push([ty, tv]);
  if (pts.length < 2) return <span className="spark-none" aria-hidden="true" />;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const px = (x: number) => 3 + ((x - x0) / Math.max(1, x1 - x0)) * (width - 6);
  const py = (y: number) => height - 3 - ((y - y0) / (y1 - y0 || 1)) * (height - 6);
  const path = (p: Array<[number, number]>) => p.map(([x, y], i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
  const last = actual[actual.length - 1];
  const label = `${row.indicator}: ${actual.map(([x, y]) => `${x} ${plainNumber(y)}`).join(', ')}${tv != null ? `; → ${ty} ${plainNumber(tv)}` : ''}`;
  return (
    <svg className={`spark spark-${STATUS_TONE[row.status]}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="sparkline">
      {plan.length >= 2 && <path d={path(plan)} className="spark-plan" />}
      {actual.length > 1 && <path d={path(actual)} className="spark-actual" />}
      {last && <circle cx={px(last[0])} cy={py(last[1])} r={2.5} className="spark-dot" />}
      {tv != null && ty != null && <circle cx={px(ty)} cy={py(tv)} r={2.5} className="spark-target" />}
    </svg>
  );
}

/** A document figure's source as a link to its passage in the reader (the document's title and its words); other figures' source as text. */
export function SourceText({ source, passage }: { source: string; passage?: FigurePassage | null }) {
  if (!passage) return <>{source}</>;
  return (
    <Link href={`/plans/${encodeURIComponent(passage.plan)}?f=${encodeURIComponent(passage.key)}`} data-testid="figure-passage" data-plan={passage.plan}>
      {source}
    </Link>
  );
}

/** A status's sentence in the UI's language (Chinese, or the English one when the UI is English and the API gave it). */
export function explanationIn(row: Pick<TargetStatusRow, 'explanation' | 'explanationEn'>, lang: Lang): string {
  return lang === 'en' && row.explanationEn ? row.explanationEn : row.explanation;
}

// ---------------------------------------------------------------- cells every target-status table shares

/** The status of a target as a 红黄绿 badge. */
export function StatusBadge({ row, lang, testId }: { row: Pick<TargetStatusRow, 'status' | 'statusLabel'>; lang: Lang; testId?: string }) {
  return (
    <span className={`badge monitor-badge tone-${STATUS_TONE[row.status]}`} data-testid={testId}>
      {row.statusLabel[lang]}
    </span>
  );
}

/** The target's value as written (≥, ≤, 左右) with its year below. */
export function TargetCell({ row, lang }: { row: TargetStatusRow; lang: Lang }) {
  return (
    <td className="num monitor-strong">
      {formatTargetValue({ value: row.target.value, unit: row.target.unit, comparator: row.comparator })}
      {row.target.year != null && <div className="muted">{yearLabel(row.target.year, lang)}</div>}
    </td>
  );
}

/** A value with its unit and its year below ('—' when there is none). */
export function YearValueCell({ value, unit, lang, testId }: { value: YearValue | null; unit: string | null; lang: Lang; testId?: string }) {
  return (
    <td className="num" data-testid={testId}>
      {value ? withUnit(value.value, unit) : '—'}
      {value && <div className="muted">{yearLabel(value.year, lang)}</div>}
    </td>
  );
}

const yearLabel = (y: number, lang: Lang) => `${y}${lang === 'zh' ? '年' : ''}`;
