// Read views of monitoring: a plan's targets judged on the observations in force and on the
// figures its own text states (its `fact` findings), its task ledger with each task's flags, and a
// department's tasks across plans.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { EffectiveFinding } from '../core/curation';
import type { DutyData, FactData, IndicatorEntry, TargetData } from '../core/findings';
import type { Gazetteer } from '../core/types';
import { loadAggregationRules } from '../monitor/aggregate';
import { documentYear, observationsFromFacts, observationsFromOtherDocuments, type FactRef, type OtherDocument } from '../monitor/from-documents';
import { countStatuses, monitorPlan, regionPlace, seriesOf, summarize, type PlanScope, type StatusCounts, type StoredObservation, type TargetStatus, type UsedFigure } from '../monitor/plan-monitor';
import { DEFAULT_SETTINGS } from '../monitor/progress';
import { parseDeadline, taskFlags, type Deadline, type PeriodKind, type ProgressStatus, type ProgressUpdate, type TaskFlags } from '../monitor/tasks';
import { queryRows, type Db, type Store, type Tx } from './db';
import { getEffectiveFindings } from './findings';
import { activeObservations } from './observations';
import { planPlaces, planVersions, taskUpdates } from './schema';
import { versionText, type PlanRef } from './review';
import { listPlans } from './queries';
import { NotFoundError } from '../core/errors';

const live = (f: EffectiveFinding) => f.status !== 'rejected';

export async function planScope(db: Db | Tx, plan: PlanRef): Promise<PlanScope & { versionId: number; version: number | null; year: number | null }> {
  const [v] = await db
    .select({ periodStart: planVersions.periodStart, periodEnd: planVersions.periodEnd, version: planVersions.version, issued: planVersions.issued })
    .from(planVersions)
    .where(eq(planVersions.id, plan.currentVersionId));
  const units = await db
    .select({ code: planPlaces.placeCode })
    .from(planPlaces)
    .where(and(eq(planPlaces.versionId, plan.currentVersionId), eq(planPlaces.role, 'scope')))
    .orderBy(asc(planPlaces.placeCode));
  return {
    slug: plan.slug,
    title: plan.title,
    period: v?.periodStart != null && v.periodEnd != null ? [v.periodStart, v.periodEnd] : null,
    units: units.map((u) => u.code),
    versionId: plan.currentVersionId,
    version: v?.version ?? null,
    year: documentYear(v?.issued ?? null, v?.periodStart ?? null),
  };
}

const textArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

/**
 * The facts other stored documents (their current versions) state for some indicators that may
 * bear on a plan's units or region: facts whose own scope is one of the units, and the facts of
 * documents that cover one of the units (a city's report, a plan of the same region). Bounded:
 * read through effective_places and plan_places by the units, then by indicator.
 */
export async function otherDocumentFacts(db: Db | Tx, plan: PlanRef, units: readonly string[], indicators: readonly string[]): Promise<OtherDocument[]> {
  if (!units.length || !indicators.length) return [];
  const U = textArray(units);
  const rows = await queryRows<{ plan_id: number; slug: string; title: string; version_id: number; version: number; issued: string | null; period_start: number | null; period_end: number | null; identity: string; data: unknown; flags: unknown; start: number | null; end: number | null; quote: string }>(
    db,
    // The other plans' current versions and the candidate facts are each computed once (materialized):
    // estimated as one, the join with plans would otherwise run as a nested loop over every plan.
    sql`with cur as materialized (
          select p.id, p.slug, p.title, p.current_version_id as version_id from plans p where p.id <> ${plan.id} and p.current_version_id is not null),
        cand as materialized (
          select ep.version_id, ep.seq from effective_places ep where ep.code = any(${U}) and ep.kind = 'fact' and ep.scoped
          union
          select ef.version_id, ef.seq from plan_places pp join effective_findings ef on ef.version_id = pp.version_id and ef.kind = 'fact'
            where pp.place_code = any(${U}) and pp.role = 'scope')
        select cur.id as plan_id, cur.slug, cur.title, v.id as version_id, v.version, v.issued, v.period_start, v.period_end,
               ef.identity, ef.data, ef.flags, ef.start, ef."end", ef.quote
        from cand
        join cur on cur.version_id = cand.version_id
        join effective_findings ef on ef.version_id = cand.version_id and ef.seq = cand.seq
        join plan_versions v on v.id = cand.version_id
        where ef.kind = 'fact' and ef.status not in ('rejected', 'orphan')
          and ef.data->>'canonical' = any(${textArray(indicators)})
        order by cur.id, ef.seq`,
  );
  if (!rows.length) return [];
  const versionIds = [...new Set(rows.map((r) => Number(r.version_id)))];
  const scopeRows = await db
    .select({ versionId: planPlaces.versionId, code: planPlaces.placeCode })
    .from(planPlaces)
    .where(and(inArray(planPlaces.versionId, versionIds), eq(planPlaces.role, 'scope')))
    .orderBy(asc(planPlaces.placeCode));
  const json = <T>(x: unknown): T => (typeof x === 'string' ? JSON.parse(x) : x) as T;
  const docs = new Map<number, OtherDocument>();
  for (const r of rows) {
    const vid = Number(r.version_id);
    let d = docs.get(vid);
    if (!d) {
      const period: [number, number] | null = r.period_start != null && r.period_end != null ? [Number(r.period_start), Number(r.period_end)] : null;
      d = {
        scope: { slug: r.slug, title: r.title, period, units: scopeRows.filter((u) => u.versionId === vid).map((u) => u.code) },
        version: Number(r.version),
        year: documentYear(r.issued, r.period_start == null ? null : Number(r.period_start)),
        facts: [],
      };
      docs.set(vid, d);
    }
    const fact: FactRef = { key: r.identity, data: json<FactData>(r.data), flags: json<string[]>(r.flags), start: Number(r.start ?? 0), end: Number(r.end ?? 0), quote: r.quote };
    d.facts.push(fact);
  }
  return [...docs.values()];
}

/** The year judged when none is asked: the plan's last year, or last year for a plan still running. */
export function defaultAsOf(scope: PlanScope, today = new Date()): number {
  const last = today.getUTCFullYear() - 1;
  return scope.period ? Math.min(scope.period[1], last) : last;
}

/**
 * The day tasks are judged on (逾期, 本期未报送) when a year is judged: the last day of that year, or
 * today if that is earlier; today when no year is asked (the "now" views). YYYY-MM-DD.
 */
export function taskDay(asOf: number | null | undefined, today: Date = new Date()): string {
  const now = today.toISOString().slice(0, 10);
  if (asOf == null) return now;
  const end = `${String(asOf).padStart(4, '0')}-12-31`;
  return end < now ? end : now;
}

export interface PlanMonitorView {
  plan: { slug: string; title: string; period: [number, number] | null; units: string[] };
  asOf: number;
  rows: TargetStatus[];
  counts: StatusCounts;
  summary: string;
  /** Figures the plan's own text states that monitoring read (document observations). */
  documentFigures: number;
  /** Figures other stored documents state for the plan's units or region that monitoring read. */
  otherDocumentFigures: number;
}

/**
 * `today`: the day the default year is taken from (the plan's last year, or the year before today).
 * `only`: judge just the targets it keeps (and read figures for their indicators only); counts and
 * summary then cover those targets.
 */
export async function getPlanMonitor(
  store: Store,
  gaz: Gazetteer,
  indicators: readonly IndicatorEntry[],
  plan: PlanRef,
  asOf?: number,
  today: Date = new Date(),
  only?: (target: TargetData) => boolean,
): Promise<PlanMonitorView> {
  const scope = await planScope(store.db, plan);
  const year = asOf ?? defaultAsOf(scope, today);
  const [all, facts, text] = await Promise.all([
    getEffectiveFindings(store, scope.versionId, 'target'),
    getEffectiveFindings(store, scope.versionId, 'fact'),
    versionText(store, scope.versionId),
  ]);
  const targets = only ? all.findings.filter((f) => only(f.data as unknown as TargetData)) : all.findings;
  // Only the indicators the targets need: their own, and the parts and levels their rules read.
  const rules = loadAggregationRules();
  const needed = new Set<string>();
  for (const f of targets) {
    const c = (f.data as unknown as TargetData).canonical;
    if (c) for (const id of [c, ...(rules.get(c)?.parts ?? [])]) for (const x of [id, ...(rules.get(id)?.parts ?? [])]) needed.add(x);
  }
  const [stored, others] = await Promise.all([
    activeObservations(store.db, { indicators: [...needed], places: [...scope.units, regionPlace(scope.slug)] }),
    otherDocumentFacts(store.db, plan, scope.units, [...needed]),
  ]);
  const placeName = (c: string) => gaz.byCode(c)?.name;
  const own = observationsFromFacts(
    scope,
    facts.findings.filter(live).map((f) => ({ key: f.identity, data: f.data as unknown as FactData, flags: f.flags, start: f.start ?? 0, end: f.end ?? 0, quote: text.slice(f.start ?? 0, f.end ?? 0) })),
    indicators,
    placeName,
    scope.version,
  ).observations;
  const fromDocuments = observationsFromOtherDocuments(scope, { year: scope.year, observations: own }, others, indicators, placeName).map(
    (o): StoredObservation => ({ ...o, id: null, origin: 'document', source: `${o.source}：“${o.passage.quote}”` }),
  );
  const rows = monitorPlan(
    scope,
    targets.filter(live).map((f) => ({ key: f.identity, data: f.data as unknown as TargetData, flags: f.flags, start: f.start, end: f.end })),
    [...stored, ...fromDocuments],
    year,
    { indicators, rules, placeName, settings: DEFAULT_SETTINGS },
  );
  return {
    plan: { slug: scope.slug, title: scope.title, period: scope.period, units: scope.units },
    asOf: year,
    rows,
    counts: countStatuses(rows),
    summary: summarize(rows, year),
    documentFigures: own.length,
    otherDocumentFigures: fromDocuments.length - own.length,
  };
}

// ---------------------------------------------------------------- task ledger

export interface LedgerTask {
  key: string;
  task: string;
  lead: string[];
  support: string[];
  deadline: Deadline | null;
  start: number | null;
  end: number | null;
  updates: Array<ProgressUpdate & { id: number; actor: string; attachmentFileId: number | null }>;
  flags: TaskFlags;
}

export const REPORTING_PERIOD: PeriodKind = 'half';

type TaskUpdateRow = typeof taskUpdates.$inferSelect;

/** One duty as a task: its updates (those of its key, in order) and its flags as of `today`. */
function ledgerTask(key: string, d: DutyData, start: number | null, end: number | null, updates: readonly TaskUpdateRow[], periodEnd: number | null, today: string, kind: PeriodKind): LedgerTask {
  const mine = updates
    .filter((u) => u.taskKey === key)
    .map((u) => ({ id: u.id, period: u.period, unit: u.unit, status: u.status as ProgressStatus, percent: u.percent, text: u.text, at: u.createdAt.toISOString(), actor: u.actor, attachmentFileId: u.attachmentFileId }));
  const deadline = parseDeadline(d.deadline, periodEnd);
  return { key, task: d.task, lead: d.lead, support: d.support, deadline, start, end, updates: mine, flags: taskFlags(deadline, mine, today, kind) };
}

/** A plan's duties as tasks with their progress updates and flags (逾期, 本期未报送) as of `today` (YYYY-MM-DD). */
export async function getTaskLedger(store: Store, plan: PlanRef, today: string, kind: PeriodKind = REPORTING_PERIOD): Promise<LedgerTask[]> {
  const scope = await planScope(store.db, plan);
  const duties = (await getEffectiveFindings(store, scope.versionId, 'duty')).findings.filter(live);
  const updates = await store.db.select().from(taskUpdates).where(eq(taskUpdates.planId, plan.id)).orderBy(asc(taskUpdates.id));
  return duties.map((f) => ledgerTask(f.identity, f.data as unknown as DutyData, f.start, f.end, updates, scope.period?.[1] ?? null, today, kind));
}

// ---------------------------------------------------------------- department

export interface DepartmentView {
  unit: string;
  /** The tasks of the plans on this page (plans in ingest order). */
  tasks: Array<{ plan: { slug: string; title: string }; role: 'lead' | 'support'; task: LedgerTask }>;
  /** Over all plans: tasks overdue, tasks without an update for the current period. */
  overdue: number;
  noUpdate: number;
  /** Lagging targets, of the plans on this page, whose indicator a task the unit leads names. */
  lagging: Array<{ plan: { slug: string; title: string }; task: string; target: TargetStatus }>;
  /** Over all plans: plans naming the unit, its tasks, those it leads. */
  totals: { plans: number; tasks: number; lead: number };
  limit: number;
  offset: number;
}

/** Plans a department page shows unless asked otherwise (the totals cover all). */
export const DEPARTMENT_PAGE_DEFAULT = 20;

/**
 * Everything assigned to one unit across the stored plans: tasks flagged as of `today`
 * (YYYY-MM-DD), lagging targets judged at `asOf` (default: each plan's default year as of `today`).
 * Paged by plan: the tasks naming the unit and their updates are read in two statements for all
 * plans (for the totals and the flag counts); only the page's plans are judged for lagging targets.
 */
export async function getDepartment(
  store: Store,
  gaz: Gazetteer,
  indicators: readonly IndicatorEntry[],
  unit: string,
  today: string,
  asOf?: number,
  page: { limit: number; offset: number } = { limit: DEPARTMENT_PAGE_DEFAULT, offset: 0 },
): Promise<DepartmentView> {
  const rows = await queryRows<{ plan_id: number; slug: string; title: string; version_id: number; period_end: number | null; identity: string; data: unknown; start: number | null; end: number | null }>(
    store.db,
    sql`select p.id as plan_id, p.slug, p.title, v.id as version_id, v.period_end, e.identity, e.data, e.start, e."end"
        from plans p join plan_versions v on v.id = p.current_version_id join effective_findings e on e.version_id = v.id
        where e.kind = 'duty' and e.status <> 'rejected' and e.status <> 'orphan'
          and (jsonb_exists(e.data->'lead', ${unit}) or jsonb_exists(e.data->'support', ${unit}))
        order by p.id, e.seq`,
  );
  if (!rows.length) throw new NotFoundError(`no task of any plan names ${unit} as a lead or supporting unit`, 'unit');
  const planIds = [...new Set(rows.map((r) => Number(r.plan_id)))];
  const keys = [...new Set(rows.map((r) => r.identity))];
  const updates = await store.db
    .select()
    .from(taskUpdates)
    .where(and(sql`${taskUpdates.planId} = any(${`{${planIds.join(',')}}`}::int[])`, sql`${taskUpdates.taskKey} = any(${textArray(keys)})`))
    .orderBy(asc(taskUpdates.id));
  const json = <T>(x: unknown): T => (typeof x === 'string' ? JSON.parse(x) : x) as T;
  const shownIds = new Set(planIds.slice(page.offset, page.offset + page.limit));
  const out: DepartmentView = { unit, tasks: [], overdue: 0, noUpdate: 0, lagging: [], totals: { plans: planIds.length, tasks: rows.length, lead: 0 }, limit: page.limit, offset: page.offset };
  const led = new Map<number, { plan: PlanRef; tasks: string[] }>();
  for (const r of rows) {
    const planId = Number(r.plan_id);
    const d = json<DutyData>(r.data);
    const task = ledgerTask(r.identity, d, r.start == null ? null : Number(r.start), r.end == null ? null : Number(r.end), updates.filter((u) => u.planId === planId), r.period_end == null ? null : Number(r.period_end), today, REPORTING_PERIOD);
    const role = d.lead.includes(unit) ? 'lead' : 'support';
    if (role === 'lead') out.totals.lead++;
    if (task.flags.overdue) out.overdue++;
    if (task.flags.noUpdate) out.noUpdate++;
    if (!shownIds.has(planId)) continue;
    out.tasks.push({ plan: { slug: r.slug, title: r.title }, role, task });
    if (role !== 'lead') continue;
    const l = led.get(planId) ?? { plan: { id: planId, slug: r.slug, title: r.title, currentVersionId: Number(r.version_id) }, tasks: [] };
    l.tasks.push(d.task);
    led.set(planId, l);
  }
  // A target is the unit's when a task it leads names its indicator (as written, or a name or alias of its lexicon entry).
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const namesOf = (t: TargetData) => {
    const entry = t.canonical ? byId.get(t.canonical) : undefined;
    return [t.indicator, ...(entry ? [entry.name, ...entry.aliases] : [])].filter((n) => n.length >= 2);
  };
  for (const { plan, tasks } of led.values()) {
    const taskNaming = (t: TargetData) => tasks.find((task) => namesOf(t).some((n) => task.includes(n)));
    // only those targets are judged: a plan whose lead tasks name none costs one read
    const m = await getPlanMonitor(store, gaz, indicators, plan, asOf, new Date(`${today}T00:00:00Z`), (t) => taskNaming(t) != null);
    for (const r of m.rows) {
      if (r.assessment.status !== 'lagging' && r.assessment.status !== 'severely-lagging') continue;
      const task = taskNaming(r.target.data);
      if (task) out.lagging.push({ plan: { slug: plan.slug, title: plan.title }, task, target: r });
    }
  }
  return out;
}

// ---------------------------------------------------------------- indicator

export interface IndicatorView {
  indicator: IndicatorEntry;
  /** The place asked: a unit, or a plan's region (plan:<slug>); null for every place. */
  place: { key: string; name: string } | null;
  /** The targets of the plans on this page (plans in ingest order). */
  targets: Array<{ plan: { slug: string; title: string }; status: TargetStatus }>;
  /** The actual series of the place (figures in force, a region's computed from its units). */
  series: UsedFigure[];
  /** Plans with a target of the indicator (as reviewed), over all pages. */
  totals: { plans: number };
  limit: number;
  offset: number;
}

/** Plans an indicator page judges unless asked otherwise (each plan's monitor is computed). */
export const INDICATOR_PAGE_DEFAULT = 20;

/** Every plan's targets for one indicator (optionally for one place) with the place's actual series. */
export async function getIndicatorView(
  store: Store,
  gaz: Gazetteer,
  indicators: readonly IndicatorEntry[],
  id: string,
  placeKey: string | null,
  page: { limit: number; offset: number } = { limit: INDICATOR_PAGE_DEFAULT, offset: 0 },
): Promise<IndicatorView> {
  const indicator = indicators.find((i) => i.id === id);
  if (!indicator) throw new NotFoundError(`no indicator ${id} in data/lexicons/indicators.csv`, 'id');
  const out: IndicatorView = { indicator, place: null, targets: [], series: [], totals: { plans: 0 }, limit: page.limit, offset: page.offset };
  // The plans with a target (as reviewed) of the indicator, in ingest order; only the page's are judged.
  const ids = await queryRows<{ id: number }>(
    store.db,
    sql`select distinct p.id from plans p join effective_findings e on e.version_id = p.current_version_id
        where e.kind = 'target' and e.status <> 'rejected' and e.status <> 'orphan' and e.data->>'canonical' = ${id}
        order by p.id`,
  );
  out.totals.plans = ids.length;
  const shown = ids.slice(page.offset, page.offset + page.limit).map((r) => Number(r.id));
  for (const p of await listPlans(store, shown)) {
    if (p.currentVersionId == null) continue;
    const plan = { id: p.id, slug: p.slug, title: p.title, currentVersionId: p.currentVersionId };
    const m = await getPlanMonitor(store, gaz, indicators, plan, undefined, undefined, (t) => t.canonical === id);
    for (const r of m.rows) {
      const here = !placeKey || r.place.code === placeKey || (r.place.region && placeKey === regionPlace(p.slug)) || (r.place.region && m.plan.units.includes(placeKey));
      if (here) out.targets.push({ plan: { slug: p.slug, title: p.title }, status: r });
    }
  }
  // a plan's region asked: its units
  const regionPlan = placeKey?.startsWith('plan:') ? (await listPlans(store)).find((p) => regionPlace(p.slug) === placeKey) : undefined;
  const regionUnits = regionPlan?.currentVersionId != null ? (await planScope(store.db, { id: regionPlan.id, slug: regionPlan.slug, title: regionPlan.title, currentVersionId: regionPlan.currentVersionId })).units : null;
  if (placeKey) {
    const name = placeKey.startsWith('plan:') ? (regionPlan?.title ?? placeKey) : (gaz.byCode(placeKey)?.name ?? placeKey);
    out.place = { key: placeKey, name };
    const stored = await activeObservations(store.db, { places: [placeKey, ...(regionUnits ?? [])] });
    // figures the stored documents state for the place (or the region's units), after a person's and a file's
    const rules = loadAggregationRules();
    const units = regionUnits ?? (placeKey.startsWith('plan:') ? [] : [placeKey]);
    const others = await otherDocumentFacts(store.db, { id: -1, slug: '', title: '', currentVersionId: -1 }, units, [id, ...(rules.get(id)?.parts ?? [])]);
    const scope: PlanScope = { slug: regionPlan?.slug ?? '', title: regionPlan?.title ?? '', period: null, units };
    const fromDocuments = observationsFromOtherDocuments(scope, { year: null, observations: [] }, others, indicators, (c) => gaz.byCode(c)?.name).map(
      (o): StoredObservation => ({ ...o, id: null, origin: 'document', source: `${o.source}：“${o.passage.quote}”` }),
    );
    const byKey = new Map<string, StoredObservation[]>();
    for (const o of [...stored, ...fromDocuments]) byKey.set(`${o.indicator}\u0000${o.place}`, [...(byKey.get(`${o.indicator}\u0000${o.place}`) ?? []), o]);
    out.series = seriesOf(id, indicator.unit ?? '', placeKey, regionUnits, byKey, rules, 9999, (x) => indicators.find((i) => i.id === x)?.name ?? x);
  }
  return out;
}
