// 监测: a plan's targets judged on actual values for a chosen year — the summary sentence, status
// counts as 红黄绿 tiles, the targets with lagging and 约束性 ones first (each with a sparkline,
// its explanation and the sources of its figures), and the evaluation report downloads.
import { useMemo } from 'react';
import type { PlanMonitorDto } from '../../../src/core/api-types';
import { qs, useApi } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { useLang, useT } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import {
  baselineUnit,
  BINDING_LABELS,
  explanationIn,
  figureSources,
  ORIGIN_NAMES,
  pct,
  sortBySeverity,
  SourceText,
  StatusBadge,
  TargetCell,
  YearValueCell,
  Sparkline,
  STATUS_TONE,
  withUnit,
  yearSpan,
  type TargetStatusRow,
} from './MonitorFormat';
import './Monitor.css';

const strings = {
  zh: {
    title: '监测',
    back: '返回原文',
    targets: '目标指标',
    tasks: '任务台账',
    observations: '录入实际值',
    asOf: '监测年份',
    yearSuffix: '年',
    reports: '评估报告',
    word: 'Word',
    pdf: 'PDF',
    html: 'HTML',
    excel: 'Excel',
    all: '全部',
    status: '状态',
    indicator: '指标',
    scope: '范围',
    target: '目标',
    baseline: '基期',
    latest: '最新值',
    expected: '序时应达',
    progress: '序时进度',
    trend: '走势',
    explanation: '说明',
    sources: '数据来源',
    caliber: '口径',
    noFigures: '暂无数据',
    none: '没有该状态的目标。',
    shown: '显示 {n} / 共 {all} 项 · 滞后和约束性目标在前',
    legend: '虚线：基期到目标的序时路径；实线：实际值',
    region: '规划范围',
  },
  en: {
    title: 'Monitoring',
    back: 'Back to the text',
    targets: 'Targets',
    tasks: 'Task ledger',
    observations: 'Enter actual values',
    asOf: 'Year judged',
    yearSuffix: '',
    reports: 'Evaluation report',
    word: 'Word',
    pdf: 'PDF',
    html: 'HTML',
    excel: 'Excel',
    all: 'All',
    status: 'Status',
    indicator: 'Indicator',
    scope: 'Scope',
    target: 'Target',
    baseline: 'Baseline',
    latest: 'Latest',
    expected: 'Expected by now',
    progress: 'Progress',
    trend: 'Trend',
    explanation: 'Explanation',
    sources: 'Sources',
    caliber: 'Caliber',
    noFigures: 'No figures',
    none: 'No target has this status.',
    shown: '{n} of {all} targets · lagging and binding targets first',
    legend: 'Dashed: the planned path from baseline to target; solid: actual values',
    region: 'plan area',
  },
};

type MonitorResponse = PlanMonitorDto;

/** The years a person may judge: the plan's period, a few years around it, up to this year. */
function yearOptions(period: [number, number] | null, asOf: number): number[] {
  const now = new Date().getFullYear();
  const lo = period ? period[0] : now - 10;
  const hi = Math.max(period ? period[1] + 5 : now, asOf);
  const out: number[] = [];
  for (let y = Math.min(hi, now + 1); y >= lo; y--) out.push(y);
  if (!out.includes(asOf)) out.unshift(asOf);
  return out;
}

export function MonitorPage({ slug }: { slug: string }) {
  const t = useT(strings);
  const { lang } = useLang();
  const { query } = useLocation();
  const asOfQ = query.get('asOf');
  const statusQ = query.get('status');
  const res = useApi<MonitorResponse>(`/api/plans/${encodeURIComponent(slug)}/monitor${qs({ asOf: asOfQ })}`);
  const sorted = useMemo(() => (res.data ? sortBySeverity(res.data.rows) : []), [res.data]);

  if (res.error) return <section className="page monitor-page"><ErrorBox error={res.error} /></section>;
  if (!res.data) return <section className="page monitor-page"><Loading /></section>;
  const d = res.data;
  const rows = statusQ ? sorted.filter((r) => r.status === statusQ) : sorted;
  const planHref = `/plans/${encodeURIComponent(d.plan.slug)}`;
  const api = `/api/plans/${encodeURIComponent(d.plan.slug)}`;
  const label = (s: { zh: string; en: string }) => s[lang];
  const summary = lang === 'zh' ? d.summary : englishSummary(d);

  return (
    <section className="page monitor-page">
      <p className="monitor-crumbs">
        <Link href={planHref}>← {t.back}</Link>
        <Link href={`${planHref}/targets`}>{t.targets}</Link>
        <Link href={`${planHref}/tasks`} data-testid="monitor-tasks-link">{t.tasks}</Link>
        <Link href="/observations">{t.observations}</Link>
      </p>
      <h1>
        {d.plan.title} · {t.title}
      </h1>
      <div className="toolbar">
        <label className="monitor-asof">
          {t.asOf}{' '}
          <select value={d.asOf} onChange={(e) => setQuery({ asOf: e.target.value })} data-testid="monitor-asof">
            {yearOptions(d.plan.period, d.asOf).map((y) => (
              <option key={y} value={y}>
                {y}
                {t.yearSuffix}
              </option>
            ))}
          </select>
        </label>
        <span className="monitor-reports" data-testid="monitor-reports">
          <span className="muted">{t.reports}</span>
          {(['docx', 'pdf', 'html', 'xlsx'] as const).map((f) => (
            <a key={f} className="monitor-report" href={`${api}/report.${f}${qs({ asOf: d.asOf })}`} download data-testid={`report-${f}`}>
              {{ docx: t.word, pdf: t.pdf, html: t.html, xlsx: t.excel }[f]}
            </a>
          ))}
        </span>
      </div>
      <p className="monitor-summary" data-testid="monitor-summary">
        {summary}
      </p>
      <ul className="monitor-tiles" aria-label={t.status}>
        {d.statuses.map((s) => (
          <li key={s.status}>
            <button
              type="button"
              className={`monitor-tile tone-${STATUS_TONE[s.status]}${statusQ === s.status ? ' selected' : ''}`}
              aria-pressed={statusQ === s.status}
              onClick={() => setQuery({ status: statusQ === s.status ? null : s.status })}
              data-testid="status-tile"
              data-status={s.status}
              data-count={d.counts[s.status] ?? 0}
            >
              <span className="monitor-tile-n">{d.counts[s.status] ?? 0}</span>
              <span className="monitor-tile-label">{label(s)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted monitor-count">
        {t.shown.replace('{n}', String(rows.length)).replace('{all}', String(d.rows.length))}
        {statusQ && (
          <>
            {' · '}
            <button type="button" className="linkish" onClick={() => setQuery({ status: null })}>
              {t.all}
            </button>
          </>
        )}
        <span className="monitor-legend"> · {t.legend}</span>
      </p>
      <DataTable
        className="monitor-table"
        testId="monitor-table"
        columns={[
          { label: t.status },
          { label: t.indicator },
          { label: t.target, num: true },
          { label: t.baseline, num: true },
          { label: t.latest, num: true },
          { label: t.progress, num: true },
          { label: t.trend },
          { label: t.explanation },
        ]}
      >
        {rows.map((r) => (
          <MonitorRow key={r.key} row={r} slug={d.plan.slug} t={t} />
        ))}
      </DataTable>
      {rows.length === 0 && <p className="status">{t.none}</p>}
    </section>
  );
}

function englishSummary(d: MonitorResponse): string {
  const parts = d.statuses.filter((s) => (d.counts[s.status] ?? 0) > 0).map((s) => `${d.counts[s.status]} ${s.en.toLowerCase()}`);
  return `As of ${d.asOf}, of ${d.rows.length} targets: ${parts.join(', ')}.`;
}

function MonitorRow({ row: r, slug, t }: { row: TargetStatusRow; slug: string; t: (typeof strings)['zh'] }) {
  const { lang } = useLang();
  const placeKey = r.place.region ? `plan:${slug}` : r.place.code;
  const indicatorHref = r.canonical ? `/indicators/${encodeURIComponent(r.canonical)}${qs({ place: placeKey })}` : null;
  const sources = figureSources(r.figures);
  const tone = STATUS_TONE[r.status];
  return (
    <tr data-testid="monitor-row" data-key={r.key} data-status={r.status} data-binding={r.binding ?? ''} data-canonical={r.canonical ?? ''} className={`monitor-row monitor-row-${tone}`}>
      <td>
        <StatusBadge row={r} lang={lang} testId="monitor-status" />
      </td>
      <td className="monitor-indicator">
        {indicatorHref ? <Link href={indicatorHref}>{r.indicator}</Link> : r.indicator}
        {r.binding && (
          <span className={`badge monitor-binding binding-${r.binding}`} data-testid="monitor-binding">
            {BINDING_LABELS[r.binding][lang]}
          </span>
        )}
        <div className="muted monitor-scope">
          {r.place.code ? <Link href={`/places/${r.place.code}`}>{r.place.name}</Link> : r.place.name}
          {r.place.region ? ` (${t.region})` : ''}
        </div>
      </td>
      <TargetCell row={r} lang={lang} />
      <YearValueCell value={r.baseline} unit={baselineUnit(r)} lang={lang} />
      <YearValueCell value={r.latest} unit={r.unit} lang={lang} testId="monitor-latest" />
      <td className="num" title={t.expected + (r.expected != null ? ' ' + withUnit(r.expected, r.unit) : '')}>
        {pct(r.ratio)}
      </td>
      <td>
        <Sparkline row={r} />
      </td>
      <td className="monitor-explain">
        <div data-testid="monitor-explanation">{explanationIn(r, lang)}</div>
        {r.notes.map((n) => (
          <div key={n} className="muted monitor-note">
            {n}
          </div>
        ))}
        <details className="monitor-sources" data-testid="monitor-sources">
          <summary>
            {t.sources}
            {lang === 'zh' ? `（${sources.length}）` : ` (${sources.length})`}
          </summary>
          {sources.length === 0 ? (
            <p className="muted">{t.noFigures}</p>
          ) : (
            <ul>
              {sources.map((s, i) => (
                <li key={i} data-testid="monitor-source" data-origin={s.origin}>
                  <span className={`badge origin-${s.origin}`}>{ORIGIN_NAMES[s.origin][lang]}</span> {yearSpan(s.years, lang)} <SourceText source={s.source} passage={s.passage} />
                  {s.method && <span className="muted">（{s.method}）</span>}
                  {s.caliber && (
                    <div className="muted">
                      {t.caliber}
                      {lang === 'zh' ? '：' : ': '}
                      {s.caliber}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </details>
      </td>
    </tr>
  );
}
