// 指标 (/indicators, /indicators/:id?place=): the lexicon's indicators, and one indicator across
// plans — every plan's targets for it with their status, and the actual series of a chosen place
// charted with each target as a dashed path.
import { useMemo, useState } from 'react';
import type { IndicatorViewDto } from '../../../src/core/api-types';
import { qs, useApi } from '../api';
import { DataTable } from '../components/DataTable';
import { PlanPager } from '../components/PlanPager';
import { ErrorBox, Loading } from '../components/Status';
import { useLang, useT } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { plainNumber } from './TargetsFormat';
import { IndicatorChart, type ChartTarget } from './IndicatorChart';
import { explanationIn, ORIGIN_NAMES, SourceText, StatusBadge, TargetCell, YearValueCell } from './MonitorFormat';
import type { IndicatorInfo } from './ObservationsForms';
import './Monitor.css';
import './Indicator.css';

const strings = {
  zh: {
    index: '指标',
    intro: '指标库（data/lexicons/indicators.csv）中的指标：点击查看各规划的目标和实际值。',
    filter: '筛选指标…',
    name: '名称',
    id: '编号',
    unit: '常用单位',
    aliases: '别名',
    place: '地区',
    placeHint: '行政区划代码或名称，或 plan:规划编号',
    show: '查看',
    allPlaces: '全部地区（不画实际值）',
    targets: '各规划的目标',
    noTargets: '没有规划为该指标设定目标。',
    plan: '规划',
    scope: '范围',
    status: '状态',
    target: '目标',
    latest: '最新值',
    explanation: '说明',
    series: '实际值',
    noSeries: '该地区没有该指标的实际值。',
    pickPlace: '选择一个地区以查看实际值走势。',
    year: '年份',
    value: '数值',
    origin: '方式',
    source: '来源',
    enter: '录入实际值',
    chartLabel: '{name}：实际值与各规划目标',
    back: '全部指标',
  },
  en: {
    index: 'Indicators',
    intro: 'The indicators of the lexicon (data/lexicons/indicators.csv): open one to see every plan’s targets and the actual values.',
    filter: 'Filter indicators…',
    name: 'Name',
    id: 'Id',
    unit: 'Usual unit',
    aliases: 'Aliases',
    place: 'Place',
    placeHint: 'Division code or name, or plan:<slug>',
    show: 'Show',
    allPlaces: 'All places (no actual series)',
    targets: 'Targets in the plans',
    noTargets: 'No plan sets a target for this indicator.',
    plan: 'Plan',
    scope: 'Scope',
    status: 'Status',
    target: 'Target',
    latest: 'Latest',
    explanation: 'Explanation',
    series: 'Actual values',
    noSeries: 'No actual values of this indicator for the place.',
    pickPlace: 'Choose a place to chart its actual values.',
    year: 'Year',
    value: 'Value',
    origin: 'How',
    source: 'Source',
    enter: 'Enter an actual value',
    chartLabel: '{name}: actual values and the plans’ targets',
    back: 'All indicators',
  },
};

export function IndicatorIndexPage() {
  const t = useT(strings);
  const res = useApi<{ indicators: IndicatorInfo[] }>('/api/indicators');
  const [q, setQ] = useState('');
  if (res.error) return <section className="page indicator-page"><ErrorBox error={res.error} /></section>;
  if (!res.data) return <section className="page indicator-page"><Loading /></section>;
  const needle = q.trim().toLowerCase();
  const rows = res.data.indicators.filter((i) => !needle || [i.id, i.name, ...i.aliases].some((s) => s.toLowerCase().includes(needle)));
  return (
    <section className="page indicator-page">
      <h1>{t.index}</h1>
      <p className="muted">{t.intro}</p>
      <div className="toolbar">
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t.filter} aria-label={t.filter} data-testid="indicator-filter" />
        <span className="muted">{rows.length}</span>
      </div>
      <div className="table-wrap">
        <table className="data indicator-index" data-testid="indicator-index">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.id}</th>
              <th scope="col">{t.unit}</th>
              <th scope="col">{t.aliases}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id} data-testid="indicator-item" data-id={i.id}>
                <td>
                  <Link href={`/indicators/${encodeURIComponent(i.id)}`}>{i.name}</Link>
                </td>
                <td className="muted">{i.id}</td>
                <td>{i.unit ?? ''}</td>
                <td className="indicator-aliases">{i.aliases.join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type IndicatorResponse = IndicatorViewDto;

export function IndicatorPage({ id }: { id: string }) {
  const t = useT(strings);
  const { lang } = useLang();
  const { query } = useLocation();
  const place = query.get('place') ?? '';
  // Paged by plan (each plan's targets are judged): the chart and the table show the page's plans.
  const [page, setPage] = useState({ key: `${id}\u0000${place}`, offset: 0 });
  const offset = page.key === `${id}\u0000${place}` ? page.offset : 0;
  const res = useApi<IndicatorResponse>(`/api/indicators/${encodeURIComponent(id)}${qs({ place, offset: offset || null })}`);
  const all = useApi<IndicatorResponse>(place ? `/api/indicators/${encodeURIComponent(id)}` : null); // every plan's targets, for the place picker
  const [draft, setDraft] = useState<string | null>(null);
  const d = res.data;

  const placeOptions = useMemo(() => {
    const src = (all.data ?? d)?.targets ?? [];
    const m = new Map<string, string>();
    for (const x of src) {
      if (x.target.place.region) m.set(`plan:${x.plan.slug}`, `${x.target.place.name}（${x.plan.title}）`);
      else if (x.target.place.code) m.set(x.target.place.code, x.target.place.name);
    }
    return [...m.entries()];
  }, [all.data, d]);

  const chart = useMemo(() => {
    if (!d) return null;
    const unit = d.series[0]?.unit ?? d.indicator.unit ?? '';
    const series = d.series.filter((f) => f.unit === unit).map((f) => [f.year, f.value] as [number, number]);
    const targets: ChartTarget[] = [];
    for (const { plan, target: r } of d.targets) {
      if (typeof r.target.value !== 'number' || r.target.year == null || r.measure !== 'level' || (r.target.unit ?? unit) !== unit) continue;
      const pts: Array<[number, number]> = r.baseline ? [[r.baseline.year, r.baseline.value], [r.target.year, r.target.value]] : [[r.target.year, r.target.value]];
      targets.push({ name: `${plan.title.replace(/（.*?）/g, '')} ${r.target.year}${lang === 'zh' ? '年目标' : ' target'}`, points: pts });
    }
    return { unit, series, targets };
  }, [d, lang]);

  if (res.error) return <section className="page indicator-page"><p className="monitor-crumbs"><Link href="/indicators">← {t.back}</Link></p><ErrorBox error={res.error} /></section>;
  if (!d || !chart) return <section className="page indicator-page"><Loading /></section>;
  const placeValue = draft ?? place;

  return (
    <section className="page indicator-page">
      <p className="monitor-crumbs">
        <Link href="/indicators">← {t.back}</Link>
        <Link href={`/observations${qs({ indicator: d.indicator.id, place })}`}>{t.enter}</Link>
      </p>
      <h1 data-testid="indicator-name">
        {d.indicator.name}
        {d.indicator.unit && <span className="muted indicator-unit">（{d.indicator.unit}）</span>}
        {d.place && <span className="indicator-place"> · {d.place.name}</span>}
      </h1>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ place: placeValue.trim() });
          setDraft(null);
        }}
      >
        <label>
          {t.place}{' '}
          <input list="indicator-places" value={placeValue} onChange={(e) => setDraft(e.target.value)} placeholder={t.placeHint} size={28} data-testid="indicator-place" />
        </label>
        <datalist id="indicator-places">
          {placeOptions.map(([k, name]) => (
            <option key={k} value={k} label={name} />
          ))}
        </datalist>
        <button type="submit">{t.show}</button>
        {placeOptions.length > 0 && (
          <select value={placeOptions.some(([k]) => k === place) ? place : ''} onChange={(e) => { setDraft(null); setQuery({ place: e.target.value }); }} aria-label={t.place} data-testid="indicator-place-select">
            <option value="">{t.allPlaces}</option>
            {placeOptions.map(([k, name]) => (
              <option key={k} value={k}>
                {name}
              </option>
            ))}
          </select>
        )}
      </form>

      {d.place ? (
        chart.series.length || chart.targets.length ? (
          <IndicatorChart series={chart.series} seriesName={`${d.place.name} ${t.series}`} unit={chart.unit} targets={chart.targets} label={t.chartLabel.replace('{name}', d.indicator.name)} />
        ) : (
          <p className="status">{t.noSeries}</p>
        )
      ) : (
        <p className="status">{t.pickPlace}</p>
      )}

      <h2>{t.targets}</h2>
      {d.totals && (
        <PlanPager
          offset={offset}
          limit={d.limit}
          total={d.totals.plans}
          onPage={(o) => setPage({ key: `${id}\u0000${place}`, offset: o })}
          testId="indicator-pager"
        />
      )}
      {d.targets.length === 0 ? (
        <p className="status">{t.noTargets}</p>
      ) : (
        <DataTable
          testId="indicator-targets"
          columns={[{ label: t.status }, { label: t.plan }, { label: t.scope }, { label: t.target, num: true }, { label: t.latest, num: true }, { label: t.explanation }]}
        >
          {d.targets.map(({ plan, target: r }) => (
            <tr key={`${plan.slug}-${r.key}`} data-testid="indicator-target" data-plan={plan.slug} data-status={r.status}>
              <td>
                <StatusBadge row={r} lang={lang} />
              </td>
              <td className="indicator-plan">
                <Link href={`/plans/${encodeURIComponent(plan.slug)}/monitor`}>{plan.title}</Link>
                <div className="muted monitor-scope">{r.indicator}</div>
              </td>
              <td>{r.place.name}</td>
              <TargetCell row={r} lang={lang} />
              <YearValueCell value={r.latest} unit={r.unit} lang={lang} />
              <td className="monitor-explain">{explanationIn(r, lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}

      {d.place && d.series.length > 0 && (
        <>
          <h2>
            {t.series} · {d.place.name}
          </h2>
          <DataTable testId="indicator-series" columns={[{ label: t.year, num: true }, { label: t.value, num: true }, { label: t.origin }, { label: t.source }]}>
            {[...d.series].sort((a, b) => b.year - a.year).map((f) => (
              <tr key={`${f.year}-${f.origin}-${f.observationId ?? ''}`} data-testid="indicator-figure" data-year={f.year}>
                <td className="num">{f.year}</td>
                <td className="num">
                  {plainNumber(f.value)}
                  {f.unit}
                </td>
                <td>
                  <span className={`badge origin-${f.origin}`}>{ORIGIN_NAMES[f.origin][lang]}</span>
                </td>
                <td className="indicator-source">
                  <SourceText source={f.source} passage={f.passage} />
                  {f.method && <span className="muted">（{f.method}）</span>}
                  {f.caliber && <div className="muted">{f.caliber}</div>}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
