// Read queries for the plan library and the reader (HTTP API): plan cards with covered units and
// finding counts, filters by level / place / period, the flat section list of a version.
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { kindNames } from '../core/kinds/index';
import type { Gazetteer } from '../core/types';
import { queryRows, type Store } from './db';
import { selfAndAbove, unitsWithin } from '../places/locate';
import { listPlans, type PlanSummary } from './queries';
import { planPlaces, places, planVersions, sections } from './schema';

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

export interface PlanPage {
  limit: number;
  offset: number;
}

/** Cards per page of the plan list unless asked otherwise. */
export const PLAN_PAGE_DEFAULT = 100;

/**
 * One page of the plans matching a filter as library cards (current version), in ingest order,
 * and how many match. place: the plan covers (scope or extension) the unit, a unit above it (a
 * plan for 广东省 concerns 湛江市) or a unit below it (a plan for 湛江市 concerns 广东省).
 */
export async function listPlanCards(
  store: Store,
  opts: { filter?: PlanFilter; gaz?: Gazetteer; placeCode?: string | null; ids?: number[]; page?: PlanPage } = {},
): Promise<{ cards: PlanCard[]; total: number }> {
  const where: SQL[] = [sql`true`];
  const f = opts.filter ?? {};
  if (opts.ids) where.push(sql`p.id = any(${`{${opts.ids.join(',')}}`}::int[])`);
  if (f.level) where.push(sql`v.level = ${f.level}`);
  if (f.period != null) where.push(sql`v.period_start <= ${f.period} and ${f.period} <= v.period_end`);
  if (f.place) {
    if (!opts.placeCode || !opts.gaz) return { cards: [], total: 0 };
    const related = [...new Set([...selfAndAbove(opts.gaz, opts.placeCode), ...unitsWithin(opts.gaz, opts.placeCode)])];
    where.push(sql`exists (select 1 from plan_places pp where pp.version_id = p.current_version_id and pp.place_code = any(${`{${related.join(',')}}`}::text[]))`);
  }
  const page = opts.page ?? { limit: 1_000_000, offset: 0 };
  const matching = await queryRows<{ id: number; total: number | string }>(
    store.db,
    sql`select p.id, count(*) over () as total from plans p left join plan_versions v on v.id = p.current_version_id
        where ${sql.join(where, sql` and `)} order by p.id limit ${page.limit} offset ${page.offset}`,
  );
  let total = matching.length ? Number(matching[0].total) : 0;
  if (!matching.length && page.offset > 0) {
    const [c] = await queryRows<{ n: number | string }>(
      store.db,
      sql`select count(*) as n from plans p left join plan_versions v on v.id = p.current_version_id where ${sql.join(where, sql` and `)}`,
    );
    total = Number(c.n);
  }
  const summaries = await listPlans(store, matching.map((r) => Number(r.id)), { scopes: false });
  const versionIds = summaries.map((p) => p.currentVersionId).filter((v): v is number => v != null);
  if (!versionIds.length) return { cards: summaries.map((p) => card(p, new Map(), undefined)), total };
  const [placeList, versionRows] = await Promise.all([
    store.db
      .select({ versionId: planPlaces.versionId, role: planPlaces.role, code: places.code, name: places.name })
      .from(planPlaces)
      .innerJoin(places, eq(places.code, planPlaces.placeCode))
      .where(inArray(planPlaces.versionId, versionIds))
      .orderBy(asc(places.code)),
    // counts of the findings as reviewed (rejected ones left out, additions counted) and review progress, written with effective_findings
    store.db
      .select({ id: planVersions.id, warnings: planVersions.warnings, summary: planVersions.effectiveSummary })
      .from(planVersions)
      .where(inArray(planVersions.id, versionIds)),
  ]);
  const placeRows = new Map<number, Array<{ role: string; code: string; name: string }>>();
  for (const r of placeList) placeRows.set(r.versionId, [...(placeRows.get(r.versionId) ?? []), r]);
  const byVersion = new Map(versionRows.map((w) => [w.id, w]));
  const cards = summaries.map((p) => {
    const v = byVersion.get(p.currentVersionId ?? -1);
    return card(p, placeRows, v && { warnings: v.warnings, counts: v.summary?.counts }, { reviewed: v?.summary?.reviewed ?? 0, total: v?.summary?.total ?? 0 });
  });
  return { cards, total };
}

function card(
  p: PlanSummary,
  placeRows: ReadonlyMap<number, Array<{ role: string; code: string; name: string }>>,
  summary: { warnings: string[]; counts?: Record<string, number> } | undefined,
  review: PlanCard['review'] = { reviewed: 0, total: 0 },
): PlanCard {
  const mine = placeRows.get(p.currentVersionId ?? -1) ?? [];
  const counts: Record<string, number> = Object.fromEntries(kindNames().map((k) => [k, 0]));
  for (const [kind, n] of Object.entries(summary?.counts ?? {})) counts[kind] = Number(n);
  const warnings = summary?.warnings ?? [];
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
