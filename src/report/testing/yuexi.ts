// The report input for the 粤西 plan judged in a year on the shipped statistics (the report tests
// and bench/report.ts): targets monitored as plan-monitor.test.ts does, each with its passage.
import { monitorPlan } from '../../monitor/plan-monitor';
import { analysedPlan, monitorContext, sampleStored } from '../../monitor/testing/yuexi';
import { sectionPath } from '../sections';
import type { ReportInput } from '../model';

export async function yuexiReportInput(asOf = 2015, extra: Pick<ReportInput, 'tasks' | 'projects'> = {}): Promise<ReportInput> {
  const p = await analysedPlan();
  const targets = monitorPlan(p.scope, p.targets, sampleStored(), asOf, monitorContext);
  const sectionOf = (start: number | null) => (start == null ? null : sectionPath(p.doc.sections, start));
  const passages = Object.fromEntries(p.targets.map((t) => [t.key, { quote: t.start == null ? '' : p.text.slice(t.start, t.end ?? t.start), section: sectionOf(t.start) }]));
  const m = p.doc.meta;
  return {
    plan: { title: m.title ?? '', slug: p.scope.slug, period: m.period, issuer: m.issuer, docNumber: m.docNumber },
    asOf,
    generatedAt: new Date(2026, 11, 7),
    targets,
    passages,
    ...extra,
  };
}
