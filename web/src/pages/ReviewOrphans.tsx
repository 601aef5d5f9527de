// Decisions that no longer match a finding (the plan text changed there). They are kept, never
// deleted; this list lets a reviewer see them and find where the text went.
import { qs, usePages } from '../api';
import { useLang, useT } from '../i18n';
import { useKinds } from '../kinds';
import { Link } from '../router';
import type { FindingDataMap, FindingKind } from '../../../src/core/api-types';

export interface OrphanItem {
  plan: { slug: string; title: string };
  decision: { id: number; action: string; kind: string; key: string; quote: string; fields: Partial<FindingDataMap[FindingKind]>; note: string | null; actor: string; at: string };
}

const strings = {
  zh: {
    summary: '{n} 条审核决定已对不上提取结果（规划原文在该处有改动），均已保留，请复核',
    help: '这些决定不会删除；若原文恢复，它们会重新生效。可在本规划中检索原句，找到改动后的位置重新审核。',
    search: '在本规划中检索',
    by: '{who} · {at}',
    accept: '接受',
    reject: '驳回',
    correct: '更正',
    add: '补录',
    more: '显示更多（{n} / {all}）',
  },
  en: {
    summary: '{n} review decisions no longer match a finding (the plan text changed there); all are kept for re-checking',
    help: 'Nothing is deleted: a decision applies again if the text comes back. Search the plan for the sentence to find where it went and review it there.',
    search: 'Search this plan',
    by: '{who} · {at}',
    accept: 'Accept',
    reject: 'Reject',
    correct: 'Correct',
    add: 'Add',
    more: 'Show more ({n} of {all})',
  },
};

/** Decisions asked for at a time (the API's maximum is 500). */
const PAGE = 50;

const fieldText = (v: unknown) => (v == null ? '—' : Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function ReviewOrphans({ plan, count }: { plan: string; count: number }) {
  const t = useT(strings);
  const { lang } = useLang();
  const kinds = useKinds();
  // one page at a time (the server answers a page with the total); "more" appends the next page
  const page = usePages<{ items: OrphanItem[]; total: number }, OrphanItem>(count > 0 ? `/api/review/orphans${qs({ plan })}` : null, (b) => b.items, PAGE);
  const list = { data: page.loaded ? { items: page.items, total: page.total } : null };
  if (!count || !list.data?.items.length) return null;
  return (
    <details className="review-orphans" data-testid="review-orphans">
      <summary>{t.summary.replace('{n}', String(list.data.total))}</summary>
      <p className="muted">{t.help}</p>
      <ul>
        {list.data.items.map(({ plan: p, decision: d }) => (
          <li key={d.id} data-testid="review-orphan">
            <span className="review-orphan-action">{(t as Record<string, string>)[d.action] ?? d.action}</span> {kinds.kindName(d.kind, lang)} · {p.title}
            <blockquote>「{d.quote}」</blockquote>
            {Object.keys(d.fields).length > 0 && (
              <p className="review-orphan-fields">
                {Object.entries(d.fields)
                  .map(([k, v]) => `${kinds.fieldName(d.kind, k, lang)}${lang === 'zh' ? '：' : ': '}${fieldText(v)}`)
                  .join(lang === 'zh' ? '；' : '; ')}
              </p>
            )}
            <p className="muted">
              {t.by.replace('{who}', d.actor).replace('{at}', new Date(d.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'))}
              {d.note ? ` — ${d.note}` : ''} · <Link href={`/search${qs({ q: d.quote.slice(0, 12), plan: p.slug })}`}>{t.search}</Link>
            </p>
          </li>
        ))}
      </ul>
      {list.data.items.length < list.data.total ? (
        <button type="button" disabled={page.loading} onClick={page.more} data-testid="review-orphans-more">
          {t.more.replace('{n}', String(list.data.items.length)).replace('{all}', String(list.data.total))}
        </button>
      ) : null}
    </details>
  );
}
