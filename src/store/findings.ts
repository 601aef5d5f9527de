// Reading findings: the extractor output of a version with people's decisions applied.
import { and, asc, eq } from 'drizzle-orm';
import { applyDecisions, type DecisionAction, type DecisionRecord, type MergeResult } from '../core/curation';
import type { Store } from './db';
import { decisions, findings, planVersions } from './schema';

export async function getDecisions(store: Store, planId: number): Promise<DecisionRecord[]> {
  const rows = await store.db.select().from(decisions).where(eq(decisions.planId, planId)).orderBy(asc(decisions.id));
  return rows.map((d) => ({ ...d, action: d.action as DecisionAction }));
}

/** Findings of a version (optionally one kind) with decisions applied, plus decisions that no longer fit. */
export async function getEffectiveFindings(store: Store, versionId: number, kind?: string): Promise<MergeResult> {
  const [v] = await store.db.select({ planId: planVersions.planId, text: planVersions.text }).from(planVersions).where(eq(planVersions.id, versionId));
  if (!v) throw new Error(`no plan version ${versionId}`);
  const rows = await store.db
    .select()
    .from(findings)
    .where(kind ? and(eq(findings.versionId, versionId), eq(findings.kind, kind)) : eq(findings.versionId, versionId))
    .orderBy(asc(findings.start), asc(findings.id));
  const ds = (await getDecisions(store, v.planId)).filter((d) => !kind || d.kind === kind);
  return applyDecisions(v.text, rows, ds);
}

export async function getFindingRow(store: Store, id: number) {
  const [row] = await store.db
    .select({ f: findings, text: planVersions.text })
    .from(findings)
    .innerJoin(planVersions, eq(planVersions.id, findings.versionId))
    .where(eq(findings.id, id));
  return row;
}
