// Reading findings: the extractor output of a version with people's decisions applied.
import { and, asc, eq } from 'drizzle-orm';
import type { DecisionAction, DecisionRecord, EffectiveFinding, MergeResult } from '../core/curation';
import type { FindingKind } from '../core/findings';
import type { Db, Store, Tx } from './db';
import { toEffective, toOrphan } from './effective';
import { decisions, effectiveFindings, findings, planVersions } from './schema';

export async function getDecisions(store: Store, planId: number): Promise<DecisionRecord[]> {
  const rows = await store.db.select().from(decisions).where(eq(decisions.planId, planId)).orderBy(asc(decisions.id));
  return rows.map((d) => ({ ...d, action: d.action as DecisionAction }) as DecisionRecord); // kind and fields were validated when the decision was recorded
}

export async function getDecision(db: Db | Tx, id: number): Promise<(DecisionRecord & { planId: number }) | null> {
  const [d] = await db.select().from(decisions).where(eq(decisions.id, id));
  return d ? ({ ...d, action: d.action as DecisionAction } as DecisionRecord & { planId: number }) : null; // kind and fields were validated when the decision was recorded
}

/**
 * Findings of a version (optionally one kind) with decisions applied, plus decisions that no
 * longer fit: read from effective_findings, which every write keeps in step (store/effective.ts).
 */
export async function getEffectiveFindings<K extends FindingKind>(store: Store, versionId: number, kind: K): Promise<MergeResult<K>>;
export async function getEffectiveFindings(store: Store, versionId: number, kind?: string): Promise<MergeResult>;
export async function getEffectiveFindings(store: Store, versionId: number, kind?: string): Promise<MergeResult> {
  const where = kind ? and(eq(effectiveFindings.versionId, versionId), eq(effectiveFindings.kind, kind)) : eq(effectiveFindings.versionId, versionId);
  const rows = await store.db.select().from(effectiveFindings).where(where).orderBy(asc(effectiveFindings.seq));
  if (!rows.length) {
    const [v] = await store.db.select({ id: planVersions.id }).from(planVersions).where(eq(planVersions.id, versionId));
    if (!v) throw new Error(`no plan version ${versionId}`);
  }
  return {
    findings: rows.filter((r) => r.status !== 'orphan').map(toEffective) as EffectiveFinding[], // data was made by its kind's extractor or validated by its schema
    orphans: rows.filter((r) => r.status === 'orphan').map(toOrphan) as DecisionRecord[],
  };
}

export async function getFindingRow(db: Db | Tx, id: number) {
  const [row] = await db
    .select({ f: findings, text: planVersions.text })
    .from(findings)
    .innerJoin(planVersions, eq(planVersions.id, findings.versionId))
    .where(eq(findings.id, id));
  return row;
}
