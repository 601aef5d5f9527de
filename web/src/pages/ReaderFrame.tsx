// The plan's time frame in the reader's header, as a planner says it: 规划期 2021—2025年 · 展望 2035年 ·
// 工作报告年度 2026年 · 回顾部分 … · 部署部分 …; each item shows in the text where it was read.
import { useLang, useT, type Lang } from '../i18n';
import type { TimeFrameDto } from '../../../src/core/api-types';

export interface MetaEvidence {
  field: string;
  start: number;
  end: number;
}

type Span = { start: number; end: number };

const DOC_TYPES: Record<string, { zh: string; en: string }> = {
  plan: { zh: '规划', en: 'Plan' },
  report: { zh: '政府工作报告', en: 'Work report' },
  policy: { zh: '政策文件', en: 'Policy document' },
};

const strings = {
  zh: {
    frame: '时间框架',
    period: '规划期',
    reportPeriod: '时间跨度',
    policyPeriod: '实施期',
    unknownPeriod: '期限',
    horizon: '展望',
    reportYear: '工作报告年度',
    policyYear: '发文年度',
    milestones: '目标年份',
    past: '回顾部分',
    future: '部署部分',
    parts: '{n} 处',
    others: '另 {n} 处',
    year: '{y}年',
    years: '{a}—{b}年',
    list: '、',
    show: '在原文中定位',
  },
  en: {
    frame: 'Time frame',
    period: 'period',
    reportPeriod: 'spans',
    policyPeriod: 'in force',
    unknownPeriod: 'period',
    horizon: 'outlook',
    reportYear: 'report year',
    policyYear: 'issued in',
    milestones: 'goal years',
    past: 'looks back',
    future: 'sets out',
    parts: '{n} parts',
    others: '{n} more',
    year: '{y}',
    years: '{a}–{b}',
    list: ', ',
    show: 'Show in the text',
  },
};

/**
 * A part's name: the heading its evidence spans (（一）发展基础), or, where the evidence is only the
 * year in it (2025年), the first line of the part (一、2025年工作回顾); shortened, without the full stop.
 */
function partTitle(text: string, p: TimeFrameDto['parts'][number]): string {
  const { start, end } = p.evidence;
  let name: string;
  if (end - start > 6 || p.year == null) name = text.slice(start, end);
  else {
    const nl = text.indexOf('\n', p.start);
    name = text.slice(p.start, nl < 0 || nl > p.start + 40 ? Math.min(text.length, p.start + 40) : nl);
  }
  name = name.trim().replace(/[。．.：:]+$/, '');
  return name.length > 24 ? name.slice(0, 23) + '…' : name;
}

const periodLabel = (docType: string, t: Record<keyof (typeof strings)['zh'], string>) =>
  docType === 'plan' ? t.period : docType === 'report' ? t.reportPeriod : docType === 'policy' ? t.policyPeriod : t.unknownPeriod;

const MAX_PARTS = 3;

export function FrameLine({ frame, evidence, text, onShow }: { frame: TimeFrameDto; evidence: MetaEvidence[]; text: string; onShow: (s: Span) => void }) {
  const t = useT(strings);
  const { lang } = useLang();
  const at = (field: string) => evidence.find((e) => e.field === field) ?? null;
  const year = (y: number) => t.year.replace('{y}', String(y));
  const items: Array<{ key: string; label: string; value: string; span: Span | null }> = [];
  if (frame.period) {
    items.push({ key: 'period', label: periodLabel(frame.docType, t), value: t.years.replace('{a}', String(frame.period[0])).replace('{b}', String(frame.period[1])), span: at('period') });
  }
  if (frame.horizon) items.push({ key: 'horizon', label: t.horizon, value: year(frame.horizon), span: at('horizon') });
  if (frame.currentYear && (frame.docType === 'report' || frame.docType === 'policy')) {
    items.push({ key: 'current', label: frame.docType === 'report' ? t.reportYear : t.policyYear, value: year(frame.currentYear), span: at('frame') });
  }
  if (frame.milestones.length) items.push({ key: 'milestones', label: t.milestones, value: frame.milestones.join(t.list) + (lang === 'zh' ? '年' : ''), span: null });
  const past = frame.parts.filter((p) => p.tense === 'past');
  const future = frame.parts.filter((p) => p.tense === 'future');
  if (!items.length && !frame.parts.length && frame.docType === 'unknown') return null;

  return (
    <div className="reader-frame" data-testid="reader-frame" data-doctype={frame.docType}>
      <span className="muted">{t.frame}</span>
      {DOC_TYPES[frame.docType] ? <span className="badge reader-doctype">{DOC_TYPES[frame.docType][lang]}</span> : null}
      {items.map((it) => (
        <span key={it.key} className="reader-frame-item" data-testid={`frame-${it.key}`}>
          {it.label}{' '}
          {it.span ? (
            <button type="button" className="linkish" title={t.show} onClick={() => onShow(it.span!)}>
              {it.value}
            </button>
          ) : (
            it.value
          )}
        </span>
      ))}
      <Parts label={t.past} parts={past} text={text} lang={lang} onShow={onShow} testId="frame-past" more={t.parts} others={t.others} title={t.show} />
      <Parts label={t.future} parts={future} text={text} lang={lang} onShow={onShow} testId="frame-future" more={t.parts} others={t.others} title={t.show} />
    </div>
  );
}

function Parts({
  label,
  parts,
  text,
  lang,
  onShow,
  testId,
  more,
  others,
  title,
}: {
  label: string;
  parts: TimeFrameDto['parts'];
  text: string;
  lang: Lang;
  onShow: (s: Span) => void;
  testId: string;
  more: string;
  others: string;
  title: string;
}) {
  if (!parts.length) return null;
  const name = (p: TimeFrameDto['parts'][number]) => partTitle(text, p) || (p.year ? String(p.year) : '…');
  const button = (p: TimeFrameDto['parts'][number]) => (
    <button key={p.start} type="button" className="linkish" title={title} onClick={() => onShow(p.evidence)}>
      {name(p)}
      {p.year && !name(p).includes(String(p.year)) ? `（${p.year}${lang === 'zh' ? '年' : ''}）` : ''}
    </button>
  );
  const sep = lang === 'zh' ? '、' : ', ';
  // Parts with their own year (2025年工作回顾, 2026年重点工作) are named; the others are listed on demand.
  const dated = parts.length <= MAX_PARTS ? parts : parts.filter((p) => p.year != null).slice(0, MAX_PARTS);
  const rest = parts.filter((p) => !dated.includes(p));
  return (
    <span className="reader-frame-item" data-testid={testId}>
      {label} {dated.map((p, i) => [i ? sep : '', button(p)])}
      {rest.length ? (
        <details className="reader-frame-parts">
          <summary>
            {dated.length ? sep : ''}
            {(dated.length ? others : more).replace('{n}', String(rest.length))}
          </summary>
          <span className="reader-frame-list">{rest.map((p) => button(p))}</span>
        </details>
      ) : null}
    </span>
  );
}
