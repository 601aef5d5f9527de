// One finding, shown in full: kind, summary, every data field with a Chinese label, confidence,
// flags, review status, the rule that made it with its measured precision, where its year was
// read, the repairs inside its span. Used by the reader; FindingProvenance also by the 审核 page.
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { getJSON } from '../api';
import { useLang, useT, type Lang } from '../i18n';
import { fieldValue, useKinds, type Kinds } from '../kinds';
import { STATUS_LABELS } from '../../../src/core/review-status';
import { Link } from '../router';
import type { EvidenceDto, FindingDto, RuleInfo } from '../../../src/core/api-types';
import './FindingDetails.css';

/** As GET /api/plans/:slug/text returns it. */
export type { FindingDto };

export interface RepairDto {
  rule: string;
  start: number;
  end: number;
  before: string;
  after: string;
  message: string;
}

type Labels = Record<string, { zh: string; en: string }>;

export const FLAG_NAMES: Labels = {
  decimal_restored: { zh: '恢复小数点', en: 'decimal point restored' },
  percent_restored: { zh: '恢复百分号', en: 'percent sign restored' },
  table_cells_split: { zh: '表格单元拆分', en: 'table cells split' },
  year_implied: { zh: '年份推断', en: 'year implied' },
  year_inherited: { zh: '年份沿用上文', en: 'year inherited' },
  scope_implied: { zh: '范围推断', en: 'scope implied' },
  subject_inherited: { zh: '主语沿用上文', en: 'subject inherited' },
  subject_from_heading: { zh: '对象取自标题', en: 'subject from heading' },
  doubtful_value: { zh: '数值存疑', en: 'doubtful value' },
  added_by_reviewer: { zh: '人工添加', en: 'added by a reviewer' },
  members_inferred: { zh: '成员推断', en: 'members inferred' },
  member_count_differs: { zh: '成员数不符', en: 'member count differs' },
  inconsistent_counts: { zh: '数目不一致', en: 'inconsistent counts' },
  code_from_labels: { zh: '由条目归纳', en: 'code from labels' },
  name_completed: { zh: '名称补全', en: 'name completed' },
  task_missing: { zh: '缺少任务', en: 'task missing' },
  title_line_break: { zh: '标题跨行', en: 'title line break' },
  generic_title: { zh: '泛指标题', en: 'generic title' },
  programme_total: { zh: '项目总数', en: 'programme total' },
  short_form: { zh: '简称', en: 'short form' },
  two_character_name: { zh: '两字地名', en: 'two-character name' },
  alias: { zh: '别名', en: 'alias' },
};

/** Review statuses, named as everywhere else (src/core/review-status.ts). */
export const STATUS_NAMES: Labels = STATUS_LABELS;

export const REPAIR_NAMES: Labels = {
  'page-number-removed': { zh: '删除页码', en: 'Page number removed' },
  'toc-removed': { zh: '删除目录', en: 'Table of contents removed' },
  'line-join': { zh: '合并断行', en: 'Line break joined' },
  'markup-removed': { zh: '删除标记', en: 'Markup removed' },
  'footnote-marker-removed': { zh: '删除脚注标记', en: 'Footnote marker removed' },
  'width-unified': { zh: '统一全半角', en: 'Width unified' },
  'cjk-unified': { zh: '统一汉字字形', en: 'CJK form unified' },
  whitespace: { zh: '整理空白', en: 'Whitespace' },
};

export const label = (table: Labels, key: string, lang: Lang) => table[key]?.[lang] ?? key;

const strings = {
  zh: {
    confidence: '置信度',
    status: '审核状态',
    flags: '提示',
    quote: '原文',
    fields: '字段',
    extracted: '原提取值',
    repairs: '本段修复',
    review: '审核',
    targets: '目标视图',
    place: '地点页',
    by: '审核人',
    none: '无',
    members: '成员',
    rule: '规则',
    precision: '实测精确率 {p}（基于 {n} 条）',
    unmeasured: '尚未实测',
    ruleMissing: '未记录（重新抽取后显示）',
    yearFrom: '年份依据',
    yearFromExtracted: '原提取年份依据',
    locate: '在原文中定位',
  },
  en: {
    confidence: 'Confidence',
    status: 'Review',
    flags: 'Flags',
    quote: 'Text',
    fields: 'Fields',
    extracted: 'Extracted',
    repairs: 'Repairs inside',
    review: 'Review',
    targets: 'Targets view',
    place: 'Place page',
    by: 'by',
    none: 'none',
    members: 'members',
    rule: 'Rule',
    precision: 'measured precision {p} (on {n} findings)',
    unmeasured: 'not measured yet',
    ruleMissing: 'not recorded (re-extract the plan)',
    yearFrom: 'Year read from',
    yearFromExtracted: 'Extracted year read from',
    locate: 'Show in the text',
  },
};

/** A field value as Chinese planners write it: 6340亿元 is shown as value + unit rows; lists with 、. */
function show(kinds: Kinds, kind: string, field: string, v: unknown, lang: Lang): ReactNode {
  if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return <span className="muted">—</span>;
  if (typeof v === 'string' && kinds.valueName(kind, field, v, lang) !== v) return kinds.valueName(kind, field, v, lang);
  if ((field === 'year' || field === 'baselineYear') && typeof v === 'number') return lang === 'zh' ? `${v}年` : String(v);
  if (field === 'range' && Array.isArray(v)) return `${v[0]}–${v[1]}`;
  if (field === 'investment' && typeof v === 'object') {
    const inv = v as { value: number; unit: string };
    return `${inv.value}${inv.unit}`;
  }
  if (field === 'elements' && Array.isArray(v)) {
    return (
      <ul className="finding-elements">
        {(v as Array<{ name: string; count: number | null; members: string[] }>).map((e, i) => (
          <li key={i}>
            <strong>{e.name}</strong>
            {e.count != null ? `（${e.count}）` : ''}
            {e.members?.length ? `：${e.members.join('、')}` : ''}
          </li>
        ))}
      </ul>
    );
  }
  if (kind === 'place' && field === 'code' && typeof v === 'string') return <Link href={`/places/${v}`}>{v}</Link>;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function FindingFields({ finding }: { finding: FindingDto }) {
  const { lang } = useLang();
  const t = useT(strings);
  const kinds = useKinds();
  const listed = kinds.list.find((k) => k.name === finding.kind)?.fields.map((f) => f.name) ?? [];
  const keys = [...listed, ...Object.keys(finding.data).filter((k) => !listed.includes(k))];
  return (
    <table className="finding-fields" data-testid="finding-fields">
      <tbody>
        {keys.map((k) => {
          const now = fieldValue(finding.data, k);
          const was = finding.extracted ? fieldValue(finding.extracted, k) : undefined;
          const corrected = finding.extracted && JSON.stringify(was) !== JSON.stringify(now);
          return (
            <tr key={k} data-field={k}>
              <th scope="row">{kinds.fieldName(finding.kind, k, lang)}</th>
              <td>
                {show(kinds, finding.kind, k, now, lang)}
                {corrected ? (
                  <span className="finding-was">
                    {t.extracted}: {show(kinds, finding.kind, k, was, lang)}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The rules with their registry text, fetched once per page load (for the rule's tooltip). */
let rulesPromise: Promise<Map<string, RuleInfo>> | null = null;
function useRules(): Map<string, RuleInfo> | null {
  const [rules, setRules] = useState<Map<string, RuleInfo> | null>(null);
  useEffect(() => {
    let live = true;
    rulesPromise ??= getJSON<{ rules: RuleInfo[] }>('/api/rules').then(
      (r) => new Map(r.rules.map((x) => [x.id, x])),
      () => {
        rulesPromise = null; // try again on the next panel
        return new Map<string, RuleInfo>();
      },
    );
    void rulesPromise.then((m) => live && setRules(m));
    return () => {
      live = false;
    };
  }, []);
  return rules;
}

/** 98%, but never 100% for a precision below 1 (99.6%). */
export function percent(p: number): string {
  const r = Math.round(p * 100);
  return r === 100 && p < 1 ? `${(Math.floor(p * 1000) / 10).toFixed(1)}%` : `${r}%`;
}

/** Where a finding's evidence is in the reader: the finding selected and the span highlighted (?ev=start-end). */
export const evidenceHref = (planSlug: string, findingKey: string, e: { start: number; end: number }) =>
  `/plans/${encodeURIComponent(planSlug)}?f=${encodeURIComponent(findingKey)}&ev=${e.start}-${e.end}`;

/**
 * The rule that made a finding with its measured precision, and where its year was read
 * (each a link to the span in the reader; `onEvidence` shows it in place instead).
 */
export function FindingProvenance({
  finding,
  planSlug,
  onEvidence,
}: {
  finding: FindingDto;
  planSlug: string;
  onEvidence?: (e: EvidenceDto) => void;
}) {
  const { lang } = useLang();
  const t = useT(strings);
  const rules = useRules();
  const measurable = finding.kind === 'target' || finding.kind === 'fact'; // the kinds whose rules are measured (rule-precision.json)
  const showRule = finding.rule != null || (measurable && finding.status !== 'added');
  const years = finding.evidence.filter((e) => e.role === 'year');
  if (!showRule && !years.length) return null;
  const yearCorrected = finding.extracted != null && fieldValue(finding.extracted, 'year') !== fieldValue(finding.data, 'year');
  const info = finding.rule ? rules?.get(finding.rule) : undefined;
  const stats = finding.ruleStats;
  return (
    <div className="finding-prov">
      {showRule ? (
        <p className="finding-rule" data-testid="finding-rule" data-rule={finding.rule ?? ''}>
          <span className="muted">{t.rule}</span>{' '}
          {finding.rule ? (
            <>
              <span className="finding-rule-name" title={info?.matches ?? finding.rule} data-testid="finding-rule-name">
                {info?.label?.[lang] ?? finding.rule}
              </span>{' '}
              <code className="finding-rule-id">{finding.rule}</code>
              <span className="finding-rule-stats" data-testid="finding-rule-stats">
                {' · '}
                {stats ? t.precision.replace('{p}', percent(stats.precision)).replace('{n}', String(stats.measuredOn)) : t.unmeasured}
              </span>
            </>
          ) : (
            <span className="muted">{t.ruleMissing}</span>
          )}
        </p>
      ) : null}
      {years.length ? (
        <p className="finding-evidence" data-testid="finding-evidence">
          <span className="muted">{yearCorrected ? t.yearFromExtracted : t.yearFrom}</span>{' '}
          {years.map((e, i) => (
            <Link
              key={i}
              href={evidenceHref(planSlug, finding.key, e)}
              title={t.locate}
              className="finding-evidence-link"
              data-testid="evidence-link"
              data-start={e.start}
              data-end={e.end}
              onClick={(ev: MouseEvent<HTMLAnchorElement>) => {
                if (!onEvidence) return;
                ev.preventDefault();
                onEvidence(e);
              }}
            >
              「{e.quote}」
            </Link>
          ))}
        </p>
      ) : null}
    </div>
  );
}

export function FindingDetails({
  finding,
  planSlug,
  repairs,
  onEvidence,
  children,
}: {
  finding: FindingDto;
  planSlug: string;
  repairs: RepairDto[];
  /** Show an evidence span in place (the reader); without it, evidence links open the reader. */
  onEvidence?: (e: EvidenceDto) => void;
  children?: ReactNode;
}) {
  const { lang } = useLang();
  const t = useT(strings);
  const kinds = useKinds();
  const inside = repairs.filter(
    (r) => finding.start != null && finding.end != null && r.start >= finding.start && r.end <= finding.end && r.rule !== 'whitespace',
  );
  return (
    <div className="finding-details" data-kind={finding.kind}>
      <div className="finding-head">
        <span className={`finding-kind fk-${finding.kind}`}>{kinds.kindName(finding.kind, lang)}</span>
        <span className={`badge finding-status fs-${finding.status}`} data-testid="finding-status">
          {label(STATUS_NAMES, finding.status, lang)}
        </span>
        <span className="muted finding-conf" title={t.confidence}>
          {t.confidence} {Math.round(finding.confidence * 100)}%
        </span>
      </div>
      <p className="finding-summary" data-testid="finding-summary">
        {finding.summary}
      </p>
      <blockquote className="finding-quote" title={t.quote}>
        {finding.quote}
      </blockquote>
      <FindingFields finding={finding} />
      <FindingProvenance finding={finding} planSlug={planSlug} onEvidence={onEvidence} />
      {finding.flags.length ? (
        <p className="finding-flags">
          <span className="muted">{t.flags}：</span>
          {finding.flags.map((f) => (
            <span key={f} className="badge" title={f}>
              {label(FLAG_NAMES, f, lang)}
            </span>
          ))}
        </p>
      ) : null}
      {finding.decision ? (
        <p className="muted finding-decision">
          {label(STATUS_NAMES, finding.status, lang)} · {t.by} {finding.decision.actor} · {finding.decision.at.slice(0, 10)}
          {finding.decision.note ? ` · ${finding.decision.note}` : ''}
        </p>
      ) : null}
      {inside.length ? (
        <div className="finding-repairs" data-testid="finding-repairs">
          <div className="muted">{t.repairs}</div>
          <ul>
            {inside.map((r, i) => (
              <li key={i}>
                <strong>{label(REPAIR_NAMES, r.rule, lang)}</strong> {r.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="finding-links">
        <Link href={`/review?plan=${encodeURIComponent(planSlug)}&f=${encodeURIComponent(finding.key)}`} data-testid="finding-review-link">
          {t.review} →
        </Link>
        {finding.kind === 'target' ? <Link href={`/plans/${encodeURIComponent(planSlug)}/targets`}>{t.targets} →</Link> : null}
        {finding.kind === 'place' && typeof finding.data.code === 'string' ? (
          <Link href={`/places/${finding.data.code}`}>{t.place} →</Link>
        ) : null}
      </p>
      {children}
    </div>
  );
}
