// Writing the search index: the passages of a plan version with their jieba tokens. Called inside
// the transactions of ingestPlan and reextractVersion, and by ensureSearchIndex for versions stored
// before search existed (or by a path that did not index).
import { asc, eq, sql } from 'drizzle-orm';
import type { Store, Tx } from '../store/db';
import { queryRows } from '../store/db';
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
  return rows.length;
}

const running = new WeakMap<Store, Promise<number>>();
/** Per store: the highest plan, version and passage ids when it was last found complete. */
const checked = new WeakMap<Store, string>();

/**
 * Indexes every current plan version that has no passages yet (data folders made before search,
 * versions stored by a path that did not index). Cheap when nothing changed since the last check:
 * three index lookups (the highest ids) say so, and the search over all plans is skipped.
 * Returns how many versions were indexed.
 */
export function ensureSearchIndex(store: Store, seg: Segmenter): Promise<number> {
  const busy = running.get(store);
  if (busy) return busy;
  const job = (async () => {
    const [fp] = await queryRows<{ fp: string }>(
      store.db,
      sql`select concat_ws('/', (select max(id) from plans), (select max(id) from plan_versions), (select max(id) from passages)) as fp`,
    );
    if (checked.get(store) === fp.fp) return 0;
    const missing = await queryRows<{ version_id: number }>(
      store.db,
      sql`select pl.current_version_id as version_id from plans pl
          where pl.current_version_id is not null
            and not exists (select 1 from passages p where p.version_id = pl.current_version_id)
            and exists (select 1 from plan_versions v where v.id = pl.current_version_id and length(btrim(v.text)) > 0)`,
    );
    for (const m of missing) await store.db.transaction((tx) => indexVersion(tx, Number(m.version_id), seg));
    if (!missing.length) checked.set(store, fp.fp);
    return missing.length;
  })().finally(() => running.delete(store));
  running.set(store, job);
  return job;
}
