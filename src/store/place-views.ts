// Read queries for the map and the place pages: which plans cover which units, a plan's spatial
// structure placed on the map, and everything the plans say about one unit.
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { EffectiveFinding } from '../core/curation';
import type { StructureData } from '../core/findings';
import { summarize } from '../core/finding-summary';
import type { Gazetteer, Place } from '../core/types';
import { CENSUS_INDICATORS, CENSUS_SOURCE, censusValue, loadCensus } from '../places/census';
import { coverageOf, isWithin, type UnitCoverage } from '../places/coverage';
import { mapUnits } from '../places/geo';
import { readRoles, sentenceAt } from '../places/roles';
import { placeElement, type PlacedElement } from '../places/structure-shapes';
import type { Store } from './db';
import { getEffectiveFindings } from './findings';
import { planPlaces, plans, planVersions } from './schema';

export interface PlanCoverage {
  planId: number;
  slug: string;
  title: string;
  versionId: number;
  period: [number, number] | null;
  horizon: number | null;
  level: string;
  rows: Array<{ code: string; role: string }>;
}

/** Every plan with a current version and the units it covers. */
export async function listCoverage(store: Store): Promise<PlanCoverage[]> {
  const ps = await store.db
    .select({
      planId: plans.id,
      slug: plans.slug,
      title: plans.title,
      versionId: planVersions.id,
      periodStart: planVersions.periodStart,
      periodEnd: planVersions.periodEnd,
      horizon: planVersions.horizon,
      level: planVersions.level,
    })
    .from(plans)
    .innerJoin(planVersions, eq(planVersions.id, plans.currentVersionId))
    .where(isNotNull(plans.currentVersionId))
    .orderBy(asc(plans.id));
  const ids = ps.map((p) => p.versionId);
  const rows = ids.length
    ? await store.db.select({ versionId: planPlaces.versionId, code: planPlaces.placeCode, role: planPlaces.role }).from(planPlaces).where(inArray(planPlaces.versionId, ids))
    : [];
  return ps.map((p) => ({
    planId: p.planId,
    slug: p.slug,
    title: p.title,
    versionId: p.versionId,
    period: p.periodStart != null && p.periodEnd != null ? [p.periodStart, p.periodEnd] : null,
    horizon: p.horizon,
    level: p.level,
    rows: rows.filter((r) => r.versionId === p.versionId).map((r) => ({ code: r.code, role: r.role })),
  }));
}

// ---------------------------------------------------------------- map

export interface MapIndicator {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  years: number[];
  source: string;
  sourceEn: string;
  citation: string;
}

export function mapIndicators(): MapIndicator[] {
  return CENSUS_INDICATORS.map((i) => ({
    id: i.id,
    name: `${i.name}（${i.year}年）`,
    nameEn: `${i.nameEn} (${i.year})`,
    unit: i.unit,
    years: [i.year],
    source: CENSUS_SOURCE.label,
    sourceEn: CENSUS_SOURCE.labelEn,
    citation: CENSUS_SOURCE.citation,
  }));
}

export interface MapUnit {
  code: string;
  name: string;
  province: string;
  cp: [number, number] | null;
  value: number | null;
  plans: Array<{ slug: string; title: string; relation: UnitCoverage['relation']; role: UnitCoverage['role'] }>;
}

export interface MapUnitsView {
  units: MapUnit[];
  legend: { label: string; labelEn: string; unit: string; source: string; sourceEn: string };
}

/** The units of the map, each with its covering plans, valued by plan count or by an indicator. */
export async function getMapUnits(store: Store, gaz: Gazetteer, color: 'plans' | 'indicator', indicator: string | null): Promise<MapUnitsView> {
  const coverage = await listCoverage(store);
  const census = loadCensus();
  const ind = color === 'indicator' ? mapIndicators().find((i) => i.id === indicator) : undefined;
  if (color === 'indicator' && !ind) throw new Error(`unknown indicator ${indicator}`);
  const units = mapUnits().map((u): MapUnit => {
    const ps = coverage.flatMap((p) => {
      const c = coverageOf(gaz, p.rows, u.code);
      return c ? [{ slug: p.slug, title: p.title, relation: c.relation, role: c.role }] : [];
    });
    const row = census.get(u.code);
    const value = ind ? (row ? censusValue(row, ind.id) : null) : ps.length;
    return { code: u.code, name: u.name, province: u.province, cp: u.cp, value, plans: ps };
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

/** Names of the units a plan covers: context for reading county short forms in member names. */
function contextNames(gaz: Gazetteer, rows: PlanCoverage['rows']): string[] {
  return rows.map((r) => gaz.byCode(r.code)?.name).filter((n): n is string => !!n);
}

/** The spatial structures of a plan version (review decisions applied), members placed at gazetteer points. */
export async function getPlanStructures(store: Store, gaz: Gazetteer, versionId: number): Promise<StructureView[]> {
  const [v] = await store.db.select({ text: planVersions.text }).from(planVersions).where(eq(planVersions.id, versionId));
  const rows = await store.db.select({ code: planPlaces.placeCode, role: planPlaces.role }).from(planPlaces).where(eq(planPlaces.versionId, versionId));
  const context = contextNames(gaz, rows);
  const { findings } = await getEffectiveFindings(store, versionId, 'structure');
  return findings.filter(live).map((f) => structureView(gaz, f, v?.text ?? '', context));
}

function structureView(gaz: Gazetteer, f: EffectiveFinding, text: string, context: string[]): StructureView {
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

/** Everything the stored plans say about one unit. */
export async function getPlaceView(store: Store, gaz: Gazetteer, place: Place): Promise<PlaceView> {
  const code = place.code;
  const within = (c: string | null | undefined) => !!c && isWithin(gaz, c, code);
  const forms = [...new Set([place.name, place.short, ...place.aliases].filter((f) => f.length >= 2))];
  const out: PlaceView = {
    unit: { code, name: place.name, short: place.short, level: place.level, point: place.point },
    chain: ancestorsOf(gaz, place).map((p) => ({ code: p.code, name: p.name, level: p.level })),
    children: gaz.places.filter((p) => p.parent === code).map((p) => ({ code: p.code, name: p.name })),
    plans: [],
    targets: [],
    projects: [],
    duties: [],
    facts: [],
    census: null,
  };
  for (const p of await listCoverage(store)) {
    const coverage = coverageOf(gaz, p.rows, code);
    const [v] = await store.db.select({ text: planVersions.text }).from(planVersions).where(eq(planVersions.id, p.versionId));
    const text = v.text;
    const all = (await getEffectiveFindings(store, p.versionId)).findings.filter(live);
    const mentionsHere = all.filter((f) => f.kind === 'place' && within((f.data as { code?: string }).code));
    const roles: PlaceRole[] = [];
    const seenRole = new Set<string>();
    const addRole = (r: PlaceRole) => {
      const k = r.source + '\u0000' + r.role;
      if (seenRole.has(k)) return;
      seenRole.add(k);
      roles.push(r);
    };
    // roles from spatial structures whose elements list the unit itself
    const context = contextNames(gaz, p.rows);
    for (const f of all.filter((x) => x.kind === 'structure')) {
      const s = structureView(gaz, f, text, context);
      for (const el of s.elements) {
        if (el.fromSpanText) continue; // members guessed from the explaining sentence: too loose for a role
        for (const m of el.members) {
          if (m.places.some((u) => u.code === code)) {
            addRole({ source: 'structure', role: `“${el.name}”之一：${m.name}`, detail: `${s.code}${s.subject ? ' · ' + s.subject : ''}`, key: s.key });
          }
        }
      }
    }
    // roles from sentences around the unit's own name
    const seenSentence = new Set<number>();
    for (const m of mentionsHere) {
      if ((m.data as { code?: string }).code !== code || m.start == null) continue;
      const s = sentenceAt(text, m.start, m.end ?? m.start);
      if (seenSentence.has(s.start)) continue;
      seenSentence.add(s.start);
      for (const r of readRoles(s.text, forms)) addRole({ source: 'text', role: r.role, detail: clip(s.text.trim(), 200), key: m.identity });
    }
    if (!coverage && mentionsHere.length === 0) continue;
    out.plans.push({ slug: p.slug, title: p.title, period: p.period, horizon: p.horizon, level: p.level, coverage, roles, mentions: mentionsHere.length });

    // findings located in the unit
    const namedIn = (f: EffectiveFinding) => mentionsHere.some((m) => overlaps(m, f));
    const located = (f: EffectiveFinding, how: 'scope' | 'text'): LocatedFinding => ({
      slug: p.slug,
      key: f.identity,
      kind: f.kind,
      summary: summarize(f.kind, f.data),
      quote: clip(f.start != null ? text.slice(f.start, f.end ?? f.start) : ''),
      how,
    });
    for (const f of all) {
      if (f.kind === 'target' || f.kind === 'fact') {
        const d = f.data;
        const scoped = within(d.scopeCode) || (d.scope != null && within(gaz.resolve(d.scope)?.code));
        if (scoped || namedIn(f)) (f.kind === 'target' ? out.targets : out.facts).push(located(f, scoped ? 'scope' : 'text'));
      } else if (f.kind === 'project') {
        const named = context.length > 0 && f.data.places.some((n) => within(resolveIn(gaz, n, p.rows)));
        if (named || namedIn(f)) out.projects.push(located(f, 'text'));
      } else if (f.kind === 'duty') {
        const agencies = [...f.data.lead, ...f.data.support].join('、');
        const named = gaz.findMentions(agencies).some((m) => within(m.place.code));
        if (named || namedIn(f)) out.duties.push(located(f, 'text'));
      }
    }
  }
  // plans that cover the unit first, then by period
  out.plans.sort((a, b) => Number(!a.coverage) - Number(!b.coverage) || (a.period?.[0] ?? 9999) - (b.period?.[0] ?? 9999));
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

/** Province, prefecture … above a unit, outermost first. */
function ancestorsOf(gaz: Gazetteer, place: Place): Place[] {
  const out: Place[] = [];
  for (let p = place.parent ? gaz.byCode(place.parent) : undefined; p; p = p.parent ? gaz.byCode(p.parent) : undefined) out.unshift(p);
  return out;
}

/** A project's place name as a code, preferring units inside what the plan covers. */
function resolveIn(gaz: Gazetteer, name: string, rows: PlanCoverage['rows']): string | undefined {
  for (const r of rows) {
    const p = gaz.resolve(name, r.code);
    if (p && isWithin(gaz, p.code, r.code)) return p.code;
  }
  return gaz.resolve(name)?.code;
}

// ---------------------------------------------------------------- lookup

/** A unit by code or by name (湛江市, 湛江); the best match by the gazetteer's ranking. */
export function findPlace(gaz: Gazetteer, ref: string): Place | undefined {
  const s = ref.trim();
  if (/^\d{6}$/.test(s)) return gaz.byCode(s);
  return gaz.resolve(s);
}

/** Units whose name forms start with or contain `q`, prefectures of the map first. */
export function searchPlaces(gaz: Gazetteer, q: string, limit = 20): Place[] {
  const s = q.trim();
  if (!s) return [];
  const onMap = new Set(mapUnits().map((u) => u.code));
  const hits = gaz.places.filter((p) => p.name.includes(s) || p.short.includes(s) || p.aliases.some((a) => a.includes(s)));
  const rank = (p: Place) => (p.name === s || p.short === s ? 0 : p.name.startsWith(s) ? 1 : 2) * 4 + (onMap.has(p.code) ? 0 : 2) + (p.level === 'county' ? 1 : 0);
  return hits.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code)).slice(0, limit);
}
