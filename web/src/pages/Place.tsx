// A place page (/places/:code): the unit, its parents, census figures, the plans covering it on a
// timeline of plan periods with the roles each gives it, and the targets, projects and duties
// located there, each linking to the sentence in the reader.
import { useEffect, useState } from 'react';
import { getJSON, qs, useApi } from '../api';
import { LEVEL_NAMES, formatNumber, useLang, useT } from '../i18n';
import { Link } from '../router';
import { ErrorBox, Loading } from '../components/Status';
import './Place.css';

const strings = {
  zh: {
    province: '省级',
    prefecture: '地级',
    county: '县级',
    census: '人口普查',
    population: '常住人口',
    urbanization: '常住人口城镇化率',
    source: '来源',
    plans: '覆盖该地的规划',
    mentioned: '提及该地的其他规划',
    noPlans: '规划库中没有覆盖该地的规划。',
    direct: '规划范围',
    parent: '所属上级在规划范围内',
    part: '下辖部分地区在规划范围内',
    extension: '延伸区',
    roles: '该规划赋予的定位',
    noRoles: '未识别到定位表述',
    fromStructure: '空间结构',
    fromText: '规划文本',
    targets: '目标',
    projects: '项目',
    duties: '任务分工',
    facts: '现状数据',
    none: '无',
    outlook: '远景',
    mentions: '提及{n}次',
    children: '下辖',
    map: '在地图上查看',
    byScope: '目标范围',
    byText: '文中提及',
    more: '显示更多（还有{n}项）',
    loading: '加载中…',
    noCensus: '暂无普查数据。',
  },
  en: {
    province: 'Province',
    prefecture: 'Prefecture',
    county: 'County',
    census: 'Census',
    population: 'Resident population',
    urbanization: 'Urbanization rate',
    source: 'Source',
    plans: 'Plans covering this place',
    mentioned: 'Other plans that name it',
    noPlans: 'No plan in the library covers this place.',
    direct: 'in the plan area',
    parent: 'its parent unit is in the plan area',
    part: 'part of it is in the plan area',
    extension: 'extension area',
    roles: 'Role the plan gives it',
    noRoles: 'no role phrase found',
    fromStructure: 'spatial structure',
    fromText: 'plan text',
    targets: 'Targets',
    projects: 'Projects',
    duties: 'Duties',
    facts: 'Facts',
    none: 'None',
    outlook: 'outlook',
    mentions: 'named {n}×',
    children: 'Subdivisions',
    map: 'Show on the map',
    byScope: 'target scope',
    byText: 'named in the text',
    more: 'Show more ({n} left)',
    loading: 'Loading…',
    noCensus: 'No census figures.',
  },
};

interface Coverage {
  relation: 'direct' | 'parent' | 'part';
  role: 'scope' | 'extension';
  via: string;
}
interface Role {
  source: 'structure' | 'text';
  role: string;
  detail: string;
  key: string;
}
interface PlacePlan {
  slug: string;
  title: string;
  period: [number, number] | null;
  horizon: number | null;
  level: string;
  coverage: Coverage | null;
  roles: Role[];
  mentions: number;
}
interface Located {
  slug: string;
  /** The plan's title (absent from servers before paging). */
  title?: string;
  key: string;
  kind: string;
  summary: string;
  quote: string;
  how: 'scope' | 'text';
}
interface PlaceView {
  unit: { code: string; name: string; short: string; level: string; point: [number, number] | null };
  chain: Array<{ code: string; name: string; level: string }>;
  children: Array<{ code: string; name: string }>;
  plans: PlacePlan[];
  targets: Located[];
  projects: Located[];
  duties: Located[];
  facts: Located[];
  /** Rows of each list over all pages (the server answers the first page). */
  totals?: { plans: number; targets: number; projects: number; duties: number; facts: number };
  census: null | {
    source: string;
    sourceEn: string;
    citation: string;
    values: Array<{ id: string; name: string; nameEn: string; unit: string; year: number; value: number | null }>;
  };
}

type ListName = 'plans' | 'targets' | 'projects' | 'duties' | 'facts';
type Rows = { plans: PlacePlan[]; targets: Located[]; projects: Located[]; duties: Located[]; facts: Located[] };
const NO_ROWS: Rows = { plans: [], targets: [], projects: [], duties: [], facts: [] };
/** Rows a "show more" asks for (the first page is the server's default). */
const MORE = 20;

export function PlacePage({ code }: { code: string }) {
  const t = useT(strings);
  const { lang } = useLang();
  const { data, error, loading } = useApi<PlaceView>(`/api/places/${encodeURIComponent(code)}`);
  // Later pages of each list, fetched one list at a time (?list=targets&offset=…).
  const [more, setMore] = useState<Rows>(NO_ROWS);
  const [busy, setBusy] = useState<ListName | null>(null);
  const [moreError, setMoreError] = useState<Error | null>(null);
  useEffect(() => setMore(NO_ROWS), [code]);
  if (error) return <section className="page place-page"><ErrorBox error={error} /></section>;
  if (loading || !data) return <section className="page place-page"><Loading /></section>;
  const v: PlaceView = { ...data, ...(Object.fromEntries(Object.keys(NO_ROWS).map((k) => [k, [...data[k as ListName], ...more[k as ListName]]])) as Rows) };
  const totals = data.totals ?? { plans: v.plans.length, targets: v.targets.length, projects: v.projects.length, duties: v.duties.length, facts: v.facts.length };
  const loadMore = (list: ListName) => {
    setBusy(list);
    setMoreError(null);
    getJSON<PlaceView>(`/api/places/${encodeURIComponent(code)}${qs({ list, offset: v[list].length, limit: MORE })}`).then(
      (r) => setMore((m) => ({ ...m, [list]: [...m[list], ...r[list]] })),
      (e: Error) => setMoreError(e),
    ).finally(() => setBusy(null));
  };
  const moreButton = (list: ListName) =>
    totals[list] > v[list].length && (
      <p>
        <button type="button" className="place-more" data-testid={`place-more-${list}`} disabled={busy === list} onClick={() => loadMore(list)}>
          {busy === list ? t.loading : t.more.replace('{n}', String(totals[list] - v[list].length))}
        </button>
      </p>
    );
  const covering = v.plans.filter((p) => p.coverage);
  const others = v.plans.filter((p) => !p.coverage);
  const titleOf = new Map(v.plans.map((p) => [p.slug, p.title]));
  const level = (l: string) => (l === 'province' ? t.province : l === 'prefecture' ? t.prefecture : t.county);

  return (
    <section className="page place-page" data-testid="place-page">
      <nav className="place-chain" aria-label="parents">
        {v.chain.map((c) => (
          <span key={c.code}>
            <Link href={`/places/${c.code}`}>{c.name}</Link> ›{' '}
          </span>
        ))}
      </nav>
      <h1>
        <span data-testid="place-name">{v.unit.name}</span> <span className="badge">{level(v.unit.level)}</span> <span className="muted place-code">{v.unit.code}</span>
      </h1>
      <p className="place-links">
        <Link href="/map">{t.map}</Link>
      </p>

      <h2>{t.census}</h2>
      {v.census ? (
        <div className="table-wrap">
          <table className="data place-census" data-testid="place-census">
            <thead>
              <tr>
                <th />
                {[...new Set(v.census.values.map((x) => x.year))].sort().map((y) => (
                  <th key={y} className="num">
                    {y}年
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {['万人', '%'].map((unit) => {
                const row = v.census!.values.filter((x) => x.unit === unit).sort((a, b) => a.year - b.year);
                return (
                  <tr key={unit}>
                    <th>
                      {unit === '万人' ? t.population : t.urbanization}（{unit}）
                    </th>
                    {row.map((x) => (
                      <td key={x.id} className="num">
                        {x.value == null ? '—' : unit === '%' ? `${formatNumber(x.value, lang)}%` : formatNumber(x.value, lang)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted place-source">
            {t.source}：{lang === 'zh' ? v.census.source : v.census.sourceEn} — {v.census.citation}
          </p>
        </div>
      ) : (
        <p className="muted">{t.noCensus}</p>
      )}

      <h2>{t.plans}</h2>
      {covering.length ? <Timeline plans={covering} t={t} lang={lang} /> : <p className="muted">{t.noPlans}</p>}
      {others.length > 0 && (
        <>
          <h3>{t.mentioned}</h3>
          <ul className="place-others">
            {others.map((p) => (
              <li key={p.slug}>
                <Link href={`/plans/${encodeURIComponent(p.slug)}`}>{p.title}</Link> <span className="muted">{t.mentions.replace('{n}', String(p.mentions))}</span>
                <Roles plan={p} t={t} />
              </li>
            ))}
          </ul>
        </>
      )}
      {moreButton('plans')}

      <FindingList title={t.targets} items={v.targets} total={totals.targets} testid="place-targets" titleOf={titleOf} t={t} />
      {moreButton('targets')}
      <FindingList title={t.projects} items={v.projects} total={totals.projects} testid="place-projects" titleOf={titleOf} t={t} />
      {moreButton('projects')}
      <FindingList title={t.duties} items={v.duties} total={totals.duties} testid="place-duties" titleOf={titleOf} t={t} />
      {moreButton('duties')}
      {v.facts.length > 0 && <FindingList title={t.facts} items={v.facts} total={totals.facts} testid="place-facts" titleOf={titleOf} t={t} />}
      {moreButton('facts')}
      {moreError && <ErrorBox error={moreError} />}

      {v.children.length > 0 && (
        <>
          <h2>{t.children}</h2>
          <p className="place-children">
            {v.children.map((c, i) => (
              <span key={c.code}>
                {i > 0 && '、'}
                <Link href={`/places/${c.code}`}>{c.name}</Link>
              </span>
            ))}
          </p>
        </>
      )}
    </section>
  );
}

type T = (typeof strings)['zh'];

function Timeline({ plans, t, lang }: { plans: PlacePlan[]; t: T; lang: 'zh' | 'en' }) {
  const years = plans.flatMap((p) => [...(p.period ?? []), ...(p.horizon ? [p.horizon] : [])]);
  const min = years.length ? Math.min(...years) : 2000;
  const max = years.length ? Math.max(...years) : 2030;
  const span = Math.max(1, max - min + 1);
  const pct = (y: number) => ((y - min) / span) * 100;
  const coverage = (c: Coverage) => `${c.relation === 'direct' ? t.direct : c.relation === 'parent' ? t.parent : t.part}${c.role === 'extension' ? `（${t.extension}）` : ''}`;
  return (
    <ol className="place-timeline" data-testid="place-plans">
      <li className="place-axis" aria-hidden="true">
        <span style={{ left: '0%' }}>{min}</span>
        <span style={{ right: '0%' }}>{max}</span>
      </li>
      {plans.map((p) => (
        <li key={p.slug} className="place-plan" data-slug={p.slug}>
          <div className="place-plan-head">
            <Link href={`/plans/${encodeURIComponent(p.slug)}`}>{p.title}</Link>{' '}
            <span className="muted">
              {p.period ? `${p.period[0]}—${p.period[1]}年` : ''}
              {p.horizon ? `，${t.outlook}${p.horizon}年` : ''} · {LEVEL_NAMES[p.level]?.[lang] ?? p.level} · {p.coverage ? coverage(p.coverage) : ''}
            </span>
          </div>
          <div className="place-track">
            {p.period && (
              <span
                className="place-bar"
                style={{ left: `${pct(p.period[0])}%`, width: `${((p.period[1] - p.period[0] + 1) / span) * 100}%` }}
                title={`${p.period[0]}—${p.period[1]}`}
              />
            )}
            {p.period && p.horizon && p.horizon > p.period[1] && (
              <span className="place-bar outlook" style={{ left: `${pct(p.period[1] + 1)}%`, width: `${((p.horizon - p.period[1]) / span) * 100}%` }} title={`${t.outlook} ${p.horizon}`} />
            )}
          </div>
          <Roles plan={p} t={t} />
        </li>
      ))}
    </ol>
  );
}

function Roles({ plan, t }: { plan: PlacePlan; t: T }) {
  if (!plan.roles.length) return <p className="muted place-roles-none">{t.noRoles}</p>;
  const text = plan.roles.filter((r) => r.source === 'text');
  const structure = plan.roles.filter((r) => r.source === 'structure');
  return (
    <div className="place-roles" data-testid="place-roles">
      <span className="muted">{t.roles}：</span>
      <ul>
        {text.map((r) => (
          <li key={'t' + r.role}>
            <Link href={`/plans/${encodeURIComponent(plan.slug)}?f=${r.key}`} title={r.detail}>
              {r.role}
            </Link>{' '}
            <span className="badge">{t.fromText}</span>
            <div className="place-quote">{r.detail}</div>
          </li>
        ))}
        {structure.map((r) => (
          <li key={'s' + r.role + r.detail}>
            <Link href={`/plans/${encodeURIComponent(plan.slug)}?f=${r.key}`}>{r.role}</Link> <span className="badge">{t.fromStructure}</span>{' '}
            <span className="muted">“{r.detail}”</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FindingList({ title, items, total, testid, titleOf, t }: { title: string; items: Located[]; total: number; testid: string; titleOf: Map<string, string>; t: T }) {
  const shown = items;
  return (
    <>
      <h2>
        {title} <span className="muted">（{total}）</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="place-findings" data-testid={testid}>
          {shown.map((f) => (
            <li key={f.slug + f.key}>
              <Link href={`/plans/${encodeURIComponent(f.slug)}?f=${f.key}`}>{f.quote || f.summary}</Link>
              <div className="muted place-finding-meta">
                {f.summary && f.summary !== f.quote ? `${f.summary} · ` : ''}
                {f.title ?? titleOf.get(f.slug) ?? f.slug} · {f.how === 'scope' ? t.byScope : t.byText}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
