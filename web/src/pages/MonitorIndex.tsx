// 监测 overview (/monitor): every plan with links to its dashboard and task ledger, and the pages
// for actual values and indicators.
import { usePages } from '../api';
import { ErrorBox, Loading } from '../components/Status';
import { useT } from '../i18n';
import { Link } from '../router';
import './Monitor.css';

const strings = {
  zh: {
    title: '监测',
    intro: '规划目标按实际值判断进展（序时进度），任务按台账报送进展。',
    dashboard: '监测',
    tasks: '任务台账',
    observations: '实际值（录入与导入）',
    indicators: '指标',
    plans: '规划',
    more: '显示更多（{n} / {all}）',
  },
  en: {
    title: 'Monitoring',
    intro: 'Plan targets judged on actual values against the time-elapsed path; tasks tracked in a ledger of progress reports.',
    dashboard: 'Dashboard',
    tasks: 'Task ledger',
    observations: 'Actual values (entry and import)',
    indicators: 'Indicators',
    plans: 'Plans',
    more: 'Show more ({n} of {all})',
  },
};

/** Plans asked for at a time. */
const PAGE = 100;

export function MonitorIndexPage() {
  const t = useT(strings);
  // one page of plans at a time; "more" asks for the next
  const res = usePages<{ plans: Array<{ slug: string; title: string }>; total: number }, { slug: string; title: string }>('/api/plans', (b) => b.plans, PAGE);
  return (
    <section className="page monitor-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <p className="monitor-crumbs">
        <Link href="/observations" data-testid="nav-observations">{t.observations}</Link>
        <Link href="/indicators" data-testid="nav-indicators">{t.indicators}</Link>
      </p>
      <h2>{t.plans}</h2>
      {res.error && <ErrorBox error={res.error} />}
      {!res.loaded && !res.error && <Loading />}
      {res.loaded && (
        <ul className="monitor-index" data-testid="monitor-index">
          {res.items.map((p) => (
            <li key={p.slug} data-testid="monitor-plan" data-slug={p.slug}>
              {p.title}
              <span className="monitor-index-links">
                <Link href={`/plans/${encodeURIComponent(p.slug)}/monitor`}>{t.dashboard}</Link>
                <Link href={`/plans/${encodeURIComponent(p.slug)}/tasks`}>{t.tasks}</Link>
              </span>
            </li>
          ))}
        </ul>
      )}
      {res.loaded && res.items.length < res.total && (
        <button type="button" disabled={res.loading} onClick={res.more} data-testid="monitor-more">
          {t.more.replace('{n}', String(res.items.length)).replace('{all}', String(res.total))}
        </button>
      )}
    </section>
  );
}
