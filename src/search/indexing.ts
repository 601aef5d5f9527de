// Writing the search index: the passages of a plan version with their jieba tokens. Called only by
// commands: inside the transactions of ingestPlan and reextractVersion, and by indexMissingVersions
// (src/commands/search-index.ts) at start-up for versions stored before search existed.
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../store/db';
import { refreshPassageFindings } from '../store/effective';
import { passages, plans, planVersions, sections } from '../store/schema';
import { splitPassages } from './passages';
import type { Segmenter } from './segmenter';
import { tsvectorText } from './syntax';

/**
 * (Re)writes the passages of a plan's current version from its stored text and outline, and drops
 * those of its other versions (only current versions are searched). Returns the passage count.
 */
export async function indexVersion(tx: Tx, versionId: number, seg: Segmenter): Promise<number> {
  const [v] = await tx
    .select({
      planId: planVersions.planId,
      current: plans.currentVersionId,
      text: planVersions.text,
      tocStart: planVersions.tocStart,
      tocEnd: planVersions.tocEnd,
    })
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(eq(planVersions.id, versionId));
  if (!v) throw new Error(`indexVersion: no plan version ${versionId}`);
  if (v.current !== versionId) return 0; // an older version (re-extracted): search reads current versions only
  const secs = await tx
    .select({ path: sections.path, label: sections.label, title: sections.title, start: sections.start, end: sections.end })
    .from(sections)
    .where(eq(sections.versionId, versionId))
    .orderBy(asc(sections.seq));
  const toc = v.tocStart != null && v.tocEnd != null ? { start: v.tocStart, end: v.tocEnd } : null;
  const items = splitPassages(v.text, secs, toc);

  await tx.delete(passages).where(eq(passages.planId, v.planId)); // this version's old rows and other versions'
  const rows = items.map((p, seq) => ({
    versionId,
    planId: v.planId,
    seq,
    sectionPath: p.sectionPath,
    sectionTitle: p.sectionTitle,
    sectionTrail: p.sectionTrail,
    start: p.start,
    end: p.end,
    text: p.text,
    tokens: sql`${tsvectorText(seg.indexTokens(p.text))}::tsvector`,
  }));
  for (let i = 0; i < rows.length; i += 300) await tx.insert(passages).values(rows.slice(i, i + 300));
  await refreshPassageFindings(tx, versionId); // what each passage's search hit shows
  return rows.length;
}
