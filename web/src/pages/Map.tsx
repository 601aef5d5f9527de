// 地图: Guangdong, Guangxi and Hainan prefectures coloured by how many plans cover them or by a
// census indicator; a plan's spatial structure drawn on top; click a unit for its place page.
// State lives in the URL: /map?color=plans|indicator&indicator=&plan=
import { useEffect, useMemo, useState } from 'react';
import { qs, useApi } from '../api';
import { formatNumber, useLang, useT } from '../i18n';
import { Link, navigate, setQuery, useLocation } from '../router';
import { PlanPicker } from '../components/PlanPicker';
import { ErrorBox, Loading } from '../components/Status';
import { SouthMap, registerSouth, type MapUnitData, type StructureData } from './MapChart';
import './Map.css';

const strings = {
  zh: {
    title: '地图',
    color: '着色',
    byPlans: '覆盖规划数',
    byIndicator: '指标',
    indicator: '指标',
    plan: '空间结构',
    noPlan: '（不叠加）',
    schematic: '示意图，不作为国界、行政区划界线依据',
    sources: '边界：ECharts 4.9.0 地图数据（Apache-2.0，约2015—2019年，无审图号）；人口：第六、七次全国人口普查（leiii/census，MIT）；规划覆盖：规划库。视图未含三沙市南部岛礁，见下表。',
    unit: '地区',
    province: '省区',
    value: '数值',
    plans: '覆盖规划',
    list: '地区列表',
    noData: '无数据',
    approx: '，位置取上级',
    legendPoint: '核心/节点',
    legendLine: '轴带/廊道',
    legendZone: '片区（虚线框）',
    noStructure: '这部规划没有可定位的空间结构。',
    source: '来源',
    search: '查找地区',
    searchPh: '如 湛江、雷州市',
    go: '查看',
    loadingMap: '正在加载地图…',
    partial: '部分',
    extension: '延伸区',
    morePlans: ' 等{n}部',
    allPlans: '全部 {n} 部',
  },
  en: {
    title: 'Map',
    color: 'Colour by',
    byPlans: 'Plans covering',
    byIndicator: 'Indicator',
    indicator: 'Indicator',
    plan: 'Spatial structure',
    noPlan: '(none)',
    schematic: 'Schematic map — not an authority on national or administrative boundaries',
    sources:
      'Boundaries: ECharts 4.9.0 map data (Apache-2.0, c. 2015–2019, no map approval number); population: 2010 and 2020 censuses (leiii/census, MIT); coverage: the plan library. The view leaves out the southern reefs of Sansha; see the table.',
    unit: 'Unit',
    province: 'Province',
    value: 'Value',
    plans: 'Covering plans',
    list: 'Units',
    noData: 'no data',
    approx: ', placed at its parent',
    legendPoint: 'cores / nodes',
    legendLine: 'axes / corridors',
    legendZone: 'zones (dashed)',
    noStructure: 'This plan has no spatial structure that could be placed.',
    source: 'Source',
    search: 'Find a place',
    searchPh: 'e.g. 湛江, 雷州市',
    go: 'Go',
    loadingMap: 'Loading the map…',
    partial: 'part',
    extension: 'extension',
    morePlans: ' and more: {n} in all',
    allPlans: 'all {n}',
  },
};

const PROVINCE_NAMES: Record<string, { zh: string; en: string }> = {
  '440000': { zh: '广东省', en: 'Guangdong' },
  '450000': { zh: '广西壮族自治区', en: 'Guangxi' },
  '460000': { zh: '海南省', en: 'Hainan' },
};

interface Indicator {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  years: number[];
  source: string;
  sourceEn: string;
}

interface UnitsResponse {
  units: MapUnitData[];
  legend: { label: string; labelEn: string; unit: string; source: string; sourceEn: string };
}

export function MapPage() {
  const t = useT(strings);
  const { lang } = useLang();
  const loc = useLocation();
  const color = loc.query.get('color') === 'indicator' ? 'indicator' : 'plans';
  const indicators = useApi<{ indicators: Indicator[] }>('/api/map/indicators');
  const indicator = color === 'indicator' ? (loc.query.get('indicator') ?? indicators.data?.indicators[0]?.id ?? null) : null;
  const plan = loc.query.get('plan') ?? '';
  const units = useApi<UnitsResponse>(color === 'plans' || indicator ? `/api/map/units${qs({ color, indicator })}` : null);
  const structure = useApi<{ plan: { slug: string; title: string }; structures: StructureData[] }>(plan ? `/api/plans/${encodeURIComponent(plan)}/structure` : null);
  // ?plan= may name a plan by slug or by part of its title (湛茂都市圈): the server answers its slug
  const planSlug = (plan && structure.data?.plan.slug) || plan;
  const [mapReady, setMapReady] = useState(false);
  const [mapError, setMapError] = useState<Error | null>(null);
  const [q, setQ] = useState('');

  useEffect(() => {
    registerSouth().then(
      () => setMapReady(true),
      (e: Error) => setMapError(e),
    );
  }, []);

  const legend = units.data?.legend;
  const legendView = useMemo(() => (legend ? { label: lang === 'zh' ? legend.label : legend.labelEn, unit: legend.unit } : { label: '', unit: '' }), [legend, lang]);
  const labels = useMemo(() => ({ plans: t.plans, morePlans: t.morePlans, noData: t.noData, approx: t.approx, unitOf: t.unit }), [t]);
  const located = (structure.data?.structures ?? []).some((s) => s.elements.some((e) => e.members.some((m) => m.places.some((p) => p.point))));

  const find = async () => {
    const s = q.trim();
    if (!s) return;
    const r = await fetch(`/api/places${qs({ q: s, limit: 1 })}`);
    if (!r.ok) return;
    const body = (await r.json()) as { places: Array<{ code: string }> };
    if (body.places[0]) navigate(`/places/${body.places[0].code}`);
  };

  const fmt = (v: number | null) => (v == null ? t.noData : color === 'plans' ? String(v) : `${formatNumber(v, lang)}${legend?.unit === '%' ? '%' : ''}`);

  return (
    <section className="page map-page">
      <h1>{t.title}</h1>
      <div className="toolbar map-toolbar">
        <label>
          {t.color}{' '}
          <select data-testid="map-color" value={color} onChange={(e) => setQuery({ color: e.target.value === 'plans' ? null : e.target.value, indicator: null })}>
            <option value="plans">{t.byPlans}</option>
            <option value="indicator">{t.byIndicator}</option>
          </select>
        </label>
        {color === 'indicator' && (
          <label>
            {t.indicator}{' '}
            <select data-testid="map-indicator" value={indicator ?? ''} onChange={(e) => setQuery({ indicator: e.target.value })}>
              {(indicators.data?.indicators ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {lang === 'zh' ? i.name : i.nameEn}（{i.unit}，{lang === 'zh' ? i.source : i.sourceEn}）
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t.plan}{' '}
          <PlanPicker value={planSlug} onChange={(slug) => setQuery({ plan: slug || null })} emptyLabel={t.noPlan} label={t.plan} testid="map-plan" />
        </label>
        <form
          className="map-search"
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <input type="search" aria-label={t.search} placeholder={t.searchPh} value={q} onChange={(e) => setQ(e.target.value)} data-testid="map-search" />
          <button type="submit">{t.go}</button>
        </form>
      </div>

      {units.error && <ErrorBox error={units.error} />}
      {mapError && <ErrorBox error={mapError} />}
      {structure.error && <ErrorBox error={structure.error} />}

      <div className="map-frame">
        {mapReady && units.data ? (
          <SouthMap units={units.data.units} legend={legendView} structure={structure.data?.structures ?? null} labels={labels} onPick={(code) => navigate(`/places/${code}`)} />
        ) : (
          <p className="status map-loading">{t.loadingMap}</p>
        )}
        <p className="map-schematic" data-testid="map-schematic">
          {t.schematic} / Schematic map
        </p>
      </div>
      <div className="map-legend">
        {legend && (
          <span>
            {legendView.label}
            {legend.unit && legend.unit !== '部' ? `（${legend.unit}）` : ''} · {t.source}：{lang === 'zh' ? legend.source : legend.sourceEn}
          </span>
        )}
        {plan && structure.data && (
          <span className="map-structure-legend">
            <i className="dot" /> {t.legendPoint} <i className="line" /> {t.legendLine} <i className="zone" /> {t.legendZone}
          </span>
        )}
      </div>
      {plan && structure.data && !located && <p className="muted">{t.noStructure}</p>}
      {plan && structure.data && located && (
        <ul className="map-structures" data-testid="map-structures">
          {structure.data.structures.map((s) => (
            <li key={s.key}>
              <Link href={`/plans/${encodeURIComponent(planSlug)}?f=${s.key}`}>“{s.code}”</Link>
              {s.subject ? ` ${s.subject}` : ''}：
              {s.elements.map((e) => `${e.name}（${e.members.map((m) => m.name).join('、') || '—'}）`).join('；')}
            </li>
          ))}
        </ul>
      )}
      <p className="muted map-sources">{t.sources}</p>

      <h2>{t.list}</h2>
      {units.loading && !units.data && <Loading />}
      {units.data && (
        <div className="table-wrap">
          <table className="data map-table" data-testid="map-units">
            <thead>
              <tr>
                <th>{t.unit}</th>
                <th>{t.province}</th>
                <th className="num">{legendView.label || t.value}</th>
                <th>{t.plans}</th>
              </tr>
            </thead>
            <tbody>
              {units.data.units.map((u) => (
                <tr key={u.code} data-code={u.code}>
                  <td>
                    <Link href={`/places/${u.code}`}>{u.name}</Link>
                  </td>
                  <td>{PROVINCE_NAMES[u.province]?.[lang] ?? u.province}</td>
                  <td className="num">{fmt(u.value)}</td>
                  <td>
                    {u.plans.map((p, i) => (
                      <span key={p.slug}>
                        {i > 0 && '；'}
                        <Link href={`/plans/${encodeURIComponent(p.slug)}`}>{p.title}</Link>
                        {p.relation === 'part' ? `（${t.partial}）` : p.role === 'extension' ? `（${t.extension}）` : ''}
                      </span>
                    ))}
                    {u.planTotal > u.plans.length ? (
                      <>
                        {'；'}
                        <Link href={`/${qs({ place: u.code })}`} data-testid="map-unit-all-plans">
                          {t.allPlans.replace('{n}', String(u.planTotal))}
                        </Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
