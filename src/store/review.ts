// Read queries for the targets view and the review queue: a plan's effective findings (decisions
// applied) together with the version text, section titles, the queue order and review counts.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DecisionRecord, EffectiveFinding, ReviewStatus } from '../core/curation';
import { queryRows, type Store } from './db';
import { toEffective, toOrphan } from './effective';
import { getEffectiveFindings } from './findings';
import { planVersions, sections } from './schema';
import type { ReviewCounts } from '../core/api-types';

export interface PlanRef {
  id: number;
  slug: string;
  title: string;
  currentVersionId: number;
}

export interface PlanFindings {
  plan: PlanRef;
  text: string;
  findings: EffectiveFinding[];
}

export async function versionText(store: Store, versionId: number): Promise<string> {
  const [v] = await store.db.select({ text: planVersions.text }).from(planVersions).where(eq(planVersions.id, versionId));
  if (!v) throw new Error(`no plan version ${versionId}`);
  return v.text;
}

/** The current version's findings of a plan (optionally one kind), decisions applied. */
export async function planFindings(store: Store, plan: PlanRef, kind?: string): Promise<PlanFindings> {
  const [text, merged] = await Promise.all([versionText(store, plan.currentVersionId), getEffectiveFindings(store, plan.currentVersionId, kind)]);
  return { plan, text, findings: merged.findings };
}

/** For each offset asked, the title of the innermost section containing it (null when outside all). */
export async function sectionTitlesAt(store: Store, versionId: number, offsets: readonly number[]): Promise<Map<number, string>> {
  const rows = await store.db
    .select({ start: sections.start, end: sections.end, title: sections.title, level: sections.level })
    .from(sections)
    .where(eq(sections.versionId, versionId))
    .orderBy(asc(sections.seq));
  const out = new Map<number, string>();
  for (const at of offsets) {
    let best: (typeof rows)[number] | null = null;
    for (const s of rows) {
      if (s.start <= at && at < s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    if (best) out.set(at, best.title);
  }
  return out;
}

/** Which statuses a review-queue filter lets through. */
export type QueueStatus = 'pending' | 'reviewed' | 'all' | Exclude<ReviewStatus, 'pending'>;

export function statusMatches(filter: QueueStatus, status: ReviewStatus): boolean {
  if (filter === 'all') return true;
  if (filter === 'reviewed') return status !== 'pending';
  return filter === status;
}

export interface QueueEntry {
  plan: PlanRef;
  text: string;
  finding: EffectiveFinding;
}

/** SQL: effective rows of the current versions of some plans (all plans when null). */
function currentRows(plans: readonly PlanRef[] | null): SQL {
  const only = plans ? sql` and p.id = any(${`{${plans.map((p) => p.id).join(',')}}`}::int[])` : sql``;
  return sql`effective_findings e join plans p on p.current_version_id = e.version_id${only}`;
}

/**
 * The review queue over some plans (all when null): least sure first (confidence ascending), then
 * plan and position, so the order is stable between requests. Filtered, counted and paged in SQL;
 * only the texts of the versions on the page are read.
 */
export async function reviewQueue(
  store: Store,
  plans: readonly PlanRef[] | null,
  opts: { kind?: string; status: QueueStatus; key?: string; limit: number; offset: number },
): Promise<{ entries: QueueEntry[]; total: number }> {
  const where: SQL[] = [sql`e.status <> 'orphan'`];
  if (opts.kind) where.push(sql`e.kind = ${opts.kind}`);
  if (opts.key) where.push(sql`e.identity = ${opts.key}`);
  if (opts.status === 'reviewed') where.push(sql`e.status <> 'pending'`);
  else if (opts.status !== 'all') where.push(sql`e.status = ${opts.status}`);
  const cond = sql.join(where, sql` and `);
  const rows = await queryRows<StoredRow & { plan_id: number; slug: string; title: string; total: number | string }>(
    store.db,
    sql`select e.version_id, e.finding_id, e.kind, e.identity, e.start, e."end", e.confidence, e.flags, e.rule, e.evidence, e.data, e.extracted, e.status, e.decision,
          p.id as plan_id, p.slug, p.title, count(*) over () as total
        from ${currentRows(plans)} where ${cond}
        order by e.confidence, p.id, coalesce(e.start, 0), e.kind, e.identity limit ${opts.limit} offset ${opts.offset}`,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && opts.offset > 0) {
    const [c] = await queryRows<{ n: number | string }>(store.db, sql`select count(*) as n from ${currentRows(plans)} where ${cond}`);
    total = Number(c.n);
  }
  const texts = new Map<number, string>();
  for (const v of new Set(rows.map((r) => Number(r.version_id)))) texts.set(v, await versionText(store, v));
  const entries = rows.map((r) => ({
    plan: { id: Number(r.plan_id), slug: r.slug, title: r.title, currentVersionId: Number(r.version_id) },
    text: texts.get(Number(r.version_id))!,
    finding: toEffective(fromSql(r)),
  }));
  return { entries, total };
}

/** An effective_findings row as raw SQL gives it. */
type StoredRow = Omit<EffectiveFinding, 'id' | 'status' | 'decision'> & {
  version_id: number;
  finding_id: number | null;
  status: string;
  decision: Record<string, unknown> | null;
};

const fromSql = (r: StoredRow) => ({ ...r, findingId: r.finding_id == null ? null : Number(r.finding_id), confidence: Number(r.confidence) });

export type { ReviewCounts };

export function countStatuses(statuses: Iterable<ReviewStatus>): ReviewCounts {
  const n: Partial<Record<ReviewStatus, number>> = {};
  for (const st of statuses) n[st] = (n[st] ?? 0) + 1;
  return countsOf(n);
}

/** Review counts from how many findings have each status. */
export function countsOf(n: Partial<Record<ReviewStatus, number>>): ReviewCounts {
  const c = { total: 0, pending: 0, accepted: 0, corrected: 0, rejected: 0, added: 0 };
  for (const [st, k] of Object.entries(n) as Array<[ReviewStatus, number]>) {
    c.total += k;
    c[st] += k;
  }
  const judged = c.accepted + c.corrected + c.rejected;
  return {
    ...c,
    reviewed: c.total - c.pending,
    precision: judged ? c.accepted / judged : null,
    lenientPrecision: judged ? (c.accepted + c.corrected) / judged : null,
  };
}

/** Review counts over some plans (all when null), in all and per kind, and how many decisions no longer match a finding. */
export async function reviewStats(
  store: Store,
  plans: readonly PlanRef[] | null,
): Promise<ReviewCounts & { byKind: Record<string, ReviewCounts>; orphans: number }> {
  const rows = await queryRows<{ kind: string; status: ReviewStatus | 'orphan'; n: number | string }>(
    store.db,
    sql`select e.kind, e.status, count(*) as n from ${currentRows(plans)} group by e.kind, e.status`,
  );
  const all: Partial<Record<ReviewStatus, number>> = {};
  const perKind = new Map<string, Partial<Record<ReviewStatus, number>>>();
  let orphans = 0;
  for (const r of rows) {
    if (r.status === 'orphan') {
      orphans += Number(r.n);
      continue;
    }
    all[r.status] = (all[r.status] ?? 0) + Number(r.n);
    const k = perKind.get(r.kind) ?? {};
    k[r.status] = (k[r.status] ?? 0) + Number(r.n);
    perKind.set(r.kind, k);
  }
  const byKind: Record<string, ReviewCounts> = {};
  for (const k of [...perKind.keys()].sort()) byKind[k] = countsOf(perKind.get(k)!);
  return { ...countsOf(all), byKind, orphans };
}

/**
 * One page of the decisions of some plans (all when null) that no longer match a finding of the
 * current version, newest first, and how many there are: ordered, counted and paged in SQL.
 */
export async function reviewOrphans(
  store: Store,
  plans: readonly PlanRef[] | null,
  page: { limit: number; offset: number } = { limit: 1_000_000, offset: 0 },
): Promise<{ items: Array<{ plan: PlanRef; decision: DecisionRecord }>; total: number }> {
  const rows = await queryRows<{ plan_id: number; slug: string; title: string; version_id: number; decision: Record<string, unknown>; total: number | string }>(
    store.db,
    sql`select p.id as plan_id, p.slug, p.title, e.version_id, e.decision, count(*) over () as total
        from ${currentRows(plans)} where e.status = 'orphan'
        order by (e.decision->>'createdAt')::timestamptz desc, (e.decision->>'id')::int desc
        limit ${page.limit} offset ${page.offset}`,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page.offset > 0) {
    const [c] = await queryRows<{ n: number | string }>(store.db, sql`select count(*) as n from ${currentRows(plans)} where e.status = 'orphan'`);
    total = Number(c.n);
  }
  const items = rows.map((r) => ({
    plan: { id: Number(r.plan_id), slug: r.slug, title: r.title, currentVersionId: Number(r.version_id) },
    decision: toOrphan(r),
  }));
  return { items, total };
}
