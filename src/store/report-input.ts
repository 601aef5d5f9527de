// Everything an evaluation report of a plan needs, read from the store: its targets judged on the
// observations in force (getPlanMonitor), the passage and section each target was read from, its
// task ledger with the latest report per task, and its projects.
import { eq } from 'drizzle-orm';
import type { ProjectData } from '../core/findings';
import type { Lexicons } from '../core/findings';
import type { Gazetteer } from '../core/types';
import { PROGRESS_LABELS } from '../monitor/tasks';
import { convert } from '../monitor/units';
import type { ReportInput, TaskRow, ProjectRow } from '../report/model';
import { sectionPath } from '../report/sections';
import type { Store } from './db';
import { getEffectiveFindings } from './findings';
import { getPlanMonitor, getTaskLedger, taskDay } from './monitor-views';
import { getOutline } from './queries';
import { versionText, type PlanRef } from './review';
import { planVersions } from './schema';

/**
 * `today`: when the report is made. Targets are judged at `asOf` (default: the plan's last year, or
 * last year); tasks at the end of the year asked, or `today` if that is earlier (taskDay), or
 * `today` when no year is asked.
 */
export async function getReportInput(store: Store, gaz: Gazetteer, lex: Lexicons, plan: PlanRef, asOf: number | undefined, today = new Date()): Promise<ReportInput> {
  const monitor = await getPlanMonitor(store, gaz, lex.indicators, plan, asOf, today);
  const tasksAsOf = taskDay(asOf, today);
  const [text, outline, ledger, projects, [v]] = await Promise.all([
    versionText(store, plan.currentVersionId),
    getOutline(store, plan.currentVersionId),
    getTaskLedger(store, plan, tasksAsOf),
    getEffectiveFindings(store, plan.currentVersionId, 'project'),
    store.db.select({ issuer: planVersions.issuer, docNumber: planVersions.docNumber }).from(planVersions).where(eq(planVersions.id, plan.currentVersionId)),
  ]);
  const passages = Object.fromEntries(
    monitor.rows.map((r) => [r.key, { quote: r.target.start == null ? '' : text.slice(r.target.start, r.target.end ?? r.target.start), section: r.target.start == null ? null : sectionPath(outline, r.target.start) }]),
  );
  const tasks: TaskRow[] = ledger.map((t) => ({
    task: t.task,
    lead: t.lead,
    support: t.support,
    deadline: t.deadline?.text ?? null,
    status: t.flags.latest ? PROGRESS_LABELS[t.flags.latest.status].zh : null,
    percent: t.flags.latest?.percent ?? null,
    text: t.flags.latest?.text || null,
    overdue: t.flags.overdue,
    noUpdate: t.flags.noUpdate,
  }));
  const projectRows: ProjectRow[] = projects.findings
    .filter((f) => f.status !== 'rejected')
    .map((f) => {
      const d = f.data as unknown as ProjectData;
      return { name: d.name, category: d.category, investment: d.investment ? convert(d.investment.value, d.investment.unit, '亿元') : null, progress: null };
    });
  return {
    plan: { title: plan.title, slug: plan.slug, period: monitor.plan.period, issuer: v?.issuer ?? [], docNumber: v?.docNumber ?? null },
    asOf: monitor.asOf,
    generatedAt: today,
    tasksAsOf,
    targets: monitor.rows,
    passages,
    tasks,
    projects: projectRows,
  };
}
