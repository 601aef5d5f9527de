// ingestPlan: the one command that stores a plan file.
// Pure work first (decode, normalize, parse: any bad input fails here, before a single write),
// then one transaction: file bytes, plan, version, sections, repairs, covered places, audit record.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { and, count, eq, max, sql } from 'drizzle-orm';
import type { Gazetteer, PlanDoc } from '../core/types';
import { assertSize, ingestBytes, type IngestOptions } from '../ingest/index';
import { flattenSections } from '../parse/index';
import { loadGazetteer } from '../places/index';
import { analyze } from '../extract/analyze';
import { loadLexicons } from '../extract/lexicons';
import type { AnyFinding, Lexicons } from '../core/findings';
import { writeFindings } from './store-findings';
import { inTransaction, readerOf, type CommandOptions, type Store, type Tx } from '../store/db';
import { auditLog, files, findings as findingsTable, planPlaces, plans, planVersions, repairs, sections } from '../store/schema';
import { syncPlaces } from './sync-places';
import { indexVersion } from '../search/indexing';
import { getSegmenter } from '../search/segmenter';

export interface IngestPlanInput {
  bytes: Uint8Array;
  fileName: string;
  actor?: string;
  options?: IngestOptions;
}

export interface IngestPlanResult {
  /** created: a new plan; new-version: a changed (or reverted) file of a known plan; unchanged: these bytes are the plan's current version. */
  status: 'created' | 'new-version' | 'unchanged';
  planId: number;
  slug: string;
  title: string;
  versionId: number;
  version: number;
  sections: number;
  repairs: number;
  /** Findings per kind in this version. */
  findings: Record<string, number>;
  warnings: string[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Key that finds a plan again when a changed file comes in: its normalized title, else the file stem. */
export function planKeyOf(title: string | null, fileName: string): string {
  if (title) return 'title:' + normalizeTitle(title);
  return 'file:' + fileStem(fileName);
}

function normalizeTitle(t: string): string {
  return t
    .replace(/\s+/g, '')
    .replace(/[—－–-]+/g, '-')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')');
}

function fileStem(fileName: string): string {
  return path.basename(fileName).replace(/\.[^.]+$/, '');
}

function slugOf(fileName: string): string {
  const s = fileStem(fileName)
    .trim()
    .replace(/[\s/\\?#%&]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return s || 'plan';
}

/** Advisory lock key taken by every ingest (any constant; 'PLAN' in ASCII). */
const INGEST_LOCK = 0x504c414e;

export async function ingestPlan(
  store: Store,
  input: IngestPlanInput,
  gaz: Gazetteer = loadGazetteer(),
  lex: Lexicons = loadLexicons(),
  opts: CommandOptions = {},
): Promise<IngestPlanResult> {
  const { bytes, fileName } = input;
  assertSize(bytes.length, fileName, input.options); // a file over the limit is refused even if stored before
  const hash = sha256(bytes);
  // The same bytes as the current version change nothing; the bytes of an older version (a file
  // reverted) become a new current version, so the history reads as it happened.
  const known = await findVersionByHash(readerOf(store, opts), hash);
  if (known) return { ...known, status: 'unchanged' };

  // Pure stage: throws IngestError on bad input, before anything is written.
  const text = await ingestBytes(bytes, fileName, input.options);
  const { doc, findings } = analyze(text, gaz, lex);

  await syncPlaces(store, gaz, opts);
  const seg = getSegmenter(gaz, lex);
  return inTransaction(store, opts, async (tx) => {
    // Uploads at once are stored one after another: the lock (held until commit) makes the second
    // of two identical files see the first one's version, and numbers two different files' versions
    // in order instead of both claiming the same number.
    await tx.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK})`);
    const again = await findVersionByHash(tx, hash);
    if (again) return { ...again, status: 'unchanged' as const };
    const result = await storeDoc(tx, doc, findings, bytes, hash, input.actor ?? 'cli', gaz);
    await indexVersion(tx, result.versionId, seg); // 检索: passages of the new current version
    return result;
  });
}

async function findVersionByHash(db: Store['db'] | Tx, hash: string): Promise<Omit<IngestPlanResult, 'status'> | null> {
  const rows = await db
    .select({
      planId: plans.id,
      slug: plans.slug,
      title: plans.title,
      versionId: planVersions.id,
      version: planVersions.version,
      warnings: planVersions.warnings,
    })
    .from(files)
    .innerJoin(planVersions, eq(planVersions.fileId, files.id))
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(and(eq(files.sha256, hash), eq(plans.currentVersionId, planVersions.id)))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  const sectionCount = await db.$count(sections, eq(sections.versionId, r.versionId));
  const repairCount = await db.$count(repairs, eq(repairs.versionId, r.versionId));
  const kinds = await db
    .select({ kind: findingsTable.kind, n: count() })
    .from(findingsTable)
    .where(eq(findingsTable.versionId, r.versionId))
    .groupBy(findingsTable.kind);
  return { ...r, sections: sectionCount, repairs: repairCount, findings: Object.fromEntries(kinds.map((k) => [k.kind, k.n])) };
}

async function storeDoc(
  tx: Tx,
  doc: PlanDoc,
  found: readonly AnyFinding[],
  bytes: Uint8Array,
  hash: string,
  actor: string,
  gaz: Gazetteer,
): Promise<IngestPlanResult> {
  const { text, meta } = doc;
  const fileName = path.basename(text.fileName);
  const title = meta.title ?? fileStem(fileName);

  const [file] = await tx
    .insert(files)
    .values({ sha256: hash, fileName, size: bytes.length, content: bytes })
    .onConflictDoUpdate({ target: files.sha256, set: { fileName } })
    .returning({ id: files.id });

  const planKey = planKeyOf(meta.title, fileName);
  let [plan] = await tx.select().from(plans).where(eq(plans.planKey, planKey)).limit(1);
  let status: IngestPlanResult['status'] = 'new-version';
  if (!plan) {
    status = 'created';
    const slug = await uniqueSlug(tx, slugOf(fileName));
    [plan] = await tx.insert(plans).values({ planKey, slug, title }).returning();
  }
  const [{ v }] = await tx.select({ v: max(planVersions.version) }).from(planVersions).where(eq(planVersions.planId, plan.id));
  const version = (v ?? 0) + 1;

  const [ver] = await tx
    .insert(planVersions)
    .values({
      planId: plan.id,
      version,
      fileId: file.id,
      format: text.format,
      encoding: text.encoding,
      sourceText: text.source,
      text: text.text,
      offsetMap: text.map,
      tocStart: doc.toc?.start ?? null,
      tocEnd: doc.toc?.end ?? null,
      warnings: text.warnings,
      title: meta.title,
      issuer: meta.issuer,
      docNumber: meta.docNumber,
      issued: meta.issued,
      periodStart: meta.period?.[0] ?? null,
      periodEnd: meta.period?.[1] ?? null,
      horizon: meta.horizon,
      level: meta.level,
      metaEvidence: meta.evidence,
      frame: meta.frame,
      sectionCount: flattenSections(doc.sections).length,
      repairCount: text.repairs.length,
    })
    .returning({ id: planVersions.id });

  const flat = flattenSections(doc.sections);
  const sectionRows = flat.map((s, seq) => ({
    versionId: ver.id,
    path: s.id,
    parentPath: s.id.includes('.') ? s.id.slice(0, s.id.lastIndexOf('.')) : null,
    seq,
    kind: s.kind,
    level: s.level,
    label: s.label,
    ordinal: s.ordinal,
    title: s.title,
    start: s.start,
    end: s.end,
    headingStart: s.headingStart,
    headingEnd: s.headingEnd,
  }));
  for (const chunk of chunks(sectionRows, 500)) await tx.insert(sections).values(chunk);

  const repairRows = text.repairs.map((r) => ({ versionId: ver.id, ...r }));
  for (const chunk of chunks(repairRows, 500)) await tx.insert(repairs).values(chunk);

  const placeRows = new Map<string, { versionId: number; placeCode: string; role: string }>();
  for (const [role, names] of [['scope', meta.scope], ['extension', meta.extension]] as const) {
    for (const name of names) {
      const p = gaz.resolve(name);
      if (p) placeRows.set(`${p.code}:${role}`, { versionId: ver.id, placeCode: p.code, role });
    }
  }
  if (placeRows.size) await tx.insert(planPlaces).values([...placeRows.values()]);

  await writeFindings(tx, plan.id, ver.id, text, found);
  const findingCounts = countByKind(found);

  await tx.update(plans).set({ currentVersionId: ver.id, title, updatedAt: new Date() }).where(eq(plans.id, plan.id));
  await tx.insert(auditLog).values({
    actor,
    command: 'ingestPlan',
    subject: `plan:${plan.id}`,
    details: { fileName, sha256: hash, version, status, sections: flat.length, repairs: text.repairs.length, findings: findingCounts },
  });

  return {
    status,
    planId: plan.id,
    slug: plan.slug,
    title,
    versionId: ver.id,
    version,
    sections: flat.length,
    repairs: text.repairs.length,
    findings: findingCounts,
    warnings: text.warnings,
  };
}

export function countByKind(found: readonly { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of found) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
}

async function uniqueSlug(tx: Tx, base: string): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    const taken = await tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, candidate)).limit(1);
    if (!taken.length) return candidate;
  }
}

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
