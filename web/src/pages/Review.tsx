// 审核: findings least sure first, each beside its source sentence; accept (A), reject (R), correct
// (E, a form generated from the kind's fields), add a missed one (N), J/K to move. Filters and the
// current item (f=<key>) live in the URL.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { ApiError, qs, sendJSON, useApi } from '../api';
import { FieldInputs, fromText, toText, useFieldSpecs, type FieldSpec } from '../components/FieldEditor';
import { FindingProvenance } from '../components/FindingDetails';
import { PlanPicker } from '../components/PlanPicker';
import { ErrorBox, Loading } from '../components/Status';
import { useLang, useT } from '../i18n';
import { fieldValue, useKinds } from '../kinds';
import { Link, setQuery, useLocation } from '../router';
import { ReviewOrphans } from './ReviewOrphans';
import { formatTargetValue, STATUS_NAMES } from './TargetsFormat';
import type { FindingDto, ReviewCounts } from '../../../src/core/api-types';
import './Review.css';

interface ReviewItem {
  plan: { slug: string; title: string };
  finding: FindingDto;
  sentence: { text: string; start: number; end: number };
  mark: { start: number; end: number };
}

type Counts = ReviewCounts;

const PAGE = 50;
const STATUSES = ['pending', 'reviewed', 'all', 'accepted', 'corrected', 'rejected', 'added'];

const strings = {
  zh: {
    title: '审核',
    intro: '按置信度从低到高逐条核对提取结果：接受、驳回、更正，或补录遗漏的内容。',
    progress: '已审核 {n} / 共 {m}',
    precision: '提取精确率',
    strict: '严格',
    lenient: '宽松',
    precisionNone: '尚无审核结果',
    precisionHelp:
      '只统计提取程序给出、已经人工审核的条目（补录不计）。严格精确率 = 接受 ÷（接受 + 更正 + 驳回）；宽松精确率 =（接受 + 更正）÷（接受 + 更正 + 驳回）。',
    allPlans: '全部规划',
    allKinds: '全部类型',
    empty: '没有符合条件的条目。',
    accept: '接受',
    reject: '驳回',
    correct: '更正',
    add: '补录',
    save: '保存',
    cancel: '取消',
    prev: '上一页',
    next: '下一页',
    range: '第 {a}–{b} 条 / 共 {n} 条',
    confidence: '置信度',
    source: '原文',
    fields: '字段',
    extractedWas: '原提取',
    decidedBy: '{who} 于 {at} {what}',
    noChange: '没有修改任何字段。',
    added: '此条为人工补录：更正会修改其字段，驳回即撤销补录。',
    withdrawn: '已撤销补录：{what}',
    kind: '类型',
    plan: '规划',
    quote: '原文片段（须与原文完全一致）',
    occurrence: '第几次出现',
    note: '备注',
    choosePlan: '选择规划',
    shortcuts: '快捷键',
    keys: 'A 接受 · R 驳回 · E 更正 · N 补录 · J/↓ 下一条 · K/↑ 上一条 · Enter 保存 · Esc 取消',
    done: '已记录：{what}',
    targets: '目标表',
    flags: '标记',
    addTitle: '补录遗漏的条目',
    editTitle: '更正字段',
    colon: '：',
    status: '审核状态',
    yearSuffix: '年',
  },
  en: {
    title: 'Review',
    intro: 'Check what was extracted, least sure first: accept, reject, correct, or add what was missed.',
    progress: 'Reviewed {n} / {m}',
    precision: 'Extractor precision',
    strict: 'strict',
    lenient: 'lenient',
    precisionNone: 'nothing reviewed yet',
    precisionHelp:
      'Counts extractor findings people reviewed (additions excluded). Strict precision = accepted ÷ (accepted + corrected + rejected); lenient = (accepted + corrected) ÷ (accepted + corrected + rejected).',
    allPlans: 'All plans',
    allKinds: 'All kinds',
    empty: 'Nothing matches the filters.',
    accept: 'Accept',
    reject: 'Reject',
    correct: 'Correct',
    add: 'Add',
    save: 'Save',
    cancel: 'Cancel',
    prev: 'Previous',
    next: 'Next',
    range: '{a}–{b} of {n}',
    confidence: 'Confidence',
    source: 'Source',
    fields: 'Fields',
    extractedWas: 'extracted',
    decidedBy: '{what} by {who} at {at}',
    noChange: 'No field was changed.',
    added: 'Added by a person: correcting changes its fields, rejecting withdraws it.',
    withdrawn: 'Addition withdrawn: {what}',
    kind: 'Kind',
    plan: 'Plan',
    quote: 'Quote (exactly as in the text)',
    occurrence: 'Occurrence',
    note: 'Note',
    choosePlan: 'Choose a plan',
    shortcuts: 'Shortcuts',
    keys: 'A accept · R reject · E correct · N add · J/↓ next · K/↑ previous · Enter save · Esc cancel',
    done: 'Recorded: {what}',
    targets: 'Targets table',
    flags: 'Flags',
    addTitle: 'Add a missed finding',
    editTitle: 'Correct fields',
    colon: ': ',
    status: 'Review status',
    yearSuffix: '',
  },
};

const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`);

/** The sentence with the finding marked, and the year's evidence highlighted where it lies inside the sentence (a span: the sentence's one <mark> is the finding). */
function Sentence({ item }: { item: ReviewItem }) {
  const { text, start: at } = item.sentence;
  const { start, end } = item.mark;
  const ev = item.finding.evidence
    .map((e) => ({ start: e.start - at, end: e.end - at }))
    .filter((e) => e.start >= 0 && e.end <= text.length && e.end > e.start && (e.end <= start || e.start >= end));
  const plain = (a: number, b: number) => {
    const out: ReactNode[] = [];
    let p = a;
    for (const e of ev.filter((x) => x.start >= a && x.end <= b).sort((x, y) => x.start - y.start)) {
      if (e.start < p) continue;
      out.push(text.slice(p, e.start), <span key={e.start} className="review-ev" data-testid="review-evidence">{text.slice(e.start, e.end)}</span>);
      p = e.end;
    }
    out.push(text.slice(p, b));
    return out;
  };
  return (
    <p className="review-sentence" data-testid="review-sentence">
      {plain(0, start)}
      <mark className={`f f-${item.finding.kind}`}>{text.slice(start, end)}</mark>
      {plain(end, text.length)}
    </p>
  );
}

/** Field values as text; for a corrected finding, the extractor's value beside it. */
function FieldList({ item, specs }: { item: ReviewItem; specs: FieldSpec[] | null }) {
  const { lang } = useLang();
  const t = useT(strings);
  const f = item.finding;
  if (!specs) return <p className="muted">{f.summary}</p>;
  return (
    <dl className="review-fields" data-testid="review-fields">
      {specs.map((s) => {
        const now = toText(s, fieldValue(f.data, s.name));
        const was = f.extracted && s.name in f.extracted ? toText(s, fieldValue(f.extracted, s.name)) : null;
        const opt = s.options?.find((o) => o.value === now);
        return (
          <div key={s.name} className="review-field">
            <dt>{s[lang]}</dt>
            <dd data-testid={`review-field-${s.name}`}>
              {opt ? opt[lang] : now || '—'}
              {was != null && was !== now && (
                <span className="review-was">
                  {' '}
                  ({t.extractedWas}: <s>{was || '—'}</s>)
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

type Mode = 'view' | 'edit' | 'add';

export function ReviewPage() {
  const t = useT(strings);
  const registry = useKinds();
  const { lang } = useLang();
  const { query } = useLocation();
  const plan = query.get('plan') ?? '';
  const kind = query.get('kind') ?? '';
  const status = STATUSES.includes(query.get('status') ?? '') ? query.get('status')! : 'pending';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const f = query.get('f');

  const list = useApi<{ items: ReviewItem[]; total: number }>(`/api/review${qs({ plan, kind, status, limit: PAGE, offset })}`);
  const stats = useApi<Counts & { byKind: Record<string, Counts>; orphans: number }>(`/api/review/stats${qs({ plan })}`);
  const [items, setItems] = useState<ReviewItem[]>([]);
  useEffect(() => setItems(list.data?.items ?? []), [list.data]);

  const inList = items.find((i) => i.finding.key === f) ?? null;
  const single = useApi<{ items: ReviewItem[] }>(f && list.data && !inList ? `/api/review${qs({ plan, status: 'all', key: f })}` : null);
  const [outside, setOutside] = useState<ReviewItem | null>(null);
  useEffect(() => setOutside(single.data?.items[0] ?? null), [single.data]);
  const current: ReviewItem | null = inList ?? (f && outside?.finding.key === f ? outside : null) ?? (f ? null : (items[0] ?? null));

  const [mode, setMode] = useState<Mode>('view');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [flash, setFlash] = useState('');
  const [busy, setBusy] = useState(false);
  const [addKind, setAddKind] = useState('target');
  const [addPlan, setAddPlan] = useState('');
  const [quote, setQuote] = useState('');
  const [occurrence, setOccurrence] = useState('');

  const specs = useFieldSpecs(current?.finding.kind ?? null);
  const addSpecs = useFieldSpecs(mode === 'add' ? addKind : null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    setMode('view');
    setErrors({});
  }, [current?.finding.key]);
  useEffect(() => {
    // Scroll the list box only (scrollIntoView would scroll the page too, away from the current item on a phone).
    const ol = listRef.current;
    const el = ol?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!ol || !el) return;
    if (el.offsetTop < ol.scrollTop) ol.scrollTop = el.offsetTop;
    else if (el.offsetTop + el.offsetHeight > ol.scrollTop + ol.clientHeight) ol.scrollTop = el.offsetTop + el.offsetHeight - ol.clientHeight;
  }, [current?.finding.key]);

  const select = (key: string) => setQuery({ f: key });
  const move = (d: 1 | -1) => {
    if (!items.length) return;
    const i = current ? items.findIndex((x) => x.finding.key === current.finding.key) : -1;
    const j = Math.min(items.length - 1, Math.max(0, i + d));
    if (items[j]) select(items[j].finding.key);
  };

  const showError = (e: unknown) => {
    if (e instanceof ApiError) setErrors(e.field ? { [e.field]: e.message } : { _: e.message });
    else setErrors({ _: (e as Error).message });
  };

  const decide = async (action: 'accept' | 'reject' | 'correct', fields?: Record<string, unknown>) => {
    if (!current || busy) return;
    setBusy(true);
    try {
      // By the finding's stable key, which also reaches a person's own additions (they have no row id).
      const r = await sendJSON<{ finding: FindingDto | null }>(`/api/plans/${encodeURIComponent(current.plan.slug)}/decisions`, {
        key: current.finding.key,
        action,
        fields,
        note: note || undefined,
      });
      // No finding back: a person's addition was withdrawn; it leaves the list.
      const updated: ReviewItem = { ...current, finding: r.finding ?? { ...current.finding, status: 'rejected' } };
      const i0 = items.findIndex((x) => x.finding.key === updated.finding.key);
      const next = r.finding ? items.map((x) => (x.finding.key === updated.finding.key ? updated : x)) : items.filter((x) => x.finding.key !== updated.finding.key);
      setItems(next);
      if (outside?.finding.key === updated.finding.key) setOutside(r.finding ? updated : null);
      setFlash(
        r.finding
          ? t.done.replace('{what}', `${STATUS_NAMES[updated.finding.status]?.[lang] ?? updated.finding.status} · ${updated.finding.summary}`)
          : t.withdrawn.replace('{what}', updated.finding.summary),
      );
      setMode('view');
      setErrors({});
      setNote('');
      stats.reload();
      const i = r.finding ? next.findIndex((x) => x.finding.key === updated.finding.key) : i0 - 1;
      const after = next.slice(i + 1).find((x) => x.finding.status === 'pending') ?? next.slice(0, Math.max(0, i)).find((x) => x.finding.status === 'pending');
      if (after) select(after.finding.key);
      else if (!r.finding) setQuery({ f: null });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const startEdit = () => {
    if (!current || !specs) return;
    setValues(Object.fromEntries(specs.map((s) => [s.name, toText(s, fieldValue(current.finding.data, s.name))])));
    setErrors({});
    setFlash('');
    setMode('edit');
  };

  const saveEdit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!current || !specs) return;
    const fields: Record<string, unknown> = {};
    const errs: Record<string, string> = {};
    for (const s of specs) {
      if ((values[s.name] ?? '') === toText(s, fieldValue(current.finding.data, s.name))) continue;
      const r = fromText(s, values[s.name] ?? '');
      if ('error' in r) errs[s.name] = r.error;
      else fields[s.name] = r.value;
    }
    if (Object.keys(errs).length) return setErrors(errs);
    if (!Object.keys(fields).length) return setErrors({ _: t.noChange });
    void decide('correct', fields);
  };

  const startAdd = () => {
    const sel = window.getSelection()?.toString().trim() ?? '';
    setQuote(sel);
    setOccurrence('');
    setAddKind(kind || current?.finding.kind || 'target');
    setAddPlan(current?.plan.slug ?? plan);
    setValues({});
    setErrors({});
    setFlash('');
    setMode('add');
  };

  // Enum fields without an empty choice start at their first option (what the select shows).
  useEffect(() => {
    if (mode !== 'add' || !addSpecs) return;
    setValues((v) => {
      const out = { ...v };
      for (const s of addSpecs) if (s.type === 'enum' && !s.nullable && !out[s.name]) out[s.name] = s.options?.[0]?.value ?? '';
      return out;
    });
  }, [mode, addSpecs]);

  const saveAdd = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!addSpecs || busy) return;
    if (!addPlan) return setErrors({ plan: t.choosePlan });
    const fields: Record<string, unknown> = {};
    const errs: Record<string, string> = {};
    for (const s of addSpecs) {
      if (!(values[s.name] ?? '').trim()) continue;
      const r = fromText(s, values[s.name]);
      if ('error' in r) errs[s.name] = r.error;
      else fields[s.name] = r.value;
    }
    if (Object.keys(errs).length) return setErrors(errs);
    setBusy(true);
    try {
      const r = await sendJSON<{ finding: FindingDto | null }>(`/api/plans/${encodeURIComponent(addPlan)}/findings`, {
        kind: addKind,
        quote,
        occurrence: occurrence ? Number(occurrence) : undefined,
        fields,
        note: note || undefined,
      });
      setMode('view');
      setErrors({});
      setNote('');
      setFlash(t.done.replace('{what}', `${STATUS_NAMES.added[lang]} · ${r.finding?.summary ?? quote}`));
      stats.reload();
      list.reload();
      if (r.finding) select(r.finding.key);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setMode('view');
    setErrors({});
  };
  const formKeys = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };

  // Page shortcuts (not while typing in a field).
  const keyRef = useRef<(e: KeyboardEvent) => void>(() => {});
  keyRef.current = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (el.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (mode !== 'view') {
      if (e.key === 'Escape') cancel();
      return;
    }
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const act: Record<string, () => void> = {
      a: () => void decide('accept'),
      r: () => void decide('reject'),
      e: startEdit,
      n: startAdd,
      j: () => move(1),
      ArrowDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
    };
    if (act[k]) {
      e.preventDefault();
      act[k]();
    }
  };
  useEffect(() => {
    const on = (e: KeyboardEvent) => keyRef.current(e);
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  const counts = stats.data ? (kind ? (stats.data.byKind[kind] ?? null) : stats.data) : null;
  const kindName = (k: string) => registry.kindName(k, lang);
  const KINDS = registry.names;
  const statusName = (s: string) => STATUS_NAMES[s]?.[lang] ?? s;
  const total = list.data?.total ?? 0;
  const frac = counts && counts.total ? counts.reviewed / counts.total : 0;
  const canDecide = !!current && !busy;

  const filters = useMemo(
    () => (
      <div className="toolbar review-filters">
        <PlanPicker value={plan} onChange={(slug) => setQuery({ plan: slug || null, offset: null, f: null })} emptyLabel={t.allPlans} label={t.plan} testid="review-plan" />
        <select value={kind} onChange={(e) => setQuery({ kind: e.target.value, offset: null, f: null })} aria-label={t.kind} data-testid="review-kind">
          <option value="">{t.allKinds}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindName(k)}
            </option>
          ))}
        </select>
        <select value={status} onChange={(e) => setQuery({ status: e.target.value === 'pending' ? null : e.target.value, offset: null, f: null })} aria-label={t.status} data-testid="review-status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusName(s)}
            </option>
          ))}
        </select>
        {plan && kind === 'target' && <Link href={`/plans/${encodeURIComponent(plan)}/targets`}>{t.targets}</Link>}
      </div>
    ),
    [plan, kind, status, lang], // eslint-disable-line react-hooks/exhaustive-deps
  );

  return (
    <section className="page review-page">
      <h1>{t.title}</h1>
      <p className="muted review-intro">{t.intro}</p>
      <div className="review-head">
        <div className="review-progress" data-testid="review-progress">
          <span data-testid="review-reviewed" data-reviewed={counts?.reviewed ?? ''} data-total={counts?.total ?? ''}>
            {counts ? t.progress.replace('{n}', String(counts.reviewed)).replace('{m}', String(counts.total)) : '…'}
          </span>
          <div className="review-bar" role="progressbar" aria-valuemin={0} aria-valuemax={counts?.total ?? 0} aria-valuenow={counts?.reviewed ?? 0}>
            <div style={{ width: `${(frac * 100).toFixed(2)}%` }} />
          </div>
        </div>
        <div className="review-precision" title={t.precisionHelp} data-testid="review-precision" data-precision={counts?.precision ?? ''}>
          {t.precision}
          <span className="review-help" aria-label={t.precisionHelp}>
            ?
          </span>
          {t.colon}
          {counts?.precision == null ? (
            <span className="muted">{t.precisionNone}</span>
          ) : (
            <>
              {t.strict} <strong>{pct(counts.precision)}</strong> · {t.lenient} <strong>{pct(counts.lenientPrecision)}</strong>
              <span className="muted review-counts">
                {' '}
                ({statusName('accepted')} {counts.accepted} · {statusName('corrected')} {counts.corrected} · {statusName('rejected')} {counts.rejected} · {statusName('added')} {counts.added})
              </span>
            </>
          )}
        </div>
      </div>
      {filters}
      <ReviewOrphans plan={plan} count={stats.data?.orphans ?? 0} />
      {flash && (
        <p className="review-flash" role="status" data-testid="review-flash">
          {flash}
        </p>
      )}
      {list.error && <ErrorBox error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <div className="review-main">
          <div className="review-list-col">
            {items.length === 0 ? (
              <p className="status">{t.empty}</p>
            ) : (
              <ol className="review-list" ref={listRef} data-testid="review-list">
                {items.map((i) => {
                  const on = current?.finding.key === i.finding.key;
                  return (
                    <li key={i.finding.key}>
                      <button
                        type="button"
                        className={`review-item${on ? ' review-item-current' : ''}`}
                        aria-current={on}
                        onClick={() => select(i.finding.key)}
                        data-testid="review-item"
                        data-key={i.finding.key}
                        data-status={i.finding.status}
                      >
                        <span className={`review-kind review-kind-${i.finding.kind}`}>{kindName(i.finding.kind)}</span>
                        <span className="review-item-summary">{i.finding.summary}</span>
                        <span className="review-item-meta">
                          <span className="review-conf">{i.finding.confidence.toFixed(2)}</span>
                          <span className={`badge review-status review-status-${i.finding.status}`} data-testid="review-item-status">
                            {statusName(i.finding.status)}
                          </span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
            {total > 0 && (
              <div className="review-pager">
                <button type="button" disabled={offset === 0} onClick={() => setQuery({ offset: Math.max(0, offset - PAGE) || null, f: null })}>
                  {t.prev}
                </button>
                <span className="muted">
                  {t.range
                    .replace('{a}', String(Math.min(total, offset + 1)))
                    .replace('{b}', String(Math.min(total, offset + PAGE)))
                    .replace('{n}', String(total))}
                </span>
                <button type="button" disabled={offset + PAGE >= total} onClick={() => setQuery({ offset: offset + PAGE, f: null })}>
                  {t.next}
                </button>
              </div>
            )}
          </div>

          <div className="review-detail">
            {current && mode !== 'add' && (
              <article className="review-current" data-testid="review-current" data-key={current.finding.key} data-status={current.finding.status}>
                <header className="review-current-head">
                  <span className={`review-kind review-kind-${current.finding.kind}`}>{kindName(current.finding.kind)}</span>
                  <span className={`badge review-status review-status-${current.finding.status}`} data-testid="review-current-status">
                    {statusName(current.finding.status)}
                  </span>
                  <span className="muted">
                    {t.confidence} {current.finding.confidence.toFixed(2)}
                  </span>
                  <Link href={`/plans/${encodeURIComponent(current.plan.slug)}${qs({ f: current.finding.key })}`} className="review-plan-link">
                    {current.plan.title}
                  </Link>
                </header>
                {current.finding.kind === 'target' && (
                  <p className="review-target-value" data-testid="review-target-value">
                    {String(current.finding.data.indicator ?? '')} <strong>{formatTargetValue(current.finding.data)}</strong>
                    {current.finding.data.year != null && <span className="muted"> ({String(current.finding.data.year)}{t.yearSuffix})</span>}
                  </p>
                )}
                <h2 className="review-sub">{t.source}</h2>
                <Sentence item={current} />
                <FindingProvenance finding={current.finding} planSlug={current.plan.slug} />
                {current.finding.flags.length > 0 && (
                  <p className="muted review-flags">
                    {t.flags}: {current.finding.flags.join(', ')}
                  </p>
                )}
                {current.finding.decision && (
                  <p className="muted review-decision">
                    {t.decidedBy
                      .replace('{who}', current.finding.decision.actor)
                      .replace('{at}', new Date(current.finding.decision.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'))
                      .replace('{what}', statusName(current.finding.status))}
                    {current.finding.decision.note ? ` — ${current.finding.decision.note}` : ''}
                  </p>
                )}

                {mode === 'view' && (
                  <>
                    <div className="review-actions">
                      <button type="button" className="primary" disabled={!canDecide} onClick={() => void decide('accept')} data-testid="review-accept">
                        {t.accept} <kbd>A</kbd>
                      </button>
                      <button type="button" disabled={!canDecide} onClick={() => void decide('reject')} data-testid="review-reject">
                        {t.reject} <kbd>R</kbd>
                      </button>
                      <button type="button" disabled={!canDecide || !specs} onClick={startEdit} data-testid="review-correct">
                        {t.correct} <kbd>E</kbd>
                      </button>
                      <button type="button" onClick={startAdd} data-testid="review-add">
                        {t.add} <kbd>N</kbd>
                      </button>
                    </div>
                    {current.finding.id == null && <p className="muted">{t.added}</p>}
                    {errors._ && <div className="error">{errors._}</div>}
                    <h2 className="review-sub">{t.fields}</h2>
                    <FieldList item={current} specs={specs} />
                  </>
                )}

                {mode === 'edit' && specs && (
                  <form className="review-form" onSubmit={saveEdit} onKeyDown={formKeys} data-testid="review-editor">
                    <h2 className="review-sub">{t.editTitle}</h2>
                    <FieldInputs specs={specs} values={values} onChange={(n, v) => setValues((x) => ({ ...x, [n]: v }))} errors={errors} idPrefix="edit" autoFocus={specs[0]?.name} />
                    <label className="review-note">
                      {t.note}
                      <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="review-note" />
                    </label>
                    {errors._ && <div className="error">{errors._}</div>}
                    {errors.fields && <div className="error">{errors.fields}</div>}
                    <div className="review-actions">
                      <button type="submit" className="primary" disabled={busy} data-testid="review-save">
                        {t.save} <kbd>Enter</kbd>
                      </button>
                      <button type="button" onClick={cancel}>
                        {t.cancel} <kbd>Esc</kbd>
                      </button>
                    </div>
                  </form>
                )}
              </article>
            )}

            {mode === 'add' && (
              <form className="review-form review-current" onSubmit={saveAdd} onKeyDown={formKeys} data-testid="review-add-form">
                <h2 className="review-sub">{t.addTitle}</h2>
                <div className="field-editor">
                  <div className={`field-editor-row${errors.plan ? ' field-editor-invalid' : ''}`}>
                    <label htmlFor="add-plan">{t.plan}</label>
                    <PlanPicker id="add-plan" value={addPlan} onChange={setAddPlan} emptyLabel={t.choosePlan} label={t.plan} testid="add-plan" />
                    {errors.plan && <div className="field-editor-error">{errors.plan}</div>}
                  </div>
                  <div className="field-editor-row">
                    <label htmlFor="add-kind">{t.kind}</label>
                    <select
                      id="add-kind"
                      value={addKind}
                      onChange={(e) => {
                        setAddKind(e.target.value);
                        setValues({});
                      }}
                      data-testid="add-kind"
                    >
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {kindName(k)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className={`field-editor-row${errors.quote ? ' field-editor-invalid' : ''}`}>
                    <label htmlFor="add-quote">{t.quote}</label>
                    <input id="add-quote" value={quote} onChange={(e) => setQuote(e.target.value)} autoFocus data-testid="add-quote" />
                    {errors.quote && (
                      <div className="field-editor-error" role="alert" data-testid="field-error-quote">
                        {errors.quote}
                      </div>
                    )}
                  </div>
                  <div className={`field-editor-row${errors.occurrence ? ' field-editor-invalid' : ''}`}>
                    <label htmlFor="add-occurrence">{t.occurrence}</label>
                    <input id="add-occurrence" inputMode="numeric" value={occurrence} onChange={(e) => setOccurrence(e.target.value.replace(/\D/g, ''))} data-testid="add-occurrence" />
                    {errors.occurrence && <div className="field-editor-error">{errors.occurrence}</div>}
                  </div>
                </div>
                {addSpecs && <FieldInputs specs={addSpecs} values={values} onChange={(n, v) => setValues((x) => ({ ...x, [n]: v }))} errors={errors} idPrefix="add" />}
                <label className="review-note">
                  {t.note}
                  <input value={note} onChange={(e) => setNote(e.target.value)} />
                </label>
                {errors._ && <div className="error">{errors._}</div>}
                <div className="review-actions">
                  <button type="submit" className="primary" disabled={busy || !addSpecs} data-testid="add-save">
                    {t.save} <kbd>Enter</kbd>
                  </button>
                  <button type="button" onClick={cancel}>
                    {t.cancel} <kbd>Esc</kbd>
                  </button>
                </div>
              </form>
            )}
            {!current && mode !== 'add' && items.length > 0 && f && single.loading && <Loading />}

            <aside className="review-keys" data-testid="review-shortcuts">
              <strong>{t.shortcuts}</strong>：{t.keys}
            </aside>
          </div>
        </div>
      )}
    </section>
  );
}
