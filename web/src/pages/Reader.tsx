// 阅读: a plan's text with its outline and time frame, findings highlighted by kind, a panel for the
// selected finding (?f=KEY, so other pages can link to a span), evidence highlighted (?ev=START-END:
// where a finding's year or the frame was read), and repairs shown on demand (?repairs=1).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useApi } from '../api';
import { useLang, useT } from '../i18n';
import { useKinds } from '../kinds';
import { Link, setQuery, useLocation } from '../router';
import { ErrorBox, Loading } from '../components/Status';
import { FindingDetails, REPAIR_NAMES, label, type FindingDto, type RepairDto } from '../components/FindingDetails';
import { levelName, periodText, type PlanCard } from './LibraryCard';
import { Paragraph, distribute, innermostFirst, paraIndexAt, splitParas, type Para } from './ReaderText';
import { FrameLine, type MetaEvidence } from './ReaderFrame';
import type { TimeFrameDto } from '../../../src/core/api-types';
import './Reader.css';

interface OutlineNode {
  id: string;
  kind: string;
  level: number;
  label: string | null;
  title: string;
  headingStart: number;
  children: OutlineNode[];
}

interface PlanDetail extends PlanCard {
  versionsList: Array<{ id: number; version: number; fileName: string; createdAt: string }>;
  metaEvidence: MetaEvidence[];
  /** null for a version stored before frames were kept. */
  frame: TimeFrameDto | null;
  outline: OutlineNode[];
}

interface FlatSection {
  path: string;
  kind: string;
  level: number;
  headingStart: number;
}

interface PlanTextData {
  slug: string;
  title: string;
  text: string;
  sections: FlatSection[];
  findings: FindingDto[];
  repairs: RepairDto[];
}

const EMPTY: never[] = [];

const strings = {
  zh: {
    outline: '目录',
    findings: '发现列表',
    show: '显示',
    repairs: '显示修复',
    original: '下载原文件',
    targets: '目标视图',
    review: '审核本规划',
    issuer: '发布',
    close: '关闭',
    hint: '点击文中高亮查看抽取结果；用上方复选框选择要显示的类别。',
    overlap: '此处重叠的其他发现',
    missing: '链接中的发现（{key}）不在当前版本中：可能已被重新抽取或文本已变化。',
    noFindings: '这一类没有发现。',
    version: '第{n}版',
    more: '还有 {n} 项未列出',
    repairsCount: '{n} 处修复',
    exportKind: '导出此类（CSV）',
  },
  en: {
    outline: 'Contents',
    findings: 'Findings',
    show: 'Show',
    repairs: 'Show repairs',
    original: 'Download original',
    targets: 'Targets view',
    review: 'Review this plan',
    issuer: 'Issued by',
    close: 'Close',
    hint: 'Click a highlight to see what was extracted; choose the kinds to show with the boxes above.',
    overlap: 'Other findings overlapping here',
    missing: 'The finding in the link ({key}) is not in the current version: it was re-extracted or the text changed.',
    noFindings: 'No findings of this kind.',
    version: 'version {n}',
    more: '{n} more not listed',
    repairsCount: '{n} repairs',
    exportKind: 'Export this kind (CSV)',
  },
};

const LIST_LIMIT = 400;

export function ReaderPage({ slug }: { slug: string }) {
  const t = useT(strings);
  const { lang } = useLang();
  const { query } = useLocation();
  const base = `/api/plans/${encodeURIComponent(slug)}`;
  const detail = useApi<PlanDetail>(base);
  const body = useApi<PlanTextData>(`${base}/text`);
  const data = body.data;

  const selectedKey = query.get('f');
  const kindsParam = query.get('kinds');
  const registry = useKinds();
  const KINDS = registry.names;
  const DEFAULT_KINDS = registry.shownByDefault;
  const kinds = useMemo(() => (kindsParam == null ? DEFAULT_KINDS : kindsParam.split(',').filter((k) => KINDS.includes(k))), [kindsParam, KINDS, DEFAULT_KINDS]);
  const kindsKey = kinds.join(',');
  const showRepairs = query.get('repairs') === '1';
  const evParam = query.get('ev');
  const evidence = useMemo(() => {
    const m = /^(\d+)-(\d+)$/.exec(evParam ?? '');
    return m && Number(m[2]) > Number(m[1]) ? { start: Number(m[1]), end: Number(m[2]) } : null;
  }, [evParam]);

  const [sideTab, setSideTab] = useState<'outline' | 'findings'>('outline');
  const [sideOpen, setSideOpen] = useState(false);
  const [listKind, setListKind] = useState('target');
  const [openRepair, setOpenRepair] = useState<number | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const clicked = useRef<string | null>(null);

  useEffect(() => {
    if (detail.data) document.title = `${detail.data.title} · 规划图谱`;
  }, [detail.data]);

  const paras = useMemo<Para[]>(() => {
    if (!data) return [];
    const headings = new Map<number, number>();
    for (const s of data.sections) if (s.kind !== 'runin' && !headings.has(s.headingStart)) headings.set(s.headingStart, s.level);
    return splitParas(data.text, headings);
  }, [data]);

  const byKey = useMemo(() => new Map((data?.findings ?? []).map((f) => [f.key, f])), [data]);
  const selected = selectedKey ? (byKey.get(selectedKey) ?? null) : null;
  const countByKind = useMemo(() => {
    const c: Record<string, number> = {};
    for (const f of data?.findings ?? []) c[f.kind] = (c[f.kind] ?? 0) + 1;
    return c;
  }, [data]);

  // Findings per paragraph for the chosen kinds (recomputed only when the kinds change) …
  const visibleByPara = useMemo(() => {
    const set = new Set(kindsKey.split(','));
    return distribute(paras, (data?.findings ?? []).filter((f) => set.has(f.kind) && f.status !== 'rejected'));
  }, [paras, data, kindsKey]);
  // … plus the selected finding where its kind is hidden (only its paragraphs get new arrays).
  const selectedParas = useMemo(() => {
    if (!selected || selected.start == null || !paras.length) return null;
    const a = paraIndexAt(paras, selected.start);
    const b = paraIndexAt(paras, Math.max(selected.start, (selected.end ?? selected.start) - 1));
    return [a, b] as const;
  }, [selected, paras]);
  const findingsByPara = useMemo(() => {
    if (!selected || !selectedParas) return visibleByPara;
    const out = visibleByPara.slice();
    for (let i = selectedParas[0]; i <= selectedParas[1]; i++) if (!out[i].includes(selected)) out[i] = [...out[i], selected];
    return out;
  }, [visibleByPara, selected, selectedParas]);

  const repairsByPara = useMemo(() => {
    if (!showRepairs || !data) return null;
    const items = data.repairs.map((r, i) => ({ r, i, start: r.start, end: r.start })).filter(({ r }) => r.rule !== 'whitespace' || r.start > 0);
    return distribute(paras, items, true);
  }, [showRepairs, data, paras]);
  const evParas = useMemo(() => {
    if (!evidence || !paras.length) return null;
    return [paraIndexAt(paras, evidence.start), paraIndexAt(paras, evidence.end - 1)] as const;
  }, [evidence, paras]);
  const openRepairPara = openRepair != null && data && paras.length ? paraIndexAt(paras, data.repairs[openRepair]?.start ?? 0) : -1;

  const repairLabel = useCallback((r: RepairDto) => `${label(REPAIR_NAMES, r.rule, lang)}：${r.message}`, [lang]);

  // Scroll the selected finding into view when it comes from the URL or the findings list.
  const ready = !!detail.data && paras.length > 0;
  // A layout effect runs after the marks are in the DOM and before the browser paints, so the page never shows the top first.
  // Evidence asked for (?ev=) is scrolled to instead: it is what the reader wants to see now.
  useLayoutEffect(() => {
    if (!ready || (!selected && !evidence)) return;
    if (!evidence && selected && clicked.current === selected.key) {
      clicked.current = null;
      return;
    }
    const el = textRef.current?.querySelector(evidence ? 'mark.ev' : 'mark.f.selected');
    // On narrow screens the panel is a bottom sheet: put the finding in the upper part instead of the middle.
    el?.scrollIntoView({ block: window.innerWidth <= 1100 ? 'start' : 'center' });
  }, [selected, evidence, ready]);

  const select = (key: string | null, fromText = false) => {
    if (fromText) clicked.current = key;
    setQuery({ f: key, ev: null });
  };
  const showEvidence = (span: { start: number; end: number }) => setQuery({ ev: `${span.start}-${span.end}` });

  const onTextClick = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-keys],[data-ri]');
    if (!el) return;
    if (el.dataset.ri != null) {
      const i = Number(el.dataset.ri);
      setOpenRepair((cur) => (cur === i ? null : i));
      return;
    }
    const keys = (el.dataset.keys ?? '').split(' ').filter(Boolean);
    if (!keys.length) return;
    // Clicking again on a piece whose innermost finding is already selected cycles to the next one.
    const at = selectedKey ? keys.indexOf(selectedKey) : -1;
    select(keys[at >= 0 ? (at + 1) % keys.length : 0], true);
  };

  const scrollToOffset = (offset: number) => {
    if (!paras.length) return;
    const p = paras[paraIndexAt(paras, offset)];
    document.getElementById(`rp-${p.start}`)?.scrollIntoView({ block: 'start' });
    setSideOpen(false);
  };

  const overlapping = useMemo(() => {
    if (!selected || selected.start == null || !data) return [];
    return data.findings
      .filter((f) => f !== selected && f.start != null && f.start < selected.end! && f.end! > selected.start!)
      .sort(innermostFirst(registry.nesting))
      .slice(0, 20);
  }, [selected, data, registry]);

  if (detail.error || body.error) return <ErrorBox error={(detail.error ?? body.error)!} />;
  if (!detail.data || !data) return <Loading />;
  const plan = detail.data;
  const listed = data.findings.filter((f) => f.kind === listKind);

  return (
    <section className="page reader" data-testid="reader">
      <header className="reader-header">
        <h1 data-testid="reader-title">{plan.title}</h1>
        <p className="reader-meta">
          {plan.level ? <span className="badge reader-level">{levelName(plan.level, lang)}</span> : null}
          {plan.issuer.length ? (
            <span>
              {t.issuer}：{plan.issuer.join('、')}
            </span>
          ) : null}
          {plan.docNumber ? <span>{plan.docNumber}</span> : null}
          {plan.period || plan.horizon ? <span data-testid="reader-period">{periodText(plan, lang)}</span> : null}
          {plan.issued ? <span className="muted">{plan.issued}</span> : null}
          <span className="muted">
            {plan.fileName} · {t.version.replace('{n}', String(plan.version ?? 1))}
          </span>
        </p>
        {plan.frame ? <FrameLine frame={plan.frame} evidence={plan.metaEvidence} text={data.text} onShow={showEvidence} /> : null}
        <p className="reader-links">
          <a href={`${base}/original`} download data-testid="download-original">
            ⤓ {t.original}
          </a>
          <Link href={`/plans/${encodeURIComponent(plan.slug)}/targets`}>{t.targets}</Link>
          <Link href={`/plans/${encodeURIComponent(plan.slug)}/monitor`} data-testid="reader-monitor">{lang === 'zh' ? '监测' : 'Monitoring'}</Link>
          <Link href={`/review?plan=${encodeURIComponent(plan.slug)}`}>{t.review}</Link>
        </p>
      </header>

      <div className="toolbar reader-kinds" data-testid="kind-toggles">
        <span className="muted">{t.show}</span>
        {KINDS.map((k) => (
          <label key={k} className={`reader-kind rk-${k}`}>
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              data-testid={`kind-toggle-${k}`}
              onChange={(e) => {
                const next = e.target.checked ? KINDS.filter((x) => x === k || kinds.includes(x)) : kinds.filter((x) => x !== k);
                const same = next.length === DEFAULT_KINDS.length && next.every((x) => DEFAULT_KINDS.includes(x));
                setQuery({ kinds: same ? null : next.join(',') });
              }}
            />
            {registry.kindName(k, lang)}
            <span className="muted">{countByKind[k] ?? 0}</span>
          </label>
        ))}
        <label className="reader-kind reader-repairs-toggle">
          <input
            type="checkbox"
            checked={showRepairs}
            data-testid="repairs-toggle"
            onChange={(e) => {
              setOpenRepair(null);
              setQuery({ repairs: e.target.checked ? '1' : null });
            }}
          />
          {t.repairs}
          <span className="muted">{data.repairs.length}</span>
        </label>
      </div>

      <div className={`reader-layout${selected ? ' has-selection' : ''}`}>
        <aside className={`reader-side${sideOpen ? ' open' : ''}`} data-testid="reader-side">
          <div className="reader-side-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={sideTab === 'outline'} className={sideTab === 'outline' ? 'active' : ''} onClick={() => { setSideTab('outline'); setSideOpen(sideTab !== 'outline' || !sideOpen); }} data-testid="tab-outline">
              {t.outline}
            </button>
            <button type="button" role="tab" aria-selected={sideTab === 'findings'} className={sideTab === 'findings' ? 'active' : ''} onClick={() => { setSideTab('findings'); setSideOpen(sideTab !== 'findings' || !sideOpen); }} data-testid="tab-findings">
              {t.findings}
            </button>
          </div>
          <div className="reader-side-body">
            {sideTab === 'outline' ? (
              <nav className="reader-outline" data-testid="outline" aria-label={t.outline}>
                <OutlineList nodes={plan.outline} depth={1} onPick={scrollToOffset} />
              </nav>
            ) : (
              <div className="reader-findlist" data-testid="finding-list">
                <select value={listKind} onChange={(e) => setListKind(e.target.value)} aria-label={t.findings}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {registry.kindName(k, lang)}（{countByKind[k] ?? 0}）
                    </option>
                  ))}
                </select>
                <a className="reader-export" href={`${base}/findings.csv?kind=${encodeURIComponent(listKind)}`} download data-testid="finding-list-export">
                  ⤓ {t.exportKind}
                </a>
                {listed.length ? (
                  <ol>
                    {listed.slice(0, LIST_LIMIT).map((f) => (
                      <li key={f.key}>
                        <button type="button" className={`reader-findbtn${f.key === selectedKey ? ' active' : ''} st-${f.status}`} onClick={() => { select(f.key); setSideOpen(false); }}>
                          {f.summary || f.quote}
                        </button>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="muted">{t.noFindings}</p>
                )}
                {listed.length > LIST_LIMIT ? <p className="muted">{t.more.replace('{n}', String(listed.length - LIST_LIMIT))}</p> : null}
              </div>
            )}
          </div>
        </aside>

        <div className="reader-text" ref={textRef} onClick={onTextClick} data-testid="reader-text" lang="zh-CN">
          {selectedKey && !selected ? (
            <div className="error" role="alert">
              {t.missing.replace('{key}', selectedKey)}
            </div>
          ) : null}
          {paras.map((p, i) => (
            <Paragraph
              key={p.start}
              text={data.text}
              para={p}
              findings={findingsByPara[i]}
              repairs={repairsByPara ? repairsByPara[i] : EMPTY}
              selectedKey={selectedParas && i >= selectedParas[0] && i <= selectedParas[1] ? selectedKey : null}
              openRepair={i === openRepairPara ? openRepair : null}
              repairLabel={repairLabel}
              evidence={evParas && i >= evParas[0] && i <= evParas[1] ? evidence : null}
            />
          ))}
        </div>

        <aside className="reader-panel" data-testid="finding-panel-wrap">
          {selected ? (
            <div className="reader-panel-inner" data-testid="finding-panel" data-key={selected.key}>
              <button type="button" className="reader-close" onClick={() => select(null)} aria-label={t.close} title={t.close} data-testid="finding-close">
                ×
              </button>
              <FindingDetails finding={selected} planSlug={plan.slug} repairs={data.repairs} onEvidence={showEvidence}>
                {overlapping.length ? (
                  <div className="reader-overlap" data-testid="finding-overlap">
                    <div className="muted">{t.overlap}</div>
                    <ul>
                      {overlapping.map((f) => (
                        <li key={f.key}>
                          <button type="button" className="reader-findbtn" onClick={() => select(f.key)}>
                            <span className={`reader-dot rk-${f.kind}`}>{registry.kindName(f.kind, lang)}</span> {f.summary}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </FindingDetails>
            </div>
          ) : (
            <p className="muted reader-hint">{t.hint}</p>
          )}
        </aside>
      </div>
    </section>
  );
}

function OutlineList({ nodes, depth, onPick }: { nodes: OutlineNode[]; depth: number; onPick: (offset: number) => void }) {
  const shown = nodes.filter((n) => n.kind !== 'runin');
  if (!shown.length) return null;
  return (
    <ul className={`reader-ol reader-ol${depth}`}>
      {shown.map((n) => (
        <li key={n.id}>
          <button type="button" onClick={() => onPick(n.headingStart)} title={`${n.label ?? ''} ${n.title}`.trim()}>
            {n.label ? <span className="reader-ol-label">{n.label}</span> : null}
            {n.title}
          </button>
          {depth < 3 && n.children.length ? <OutlineList nodes={n.children} depth={depth + 1} onPick={onPick} /> : null}
        </li>
      ))}
    </ul>
  );
}
