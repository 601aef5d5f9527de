// 目标指标: a plan's targets as one sortable, filterable table (filters and sort in the URL), each
// row linking to its place in the reader, with the same view downloadable as Excel or CSV.
import { useMemo } from 'react';
import { qs, useApi } from '../api';
import { ErrorBox, Loading } from '../components/Status';
import { useLang, useT } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { useKindLabels } from '../kinds';
import {
  filterTargets,
  formatBaseline,
  formatTargetValue,
  plainNumber,
  STATUS_NAMES,
  type TargetFilters,
  type TargetRow,
} from './TargetsFormat';
import './Targets.css';

const strings = {
  zh: {
    title: '目标指标',
    back: '返回原文',
    review: '审核这些目标',
    filter: '筛选指标或范围…',
    allYears: '全部年份',
    allMeasures: '全部类型',
    allBindings: '约束性/预期性',
    allStatuses: '全部状态',
    xlsx: '导出 Excel',
    csv: '导出 CSV',
    shown: '显示 {n} / 共 {all} 项',
    none: '没有符合条件的目标。',
    clear: '清除筛选',
    value: '目标值',
    bindingNone: '未标明',
    confidence: '置信度',
    status: '审核',
    section: '章节',
    quote: '原文',
    extracted: '原提取值',
    sortHint: '点击表头排序',
    yearSuffix: '年',
  },
  en: {
    title: 'Targets',
    back: 'Back to the text',
    review: 'Review these targets',
    filter: 'Filter indicator or scope…',
    allYears: 'All years',
    allMeasures: 'All measures',
    allBindings: 'Binding / expected',
    allStatuses: 'All statuses',
    xlsx: 'Export Excel',
    csv: 'Export CSV',
    shown: '{n} of {all} targets',
    none: 'No target matches the filters.',
    clear: 'Clear filters',
    value: 'Target',
    bindingNone: 'Not stated',
    confidence: 'Confidence',
    status: 'Review',
    section: 'Section',
    quote: 'Text',
    extracted: 'Extracted as',
    sortHint: 'Click a column header to sort',
    yearSuffix: '',
  },
};

type Col = 'indicator' | 'scope' | 'year' | 'value' | 'measure' | 'baseline' | 'binding' | 'confidence' | 'status';
const SORTABLE: Col[] = ['indicator', 'scope', 'year', 'value', 'measure', 'baseline', 'binding', 'confidence', 'status'];

export function TargetsPage({ slug }: { slug: string }) {
  const t = useT(strings);
  const labels = useKindLabels();
  const optionsOf = (field: string) => labels.list.find((k) => k.name === 'target')?.fields.find((f) => f.name === field)?.options?.map((o) => o.value) ?? [];
  const { lang } = useLang();
  const { query } = useLocation();
  const res = useApi<{ plan: { slug: string; title: string }; targets: TargetRow[] }>(`/api/plans/${encodeURIComponent(slug)}/targets`);
  const dir = query.get('dir') === 'desc' ? 'desc' : 'asc';
  const filters: TargetFilters = {
    q: query.get('q') ?? undefined,
    year: query.get('year') ? Number(query.get('year')) : undefined,
    measure: query.get('measure') ?? undefined,
    binding: query.get('binding') ?? undefined,
    status: query.get('status') ?? undefined,
    sort: SORTABLE.includes(query.get('sort') as Col) ? (query.get('sort') as Col) : undefined,
    dir,
  };
  const all = res.data?.targets;
  const rows = useMemo(() => (all ? filterTargets(all, filters) : []), [all, query.toString()]); // eslint-disable-line react-hooks/exhaustive-deps
  const years = useMemo(() => [...new Set((all ?? []).map((r) => r.year).filter((y): y is number => y != null))].sort(), [all]);

  if (res.error) return <section className="page targets-page"><ErrorBox error={res.error} /></section>;
  if (!res.data) return <section className="page targets-page"><Loading /></section>;

  const exportQuery = qs({ q: filters.q, year: filters.year, measure: filters.measure, binding: filters.binding, status: filters.status, sort: filters.sort, dir: filters.sort ? dir : undefined });
  const base = `/api/plans/${encodeURIComponent(res.data.plan.slug)}`;
  const name = (m: Record<string, { zh: string; en: string }>, k: string | null) => (k ? (m[k]?.[lang] ?? k) : '');
  const sortBy = (c: Col) => setQuery({ sort: c, dir: filters.sort === c && dir === 'asc' ? 'desc' : 'asc' });
  const filtered = !!(filters.q || filters.year || filters.measure || filters.binding || filters.status);
  const head = (c: Col, label: string, num = false) => (
    <th key={c} className={num ? 'num' : undefined} aria-sort={filters.sort === c ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="targets-sort" onClick={() => sortBy(c)} data-testid={`sort-${c}`}>
        {label}
        <span className="targets-arrow">{filters.sort === c ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <section className="page targets-page">
      <p className="targets-crumbs">
        <Link href={`/plans/${encodeURIComponent(res.data.plan.slug)}`}>← {t.back}</Link>
        <Link href={`/review${qs({ plan: res.data.plan.slug, kind: 'target' })}`}>{t.review}</Link>
        <Link href={`/plans/${encodeURIComponent(res.data.plan.slug)}/monitor`} data-testid="targets-monitor">{lang === 'zh' ? '监测' : 'Monitoring'}</Link>
      </p>
      <h1>
        {res.data.plan.title} · {t.title}
      </h1>
      <div className="toolbar targets-filters">
        <input
          type="search"
          value={filters.q ?? ''}
          placeholder={t.filter}
          aria-label={t.filter}
          onChange={(e) => setQuery({ q: e.target.value })}
          data-testid="targets-q"
        />
        <select value={filters.year ?? ''} onChange={(e) => setQuery({ year: e.target.value })} aria-label={labels.field('target', 'year')} data-testid="targets-year">
          <option value="">{t.allYears}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
              {t.yearSuffix}
            </option>
          ))}
        </select>
        <select value={filters.measure ?? ''} onChange={(e) => setQuery({ measure: e.target.value })} aria-label={labels.field('target', 'measure')} data-testid="targets-measure">
          <option value="">{t.allMeasures}</option>
          {optionsOf('measure').map((m) => (
            <option key={m} value={m}>
              {labels.value('target', 'measure', m)}
            </option>
          ))}
        </select>
        <select value={filters.binding ?? ''} onChange={(e) => setQuery({ binding: e.target.value })} aria-label={labels.field('target', 'binding')} data-testid="targets-binding">
          <option value="">{t.allBindings}</option>
          {[...optionsOf('binding'), 'none'].map((b) => (
            <option key={b} value={b}>
              {b === 'none' ? t.bindingNone : labels.value('target', 'binding', b)}
            </option>
          ))}
        </select>
        <select value={filters.status ?? ''} onChange={(e) => setQuery({ status: e.target.value })} aria-label={t.status} data-testid="targets-status">
          <option value="">{t.allStatuses}</option>
          {['pending', 'reviewed', 'accepted', 'corrected', 'rejected', 'added'].map((s) => (
            <option key={s} value={s}>
              {name(STATUS_NAMES, s)}
            </option>
          ))}
        </select>
        {filtered && (
          <button type="button" onClick={() => setQuery({ q: null, year: null, measure: null, binding: null, status: null })}>
            {t.clear}
          </button>
        )}
        <span className="targets-exports">
          <a className="targets-export" href={`${base}/targets.xlsx${exportQuery}`} download data-testid="export-xlsx">
            {t.xlsx}
          </a>
          <a className="targets-export" href={`${base}/targets.csv${exportQuery}`} download data-testid="export-csv">
            {t.csv}
          </a>
        </span>
      </div>
      <p className="muted targets-count" data-testid="targets-count">
        {t.shown.replace('{n}', String(rows.length)).replace('{all}', String(all?.length ?? 0))} · {t.sortHint}
      </p>
      <div className="table-wrap">
        <table className="data targets-table" data-testid="targets-table">
          <thead>
            <tr>
              {head('indicator', labels.field('target', 'indicator'))}
              {head('scope', labels.field('target', 'scope'))}
              {head('year', labels.field('target', 'year'), true)}
              {head('value', t.value, true)}
              {head('measure', labels.field('target', 'measure'))}
              {head('baseline', labels.field('target', 'baselineValue'), true)}
              {head('binding', labels.field('target', 'binding'))}
              {head('confidence', t.confidence, true)}
              {head('status', t.status)}
              <th>{t.quote}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="target-row" data-key={r.key} className={`targets-${r.status}`}>
                <td className="targets-indicator">
                  <Link href={`/plans/${encodeURIComponent(res.data!.plan.slug)}${qs({ f: r.key })}`}>{r.indicator || '—'}</Link>
                  {r.section && <div className="muted targets-section">{r.section}</div>}
                </td>
                <td className="targets-scope">{r.scope ?? ''}</td>
                <td className="num" data-testid="target-year">
                  {r.year != null ? `${r.year}${t.yearSuffix}` : ''}
                </td>
                <td className="num targets-value" data-testid="target-value">
                  {formatTargetValue(r)}
                  {r.extracted && (
                    <div className="muted targets-extracted" title={t.extracted}>
                      <s>{formatTargetValue(r.extracted)}</s>
                    </div>
                  )}
                </td>
                <td className="targets-nowrap">
                  {labels.value('target', 'measure', r.measure)}
                  {r.direction === 'down' && r.measure !== 'ratio' ? (lang === 'zh' ? '（下降）' : ' (down)') : ''}
                </td>
                <td className="num">{formatBaseline(r)}</td>
                <td className="targets-nowrap">{r.binding ? labels.value('target', 'binding', r.binding) : ''}</td>
                <td className="num">{plainNumber(r.confidence)}</td>
                <td>
                  <span className={`badge targets-badge-${r.status}`}>{name(STATUS_NAMES, r.status)}</span>
                </td>
                <td className="targets-quote">{r.quote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="status">{t.none}</p>}
    </section>
  );
}
