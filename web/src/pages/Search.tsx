// 检索: full-text search over all plans. The query and filters live in the URL
// (/search?q=城镇化率&plan=…&kind=target&year=2020&section=…&offset=20) so results can be linked.
// Plan text is untrusted: passages are rendered as React text nodes, terms wrapped in <mark>.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { getJSON, qs, useApi } from '../api';
import { formatNumber, useLang, useT } from '../i18n';
import { useKinds } from '../kinds';
import { Link, setQuery, useLocation } from '../router';
import { PlanPicker } from '../components/PlanPicker';
import { ErrorBox, Loading } from '../components/Status';
import type { HitFinding, SearchHit, SearchResult } from '../../../src/core/api-types';
import './Search.css';

type Hit = SearchHit;

const PAGE = 20;

const strings = {
  zh: {
    title: '检索',
    intro: '在全部规划的全文中检索：按词（中文分词，含指标名、地名、区域名）或按原文字串匹配。',
    placeholder: '输入检索词，如 城镇化率、湛茂都市圈 港口',
    go: '检索',
    plan: '规划',
    allPlans: '全部规划',
    kind: '含抽取结果',
    anyKind: '不限类型',
    year: '年份',
    yearHint: '如 2020',
    section: '章节',
    sectionHint: '章节标题或编号',
    clear: '清除筛选',
    count: '共 {n} 段结果',
    range: '第 {a}–{b} 段',
    terms: '检索词：',
    none: '没有找到匹配的段落。可以换一个词，或去掉筛选条件。',
    start: '输入检索词后按回车。',
    prev: '上一页',
    next: '下一页',
    findings: '段内抽取结果',
    more: '还有 {n} 项',
    open: '在原文中查看',
    noSection: '（正文前）',
  },
  en: {
    title: 'Search',
    intro: 'Full-text search over all plans: by words (Chinese segmentation that knows indicator, place and region names) or by the literal string.',
    placeholder: 'Search, e.g. 城镇化率, 湛茂都市圈 港口',
    go: 'Search',
    plan: 'Plan',
    allPlans: 'All plans',
    kind: 'Containing',
    anyKind: 'Any finding',
    year: 'Year',
    yearHint: 'e.g. 2020',
    section: 'Section',
    sectionHint: 'section title or number',
    clear: 'Clear filters',
    count: '{n} passages',
    range: 'passages {a}–{b}',
    terms: 'Terms: ',
    none: 'No passage matches. Try another word or remove the filters.',
    start: 'Type what to search for and press Enter.',
    prev: 'Previous',
    next: 'Next',
    findings: 'Findings in this passage',
    more: '{n} more',
    open: 'Open in the text',
    noSection: '(before the first heading)',
  },
};

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** The passage with its highlight ranges wrapped in <mark className="hit"> — text nodes only. */
function Marked({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at || e <= s || e > text.length) continue;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(
      <mark key={s} className="hit">
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function HitView({ hit, t }: { hit: Hit; t: Record<keyof (typeof strings)['zh'], string> }) {
  const { lang } = useLang();
  const kinds = useKinds();
  // The hit brings its first findings; "N more" loads the rest of the passage's findings.
  const [all, setAll] = useState<HitFinding[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const base = `/plans/${encodeURIComponent(hit.plan.slug)}`;
  // Findings where the query terms are come first.
  const at = (f: HitFinding) => hit.highlights.some(([s, e]) => hit.start + s < f.end && hit.start + e > f.start);
  const findings = [...(all ?? hit.findings)].sort((a, b) => Number(at(b)) - Number(at(a)));
  // A table row passage can hold dozens of findings: the search sends the first few (HIT_FINDINGS).
  const shown = findings;
  const more = all ? 0 : hit.findingTotal - findings.length;
  const first = findings[0];
  const showAll = () => {
    setLoadError(null);
    getJSON<{ findings: HitFinding[] }>(`/api/search/findings${qs({ plan: hit.plan.slug, start: hit.start, end: hit.end })}`).then(
      (r) => setAll(r.findings),
      (e: Error) => setLoadError(e.message),
    );
  };
  return (
    <li className="search-hit" data-testid="search-hit">
      <div className="search-hit-head">
        <Link href={base} className="search-hit-plan" data-testid="search-hit-plan">
          {hit.plan.title}
        </Link>
        <span className="search-hit-section">{hit.section ? hit.section.title : t.noSection}</span>
      </div>
      <p className="search-hit-text">
        <Marked text={hit.text} ranges={hit.highlights} />
      </p>
      {hit.findingTotal > 0 && (
        <ul className="search-chips" aria-label={t.findings}>
          {shown.map((f) => (
            <li key={f.key}>
              <Link href={`${base}${qs({ f: f.key })}`} className={`search-chip f-${f.kind}`} title={f.summary}>
                <span className="search-chip-kind">{kinds.kindName(f.kind, lang)}</span>
                <span className="search-chip-summary">{f.summary}</span>
              </Link>
            </li>
          ))}
          {more > 0 && (
            <li>
              <button type="button" className="search-chip-more" onClick={showAll}>
                {fill(t.more, { n: more })}
              </button>
              {loadError && <span className="search-chip-error" role="alert">{loadError}</span>}
            </li>
          )}
        </ul>
      )}
      <Link href={first ? `${base}${qs({ f: first.key })}` : base} className="search-hit-open">
        {t.open} →
      </Link>
    </li>
  );
}

export function SearchPage() {
  const t = useT(strings);
  const { lang } = useLang();
  const kinds = useKinds();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const plan = query.get('plan') ?? '';
  const kind = query.get('kind') ?? '';
  const year = query.get('year') ?? '';
  const section = query.get('section') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);

  const [input, setInput] = useState(q);
  const [yearInput, setYearInput] = useState(year);
  const [sectionInput, setSectionInput] = useState(section);
  useEffect(() => setInput(q), [q]);
  useEffect(() => setYearInput(year), [year]);
  useEffect(() => setSectionInput(section), [section]);

  const url = q.trim() ? `/api/search${qs({ q, plan, kind, year, section, limit: PAGE, offset: offset || null })}` : null;
  const result = useApi<SearchResult>(url);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: input.trim(), year: yearInput.trim(), section: sectionInput.trim(), offset: null }, { replace: false });
  };
  const filtered = !!(plan || kind || year || section);
  const data = result.data;

  return (
    <section className="page search-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <form className="search-form" onSubmit={submit} role="search">
        <div className="search-box">
          <input
            type="search"
            data-testid="search-input"
            value={input}
            placeholder={t.placeholder}
            aria-label={t.title}
            maxLength={200}
            onChange={(e) => setInput(e.target.value)}
          />
          <button type="submit" className="primary" data-testid="search-submit">
            {t.go}
          </button>
        </div>
        <div className="search-filters">
          <label>
            <span>{t.plan}</span>
            <PlanPicker value={plan} onChange={(slug) => setQuery({ plan: slug || null, offset: null })} emptyLabel={t.allPlans} label={t.plan} testid="search-plan" />
          </label>
          <label>
            <span>{t.kind}</span>
            <select value={kind} data-testid="search-kind" onChange={(e) => setQuery({ kind: e.target.value, offset: null })}>
              <option value="">{t.anyKind}</option>
              {kinds.names.map((k) => (
                <option key={k} value={k}>
                  {kinds.kindName(k, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t.year}</span>
            <input
              type="text"
              inputMode="numeric"
              pattern="\d{4}"
              className="search-year"
              data-testid="search-year"
              value={yearInput}
              placeholder={t.yearHint}
              onChange={(e) => setYearInput(e.target.value)}
              onBlur={() => yearInput.trim() !== year && setQuery({ year: yearInput.trim(), offset: null })}
            />
          </label>
          <label>
            <span>{t.section}</span>
            <input
              type="text"
              className="search-section"
              data-testid="search-section"
              value={sectionInput}
              placeholder={t.sectionHint}
              maxLength={100}
              onChange={(e) => setSectionInput(e.target.value)}
              onBlur={() => sectionInput.trim() !== section && setQuery({ section: sectionInput.trim(), offset: null })}
            />
          </label>
          {filtered && (
            <button type="button" onClick={() => setQuery({ plan: null, kind: null, year: null, section: null, offset: null })}>
              {t.clear}
            </button>
          )}
        </div>
      </form>

      {!url && <p className="status">{t.start}</p>}
      {url && result.loading && !data && <Loading />}
      {result.error && <ErrorBox error={result.error} />}
      {url && data && (
        <div className="search-results" data-testid="search-results" aria-busy={result.loading}>
          <p className="search-count" data-testid="search-count">
            <strong>{fill(t.count, { n: formatNumber(data.total, lang) })}</strong>
            {data.total > PAGE && data.hits.length > 0 && (
              <span className="muted"> · {fill(t.range, { a: offset + 1, b: offset + data.hits.length })}</span>
            )}
            {data.terms.length > 0 && (
              <span className="muted search-terms">
                {' · '}
                {t.terms}
                {data.terms.map((w) => (
                  <mark key={w} className="hit">
                    {w}
                  </mark>
                ))}
              </span>
            )}
          </p>
          {data.hits.length === 0 ? (
            <p className="status">{t.none}</p>
          ) : (
            <ol className="search-hits">
              {data.hits.map((h) => (
                <HitView key={`${h.plan.slug}:${h.start}`} hit={h} t={t} />
              ))}
            </ol>
          )}
          {data.total > PAGE && (
            <nav className="search-pages">
              <button type="button" disabled={offset === 0} onClick={() => setQuery({ offset: Math.max(0, offset - PAGE) || null }, { replace: false })}>
                {t.prev}
              </button>
              <button
                type="button"
                disabled={offset + PAGE >= data.total}
                onClick={() => {
                  setQuery({ offset: offset + PAGE }, { replace: false });
                  window.scrollTo(0, 0);
                }}
              >
                {t.next}
              </button>
            </nav>
          )}
        </div>
      )}
    </section>
  );
}
