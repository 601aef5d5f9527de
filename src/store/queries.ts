// Read queries shared by the CLI (and later the HTTP API).
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Section, SectionKind } from '../core/types';
import { AmbiguousError, NotFoundError } from '../core/errors';
import { queryRows, type Store } from './db';
import { auditLog, decisions, files, findings, observationImports, observations, planPlaces, places, plans, planVersions, repairs, sections, taskUpdates } from './schema';

export interface PlanSummary {
  id: number;
  slug: string;
  title: string;
  versions: number;
  currentVersionId: number | null;
  version: number | null;
  fileName: string | null;
  format: string | null;
  issuer: string[];
  docNumber: string | null;
  issued: string | null;
  period: [number, number] | null;
  horizon: number | null;
  level: string | null;
  sections: number;
  repairs: number;
  scope: string[];
}

/** Every plan in ingest order, or the plans with these ids. */
export async function listPlans(store: Store, ids?: readonly number[], opts: { scopes?: boolean } = {}): Promise<PlanSummary[]> {
  if (ids && !ids.length) return [];
  const rows = await store.db
    .select({
      id: plans.id,
      slug: plans.slug,
      title: plans.title,
      currentVersionId: plans.currentVersionId,
      version: planVersions.version,
      fileName: files.fileName,
      format: planVersions.format,
      issuer: planVersions.issuer,
      docNumber: planVersions.docNumber,
      issued: planVersions.issued,
      periodStart: planVersions.periodStart,
      periodEnd: planVersions.periodEnd,
      horizon: planVersions.horizon,
      level: planVersions.level,
      versions: sql<number>`(select count(*) from ${planVersions} pv where pv.plan_id = ${plans.id})`.mapWith(Number),
      sections: planVersions.sectionCount,
      repairs: planVersions.repairCount,
    })
    .from(plans)
    .leftJoin(planVersions, eq(planVersions.id, plans.currentVersionId))
    .leftJoin(files, eq(files.id, planVersions.fileId))
    .where(ids ? inArray(plans.id, [...ids]) : undefined)
    .orderBy(asc(plans.id));
  const versionIds = rows.map((r) => r.currentVersionId).filter((v): v is number => v != null);
  // scope names (skipped when the caller reads the plans' places itself)
  const scopes = opts.scopes === false ? [] : await store.db
    .select({ versionId: planPlaces.versionId, name: places.name })
    .from(planPlaces)
    .innerJoin(places, eq(places.code, planPlaces.placeCode))
    .where(ids ? and(eq(planPlaces.role, 'scope'), inArray(planPlaces.versionId, versionIds.length ? versionIds : [-1])) : eq(planPlaces.role, 'scope'))
    .orderBy(asc(places.code));
  const scopeNames = new Map<number, string[]>();
  for (const s of scopes) scopeNames.set(s.versionId, [...(scopeNames.get(s.versionId) ?? []), s.name]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    versions: r.versions,
    currentVersionId: r.currentVersionId,
    version: r.version,
    fileName: r.fileName,
    format: r.format,
    issuer: r.issuer ?? [],
    docNumber: r.docNumber,
    issued: r.issued,
    period: r.periodStart != null && r.periodEnd != null ? [r.periodStart, r.periodEnd] : null,
    horizon: r.horizon,
    level: r.level,
    sections: r.sections ?? 0,
    repairs: r.repairs ?? 0,
    scope: scopeNames.get(r.currentVersionId ?? -1) ?? [],
  }));
}

/**
 * Finds a plan by id, slug, or a unique part of its title (粤西 → 粤西地区经济社会发展规划纲要…).
 * Throws with the candidates when the reference is ambiguous or unknown.
 */
export async function findPlan(store: Store, ref: string): Promise<PlanSummary> {
  // each step asks SQL for the few plans it matches (a lookup must not read the whole library)
  const ids = async (where: SQL) =>
    (await queryRows<{ id: number }>(store.db, sql`select p.id from plans p left join plan_versions v on v.id = p.current_version_id
      left join files f on f.id = v.file_id where ${where} order by p.id`)).map((r) => Number(r.id));
  if (/^\d{1,9}$/.test(ref)) {
    const [byId] = await listPlans(store, await ids(sql`p.id = ${Number(ref)}`));
    if (byId) return byId;
  }
  const [bySlug] = await listPlans(store, (await ids(sql`p.slug = ${ref.toLowerCase()} or f.file_name = ${ref}`)).slice(0, 1));
  if (bySlug) return bySlug;
  const hits = await listPlans(store, await ids(sql`strpos(p.title, ${ref}) > 0 or strpos(coalesce(f.file_name, ''), ${ref}) > 0`));
  if (hits.length === 1) return hits[0];
  const all = hits.length > 1 ? hits : await listPlans(store);
  const list = (ps: PlanSummary[]) => ps.map((p) => `  ${p.id}  ${p.slug}  ${p.title}`).join('\n');
  if (hits.length > 1) throw new AmbiguousError(`"${ref}" matches ${hits.length} plans; use the id or slug:\n${list(hits)}`);
  throw new NotFoundError(
    all.length
      ? `no plan matches "${ref}". Known plans:\n${list(all)}`
      : `no plan matches "${ref}": the database has no plans yet (run: planatlas ingest FILE)`,
  );
}

/** The stored outline of a version, rebuilt as a tree. */
export async function getOutline(store: Store, versionId: number): Promise<Section[]> {
  const rows = await store.db.select().from(sections).where(eq(sections.versionId, versionId)).orderBy(asc(sections.seq));
  const byPath = new Map<string, Section>();
  const roots: Section[] = [];
  for (const r of rows) {
    const s: Section = {
      id: r.path,
      kind: r.kind as SectionKind,
      level: r.level,
      label: r.label,
      ordinal: r.ordinal,
      title: r.title,
      start: r.start,
      end: r.end,
      headingStart: r.headingStart,
      headingEnd: r.headingEnd,
      children: [],
    };
    byPath.set(r.path, s);
    const parent = r.parentPath ? byPath.get(r.parentPath) : undefined;
    (parent ? parent.children : roots).push(s);
  }
  return roots;
}

export async function getVersion(store: Store, versionId: number) {
  const [v] = await store.db.select().from(planVersions).where(eq(planVersions.id, versionId));
  return v;
}

export async function listVersions(store: Store, planId: number) {
  return store.db
    .select({ id: planVersions.id, version: planVersions.version, fileName: files.fileName, sha256: files.sha256, createdAt: planVersions.createdAt })
    .from(planVersions)
    .innerJoin(files, eq(files.id, planVersions.fileId))
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.version));
}

export async function getRepairs(store: Store, versionId: number) {
  return store.db.select().from(repairs).where(eq(repairs.versionId, versionId)).orderBy(asc(repairs.start));
}

export async function getOriginalFile(store: Store, versionId: number) {
  const [f] = await store.db
    .select({ fileName: files.fileName, sha256: files.sha256, size: files.size, content: files.content })
    .from(files)
    .innerJoin(planVersions, eq(planVersions.fileId, files.id))
    .where(eq(planVersions.id, versionId));
  return f;
}

/** Row counts per table: what a test compares to prove a failed command left the database as it was. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries({ files, plans, planVersions, sections, repairs, planPlaces, findings, decisions, auditLog, observationImports, observations, taskUpdates })) {
    out[name] = await store.db.$count(table);
  }
  return out;
}
