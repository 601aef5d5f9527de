// Read queries for the map and the place pages: which plans cover which units, a plan's spatial
// structure placed on the map, and everything the plans say about one unit.
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { EffectiveFinding } from '../core/curation';
import type { StructureData } from '../core/findings';
import type { Gazetteer, Place } from '../core/types';
import { CENSUS_INDICATORS, CENSUS_SOURCE, censusValue, loadCensus } from '../places/census';
import { mapIndicators } from '../places/lookup';
import { coverageOf, type UnitCoverage } from '../places/coverage';
import { childIndex, contextNames, unitsWithin } from '../places/locate';
import { mapUnits } from '../places/geo';
import { placeElement, type PlacedElement } from '../places/structure-shapes';
import { queryRows, type Store } from './db';
import { getEffectiveFindings } from './findings';
import { planPlaces, planVersions } from './schema';

// ---------------------------------------------------------------- map

export interface MapUnit {
  code: string;
  name: string;
  province: string;
  cp: [number, number] | null;
  value: number | null;
  /** The first covering plans (by ingest order), at most perUnit. */
  plans: Array<{ slug: string; title: string; relation: UnitCoverage['relation']; role: UnitCoverage['role'] }>;
  /** How many plans cover the unit, over all. */
  planTotal: number;
}

export interface MapUnitsView {
  units: MapUnit[];
  legend: { label: string; labelEn: string; unit: string; source: string; sourceEn: string };
}

/** Covering plans listed per map unit unless asked otherwise (the count covers them all). */
export const MAP_PLANS_PER_UNIT = 20;

const RELATION_RANK = { direct: 0, parent: 2, part: 4 } as const;

const relatedCache = new WeakMap<Gazetteer, { units: string[]; codes: string[]; ranks: number[] }>();

/**
 * For every map unit, the codes a plan can name to cover it with the rank of that relation
 * (coverageOf's order): the unit itself (direct), a unit it lies in (parent), a unit inside it (part).
 * Computed once per gazetteer; its size is bounded by the map units and their counties.
 */
function mapRelations(gaz: Gazetteer): { units: string[]; codes: string[]; ranks: number[] } {
  let r = relatedCache.get(gaz);
  if (r) return r;
  const children = childIndex(gaz);
  r = { units: [], codes: [], ranks: [] };
  const add = (unit: string, code: string, rank: number) => {
    r!.units.push(unit);
    r!.codes.push(code);
    r!.ranks.push(rank);
  };
  for (const u of mapUnits()) {
    add(u.code, u.code, RELATION_RANK.direct);
    for (let p = gaz.byCode(u.code); p?.parent; p = gaz.byCode(p.parent)) add(u.code, p.parent, RELATION_RANK.parent);
    const below = [...(children.get(u.code) ?? [])];
    while (below.length) {
      const c = below.pop()!;
      add(u.code, c, RELATION_RANK.part);
      below.push(...(children.get(c) ?? []));
    }
  }
  relatedCache.set(gaz, r);
  return r;
}

/**
 * The units of the map, each with its covering plans, valued by plan count or by an indicator.
 *
 * The map colours every unit at once, so this is not paged by unit: there are only the map's
 * units (54 prefectures). What could grow with the corpus is each unit's list of covering plans; so
 * the database counts the covering plans per unit (plan_places by its place index, grouped per
 * unit and plan) and sends back at most `perUnit` of them per unit: what crosses to the server and
 * into the answer is bounded by units × perUnit, whatever the number of plans or findings.
 */
export async function getMapUnits(
  store: Store,
  gaz: Gazetteer,
  color: 'plans' | 'indicator',
  indicator: string | null,
  perUnit: number = MAP_PLANS_PER_UNIT,
): Promise<MapUnitsView> {
  const census = loadCensus();
  const ind = color === 'indicator' ? mapIndicators().find((i) => i.id === indicator) : undefined;
  if (color === 'indicator' && !ind) throw new Error(`unknown indicator ${indicator}`);
  const rel = mapRelations(gaz);
  const rows = await queryRows<{ unit: string; slug: string; title: string; best: number; n: number | string; rn: number | string }>(
    store.db,
    sql`with rel(unit, code, rank) as (
          select * from unnest(${`{${rel.units.join(',')}}`}::text[], ${`{${rel.codes.join(',')}}`}::text[], ${`{${rel.ranks.join(',')}}`}::int[])),
        cov as (
          select rel.unit, p.id, p.slug, p.title, min(rel.rank + case when pp.role = 'extension' then 1 else 0 end) as best
          from rel join plan_places pp on pp.place_code = rel.code join plans p on p.current_version_id = pp.version_id
          group by rel.unit, p.id, p.slug, p.title),
        ranked as (select cov.*, count(*) over (partition by cov.unit) as n, row_number() over (partition by cov.unit order by cov.id) as rn from cov)
        select unit, slug, title, best, n, rn from ranked where rn <= ${Math.max(perUnit, 1)} order by unit, rn`,
  );
  const byUnit = new Map<string, { total: number; plans: MapUnit['plans'] }>();
  for (const r of rows) {
    const u = byUnit.get(r.unit) ?? { total: Number(r.n), plans: [] };
    byUnit.set(r.unit, u);
    if (Number(r.rn) > perUnit) continue;
    const best = Number(r.best);
    u.plans.push({
      slug: r.slug,
      title: r.title,
      relation: best >= RELATION_RANK.part ? 'part' : best >= RELATION_RANK.parent ? 'parent' : 'direct',
      role: best % 2 ? 'extension' : 'scope',
    });
  }
  const units = mapUnits().map((u): MapUnit => {
    const c = byUnit.get(u.code) ?? { total: 0, plans: [] };
    const row = census.get(u.code);
    const value = ind ? (row ? censusValue(row, ind.id) : null) : c.total;
    return { code: u.code, name: u.name, province: u.province, cp: u.cp, value, plans: c.plans, planTotal: c.total };
  });
  const legend = ind
    ? { label: ind.name, labelEn: ind.nameEn, unit: ind.unit, source: ind.source, sourceEn: ind.sourceEn }
    : { label: '覆盖该地的规划数', labelEn: 'Plans covering the unit', unit: '部', source: '规划库', sourceEn: 'Plan library' };
  return { units, legend };
}

// ---------------------------------------------------------------- structure

export interface StructureView {
  key: string;
  code: string;
  subject: string | null;
  start: number | null;
  end: number | null;
  elements: PlacedElement[];
}

const live = (f: EffectiveFinding) => f.status !== 'rejected';

/** The spatial structures of a plan version (review decisions applied), members placed at gazetteer points. */
export async function getPlanStructures(store: Store, gaz: Gazetteer, versionId: number): Promise<StructureView[]> {
  const [v] = await store.db.select({ text: planVersions.text }).from(planVersions).where(eq(planVersions.id, versionId));
  const rows = await store.db.select({ code: planPlaces.placeCode, role: planPlaces.role }).from(planPlaces).where(eq(planPlaces.versionId, versionId));
  const context = contextNames(gaz, rows);
  const { findings } = await getEffectiveFindings(store, versionId, 'structure');
  return findings.filter(live).map((f) => structureView(gaz, f, v?.text ?? '', context));
}

function structureView(gaz: Gazetteer, f: Pick<EffectiveFinding, 'identity' | 'data' | 'start' | 'end'>, text: string, context: string[]): StructureView {
  const d = f.data as unknown as StructureData;
  return {
    key: f.identity,
    code: d.code,
    subject: d.subject ?? null,
    start: f.start,
    end: f.end,
    elements: (d.elements ?? []).map((el) => placeElement(gaz, el, el.span ? text.slice(el.span.start, el.span.end) : null, context)),
  };
}

// ---------------------------------------------------------------- place page

export interface PlaceRole {
  /** 'structure': an element of a spatial structure lists it; 'text': a sentence gives it a role. */
  source: 'structure' | 'text';
  role: string;
  /** structure: the structure code and element (双心一极点六轴三圈层 · 双心); text: the sentence. */
  detail: string;
  key: string;
}

export interface LocatedFinding {
  slug: string;
  /** The plan's title (its plan may be on another page of the plan list). */
  title: string;
  key: string;
  kind: string;
  summary: string;
  quote: string;
  /** How it was located: its scope is the unit, or the text names the unit (or a unit inside it). */
  how: 'scope' | 'text';
}

export interface PlacePlan {
  slug: string;
  title: string;
  period: [number, number] | null;
  horizon: number | null;
  level: string;
  /** null: the plan does not cover the unit but its text names it. */
  coverage: UnitCoverage | null;
  roles: PlaceRole[];
  mentions: number;
}

export interface PlaceView {
  unit: { code: string; name: string; short: string; level: string; point: [number, number] | null };
  chain: Array<{ code: string; name: string; level: string }>;
  children: Array<{ code: string; name: string }>;
  plans: PlacePlan[];
  targets: LocatedFinding[];
  projects: LocatedFinding[];
  duties: LocatedFinding[];
  facts: LocatedFinding[];
  /** How many rows each list has over all pages. */
  totals: { plans: number; targets: number; projects: number; duties: number; facts: number };
  census: null | {
    source: string;
    sourceEn: string;
    citation: string;
    values: Array<{ id: string; name: string; nameEn: string; unit: string; year: number; value: number | null }>;
  };
}

const clip = (s: string, n = 160) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const overlaps = (a: { start: number | null; end: number | null }, b: { start: number | null; end: number | null }) =>
  a.start != null && b.start != null && a.end != null && b.end != null && a.start < b.end && b.start < a.end;

export const PLACE_LISTS = ['plans', 'targets', 'projects', 'duties', 'facts'] as const;
export type PlaceList = (typeof PLACE_LISTS)[number];

export interface PlacePage {
  /** Rows of each list (plans, targets, projects, duties, facts) to return. */
  limit: number;
  /** Rows of each list to skip. */
  offset: number;
  /** Only this list's rows (the others come back empty; the totals are always all there): a list's next page. */
  list?: PlaceList;
}

/** Each list shows this many rows unless asked otherwise (the totals say how many there are; the page asks for more). */
export const PLACE_PAGE_DEFAULT = 20;

const LOCATED_KINDS = { targets: 'target', projects: 'project', duties: 'duty', facts: 'fact' } as const;

const textArray = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::text[]`;
const intArray = (xs: readonly number[]) => sql`${`{${xs.join(',')}}`}::int[]`;

/**
 * Everything the stored plans say about one unit: one page of each list and their totals. The
 * plans, the mentions and the located findings are found in SQL (effective_findings.codes holds
 * every unit that locates a finding), so no plan text is read and the cost grows with the page.
 */
export async function getPlaceView(store: Store, gaz: Gazetteer, place: Place, page: PlacePage = { limit: PLACE_PAGE_DEFAULT, offset: 0 }): Promise<PlaceView> {
  const code = place.code;
  const related = [...new Set([...unitsWithin(gaz, code), ...ancestorsOf(gaz, place).map((p) => p.code)])];
  const out: PlaceView = {
    unit: { code, name: place.name, short: place.short, level: place.level, point: place.point },
    chain: ancestorsOf(gaz, place).map((p) => ({ code: p.code, name: p.name, level: p.level })),
    children: (childIndex(gaz).get(code) ?? []).map((c) => ({ code: c, name: gaz.byCode(c)!.name })),
    plans: [],
    targets: [],
    projects: [],
    duties: [],
    facts: [],
    totals: { plans: 0, targets: 0, projects: 0, duties: 0, facts: 0 },
    census: null,
  };
  // The plans listed: current versions that cover the unit (a plan_places row names the unit, a
  // unit above it or a unit inside it: exactly the rows coverageOf accepts) or whose text names it.
  // One statement computes that set once, orders and pages it (covering plans first, then by
  // period) and counts it, and for each located kind counts and pages the findings of the set on
  // effective_places (one index range per unit and kind). Only the shown plans are read further.
  type Shown = { slug: string; title: string; version_id: number; period_start: number | null; period_end: number | null; horizon: number | null; level: string; mentions: number | string };
  type Hit = { slug: string; title: string; identity: string; kind: string; summary: string; quote: string; scoped: boolean };
  const json = <T>(v: T | string | null | undefined): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : (v ?? null));
  const rowsOf = (list: PlaceList) => !page.list || page.list === list;
  const plansShown = rowsOf('plans') ? page.limit : 0;
  const kindsShown = (Object.entries(LOCATED_KINDS) as Array<[PlaceList, string]>).filter(([l]) => rowsOf(l)).map(([, k]) => k);
  const [view] = await queryRows<{ total: number | string; plans: Shown[] | string | null; lists: Array<{ kind: string; total: number | string | null; rows: Hit[] | null }> | string | null }>(
    store.db,
    sql`with listed as materialized (
          select v.id as version_id, p.id as plan_id, (cov.version_id is not null) as covered, coalesce(men.n, 0) as mentions
          from plans p join plan_versions v on v.id = p.current_version_id
            left join (select distinct pp.version_id from plan_places pp where pp.place_code = any(${textArray(related)})) cov on cov.version_id = v.id
            left join (select c.version_id, c.n from effective_place_counts c where c.code = ${code} and c.kind = 'place' and c.n > 0) men on men.version_id = v.id
          where cov.version_id is not null or men.version_id is not null),
        shown as (
          select p.slug, p.title, v.id as version_id, v.period_start, v.period_end, v.horizon, v.level, l.mentions,
            row_number() over (order by l.covered desc, coalesce(v.period_start, 9999), p.id) as ord
          from listed l join plans p on p.id = l.plan_id join plan_versions v on v.id = l.version_id
          order by l.covered desc, coalesce(v.period_start, 9999), p.id
          limit ${plansShown} offset ${page.offset}),
        lists as (
          select k.kind,
            (select sum(c.n) from effective_place_counts c where c.code = ${code} and c.kind = k.kind and c.version_id in (select version_id from listed)) as total,
            (select json_agg(json_build_object('slug', p.slug, 'title', p.title, 'identity', e.identity, 'kind', e.kind, 'summary', e.summary, 'quote', e.quote, 'scoped', hit.scoped) order by hit.plan_id, hit.seq)
              from (select ep.plan_id, ep.version_id, ep.seq, ep.scoped from effective_places ep
                    where k.kind = any(${textArray(kindsShown)}) and ep.code = ${code} and ep.kind = k.kind and ep.version_id in (select version_id from listed)
                    order by ep.plan_id, ep.seq limit ${page.limit} offset ${page.offset}) hit
              join effective_findings e on e.version_id = hit.version_id and e.seq = hit.seq join plans p on p.id = hit.plan_id) as rows
          from unnest(${textArray(Object.values(LOCATED_KINDS))}) as k(kind))
        select (select count(*) from listed) as total,
          (select json_agg(shown order by shown.ord) from shown) as plans,
          (select json_agg(lists) from lists) as lists`,
    'place_view',
  );
  const shown = json<Shown[]>(view.plans) ?? [];
  out.totals.plans = Number(view.total);
  const shownIds = shown.map((x) => Number(x.version_id));
  const [units, roles] = await Promise.all([
    shownIds.length
      ? store.db
          .select({ versionId: planPlaces.versionId, code: planPlaces.placeCode, role: planPlaces.role })
          .from(planPlaces)
          .where(inArray(planPlaces.versionId, shownIds))
      : Promise.resolve([]),
    placeRoles(store, code, shownIds),
  ]);
  out.plans = shown.map((c) => ({
    slug: c.slug,
    title: c.title,
    period: c.period_start != null && c.period_end != null ? [c.period_start, c.period_end] : null,
    horizon: c.horizon,
    level: c.level,
    coverage: coverageOf(gaz, units.filter((u) => u.versionId === Number(c.version_id)), code),
    roles: roles.get(Number(c.version_id)) ?? [],
    mentions: Number(c.mentions),
  }));
  const lists = json<Array<{ kind: string; total: number | string | null; rows: Hit[] | null }>>(view.lists) ?? [];
  for (const [list, kind] of Object.entries(LOCATED_KINDS) as Array<[keyof typeof LOCATED_KINDS, string]>) {
    const found = lists.find((l) => l.kind === kind);
    out.totals[list] = Number(found?.total ?? 0);
    out[list] = (found?.rows ?? []).map((r) => ({
      slug: r.slug,
      title: r.title,
      key: r.identity,
      kind: r.kind,
      summary: r.summary,
      quote: clip(r.quote),
      how: (kind === 'target' || kind === 'fact') && r.scoped ? 'scope' : 'text',
    }));
  }
  const row = loadCensus().get(code);
  if (row) {
    out.census = {
      source: CENSUS_SOURCE.label,
      sourceEn: CENSUS_SOURCE.labelEn,
      citation: CENSUS_SOURCE.citation,
      values: CENSUS_INDICATORS.map((i) => ({ id: i.id, name: i.name, nameEn: i.nameEn, unit: i.unit, year: i.year, value: censusValue(row, i.id) })),
    };
  }
  return out;
}

/**
 * The roles some plan versions give a unit, as stored with effective_places: elements of their
 * spatial structures that list it, then what the sentences around its own name say.
 */
async function placeRoles(store: Store, code: string, versionIds: number[]): Promise<Map<number, PlaceRole[]>> {
  const out = new Map<number, PlaceRole[]>();
  if (!versionIds.length) return out;
  const rows = await queryRows<{
    version_id: number;
    kind: string;
    roles: string[];
    identity: string;
    sentence: string | null;
    sentence_start: number | null;
    structure: string | null;
    subject: string | null;
  }>(
    store.db,
    sql`select ep.version_id, ep.kind, ep.roles, e.identity, e.sentence, e.sentence_start, e.data->>'code' as structure, e.data->>'subject' as subject
        from effective_places ep join effective_findings e on e.version_id = ep.version_id and e.seq = ep.seq
        where ep.code = ${code} and cardinality(ep.roles) > 0 and ep.version_id = any(${intArray(versionIds)}) and ep.kind in ('structure', 'place')
        order by ep.version_id, (ep.kind = 'place'), ep.seq`,
    'place_roles',
  );
  const seen = new Map<number, { roles: Set<string>; sentences: Set<number> }>();
  for (const r of rows) {
    const v = Number(r.version_id);
    if (!out.has(v)) out.set(v, []);
    if (!seen.has(v)) seen.set(v, { roles: new Set(), sentences: new Set() });
    const mine = out.get(v)!;
    const s = seen.get(v)!;
    const addRole = (role: PlaceRole) => {
      const k = role.source + '\u0000' + role.role;
      if (s.roles.has(k)) return;
      s.roles.add(k);
      mine.push(role);
    };
    if (r.kind === 'structure') {
      for (const role of r.roles) addRole({ source: 'structure', role, detail: `${r.structure ?? ''}${r.subject ? ' · ' + r.subject : ''}`, key: r.identity });
    } else if (r.sentence != null && r.sentence_start != null) {
      if (s.sentences.has(r.sentence_start)) continue;
      s.sentences.add(r.sentence_start);
      for (const role of r.roles) addRole({ source: 'text', role, detail: clip(r.sentence.trim(), 200), key: r.identity });
    }
  }
  return out;
}

/** Province, prefecture … above a unit, outermost first. */
function ancestorsOf(gaz: Gazetteer, place: Place): Place[] {
  const out: Place[] = [];
  for (let p = place.parent ? gaz.byCode(place.parent) : undefined; p; p = p.parent ? gaz.byCode(p.parent) : undefined) out.unshift(p);
  return out;
}
