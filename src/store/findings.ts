// Reading findings: the extractor output of a version with people's decisions applied.
import { asc, eq, sql } from 'drizzle-orm';
import { applyDecisions, type DecisionAction, type DecisionRecord, type ExtractedRecord, type MergeResult } from '../core/curation';
import type { FindingKind } from '../core/findings';
import { queryRows, type Store } from './db';
import { decisions, findings, planVersions } from './schema';

export async function getDecisions(store: Store, planId: number): Promise<DecisionRecord[]> {
  const rows = await store.db.select().from(decisions).where(eq(decisions.planId, planId)).orderBy(asc(decisions.id));
  return rows.map((d) => ({ ...d, action: d.action as DecisionAction }) as DecisionRecord); // kind and fields were validated when the decision was recorded
}

export async function getDecision(store: Store, id: number): Promise<(DecisionRecord & { planId: number }) | null> {
  const [d] = await store.db.select().from(decisions).where(eq(decisions.id, id));
  return d ? ({ ...d, action: d.action as DecisionAction } as DecisionRecord & { planId: number }) : null;
}

const MAX_CACHED = 64;
const caches = new WeakMap<Store, Map<number, { fp: string; merged: MergeResult }>>();

/**
 * Findings of a version (optionally one kind) with decisions applied, plus decisions that no
 * longer fit. Reading and merging all findings of a plan takes 10–45 ms, so the merge is kept per
 * version and reused while its fingerprint holds: findings are only ever rewritten as a whole (new
 * row ids) and decisions only appended, so row count + highest id of each says whether anything
 * changed. The result is shared: callers must not modify it.
 */
export async function getEffectiveFindings<K extends FindingKind>(store: Store, versionId: number, kind: K): Promise<MergeResult<K>>;
export async function getEffectiveFindings(store: Store, versionId: number, kind?: string): Promise<MergeResult>;
export async function getEffectiveFindings(store: Store, versionId: number, kind?: string): Promise<MergeResult> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const [row] = await queryRows<{ fp: string }>(
    store.db,
    sql`select (select count(*) || '/' || coalesce(max(f.id), 0) from findings f where f.version_id = v.id) || ':' ||
          (select count(*) || '/' || coalesce(max(d.id), 0) from decisions d where d.plan_id = v.plan_id) as fp
        from plan_versions v where v.id = ${versionId}`,
  );
  if (!row) throw new Error(`no plan version ${versionId}`);
  let hit = cache.get(versionId);
  if (!hit || hit.fp !== row.fp) hit = { fp: row.fp, merged: await mergeFindings(store, versionId) };
  cache.delete(versionId); // most recently used last
  cache.set(versionId, hit);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  if (!kind) return hit.merged;
  return { findings: hit.merged.findings.filter((f) => f.kind === kind), orphans: hit.merged.orphans.filter((d) => d.kind === kind) } as MergeResult;
}

async function mergeFindings(store: Store, versionId: number): Promise<MergeResult> {
  const [v] = await store.db.select({ planId: planVersions.planId, text: planVersions.text }).from(planVersions).where(eq(planVersions.id, versionId));
  if (!v) throw new Error(`no plan version ${versionId}`);
  const rows = await store.db
    .select()
    .from(findings)
    .where(eq(findings.versionId, versionId))
    .orderBy(asc(findings.start), asc(findings.id));
  return applyDecisions(v.text, rows as unknown as ExtractedRecord[], await getDecisions(store, v.planId)); // data was made by its kind's extractor
}

export async function getFindingRow(store: Store, id: number) {
  const [row] = await store.db
    .select({ f: findings, text: planVersions.text })
    .from(findings)
    .innerJoin(planVersions, eq(planVersions.id, findings.versionId))
    .where(eq(findings.id, id));
  return row;
}
