// The effective findings (decisions applied) of the versions a search page shows. Reading and
// merging all findings of a plan takes 10–45 ms, so the merge is kept per version and reused while
// its fingerprint holds: findings are only ever rewritten as a whole (new row ids) and decisions
// only appended, so row count + highest id of each says whether anything changed.
import { sql } from 'drizzle-orm';
import type { EffectiveFinding } from '../core/curation';
import { queryRows, type Store } from '../store/db';
import { getEffectiveFindings } from '../store/findings';

const MAX_CACHED = 64;
const caches = new WeakMap<Store, Map<number, { fp: string; findings: EffectiveFinding[] }>>();

export async function effectiveFindingsOf(store: Store, versionIds: readonly number[]): Promise<Map<number, EffectiveFinding[]>> {
  const out = new Map<number, EffectiveFinding[]>();
  if (!versionIds.length) return out;
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const fps = await queryRows<{ id: number; fp: string }>(
    store.db,
    sql`select v.id,
          (select count(*) || '/' || coalesce(max(f.id), 0) from findings f where f.version_id = v.id) || ':' ||
          (select count(*) || '/' || coalesce(max(d.id), 0) from decisions d where d.plan_id = v.plan_id) as fp
        from plan_versions v where v.id in (${sql.join(versionIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  for (const { id, fp } of fps) {
    const v = Number(id);
    let hit = cache.get(v);
    if (!hit || hit.fp !== fp) {
      hit = { fp, findings: (await getEffectiveFindings(store, v)).findings };
      cache.delete(v);
      cache.set(v, hit);
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(v); // most recently used last
      cache.set(v, hit);
    }
    out.set(v, hit.findings);
  }
  return out;
}
