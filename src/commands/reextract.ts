// reextractPlan: runs the extractors again on a stored version (e.g. after the extractors or
// lexicons improved) and replaces its findings. People's decisions are untouched and re-applied.
import { asc, eq } from 'drizzle-orm';
import type { Lexicons } from '../core/findings';
import type { Gazetteer, PlanText, SourceFormat, TextEncoding } from '../core/types';
import { analyze } from '../extract/analyze';
import { loadLexicons } from '../extract/lexicons';
import { loadGazetteer } from '../places/index';
import { inTransaction, readerOf, type CommandOptions, type Db, type Store, type Tx } from '../store/db';
import { auditLog, files, planVersions, repairs } from '../store/schema';
import { countByKind } from './ingest-plan';
import { writeFindings } from './store-findings';
import { indexVersion } from '../search/indexing';
import { getSegmenter } from '../search/segmenter';

/** The stored normalized text of a version, as the parser and extractors read it. */
export async function loadPlanText(db: Db | Tx, versionId: number): Promise<PlanText> {
  const [v] = await db
    .select({ v: planVersions, fileName: files.fileName })
    .from(planVersions)
    .innerJoin(files, eq(files.id, planVersions.fileId))
    .where(eq(planVersions.id, versionId));
  if (!v) throw new Error(`no plan version ${versionId}`);
  const rs = await db.select().from(repairs).where(eq(repairs.versionId, versionId)).orderBy(asc(repairs.id));
  return {
    fileName: v.fileName,
    format: v.v.format as SourceFormat,
    encoding: v.v.encoding as TextEncoding | null,
    bom: false,
    source: v.v.sourceText,
    text: v.v.text,
    map: v.v.offsetMap,
    repairs: rs.map(({ id: _id, versionId: _v, ...r }) => r),
    warnings: v.v.warnings,
  };
}

export async function reextractVersion(
  store: Store,
  versionId: number,
  actor = 'cli',
  gaz: Gazetteer = loadGazetteer(),
  lex: Lexicons = loadLexicons(),
  opts: CommandOptions = {},
): Promise<Record<string, number>> {
  const db = readerOf(store, opts);
  const text = await loadPlanText(db, versionId);
  const { doc, findings } = analyze(text, gaz, lex);
  const [{ planId }] = await db.select({ planId: planVersions.planId }).from(planVersions).where(eq(planVersions.id, versionId));
  const counts = countByKind(findings);
  const seg = getSegmenter(gaz, lex);
  await inTransaction(store, opts, async (tx) => {
    await writeFindings(tx, planId, versionId, text, findings);
    // The time frame the years were read in, and where it was read (versions stored before frames were kept have none).
    await tx.update(planVersions).set({ frame: doc.meta.frame, metaEvidence: doc.meta.evidence }).where(eq(planVersions.id, versionId));
    await indexVersion(tx, versionId, seg); // the dictionary may have changed with the lexicons
    await tx.insert(auditLog).values({ actor, command: 'reextractVersion', subject: `plan:${planId}`, details: { versionId, findings: counts } });
  });
  return counts;
}
