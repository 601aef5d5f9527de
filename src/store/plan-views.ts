// Read queries for the plan library and the reader (HTTP API): plan cards with covered units and
// finding counts, filters by level / place / period, the flat section list of a version.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { kindNames } from '../core/kinds/index';
import type { Gazetteer } from '../core/types';
import { queryRows, type Store } from './db';
import { selfAndAbove, unitsWithin } from '../places/locate';
import type { PlanSummary } from './queries';
import { sections } from './schema';

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
  /** Part of the title (any case), or the exact slug or id. */
  q?: string;
}

export interface PlanPage {
  limit: number;
  offset: number;
}

/** Cards per page of the plan list unless asked otherwise. */
export const PLAN_PAGE_DEFAULT = 100;

/** A LIKE pattern matching `s` literally anywhere. */
const containsLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * SQL conditions (over plans p left join plan_versions v) for a filter, leaving out the filters
 * named in `except` (a facet counts over the other filters); null when nothing can match (a place
 * filter without its gazetteer code).
 */
function planWhere(f: PlanFilter, gaz: Gazetteer | undefined, placeCode: string | null | undefined, except: Array<keyof PlanFilter> = []): SQL[] | null {
  const where: SQL[] = [sql`true`];
  const on = (k: keyof PlanFilter) => f[k] != null && f[k] !== '' && !except.includes(k);
  if (on('level')) where.push(sql`coalesce(v.level, 'unknown') = ${f.level}`);
  if (on('period')) where.push(sql`v.period_start <= ${f.period} and ${f.period} <= v.period_end`);
  if (on('q')) {
    const q = f.q!.trim();
    where.push(sql`(p.title ilike ${containsLike(q)} or p.slug = ${q.toLowerCase()} or p.id::text = ${q})`);
  }
  if (on('place')) {
    if (!placeCode || !gaz) return null;
    const related = [...new Set([...selfAndAbove(gaz, placeCode), ...unitsWithin(gaz, placeCode)])];
    where.push(sql`exists (select 1 from plan_places pp where pp.version_id = p.current_version_id and pp.place_code = any(${`{${related.join(',')}}`}::text[]))`);
  }
  return where;
}

/**
 * One page of the plans matching a filter as library cards (current version), in ingest order,
 * and how many match. place: the plan covers (scope or extension) the unit, a unit above it (a
 * plan for 广东省 concerns 湛江市) or a unit below it (a plan for 湛江市 concerns 广东省).
 */
export async function listPlanCards(
  store: Store,
  opts: { filter?: PlanFilter; gaz?: Gazetteer; placeCode?: string | null; ids?: number[]; page?: PlanPage } = {},
): Promise<{ cards: PlanCard[]; total: number }> {
  const where = planWhere(opts.filter ?? {}, opts.gaz, opts.placeCode);
  if (!where) return { cards: [], total: 0 };
  if (opts.ids) where.push(sql`p.id = any(${`{${opts.ids.join(',')}}`}::int[])`);
  const page = opts.page ?? { limit: 1_000_000, offset: 0 };
  // one statement: the page of plans with everything a card shows (the version's counts and review
  // summary are written with effective_findings; its places come aggregated) and the match count
  const rows = await queryRows<CardRow>(
    store.db,
    sql`with page as (
          select p.id, count(*) over () as total from plans p left join plan_versions v on v.id = p.current_version_id
          where ${sql.join(where, sql` and `)} order by p.id limit ${page.limit} offset ${page.offset})
        select p.id, p.slug, p.title, p.current_version_id, v.version, f.file_name, v.format, v.issuer, v.doc_number, v.issued,
          v.period_start, v.period_end, v.horizon, v.level, v.section_count, v.repair_count, v.warnings, v.effective_summary,
          (select count(*) from plan_versions pv where pv.plan_id = p.id) as versions,
          (select json_agg(json_build_object('role', pp.role, 'code', pl.code, 'name', pl.name) order by pl.code)
            from plan_places pp join places pl on pl.code = pp.place_code where pp.version_id = p.current_version_id) as places,
          page.total
        from page join plans p on p.id = page.id left join plan_versions v on v.id = p.current_version_id left join files f on f.id = v.file_id
        order by p.id`,
    'plan_cards',
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page.offset > 0) {
    const [c] = await queryRows<{ n: number | string }>(
      store.db,
      sql`select count(*) as n from plans p left join plan_versions v on v.id = p.current_version_id where ${sql.join(where, sql` and `)}`,
    );
    total = Number(c.n);
  }
  return { cards: rows.map(card), total };
}

interface CardRow {
  id: number;
  slug: string;
  title: string;
  current_version_id: number | null;
  version: number | null;
  file_name: string | null;
  format: string | null;
  issuer: string[] | string | null;
  doc_number: string | null;
  issued: string | null;
  period_start: number | null;
  period_end: number | null;
  horizon: number | null;
  level: string | null;
  section_count: number | null;
  repair_count: number | null;
  warnings: string[] | string | null;
  effective_summary: { counts?: Record<string, number>; reviewed?: number; total?: number } | string | null;
  versions: number | string;
  places: Array<{ role: string; code: string; name: string }> | string | null;
  total: number | string;
}

/** A JSON column as the driver gives it: parsed (node-postgres, PGlite) or, defensively, as text. */
const json = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function card(r: CardRow): PlanCard {
  const places = json(r.places) ?? [];
  const summary = json(r.effective_summary);
  const warnings = json(r.warnings) ?? [];
  const counts: Record<string, number> = Object.fromEntries(kindNames().map((k) => [k, 0]));
  for (const [kind, n] of Object.entries(summary?.counts ?? {})) counts[kind] = Number(n);
  return {
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    versions: Number(r.versions),
    currentVersionId: r.current_version_id,
    version: r.version,
    fileName: r.file_name,
    format: r.format,
    issuer: json(r.issuer) ?? [],
    docNumber: r.doc_number,
    issued: r.issued,
    period: r.period_start != null && r.period_end != null ? [r.period_start, r.period_end] : null,
    horizon: r.horizon,
    level: r.level,
    sections: r.section_count ?? 0,
    repairs: r.repair_count ?? 0,
    scope: places.filter((x) => x.role === 'scope').map(({ code, name }) => ({ code, name })),
    extension: places.filter((x) => x.role === 'extension').map(({ code, name }) => ({ code, name })),
    counts,
    review: { reviewed: summary?.reviewed ?? 0, total: summary?.total ?? 0 },
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

export interface PlanFacets {
  /** Plans matching every filter. */
  total: number;
  /** Plans per level, over the plans matching the other filters (level left out). */
  levels: Array<{ level: string; plans: number }>;
  /** Plans per unit they cover (scope or extension), over the plans matching the other filters (place left out); by code. */
  places: Array<{ code: string; name: string; level: string; plans: number }>;
  /** Plans per period, over the plans matching the other filters (period left out); by first year. */
  periods: Array<{ start: number; end: number; plans: number }>;
}

/**
 * The filter choices of the plan library, counted in SQL over all plans (not one page of cards):
 * each facet over the plans matching the other filters, so a choice shows how many plans picking
 * it would give. Its cost grows with the number of choices (levels, covered units, periods), and
 * the counting is done by the database.
 */
export async function planFacets(store: Store, opts: { filter?: PlanFilter; gaz?: Gazetteer; placeCode?: string | null } = {}): Promise<PlanFacets> {
  const f = opts.filter ?? {};
  const cond = (except: Array<keyof PlanFilter> = []) => {
    const w = planWhere(f, opts.gaz, opts.placeCode, except);
    return w ? sql.join(w, sql` and `) : sql`false`;
  };
  const from = sql`plans p left join plan_versions v on v.id = p.current_version_id`;
  const [totalRows, levelRows, placeRows, periodRows] = await Promise.all([
    queryRows<{ n: number | string }>(store.db, sql`select count(*) as n from ${from} where ${cond()}`),
    queryRows<{ level: string; n: number | string }>(
      store.db,
      sql`select coalesce(v.level, 'unknown') as level, count(*) as n from ${from} where ${cond(['level'])} group by 1 order by 1`,
    ),
    queryRows<{ code: string; name: string; level: string; n: number | string }>(
      store.db,
      sql`select pl.code, pl.name, pl.level, count(distinct p.id) as n
          from ${from} join plan_places pp on pp.version_id = p.current_version_id join places pl on pl.code = pp.place_code
          where ${cond(['place'])} group by pl.code, pl.name, pl.level order by pl.code`,
    ),
    queryRows<{ start: number; end: number; n: number | string }>(
      store.db,
      sql`select v.period_start as start, v.period_end as "end", count(*) as n from ${from}
          where ${cond(['period'])} and v.period_start is not null and v.period_end is not null group by 1, 2 order by 1, 2`,
    ),
  ]);
  return {
    total: Number(totalRows[0]?.n ?? 0),
    levels: levelRows.map((r) => ({ level: r.level, plans: Number(r.n) })),
    places: placeRows.map((r) => ({ code: r.code, name: r.name, level: r.level, plans: Number(r.n) })),
    periods: periodRows.map((r) => ({ start: Number(r.start), end: Number(r.end), plans: Number(r.n) })),
  };
}
