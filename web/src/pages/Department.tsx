// 部门 (/departments/:unit): every task a unit leads or supports, by plan, with flags, and the
// lagging targets of the tasks it leads.
import { Fragment, useState } from 'react';
import type { DepartmentDto, PlanRefDto } from '../../../src/core/api-types';
import { qs, useApi } from '../api';
import { DataTable } from '../components/DataTable';
import { PlanPager } from '../components/PlanPager';
import { ErrorBox, Loading } from '../components/Status';
import { useLang, useT } from '../i18n';
import { Link } from '../router';
import { explanationIn, StatusBadge, TargetCell, YearValueCell, type LedgerTask } from './MonitorFormat';
import { LatestUpdate, TaskFlags, UnitLinks } from './Tasks';
import './Monitor.css';
import './Tasks.css';
import './Department.css';

const strings = {
  zh: {
    title: '部门',
    summary: '在 {plans} 部规划中承担 {n} 项任务（牵头 {lead} 项、参加 {support} 项），{overdue} 项逾期，{noUpdate} 项本期未报送。',
    overdue: '逾期',
    noUpdate: '本期未报送',
    tasks: '任务',
    role: '角色',
    lead: '牵头',
    support: '参加',
    task: '任务',
    partners: '其他单位',
    latest: '最新进展',
    flags: '提示',
    ledger: '任务台账',
    lagging: '牵头任务相关的滞后目标',
    noLagging: '没有滞后的目标。',
    indicator: '指标',
    status: '状态',
    target: '目标',
    latestValue: '最新值',
    explanation: '说明',
    fromTask: '所属任务',
  },
  en: {
    title: 'Department',
    summary: '{n} tasks in {plans} plans ({lead} led, {support} supported), {overdue} overdue, {noUpdate} not reported for the current period.',
    overdue: 'Overdue',
    noUpdate: 'Not reported',
    tasks: 'Tasks',
    role: 'Role',
    lead: 'Lead',
    support: 'Support',
    task: 'Task',
    partners: 'Other units',
    latest: 'Latest progress',
    flags: 'Flags',
    ledger: 'Task ledger',
    lagging: 'Lagging targets of the tasks it leads',
    noLagging: 'No lagging target.',
    indicator: 'Indicator',
    status: 'Status',
    target: 'Target',
    latestValue: 'Latest',
    explanation: 'Explanation',
    fromTask: 'Task',
  },
};

type PlanRef = PlanRefDto;
type DepartmentResponse = DepartmentDto;

export function DepartmentPage({ unit }: { unit: string }) {
  const t = useT(strings);
  const { lang } = useLang();
  // Paged by plan: the totals and flag counts cover every plan, the tables the page's plans.
  const [page, setPage] = useState({ unit, offset: 0 });
  const offset = page.unit === unit ? page.offset : 0;
  const res = useApi<DepartmentResponse>(`/api/departments/${encodeURIComponent(unit)}${qs({ offset: offset || null })}`);
  if (res.error) return <section className="page department-page"><h1>{unit}</h1><ErrorBox error={res.error} /></section>;
  if (!res.data) return <section className="page department-page"><Loading /></section>;
  const d = res.data;
  const byPlan = new Map<string, { plan: PlanRef; items: DepartmentResponse['tasks'] }>();
  for (const x of d.tasks) {
    const e = byPlan.get(x.plan.slug) ?? { plan: x.plan, items: [] };
    e.items.push(x);
    byPlan.set(x.plan.slug, e);
  }
  const totals = d.totals ?? { plans: byPlan.size, tasks: d.tasks.length, lead: d.tasks.filter((x) => x.role === 'lead').length };
  const pager = <PlanPager offset={offset} limit={d.limit} total={totals.plans} onPage={(o) => setPage({ unit, offset: o })} testId="department-pager" />;
  const latestOf = (task: LedgerTask) => [...task.updates].sort((a, b) => b.at.localeCompare(a.at))[0];

  return (
    <section className="page department-page">
      <p className="muted department-kind">{t.title}</p>
      <h1 data-testid="department-unit">{d.unit}</h1>
      <p data-testid="department-summary">
        {t.summary
          .replace('{n}', String(totals.tasks))
          .replace('{plans}', String(totals.plans))
          .replace('{lead}', String(totals.lead))
          .replace('{support}', String(totals.tasks - totals.lead))
          .replace('{overdue}', String(d.overdue))
          .replace('{noUpdate}', String(d.noUpdate))}
      </p>
      <ul className="monitor-tiles department-tiles">
        <li>
          <div className={`monitor-tile tone-${d.overdue ? 'red' : 'green'}`} data-testid="department-overdue" data-count={d.overdue}>
            <span className="monitor-tile-n">{d.overdue}</span>
            <span className="monitor-tile-label">{t.overdue}</span>
          </div>
        </li>
        <li>
          <div className={`monitor-tile tone-${d.noUpdate ? 'amber' : 'green'}`} data-testid="department-noupdate" data-count={d.noUpdate}>
            <span className="monitor-tile-n">{d.noUpdate}</span>
            <span className="monitor-tile-label">{t.noUpdate}</span>
          </div>
        </li>
      </ul>

      <h2>{t.tasks}</h2>
      {pager}
      <DataTable className="department-tasks" testId="department-tasks" columns={[{ label: t.role }, { label: t.task }, { label: t.partners }, { label: t.latest }, { label: t.flags }]}>
        {[...byPlan.values()].map(({ plan, items }) => (
          <Fragment key={plan.slug}>
            <tr className="department-plan">
              <th scope="colgroup" colSpan={5}>
                <Link href={`/plans/${encodeURIComponent(plan.slug)}/tasks`}>{plan.title}</Link> <span className="muted">· {t.ledger}</span>
              </th>
            </tr>
            {items.map(({ role, task }) => (
              <tr key={task.key} data-testid="department-task" data-key={task.key} data-plan={plan.slug} data-role={role}>
                <td>
                  <span className={`badge ${role === 'lead' ? 'role-lead' : 'role-support'}`}>{role === 'lead' ? t.lead : t.support}</span>
                </td>
                <td className="tasks-task">{task.task}</td>
                <td className="tasks-units">
                  <UnitLinks units={[...task.lead, ...task.support].filter((u) => u !== d.unit)} />
                </td>
                <td className="tasks-latest">
                  <LatestUpdate u={latestOf(task)} slug={plan.slug} />
                </td>
                <td>
                  <TaskFlags task={task} />
                </td>
              </tr>
            ))}
          </Fragment>
        ))}
      </DataTable>

      <h2>{t.lagging}</h2>
      {d.lagging.length === 0 ? (
        <p className="status" data-testid="department-no-lagging">{t.noLagging}</p>
      ) : (
        <DataTable
          testId="department-lagging"
          columns={[{ label: t.status }, { label: t.indicator }, { label: t.target, num: true }, { label: t.latestValue, num: true }, { label: t.explanation }, { label: t.fromTask }]}
        >
          {d.lagging.map((l) => (
            <tr key={`${l.plan.slug}-${l.target.key}`} data-testid="department-lagging-row">
              <td>
                <StatusBadge row={l.target} lang={lang} />
              </td>
              <td>
                <Link href={`/plans/${encodeURIComponent(l.plan.slug)}/monitor`}>{l.target.indicator}</Link>
                <div className="muted monitor-scope">{l.plan.title}</div>
              </td>
              <TargetCell row={l.target} lang={lang} />
              <YearValueCell value={l.target.latest} unit={l.target.unit} lang={lang} />
              <td className="monitor-explain">{explanationIn(l.target, lang)}</td>
              <td className="tasks-task">{l.task}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
