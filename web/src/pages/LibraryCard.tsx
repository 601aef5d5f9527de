// A plan as a library card, and the small formatting helpers the reader shares.
import { LEVEL_NAMES, useLang, useT, type Lang } from '../i18n';
import { useKinds } from '../kinds';
import { Link } from '../router';

export interface PlaceRef {
  code: string;
  name: string;
}

/** As GET /api/plans returns it (src/store/plan-views.ts PlanCard). */
export interface PlanCard {
  id: number;
  slug: string;
  title: string;
  level: string | null;
  issuer: string[];
  docNumber: string | null;
  issued: string | null;
  period: [number, number] | null;
  horizon: number | null;
  version: number | null;
  versions: number;
  fileName: string | null;
  format: string | null;
  sections: number;
  repairs: number;
  scope: PlaceRef[];
  extension: PlaceRef[];
  counts: Record<string, number>;
  review: { reviewed: number; total: number };
  status: 'ok' | 'warnings';
  warnings: string[];
}

/** 2011—2015年，展望至2020年 */
export function periodText(p: Pick<PlanCard, 'period' | 'horizon'>, lang: Lang): string {
  const parts: string[] = [];
  if (p.period) parts.push(lang === 'zh' ? `${p.period[0]}—${p.period[1]}年` : `${p.period[0]}–${p.period[1]}`);
  if (p.horizon) parts.push(lang === 'zh' ? `展望至${p.horizon}年` : `outlook to ${p.horizon}`);
  return parts.join(lang === 'zh' ? '，' : ', ');
}

/** 湛江市、茂名市、阳江市等5个 */
export function unitsText(units: PlaceRef[], lang: Lang, first = 4): string {
  const names = units.slice(0, first).map((u) => u.name);
  if (units.length <= first) return names.join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${names.join('、')}等${units.length}个` : `${names.join(', ')} and ${units.length - first} more`;
}

export const levelName = (level: string | null, lang: Lang) => (level ? (LEVEL_NAMES[level]?.[lang] ?? level) : '');

const strings = {
  zh: {
    read: '阅读全文',
    targets: '目标',
    review: '审核',
    scope: '范围',
    extension: '延伸区',
    issuer: '发布',
    ok: '导入正常',
    warnings: '导入有提示',
    version: '第{n}版',
    period: '期限',
    noPeriod: '期限未识别',
    progress: '已审核 {n} / {m}',
  },
  en: {
    read: 'Read',
    targets: 'Targets',
    review: 'Review',
    scope: 'Covers',
    extension: 'Extension',
    issuer: 'Issued by',
    ok: 'Ingested',
    warnings: 'Ingest notes',
    version: 'version {n}',
    period: 'Period',
    noPeriod: 'period unknown',
    progress: 'reviewed {n} / {m}',
  },
};

export function PlanCardView({ plan }: { plan: PlanCard }) {
  const { lang } = useLang();
  const kinds = useKinds();
  const fmt = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const t = useT(strings);
  const href = `/plans/${encodeURIComponent(plan.slug)}`;
  const period = periodText(plan, lang);
  return (
    <article className="library-card" data-testid="plan-card" data-slug={plan.slug}>
      <header className="library-card-head">
        <span className={`badge library-level lv-${plan.level ?? 'unknown'}`}>{levelName(plan.level, lang)}</span>
        <span
          className={`badge library-status st-${plan.status}`}
          title={plan.warnings.join('\n') || undefined}
          data-testid="plan-status"
        >
          {plan.status === 'ok' ? t.ok : t.warnings}
        </span>
      </header>
      <h2 className="library-card-title">
        <Link href={href}>{plan.title}</Link>
      </h2>
      <dl className="library-meta">
        {plan.issuer.length || plan.docNumber ? (
          <>
            <dt>{t.issuer}</dt>
            <dd>
              {plan.issuer.join(lang === 'zh' ? '、' : ', ')}
              {plan.docNumber ? <span className="muted">（{plan.docNumber}）</span> : null}
            </dd>
          </>
        ) : null}
        <dt>{t.period}</dt>
        <dd className="library-period" data-testid="plan-period">
          {period || <span className="muted">{t.noPeriod}</span>}
        </dd>
        {plan.scope.length ? (
          <>
            <dt>{t.scope}</dt>
            <dd title={plan.scope.map((u) => u.name).join('、')}>{unitsText(plan.scope, lang)}</dd>
          </>
        ) : null}
        {plan.extension.length ? (
          <>
            <dt>{t.extension}</dt>
            <dd title={plan.extension.map((u) => u.name).join('、')}>{unitsText(plan.extension, lang, 3)}</dd>
          </>
        ) : null}
      </dl>
      <ul className="library-counts" aria-label="findings">
        {kinds.names.filter((k) => plan.counts[k]).map((k) => (
          <li key={k} className={`lc-${k}`} data-kind={k}>
            <span className="library-count-n">{plan.counts[k].toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}</span>
            <span className="library-count-k">{kinds.kindName(k, lang)}</span>
          </li>
        ))}
      </ul>
      <footer className="library-card-foot">
        <Link href={href} data-testid="card-read">
          {t.read}
        </Link>
        <Link href={`${href}/targets`} data-testid="card-targets">
          {t.targets}
        </Link>
        <Link href={`${href}/monitor`} data-testid="card-monitor">
          {lang === 'zh' ? '监测' : 'Monitoring'}
        </Link>
        <Link href={`/review?plan=${encodeURIComponent(plan.slug)}`} data-testid="card-review">
          {t.review}
        </Link>
        <span
          className="muted library-progress"
          data-testid="card-progress"
          data-reviewed={plan.review.reviewed}
          title={t.progress.replace('{n}', String(plan.review.reviewed)).replace('{m}', String(plan.review.total))}
        >
          {t.progress.replace('{n}', fmt(plan.review.reviewed)).replace('{m}', fmt(plan.review.total))}
        </span>
        <span className="muted library-file" title={plan.fileName ?? ''}>
          {plan.fileName}
          {plan.version ? ` · ${t.version.replace('{n}', String(plan.version))}` : ''}
        </span>
      </footer>
    </article>
  );
}
