// 规划库: every plan as a card, filters kept in the URL (?level=&place=&period=), and the upload area.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { qs, useApi, usePages } from '../api';
import { LEVEL_NAMES, useLang, useT } from '../i18n';
import { setQuery, useLocation } from '../router';
import { ErrorBox, Loading } from '../components/Status';
import { PlanCardView, type PlanCard, type PlaceRef } from './LibraryCard';
import { LibraryUpload } from './LibraryUpload';
import './Library.css';

const strings = {
  zh: {
    title: '规划库',
    intro: '已收录的发展规划：阅读全文、查看目标、审核抽取结果。',
    level: '层级',
    allLevels: '全部层级',
    place: '地区',
    placeHint: '湛江市 / 440800',
    period: '年份',
    periodHint: '如 2020',
    apply: '筛选',
    clear: '清除筛选',
    count: '共 {n} 部规划',
    shown: '显示 {n} / {all} 部',
    more: '显示更多（{n} / {all}）',
    none: '没有符合条件的规划。',
    empty: '规划库还是空的：上传一份规划文件开始。',
  },
  en: {
    title: 'Plan library',
    intro: 'The plans stored here: read the text, see the targets, review what was extracted.',
    level: 'Level',
    allLevels: 'All levels',
    place: 'Place',
    placeHint: 'e.g. 湛江市 or 440800',
    period: 'Year',
    periodHint: 'e.g. 2020',
    apply: 'Filter',
    clear: 'Clear filters',
    count: '{n} plans',
    shown: '{n} of {all} plans',
    more: 'Show more ({n} of {all})',
    none: 'No plan matches these filters.',
    empty: 'The library is empty: upload a plan file to begin.',
  },
};

/** Cards asked for at a time. */
const PAGE = 100;

/** GET /api/plan-facets: the filter choices with their plan counts. */
interface Facets {
  total: number;
  levels: Array<{ level: string; plans: number }>;
  places: Array<PlaceRef & { level: string; plans: number }>;
  periods: Array<{ start: number; end: number; plans: number }>;
}

export function LibraryPage() {
  const t = useT(strings);
  const { lang } = useLang();
  const { query } = useLocation();
  const level = query.get('level') ?? '';
  const place = query.get('place') ?? '';
  const period = query.get('period') ?? '';
  const filtered = !!(level || place || period);

  // The API answers one page of cards with the total: ask for more pages as the reader wants them.
  // Filters are applied by the server, so paging stays right whatever is filtered.
  const shown = usePages<{ plans: PlanCard[]; total: number }, PlanCard>(`/api/plans${qs({ level, place, period })}`, (b) => b.plans, PAGE);
  // the size of the whole library when a filter is on (one card asked for, only its total used)
  const all = useApi<{ plans: PlanCard[]; total: number }>(filtered ? '/api/plans?limit=1' : null);
  // The filter choices, counted by the server over every plan (not the cards loaded so far);
  // each facet over the plans matching the other filters.
  const facets = useApi<Facets>(`/api/plan-facets${qs({ level, place, period })}`);

  // Text filters are applied on Enter / the button / leaving the field, not on every keystroke.
  const [placeInput, setPlaceInput] = useState(place);
  const [periodInput, setPeriodInput] = useState(period);
  useEffect(() => setPlaceInput(place), [place]);
  useEffect(() => setPeriodInput(period), [period]);

  const units = facets.data?.places ?? [];
  const levelCounts = useMemo(() => new Map((facets.data?.levels ?? []).map((l) => [l.level, l.plans])), [facets.data]);
  const years = useMemo(() => {
    const m = new Map<number, number>();
    for (const p of facets.data?.periods ?? []) for (let y = p.start; y <= p.end && y - p.start < 100; y++) m.set(y, (m.get(y) ?? 0) + p.plans);
    return [...m.entries()].sort((a, b) => a[0] - b[0]);
  }, [facets.data]);

  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    setQuery({ place: placeInput.trim(), period: periodInput.trim() });
  };

  const reload = () => {
    shown.reload();
    facets.reload();
    if (filtered) all.reload();
  };

  const total = (filtered ? all.data?.total : shown.total) ?? 0;
  const n = (k: number | undefined) => (k == null ? '' : `（${k}）`);
  return (
    <section className="page library">
      <div className="library-top">
        <div>
          <h1>{t.title}</h1>
          <p className="muted library-intro">{t.intro}</p>
        </div>
        <LibraryUpload onUploaded={reload} />
      </div>

      <form className="toolbar library-filters" onSubmit={apply} data-testid="library-filters">
        <label>
          {t.level}{' '}
          <select value={level} onChange={(e) => setQuery({ level: e.target.value })} data-testid="filter-level">
            <option value="">{t.allLevels}</option>
            {Object.keys(LEVEL_NAMES)
              .filter((l) => levelCounts.has(l) || l === level)
              .map((l) => (
                <option key={l} value={l}>
                  {LEVEL_NAMES[l][lang]}
                  {n(levelCounts.get(l))}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t.place}{' '}
          <input
            list="library-units"
            value={placeInput}
            placeholder={t.placeHint}
            size={12}
            onChange={(e) => {
              const v = e.target.value;
              setPlaceInput(v);
              if (units.some((u) => u.name === v)) setQuery({ place: v }); // picked from the list
            }}
            onBlur={() => placeInput.trim() !== place && apply()}
            data-testid="filter-place"
          />
          <datalist id="library-units">
            {units.map((u) => (
              <option key={u.code} value={u.name} data-code={u.code}>
                {`${u.code}${n(u.plans)}`}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          {t.period}{' '}
          <input
            type="number"
            min={1949}
            max={2100}
            value={periodInput}
            placeholder={t.periodHint}
            className="library-year"
            list="library-years"
            onChange={(e) => setPeriodInput(e.target.value)}
            onBlur={() => periodInput.trim() !== period && apply()}
            data-testid="filter-period"
          />
          <datalist id="library-years">
            {years.map(([y, k]) => (
              <option key={y} value={y}>
                {n(k)}
              </option>
            ))}
          </datalist>
        </label>
        <button type="submit">{t.apply}</button>
        {filtered ? (
          <button type="button" onClick={() => setQuery({ level: null, place: null, period: null })} data-testid="filter-clear">
            {t.clear}
          </button>
        ) : null}
        <span className="muted library-total" data-testid="library-total">
          {filtered && shown.loaded
            ? t.shown.replace('{n}', String(shown.total)).replace('{all}', String(total))
            : t.count.replace('{n}', String(total))}
        </span>
      </form>

      {shown.error ? <ErrorBox error={shown.error} /> : null}
      {shown.loading && !shown.loaded ? <Loading /> : null}
      {shown.loaded && !shown.items.length ? <p className="status">{filtered ? t.none : t.empty}</p> : null}
      {shown.loaded ? (
        <div className="library-grid" data-testid="plan-cards">
          {shown.items.map((p) => (
            <PlanCardView key={p.id} plan={p} />
          ))}
        </div>
      ) : null}
      {shown.loaded && shown.items.length < shown.total ? (
        <button type="button" disabled={shown.loading} onClick={shown.more} data-testid="library-more">
          {t.more.replace('{n}', String(shown.items.length)).replace('{all}', String(shown.total))}
        </button>
      ) : null}
    </section>
  );
}
