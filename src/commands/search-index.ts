// indexMissingVersions: gives every current plan version without passages its search index
// (data folders made before search existed). Run when the app starts, never by a read: a GET
// does not write.
import { sql } from 'drizzle-orm';
import { indexVersion } from '../search/indexing';
import type { Segmenter } from '../search/segmenter';
import { queryRows, type Store } from '../store/db';
import { auditLog } from '../store/schema';

const running = new WeakMap<Store, Promise<number>>();

/** Indexes each current version that has no passages, one transaction per version. Cheap when nothing is missing: one query. Returns how many it indexed. */
export function indexMissingVersions(store: Store, seg: Segmenter, actor = 'system'): Promise<number> {
  const busy = running.get(store);
  if (busy) return busy;
  const job = (async () => {
    const missing = await queryRows<{ version_id: number }>(
      store.db,
      sql`select pl.current_version_id as version_id from plans pl
          where pl.current_version_id is not null
            and not exists (select 1 from passages p where p.version_id = pl.current_version_id)
            and exists (select 1 from plan_versions v where v.id = pl.current_version_id and length(btrim(v.text)) > 0)`,
    );
    for (const m of missing) {
      const versionId = Number(m.version_id);
      await store.db.transaction(async (tx) => {
        const n = await indexVersion(tx, versionId, seg);
        await tx.insert(auditLog).values({ actor, command: 'indexMissingVersions', subject: `version:${versionId}`, details: { passages: n } });
      });
    }
    return missing.length;
  })().finally(() => running.delete(store));
  running.set(store, job);
  return job;
}
