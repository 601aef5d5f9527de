// effective_findings: each version's findings with its plan's decisions applied (core/curation
// applyDecisions), stored so readers filter, page and count them in SQL. Every write that changes
// a version's findings or a plan's decisions calls refresh… in its own transaction.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { applyDecisions, type DecisionAction, type DecisionRecord, type EffectiveFinding, type ExtractedRecord } from '../core/curation';
import type { Gazetteer } from '../core/types';
import { summarize } from '../core/finding-summary';
import { loadGazetteer } from '../places/index';
import { contextNames, locateFinding, selfAndAbove } from '../places/locate';
import { placeElement } from '../places/structure-shapes';
import type { StructureData } from '../core/findings';
import { nameForms, readRoles, sentenceAt } from '../places/roles';
import { queryRows, type Store, type Tx } from './db';
import { decisions, effectiveFindings, effectivePlaceCounts, effectivePlaces, findings, LONG_SPAN, planPlaces, planVersions, type EffectiveSummary } from './schema';

/** Advisory lock key (with the plan id): refreshes of one plan's rows run one after another. */
const LOCK = 74201106;

type Row = typeof effectiveFindings.$inferInsert;

/** Recomputes the effective findings of one version (its findings, its plan's decisions). */
export async function refreshEffectiveFindings(tx: Tx, versionId: number, gaz: Gazetteer = loadGazetteer()): Promise<void> {
  const [v] = await tx.select({ planId: planVersions.planId }).from(planVersions).where(eq(planVersions.id, versionId));
  if (!v) throw new Error(`no plan version ${versionId}`);
  await lockPlan(tx, v.planId);
  await refreshLocked(tx, versionId, v.planId, gaz);
}

/** Recomputes the effective findings of every version of a plan (after a decision about it). */
export async function refreshPlanFindings(tx: Tx, planId: number, gaz: Gazetteer = loadGazetteer()): Promise<void> {
  await lockPlan(tx, planId);
  const vs = await tx.select({ id: planVersions.id }).from(planVersions).where(eq(planVersions.planId, planId));
  for (const { id } of vs) await refreshLocked(tx, id, planId, gaz);
}

// Concurrent decisions on one plan (PostgreSQL, READ COMMITTED): the second refresh waits for the
// first transaction to commit, then reads both decisions.
async function lockPlan(tx: Tx, planId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK}, ${planId})`);
}

async function refreshLocked(tx: Tx, versionId: number, planId: number, gaz: Gazetteer): Promise<void> {
  const [v] = await tx.select({ text: planVersions.text }).from(planVersions).where(eq(planVersions.id, versionId));
  const extracted = await tx.select().from(findings).where(eq(findings.versionId, versionId)).orderBy(asc(findings.start), asc(findings.id));
  const ds = await tx.select().from(decisions).where(eq(decisions.planId, planId)).orderBy(asc(decisions.id));
  const units = await tx.select({ code: planPlaces.placeCode, role: planPlaces.role }).from(planPlaces).where(eq(planPlaces.versionId, versionId));
  // kinds and data were made by their kind's extractor or validated by its schema when stored
  const merged = applyDecisions(
    v.text,
    extracted as unknown as ExtractedRecord[],
    ds.map((d) => ({ ...d, action: d.action as DecisionAction }) as DecisionRecord),
  );
  const rows = effectiveRows(gaz, v.text, versionId, planId, merged.findings, merged.orphans, units);
  await tx.delete(effectiveFindings).where(eq(effectiveFindings.versionId, versionId));
  await tx.delete(effectivePlaces).where(eq(effectivePlaces.versionId, versionId));
  await tx.delete(effectivePlaceCounts).where(eq(effectivePlaceCounts.versionId, versionId));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(effectiveFindings).values(rows.slice(i, i + 500));
  const located = placeRows(gaz, merged.findings, rows, units);
  for (let i = 0; i < located.length; i += 1000) await tx.insert(effectivePlaces).values(located.slice(i, i + 1000));
  const counts = new Map<string, { code: string; kind: string; versionId: number; n: number }>();
  for (const r of located) {
    const k = `${r.code}\u0000${r.kind}`;
    const c = counts.get(k) ?? { code: r.code, kind: r.kind, versionId, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  const countRows = [...counts.values()];
  for (let i = 0; i < countRows.length; i += 1000) await tx.insert(effectivePlaceCounts).values(countRows.slice(i, i + 1000));
  await tx.update(planVersions).set({ effectiveReady: true, effectiveSummary: summaryOf(merged.findings) }).where(eq(planVersions.id, versionId));
  await refreshPassageFindings(tx, versionId);
}

/**
 * The live effective findings (rejected ones and orphans left out) whose span overlaps [start, end)
 * of version `version`, as a row source aliased e. Two bounded index ranges: short findings
 * overlapping it start in (start - LONG_SPAN, end) (effective_findings_version_start); long ones
 * are few (effective_findings_long).
 */
export const overlappingFindings = (version: SQL, start: SQL, end: SQL) =>
  sql`(select e.* from effective_findings e
        where e.version_id = ${version} and e.start > ${start} - ${sql.raw(String(LONG_SPAN))} and e.start < ${end} and e."end" > ${start}
          and e.status <> 'rejected' and e.status <> 'orphan'
       union all
       select e.* from effective_findings e
        where e.version_id = ${version} and e."end" - e.start > ${sql.raw(String(LONG_SPAN))} and e.start <= ${start} - ${sql.raw(String(LONG_SPAN))} and e."end" > ${start}
          and e.status <> 'rejected' and e.status <> 'orphan') e`;

/**
 * Rewrites each passage's list of overlapping findings (passages.finding_list, finding_count) for
 * one version: after its passages are written and after every refresh of its effective findings.
 * (Only current versions have passages.) Migration 0007 fills the same for older data.
 */
export async function refreshPassageFindings(tx: Tx, versionId: number): Promise<void> {
  // Only passages whose list changed are written (a decision changes one or two): a rewritten row
  // would also re-enter the text and token indexes.
  await tx.execute(sql`update passages p set finding_count = x.n, finding_list = x.list
    from passages q cross join lateral (
      select count(*)::int as n, coalesce(jsonb_agg(jsonb_build_array(e.identity, e.kind, e.summary, e.start, e."end", e.year) order by e.seq), '[]'::jsonb) as list
      from ${overlappingFindings(sql`q.version_id`, sql`q.start`, sql`q."end"`)}) x
    where q.version_id = ${versionId} and p.id = q.id and (p.finding_count <> x.n or p.finding_list <> x.list)`);
}

/** What a plan card shows of a version's effective findings. */
function summaryOf(merged: readonly EffectiveFinding[]): EffectiveSummary {
  const counts: Record<string, number> = {};
  for (const f of merged) if (f.status !== 'rejected') counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return { counts, reviewed: merged.filter((f) => f.status !== 'pending').length, total: merged.length };
}

/** The stored rows of one merge: findings in merge order, then orphaned decisions. */
function effectiveRows(
  gaz: Gazetteer,
  text: string,
  versionId: number,
  planId: number,
  merged: readonly EffectiveFinding[],
  orphans: readonly DecisionRecord[],
  units: ReadonlyArray<{ code: string; role: string }>,
): Row[] {
  const live = merged.filter((f) => f.status !== 'rejected');
  const mentions = live.filter((f): f is EffectiveFinding<'place'> => f.kind === 'place' && typeof f.data.code === 'string' && f.start != null && f.end != null);
  const rows: Row[] = merged.map((f, seq) => {
    const { scope, named } = locateFinding(gaz, f.kind, f.data, units);
    // place mentions inside its span name the units it is about (the place page's "text" location)
    const inSpan =
      f.kind === 'target' || f.kind === 'fact' || f.kind === 'project' || f.kind === 'duty'
        ? mentions.filter((m) => f.start != null && f.end != null && m.start! < f.end && f.start < m.end!).map((m) => m.data.code as string)
        : [];
    const sentence = f.kind === 'place' && f.start != null ? sentenceAt(text, f.start, f.end ?? f.start) : null;
    const year = (f.kind === 'target' || f.kind === 'fact') && Number.isInteger(Number(f.data.year)) && f.data.year != null ? Number(f.data.year) : null;
    return {
      versionId,
      planId,
      seq,
      kind: f.kind,
      identity: f.identity,
      findingId: f.id,
      status: f.status,
      start: f.start,
      end: f.end,
      confidence: f.confidence,
      flags: f.flags,
      rule: f.rule,
      evidence: f.evidence,
      data: f.data,
      extracted: f.extracted,
      decision: f.decision as unknown as Record<string, unknown> | null,
      summary: summarize(f.kind, f.data),
      quote: f.start != null ? text.slice(f.start, f.end ?? f.start) : '',
      year,
      scopeCodes: scope,
      codes: [...new Set([...scope, ...named, ...inSpan])],
      sentence: sentence?.text ?? null,
      sentenceStart: sentence?.start ?? null,
    };
  });
  orphans.forEach((d, i) =>
    rows.push({
      versionId,
      planId,
      seq: merged.length + i,
      kind: d.kind,
      identity: d.identity,
      findingId: null,
      status: 'orphan',
      start: null,
      end: null,
      confidence: 0,
      flags: [],
      rule: null,
      evidence: [],
      data: d.fields,
      extracted: null,
      decision: d as unknown as Record<string, unknown>,
      quote: d.quote,
    }),
  );
  return rows;
}

/**
 * The effective_places rows of a version: each live finding in every unit of its codes and every
 * unit above them, with the roles it gives the unit itself (structure members; a place mention's sentence).
 */
function placeRows(
  gaz: Gazetteer,
  merged: readonly EffectiveFinding[],
  rows: readonly Row[],
  units: ReadonlyArray<{ code: string; role: string }>,
): Array<typeof effectivePlaces.$inferInsert> {
  const context = contextNames(gaz, units);
  const out: Array<typeof effectivePlaces.$inferInsert> = [];
  for (const r of rows) {
    if (r.status === 'rejected' || r.status === 'orphan') continue;
    const f = merged[r.seq];
    const roles = new Map<string, string[]>();
    const addRole = (code: string, role: string) => roles.set(code, [...(roles.get(code) ?? []), role]);
    if (f.kind === 'structure') {
      const d = f.data as unknown as StructureData;
      for (const el of d.elements ?? []) {
        const placed = placeElement(gaz, el, null, context);
        for (const m of placed.members) for (const u of m.places) addRole(u.code, `“${el.name}”之一：${m.name}`);
      }
    } else if (f.kind === 'place' && r.sentence && typeof f.data.code === 'string') {
      const unit = gaz.byCode(f.data.code);
      if (unit) for (const x of readRoles(r.sentence, nameForms(unit))) addRole(unit.code, x.role);
    }
    const scope = new Set((r.scopeCodes ?? []).flatMap((c) => selfAndAbove(gaz, c)));
    for (const code of new Set((r.codes ?? []).flatMap((c) => selfAndAbove(gaz, c)))) {
      out.push({ code, kind: f.kind, planId: r.planId, versionId: r.versionId, seq: r.seq, scoped: scope.has(code), roles: roles.get(code) ?? [] });
    }
  }
  return out;
}

/** Fills effective_findings once for versions stored before the table existed (run on open). */
export async function backfillEffectiveFindings(store: Store): Promise<number> {
  const todo = await queryRows<{ id: number }>(store.db, sql`select id from plan_versions where not effective_ready order by id`);
  for (const { id } of todo) await store.db.transaction((tx) => refreshEffectiveFindings(tx, Number(id)));
  return todo.length;
}

type Stored = typeof effectiveFindings.$inferSelect;

const decisionOf = (d: Record<string, unknown> | null): DecisionRecord | null =>
  d ? ({ ...d, createdAt: new Date(d.createdAt as string) } as unknown as DecisionRecord) : null;

/** A stored row as the merge gave it. */
export function toEffective(r: Pick<Stored, 'findingId' | 'kind' | 'identity' | 'start' | 'end' | 'confidence' | 'flags' | 'rule' | 'evidence' | 'data' | 'extracted' | 'status' | 'decision'>): EffectiveFinding {
  return ({
    id: r.findingId,
    kind: r.kind as EffectiveFinding['kind'],
    identity: r.identity,
    start: r.start,
    end: r.end,
    confidence: r.confidence,
    flags: r.flags,
    rule: r.rule,
    evidence: r.evidence,
    data: r.data as EffectiveFinding['data'],
    extracted: r.extracted as EffectiveFinding['extracted'],
    status: r.status as EffectiveFinding['status'],
    decision: decisionOf(r.decision),
  }) as EffectiveFinding; // one row of one kind: its data fits its kind
}

export function toOrphan(r: Pick<Stored, 'decision'>): DecisionRecord {
  return decisionOf(r.decision)!;
}

