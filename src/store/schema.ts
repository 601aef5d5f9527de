// One Drizzle schema for both databases (PGlite embedded, PostgreSQL server).
// Migrations are generated from it with `npm run db:generate` into src/store/migrations
// and applied from app code (see migrate.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  doublePrecision,
} from 'drizzle-orm/pg-core';
import type { FindingEvidence } from '../core/findings';
import type { MetaEvidence, OffsetMap, TimeFrame } from '../core/types';

export interface EffectiveSummary {
  counts: Record<string, number>;
  reviewed: number;
  total: number;
}

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => new Uint8Array(v),
});

/** Original files, byte for byte, keyed by content hash (the same bytes are stored once). */
export const files = pgTable('files', {
  id: serial('id').primaryKey(),
  sha256: text('sha256').notNull().unique(),
  fileName: text('file_name').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A plan as people know it (粤西地区经济社会发展规划纲要); its texts live in plan_versions. */
export const plans = pgTable('plans', {
  id: serial('id').primaryKey(),
  /** Stable key to find the plan again when a changed file is ingested (normalized title, or file stem). */
  planKey: text('plan_key').notNull().unique(),
  /** Short handle for URLs and the CLI, e.g. the file stem. */
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  currentVersionId: integer('current_version_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One ingested file of a plan: normalized text, offset map, metadata. Old versions are kept. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileId: integer('file_id').notNull().references(() => files.id),
    format: text('format').notNull(),
    encoding: text('encoding'),
    sourceText: text('source_text').notNull(),
    text: text('text').notNull(),
    offsetMap: jsonb('offset_map').$type<OffsetMap>().notNull(),
    tocStart: integer('toc_start'),
    tocEnd: integer('toc_end'),
    warnings: jsonb('warnings').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    // metadata (PlanMeta), the scalar fields as columns for filtering
    title: text('title'),
    issuer: jsonb('issuer').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    docNumber: text('doc_number'),
    issued: text('issued'),
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    horizon: integer('horizon'),
    level: text('level').notNull().default('unknown'),
    metaEvidence: jsonb('meta_evidence').$type<MetaEvidence[]>().notNull().default(sql`'[]'::jsonb`),
    /** Which years the text's numbers belong to (PlanMeta.frame); null for versions stored before it was read (re-extract fills it). */
    frame: jsonb('frame').$type<TimeFrame>(),
    /** Whether effective_findings holds this version's rows (false for versions stored before that table: filled once on open). */
    effectiveReady: boolean('effective_ready').notNull().default(false),
    /** Written with effective_findings: findings per kind as reviewed (rejected left out, additions counted) and review progress. */
    effectiveSummary: jsonb('effective_summary').$type<EffectiveSummary>(),
    /** How many sections and repairs the version has (written at ingest, when both are stored; the plan list shows them). */
    sectionCount: integer('section_count').notNull().default(0),
    repairCount: integer('repair_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_versions_plan_version').on(t.planId, t.version), index('plan_versions_file').on(t.fileId)],
);

export const sections = pgTable(
  'sections',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    /** Tree path, e.g. '3.2'. */
    path: text('path').notNull(),
    parentPath: text('parent_path'),
    /** Document order. */
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    level: integer('level').notNull(),
    label: text('label'),
    ordinal: integer('ordinal'),
    title: text('title').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    headingStart: integer('heading_start').notNull(),
    headingEnd: integer('heading_end').notNull(),
  },
  (t) => [uniqueIndex('sections_version_path').on(t.versionId, t.path)],
);

/** Repairs made while normalizing (rule id, where, before/after). */
export const repairs = pgTable(
  'repairs',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    sourceStart: integer('source_start').notNull(),
    sourceEnd: integer('source_end').notNull(),
    before: text('before').notNull(),
    after: text('after').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('repairs_version').on(t.versionId)],
);

/** Gazetteer of administrative units (GB/T 2260), loaded from data/places. */
export const places = pgTable(
  'places',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    short: text('short').notNull(),
    level: text('level').notNull(),
    parent: text('parent'),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    aliases: jsonb('aliases').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index('places_name').on(t.name), index('places_parent').on(t.parent)],
);

/** Units a plan version covers: 'scope' (规划范围) or 'extension' (规划延伸区). */
export const planPlaces = pgTable(
  'plan_places',
  {
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    placeCode: text('place_code').notNull().references(() => places.code),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.placeCode, t.role] }), index('plan_places_place').on(t.placeCode)],
);

/**
 * What the extractors found in a version. Pure extractor output: rewritten when a version is
 * re-extracted. People's decisions live in `decisions` and are applied on read.
 */
export const findings = pgTable(
  'findings',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Stable identity across versions: hash of kind, normalized quote and its neighbourhood (see core/identity). */
    identity: text('identity').notNull(),
    /** Hash of kind and normalized quote only: the looser key used when the neighbourhood changed. */
    quoteKey: text('quote_key').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    sourceStart: integer('source_start').notNull(),
    sourceEnd: integer('source_end').notNull(),
    quote: text('quote').notNull(),
    section: text('section'),
    confidence: doublePrecision('confidence').notNull(),
    flags: jsonb('flags').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The extraction rule that made it (clause.standard, table.grid …; src/extract/rules.ts); null where no one rule did, or for rows stored before rules were recorded. */
    rule: text('rule'),
    /** Spans its fields were read from beyond its own (role 'year': the clause's year, an earlier sentence, the part's heading, the frame). */
    evidence: jsonb('evidence').$type<FindingEvidence[]>().notNull().default(sql`'[]'::jsonb`),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex('findings_version_identity').on(t.versionId, t.identity),
    index('findings_version_kind').on(t.versionId, t.kind),
    index('findings_plan_identity').on(t.planId, t.identity),
  ],
);

/**
 * A person's decision about a finding: accept, correct (fields), reject, or add a missed one.
 * Keyed to the plan and the finding's identity, so it survives re-extraction and new versions.
 * Never updated in place: a later decision about the same identity supersedes an earlier one.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    identity: text('identity').notNull(),
    quoteKey: text('quote_key').notNull(),
    action: text('action').notNull(), // accept | correct | reject | add
    /** correct: the corrected fields; add: the whole finding data. */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The text the decision was made on (for add: the span the person marked), to re-anchor it in later versions. */
    quote: text('quote').notNull(),
    before: text('before').notNull().default(''),
    after: text('after').notNull().default(''),
    /** The version and span it was made on. */
    versionId: integer('version_id').references(() => planVersions.id, { onDelete: 'set null' }),
    start: integer('start'),
    end: integer('end'),
    note: text('note'),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decisions_plan_identity').on(t.planId, t.identity), index('decisions_plan_quote').on(t.planId, t.quoteKey)],
);

/** Findings longer than this are found apart when looking for what overlaps a span (effective_findings_long). */
export const LONG_SPAN = 400;

/**
 * Findings as people reviewed them (decisions applied; derived, never edited by hand): one row per
 * effective finding of a version, plus its orphaned decisions (status 'orphan', no span). Rewritten
 * for a version by refreshEffectiveFindings (src/store/effective.ts) in the same transaction as
 * every write that changes its findings or its plan's decisions, so readers filter, page and count
 * them in SQL instead of merging in memory.
 */
export const effectiveFindings = pgTable(
  'effective_findings',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    /** Order in the merge (by start): the order every reader shows. */
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    identity: text('identity').notNull(),
    /** The findings row; null for a person's addition and for an orphan. */
    findingId: integer('finding_id'),
    /** pending | accepted | corrected | rejected | added | orphan */
    status: text('status').notNull(),
    start: integer('start'),
    end: integer('end'),
    confidence: doublePrecision('confidence').notNull(),
    flags: jsonb('flags').$type<string[]>().notNull(),
    rule: text('rule'),
    evidence: jsonb('evidence').$type<FindingEvidence[]>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    extracted: jsonb('extracted').$type<Record<string, unknown>>(),
    /** The decision in force (an orphan's decision), as applyDecisions gives it. */
    decision: jsonb('decision').$type<Record<string, unknown>>(),
    /** One line saying what it found (core/finding-summary), for lists that show no data. */
    summary: text('summary').notNull().default(''),
    /** The text of its span in this version (so lists need not load the whole text). */
    quote: text('quote').notNull().default(''),
    /** target/fact: year of its value; null otherwise. */
    year: integer('year'),
    /** Units its own data places it in: a target's or fact's scope, a place mention's unit. */
    scopeCodes: text('scope_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Every unit that locates it: scopeCodes, a project's places, a duty's agencies, a structure's members, place mentions inside its span. */
    codes: text('codes').array().notNull().default(sql`'{}'::text[]`),
    /** place: the sentence around the mention (what the place page reads roles from) and where it starts. */
    sentence: text('sentence'),
    sentenceStart: integer('sentence_start'),
  },
  (t) => [
    uniqueIndex('effective_findings_version_seq').on(t.versionId, t.seq),
    index('effective_findings_version_kind').on(t.versionId, t.kind),
    index('effective_findings_plan').on(t.planId),
    index('effective_findings_codes').using('gin', t.codes),
    // what overlaps a span (a search hit): short findings by where they start, long ones apart
    index('effective_findings_version_start').on(t.versionId, t.start),
    index('effective_findings_long').on(t.versionId).where(sql`${t.end} - ${t.start} > ${sql.raw(String(LONG_SPAN))}`),
    // decisions that no longer match a finding are few: the orphans list must not scan every finding
    index('effective_findings_orphan').on(t.versionId).where(sql`${t.status} = 'orphan'`),
  ],
);

/**
 * Where live effective findings are located, for the place page: one narrow row per finding and per
 * unit it is located in — each unit of its `codes` and every unit above those (a finding in 雷州市
 * is in 湛江市 and 广东省 too), so a unit's findings are one index range, counted and paged
 * without reading the wide rows. Written with effective_findings.
 */
export const effectivePlaces = pgTable(
  'effective_places',
  {
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    planId: integer('plan_id').notNull(),
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    /** effective_findings.seq of the finding. */
    seq: integer('seq').notNull(),
    /** The unit is (or is above) one of the finding's own scope units (effective_findings.scope_codes). */
    scoped: boolean('scoped').notNull(),
    /** Roles the finding gives this very unit: a structure element listing it, or (place) what the sentence around its name says. */
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.kind, t.planId, t.seq, t.versionId] }),
    // by version (refresh, cascade) and, with the unit, a page's plans' rows (the roles on a place page)
    index('effective_places_version_code').on(t.versionId, t.code),
    index('effective_places_roles').on(t.code, t.versionId).where(sql`cardinality(${t.roles}) > 0`),
  ],
);

/** How many live effective findings of each kind a version has located in each unit (effective_places counted). */
export const effectivePlaceCounts = pgTable(
  'effective_place_counts',
  {
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.kind, t.versionId] }),
    index('effective_place_counts_version').on(t.versionId),
    // the place page reads a unit's counts of every plan: with n in the index that is an index-only scan
    index('effective_place_counts_n').on(t.code, t.kind, t.versionId, t.n),
  ],
);

/** Every write command leaves a record here. */
export const auditLog = pgTable('audit_log', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actor: text('actor').notNull(),
  command: text('command').notNull(),
  subject: text('subject'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
});

/** A finding as a passage lists it: [identity, kind, summary, start, end, year (target/fact) or null]. */
export type PassageFinding = [string, string, string, number, number, number | null];

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * 检索: the text of current plan versions cut into passages (a paragraph, long ones at sentence
 * ends), with jieba tokens as a tsvector (GIN) and the raw text under a trigram index (pg_trgm,
 * created by the migration) for literal substrings. Written by src/search/indexing.ts.
 */
export const passages = pgTable(
  'passages',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull().references(() => planVersions.id, { onDelete: 'cascade' }),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    /** Order in the version. */
    seq: integer('seq').notNull(),
    /** Deepest section containing the passage (path like '3.2', its title), and the titles from the top (for filtering). */
    sectionPath: text('section_path'),
    sectionTitle: text('section_title'),
    sectionTrail: text('section_trail').notNull().default(''),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    text: text('text').notNull(),
    tokens: tsvector('tokens').notNull(),
    /**
     * The effective findings overlapping the passage (rejected ones left out), in text order, as
     * [identity, kind, summary, start, end, year] and how many: what a search hit shows, read with
     * the passage instead of looked up for each hit. Written by refreshPassageFindings
     * (src/store/effective.ts) with the passages and with every refresh of effective_findings.
     */
    findingCount: integer('finding_count').notNull().default(0),
    findingList: jsonb('finding_list').$type<PassageFinding[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    uniqueIndex('passages_version_seq').on(t.versionId, t.seq),
    index('passages_plan').on(t.planId),
    index('passages_tokens').using('gin', t.tokens),
    index('passages_text_trgm').using('gin', t.text.op('gin_trgm_ops')),
  ],
);

// ---------------------------------------------------------------- 监测 (monitoring)

/** A file of observations imported at once (CSV / XLSX); undoing it removes its rows and restores what they replaced. */
export const observationImports = pgTable('observation_imports', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  format: text('format').notNull(),
  rows: integer('rows').notNull(),
  /** Lines of the file left out at the importer's request. */
  skipped: jsonb('skipped').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
  actor: text('actor').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
});

/**
 * 实际值: what an indicator actually was for a unit (gazetteer code) or a plan's region
 * ('plan:<slug>') in a year, typed in by a person (manual) or imported from a file. A new figure
 * for the same indicator, place and year supersedes the one in force (superseded_by), so a
 * correction is traced and an import can be undone. Figures read from documents are the `fact`
 * findings themselves (reviewed like any finding) and are not copied here.
 */
export const observations = pgTable(
  'observations',
  {
    id: serial('id').primaryKey(),
    indicator: text('indicator').notNull(),
    place: text('place').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    /** 口径: what the figure covers (户籍/常住, 现价/可比价, before/after a census revision …). */
    caliber: text('caliber'),
    source: text('source').notNull(),
    origin: text('origin').notNull(), // manual | import
    importId: integer('import_id').references(() => observationImports.id, { onDelete: 'cascade' }),
    /** The import file's line. */
    line: integer('line'),
    supersededBy: integer('superseded_by'),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('observations_key').on(t.indicator, t.place, t.year), index('observations_place').on(t.place), index('observations_import').on(t.importId)],
);

/** 台账: a unit's progress report on a task (a duty finding of a plan, by its stable key) for a reporting period. */
export const taskUpdates = pgTable(
  'task_updates',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    taskKey: text('task_key').notNull(),
    unit: text('unit').notNull(),
    period: text('period').notNull(),
    status: text('status').notNull(), // not-started | in-progress | completed | blocked
    percent: integer('percent'),
    text: text('text').notNull().default(''),
    attachmentFileId: integer('attachment_file_id').references(() => files.id),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_updates_plan_task').on(t.planId, t.taskKey), index('task_updates_unit').on(t.unit)],
);

export const schema = { files, plans, planVersions, sections, repairs, places, planPlaces, findings, decisions, effectiveFindings, effectivePlaces, effectivePlaceCounts, auditLog, passages, observationImports, observations, taskUpdates };
