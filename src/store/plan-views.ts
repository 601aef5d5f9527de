// Read queries for the plan library and the reader (HTTP API): plan cards with covered units and
// finding counts, filters by level / place / period, the flat section list of a version.
import { asc, count, eq, inArray } from 'drizzle-orm';
import { kindNames } from '../core/kinds/index';
import type { Gazetteer } from '../core/types';
import type { Store } from './db';
import { listPlans, type PlanSummary } from './queries';
import { getEffectiveFindings } from './findings';
import { decisions, findings, planPlaces, places, planVersions, sections } from './schema';

export interface PlaceRef {
  code: string;
  name: string;
}

export interface PlanCard extends Omit<PlanSummary, 'scope' | 'currentVersionId'> {
  currentVersionId: number | null;
  /** Units the plan covers (规划范围). */
  scope: PlaceRef[];
  /** Units of its extension area (规划延伸区). */
  extension: PlaceRef[];
  /** Findings per kind in the current version as reviewed: rejected ones left out, people's additions counted. */
  counts: Record<string, number>;
  /** Review progress of the current version: findings with a person's decision, of all (additions included). */
  review: { reviewed: number; total: number };
  /** 'warnings' when ingest noted something about the file (e.g. PDF pages without text). */
  status: 'ok' | 'warnings';
  warnings: string[];
}

export interface PlanFilter {
  level?: string;
  /** A gazetteer code or name. */
  place?: string;
  /** A year the plan period must contain. */
  period?: number;
}

/** Every plan as a library card (current version), in ingest order. */
export async function listPlanCards(store: Store): Promise<PlanCard[]> {
  const summaries = await listPlans(store);
  const versionIds = summaries.map((p) => p.currentVersionId).filter((v): v is number => v != null);
  if (!versionIds.length) return summaries.map((p) => card(p, [], [], []));
  const placeRows = await store.db
    .select({ versionId: planPlaces.versionId, role: planPlaces.role, code: places.code, name: places.name })
    .from(planPlaces)
    .innerJoin(places, eq(places.code, planPlaces.placeCode))
    .where(inArray(planPlaces.versionId, versionIds))
    .orderBy(asc(places.code));
  let countRows = await store.db
    .select({ versionId: findings.versionId, kind: findings.kind, n: count() })
    .from(findings)
    .where(inArray(findings.versionId, versionIds))
    .groupBy(findings.versionId, findings.kind);
  // Plans with review decisions: count their findings with the decisions applied instead.
  const progress = new Map<number, { reviewed: number; total: number }>();
  const reviewed = await store.db.selectDistinct({ planId: decisions.planId }).from(decisions);
  for (const { planId } of reviewed) {
    const p = summaries.find((x) => x.id === planId);
    if (p?.currentVersionId == null) continue;
    const merged = await getEffectiveFindings(store, p.currentVersionId);
    const byKind = new Map<string, number>();
    for (const f of merged.findings) if (f.status !== 'rejected') byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    const versionId = p.currentVersionId;
    countRows = countRows.filter((r) => r.versionId !== versionId).concat([...byKind].map(([kind, n]) => ({ versionId, kind, n })));
    progress.set(versionId, { reviewed: merged.findings.filter((f) => f.status !== 'pending').length, total: merged.findings.length });
  }
  const warningRows = await store.db
    .select({ id: planVersions.id, warnings: planVersions.warnings })
    .from(planVersions)
    .where(inArray(planVersions.id, versionIds));
  return summaries.map((p) => {
    const all = countRows.filter((r) => r.versionId === p.currentVersionId).reduce((n, r) => n + Number(r.n), 0);
    return card(p, placeRows, countRows, warningRows, progress.get(p.currentVersionId ?? -1) ?? { reviewed: 0, total: all });
  });
}

function card(
  p: PlanSummary,
  placeRows: Array<{ versionId: number; role: string; code: string; name: string }>,
  countRows: Array<{ versionId: number; kind: string; n: number }>,
  warningRows: Array<{ id: number; warnings: string[] }>,
  review: PlanCard['review'] = { reviewed: 0, total: 0 },
): PlanCard {
  const mine = placeRows.filter((r) => r.versionId === p.currentVersionId);
  const counts: Record<string, number> = Object.fromEntries(kindNames().map((k) => [k, 0]));
  for (const r of countRows) if (r.versionId === p.currentVersionId) counts[r.kind] = Number(r.n);
  const warnings = warningRows.find((w) => w.id === p.currentVersionId)?.warnings ?? [];
  return {
    ...p,
    scope: mine.filter((r) => r.role === 'scope').map(({ code, name }) => ({ code, name })),
    extension: mine.filter((r) => r.role === 'extension').map(({ code, name }) => ({ code, name })),
    counts,
    review,
    status: warnings.length ? 'warnings' : 'ok',
    warnings,
  };
}

/** Resolves a place filter (a 6-digit code or a name) to a gazetteer code, or null when unknown. */
export function placeCodeOf(gaz: Gazetteer, place: string): string | null {
  const s = place.trim();
  if (/^\d{6}$/.test(s)) return gaz.byCode(s) ? s : null;
  return gaz.resolve(s)?.code ?? null;
}

/** The code itself and every unit above it (雷州市 → 雷州市, 湛江市, 广东省). */
function selfAndAncestors(gaz: Gazetteer, code: string): string[] {
  const out: string[] = [];
  for (let p = gaz.byCode(code); p; p = p.parent ? gaz.byCode(p.parent) : undefined) out.push(p.code);
  return out;
}

/**
 * Cards matching a filter. place: the plan covers (scope or extension) the unit, a unit above it
 * (a plan for 广东省 concerns 湛江市) or a unit below it (a plan for 湛江市 concerns 广东省).
 */
export function filterPlanCards(cards: PlanCard[], filter: PlanFilter, gaz: Gazetteer, placeCode: string | null): PlanCard[] {
  return cards.filter((c) => {
    if (filter.level && c.level !== filter.level) return false;
    if (filter.period != null && !(c.period && c.period[0] <= filter.period && filter.period <= c.period[1])) return false;
    if (filter.place) {
      if (!placeCode) return false;
      const up = new Set(selfAndAncestors(gaz, placeCode));
      const covered = [...c.scope, ...c.extension];
      const hit = covered.some((u) => up.has(u.code) || selfAndAncestors(gaz, u.code).includes(placeCode));
      if (!hit) return false;
    }
    return true;
  });
}

export interface FlatSection {
  path: string;
  title: string;
  label: string | null;
  kind: string;
  level: number;
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
}

/** The sections of a version in document order (the reader's outline and paragraph anchors). */
export async function getFlatSections(store: Store, versionId: number): Promise<FlatSection[]> {
  return store.db
    .select({
      path: sections.path,
      title: sections.title,
      label: sections.label,
      kind: sections.kind,
      level: sections.level,
      start: sections.start,
      end: sections.end,
      headingStart: sections.headingStart,
      headingEnd: sections.headingEnd,
    })
    .from(sections)
    .where(eq(sections.versionId, versionId))
    .orderBy(asc(sections.seq));
}
