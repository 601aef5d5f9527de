// Read queries for the targets view and the review queue: a plan's effective findings (decisions
// applied) together with the version text, section titles, the queue order and review counts.
import { asc, eq } from 'drizzle-orm';
import type { DecisionRecord, EffectiveFinding, ReviewStatus } from '../core/curation';
import type { Store } from './db';
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

/**
 * The review queue over some plans: least sure first (confidence ascending), then plan and
 * position, so the order is stable between requests.
 */
export async function reviewQueue(
  store: Store,
  plans: readonly PlanRef[],
  opts: { kind?: string; status: QueueStatus; key?: string; limit: number; offset: number },
): Promise<{ entries: QueueEntry[]; total: number }> {
  const all: QueueEntry[] = [];
  for (const plan of plans) {
    const { text, findings } = await planFindings(store, plan, opts.kind);
    for (const f of findings) {
      if (opts.key && f.identity !== opts.key) continue;
      if (statusMatches(opts.status, f.status)) all.push({ plan, text, finding: f });
    }
  }
  all.sort(
    (a, b) =>
      a.finding.confidence - b.finding.confidence ||
      a.plan.id - b.plan.id ||
      (a.finding.start ?? 0) - (b.finding.start ?? 0) ||
      a.finding.kind.localeCompare(b.finding.kind) ||
      a.finding.identity.localeCompare(b.finding.identity),
  );
  return { entries: all.slice(opts.offset, opts.offset + opts.limit), total: all.length };
}

export type { ReviewCounts };

export function countStatuses(statuses: Iterable<ReviewStatus>): ReviewCounts {
  const c = { total: 0, pending: 0, accepted: 0, corrected: 0, rejected: 0, added: 0 };
  for (const s of statuses) {
    c.total++;
    c[s]++;
  }
  const judged = c.accepted + c.corrected + c.rejected;
  return {
    ...c,
    reviewed: c.total - c.pending,
    precision: judged ? c.accepted / judged : null,
    lenientPrecision: judged ? (c.accepted + c.corrected) / judged : null,
  };
}

/** Review counts over some plans, in all and per kind, and how many decisions no longer match a finding. */
export async function reviewStats(
  store: Store,
  plans: readonly PlanRef[],
): Promise<ReviewCounts & { byKind: Record<string, ReviewCounts>; orphans: number }> {
  const statuses: EffectiveFinding[] = [];
  let orphans = 0;
  for (const plan of plans) {
    const merged = await getEffectiveFindings(store, plan.currentVersionId);
    statuses.push(...merged.findings);
    orphans += merged.orphans.length;
  }
  const kinds = [...new Set(statuses.map((f) => f.kind))].sort();
  const byKind: Record<string, ReviewCounts> = {};
  for (const k of kinds) byKind[k] = countStatuses(statuses.filter((f) => f.kind === k).map((f) => f.status));
  return { ...countStatuses(statuses.map((f) => f.status)), byKind, orphans };
}

/** Decisions of some plans that no longer match a finding of the current version, newest first. */
export async function reviewOrphans(store: Store, plans: readonly PlanRef[]): Promise<Array<{ plan: PlanRef; decision: DecisionRecord }>> {
  const out: Array<{ plan: PlanRef; decision: DecisionRecord }> = [];
  for (const plan of plans) {
    for (const decision of (await getEffectiveFindings(store, plan.currentVersionId)).orphans) out.push({ plan, decision });
  }
  return out.sort((a, b) => new Date(b.decision.createdAt).getTime() - new Date(a.decision.createdAt).getTime() || b.decision.id - a.decision.id);
}
