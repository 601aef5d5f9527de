// 任务台账 (/plans/:slug/tasks): the plan's duties as tasks with lead and support units, deadline,
// latest progress and flags (逾期 red, 本期未报送 amber); a form per task to report progress; the
// 牵头/参加 matrix below with its Excel download. Unit names link to the department page.
import { Fragment, useState } from 'react';
import type { DutyMatrixDto, TaskLedgerDto } from '../../../src/core/api-types';
import { useApi } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { useLang, useT } from '../i18n';
import { Link } from '../router';
import { PROGRESS_NAMES, type LedgerTask, type TaskUpdate } from './MonitorFormat';
import { TaskUpdateForm } from './TasksUpdateForm';
import './Monitor.css';
import './Observations.css';
import './Tasks.css';

const strings = {
  zh: {
    title: '任务台账',
    back: '返回原文',
    monitor: '监测',
    summary: '共 {n} 项任务，{overdue} 项逾期，{noUpdate} 项本期（{period}）未报送。',
    task: '任务',
    lead: '牵头单位',
    support: '参加单位',
    deadline: '完成时限',
    ongoing: '长期',
    latest: '最新进展',
    flags: '提示',
    overdue: '逾期',
    noUpdate: '本期未报送',
    reported: '本期已报送',
    report: '报送进展',
    noUpdates: '尚无报送',
    history: '历次报送（{n}）',
    attachment: '下载附件',
    matrix: '牵头/参加单位矩阵',
    matrixXlsx: '导出 Excel',
    leadMark: '牵头',
    supportMark: '参加',
    counts: '牵头 {lead} · 参加 {support}',
    none: '该规划没有识别到任务分工。',
    saved: '已报送',
  },
  en: {
    title: 'Task ledger',
    back: 'Back to the text',
    monitor: 'Monitoring',
    summary: '{n} tasks, {overdue} overdue, {noUpdate} not reported for the current period ({period}).',
    task: 'Task',
    lead: 'Lead',
    support: 'Support',
    deadline: 'Deadline',
    ongoing: 'ongoing',
    latest: 'Latest progress',
    flags: 'Flags',
    overdue: 'Overdue',
    noUpdate: 'Not reported this period',
    reported: 'Reported this period',
    report: 'Report progress',
    noUpdates: 'No report yet',
    history: 'All reports ({n})',
    attachment: 'Download the attachment',
    matrix: 'Lead / support matrix',
    matrixXlsx: 'Export Excel',
    leadMark: 'Lead',
    supportMark: 'Support',
    counts: 'lead {lead} · support {support}',
    none: 'No duties were found in this plan.',
    saved: 'Reported',
  },
};

type Ledger = TaskLedgerDto;
type Matrix = DutyMatrixDto;

export const unitHref = (unit: string) => `/departments/${encodeURIComponent(unit)}`;

export function UnitLinks({ units }: { units: string[] }) {
  return (
    <>
      {units.map((u, i) => (
        <Fragment key={u}>
          {i > 0 && '、'}
          <Link href={unitHref(u)} data-testid="unit-link">
            {u}
          </Link>
        </Fragment>
      ))}
    </>
  );
}

export function LatestUpdate({ u, slug }: { u: TaskUpdate | undefined; slug: string }) {
  const t = useT(strings);
  const { lang } = useLang();
  if (!u) return <span className="muted">{t.noUpdates}</span>;
  return (
    <div className="tasks-update" data-testid="task-latest">
      <span className={`badge progress-${u.status}`}>{PROGRESS_NAMES[u.status]?.[lang] ?? u.status}</span> {u.percent != null && <strong>{u.percent}%</strong>}{' '}
      <span className="muted">
        {u.period} · {u.unit}
      </span>
      {u.text && <div className="tasks-update-text">{u.text}</div>}
      {u.attachmentFileId != null && (
        <div className="tasks-attachment">
          <a href={`/api/plans/${encodeURIComponent(slug)}/tasks/updates/${u.id}/attachment`} data-testid="task-attachment-note" download>
            {t.attachment}
          </a>
        </div>
      )}
    </div>
  );
}

export function TaskFlags({ task }: { task: LedgerTask }) {
  const t = useT(strings);
  return (
    <span className="tasks-flags" data-testid="task-flags" data-overdue={task.flags.overdue} data-no-update={task.flags.noUpdate}>
      {task.flags.overdue && (
        <span className="badge flag-overdue" data-testid="flag-overdue">
          {t.overdue}
        </span>
      )}
      {task.flags.noUpdate ? (
        <span className="badge flag-noupdate" data-testid="flag-noupdate" title={task.flags.current.label}>
          {t.noUpdate}
        </span>
      ) : (
        <span className="badge flag-ok" data-testid="flag-reported" title={task.flags.current.label}>
          {t.reported}
        </span>
      )}
    </span>
  );
}

const latestOf = (task: LedgerTask) => [...task.updates].sort((a, b) => b.at.localeCompare(a.at))[0];

export function TasksPage({ slug }: { slug: string }) {
  const t = useT(strings);
  const ledger = useApi<Ledger>(`/api/plans/${encodeURIComponent(slug)}/tasks`);
  const matrix = useApi<Matrix>(`/api/plans/${encodeURIComponent(slug)}/matrix`);
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (ledger.error) return <section className="page tasks-page"><ErrorBox error={ledger.error} /></section>;
  if (!ledger.data) return <section className="page tasks-page"><Loading /></section>;
  const d = ledger.data;
  const planHref = `/plans/${encodeURIComponent(d.plan.slug)}`;
  const overdue = d.tasks.filter((x) => x.flags.overdue).length;
  const noUpdate = d.tasks.filter((x) => x.flags.noUpdate).length;
  const period = d.tasks[0]?.flags.current.label ?? '';

  return (
    <section className="page tasks-page">
      <p className="monitor-crumbs">
        <Link href={planHref}>← {t.back}</Link>
        <Link href={`${planHref}/monitor`}>{t.monitor}</Link>
      </p>
      <h1>
        {d.plan.title} · {t.title}
      </h1>
      <p data-testid="tasks-summary" data-overdue={overdue} data-no-update={noUpdate}>
        {t.summary.replace('{n}', String(d.tasks.length)).replace('{overdue}', String(overdue)).replace('{noUpdate}', String(noUpdate)).replace('{period}', period)}
      </p>
      {d.tasks.length === 0 ? (
        <p className="status">{t.none}</p>
      ) : (
        <DataTable
          className="tasks-table"
          testId="tasks-table"
          columns={[{ label: t.task }, { label: t.lead }, { label: t.support }, { label: t.deadline }, { label: t.latest }, { label: t.flags }, { label: null }]}
        >
          {d.tasks.map((task) => (
            <Fragment key={task.key}>
              <tr data-testid="task-row" data-key={task.key} className={task.flags.overdue ? 'tasks-overdue' : undefined}>
                <td className="tasks-task">
                  <Link href={`${planHref}?f=${encodeURIComponent(task.key)}`}>{task.task}</Link>
                  {task.updates.length > 1 && (
                    <details className="tasks-history">
                      <summary>{t.history.replace('{n}', String(task.updates.length))}</summary>
                      <ul>
                        {[...task.updates].sort((a, b) => b.at.localeCompare(a.at)).map((u) => (
                          <li key={u.id}>
                            <LatestUpdate u={u} slug={slug} />
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td className="tasks-units">
                  <UnitLinks units={task.lead} />
                </td>
                <td className="tasks-units">
                  <UnitLinks units={task.support} />
                </td>
                <td className="tasks-deadline">{task.deadline ? (task.deadline.ongoing ? t.ongoing : task.deadline.date ?? task.deadline.text) : '—'}</td>
                <td className="tasks-latest">
                  <LatestUpdate u={latestOf(task)} slug={slug} />
                </td>
                <td>
                  <TaskFlags task={task} />
                </td>
                <td>
                  <button
                    type="button"
                    aria-expanded={open === task.key}
                    onClick={() => {
                      setSaved(null);
                      setOpen(open === task.key ? null : task.key);
                    }}
                    data-testid="task-report"
                  >
                    {t.report}
                  </button>
                  {saved === task.key && (
                    <div className="obs-done" role="status" data-testid="task-saved">
                      {t.saved}
                    </div>
                  )}
                </td>
              </tr>
              {open === task.key && (
                <tr className="tasks-form-row">
                  <td colSpan={7}>
                    <TaskUpdateForm
                      slug={d.plan.slug}
                      task={task}
                      onCancel={() => setOpen(null)}
                      onDone={() => {
                        setOpen(null);
                        setSaved(task.key);
                        ledger.reload();
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </DataTable>
      )}

      <h2 className="tasks-matrix-title">
        {t.matrix}
        <a className="monitor-report" href={`/api/plans/${encodeURIComponent(d.plan.slug)}/matrix.xlsx`} download data-testid="matrix-xlsx">
          {t.matrixXlsx}
        </a>
      </h2>
      {matrix.error && <ErrorBox error={matrix.error} />}
      {matrix.data && matrix.data.rows.length > 0 && (
        <div className="table-wrap">
          <table className="data tasks-matrix" data-testid="matrix">
            <thead>
              <tr>
                <th scope="col">{t.task}</th>
                {matrix.data.units.map((u) => (
                  <th scope="col" key={u} className="tasks-matrix-unit">
                    <Link href={`/departments/${encodeURIComponent(u)}`} data-testid="matrix-unit">
                      {u}
                    </Link>
                    <div className="muted tasks-matrix-count">
                      {t.counts.replace('{lead}', String(matrix.data!.counts[u]?.lead ?? 0)).replace('{support}', String(matrix.data!.counts[u]?.support ?? 0))}
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.data.rows.map((r) => (
                <tr key={r.key} data-testid="matrix-row" data-key={r.key}>
                  <th scope="row" className="tasks-matrix-task">
                    {r.task}
                  </th>
                  {r.roles.map((role, i) => (
                    <td key={i} className={`tasks-role${role === '牵头' ? ' role-lead' : role === '参加' ? ' role-support' : ''}`}>
                      {role === '牵头' ? t.leadMark : role === '参加' ? t.supportMark : ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
