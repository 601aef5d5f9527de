// Cheap copies of a stored plan for tests that need more plans than a page holds: each copy is a
// new plan whose current version is an SQL copy of the version's row and its covered units
// (plan_places), under its own key, slug and title. Sections, findings and passages are not copied
// (the library cards, facets and map coverage read only these tables; copies have no text
// findings; copyFindings adds them where a test needs them). Extracting hundreds of real plans would take minutes.
import { sql } from 'drizzle-orm';
import { queryRows, type Store } from '../../src/store/db';
import { refreshPlanFindings } from '../../src/store/effective';

async function columnsOf(store: Store, table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    store.db,
    sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

/** n copies of the current version of plan `planId`, titled `${title(i)}`; returns their slugs in order. */
export async function copyPlan(store: Store, planId: number, n: number, title: (i: number) => string): Promise<string[]> {
  const [src] = await queryRows<{ v: number; slug: string }>(store.db, sql`select current_version_id as v, slug from plans where id = ${planId}`);
  const cols = (await columnsOf(store, 'plan_versions')).filter((c) => c !== 'id' && c !== 'plan_id').map((c) => `"${c}"`);
  const slugs: string[] = [];
  for (let i = 0; i < n; i++) {
    const slug = `${src.slug}-copy-${i}`;
    const [ids] = await queryRows<{ p: number; v: number }>(
      store.db,
      sql`select nextval(pg_get_serial_sequence('plans', 'id')) as p, nextval(pg_get_serial_sequence('plan_versions', 'id')) as v`,
    );
    const p = Number(ids.p);
    const v = Number(ids.v);
    await store.db.execute(sql`insert into plans (id, plan_key, slug, title) values (${p}, ${`copy:${slug}`}, ${slug}, ${title(i)})`);
    await store.db.execute(
      sql.raw(`insert into plan_versions (id, plan_id, ${cols.join(', ')}) select ${v}, ${p}, ${cols.map((c) => `x.${c}`).join(', ')} from plan_versions x where x.id = ${Number(src.v)}`),
    );
    await store.db.execute(sql`insert into plan_places (version_id, place_code, role) select ${v}, x.place_code, x.role from plan_places x where x.version_id = ${Number(src.v)}`);
    await store.db.execute(sql`update plans set current_version_id = ${v} where id = ${p}`);
    slugs.push(slug);
  }
  return slugs;
}

/** Gives copy `planId` (made by copyPlan) the findings of plan `fromPlanId`'s current version, and their effective rows. */
export async function copyFindings(store: Store, fromPlanId: number, planId: number): Promise<void> {
  const cols = (await columnsOf(store, 'findings')).filter((c) => !['id', 'version_id', 'plan_id'].includes(c)).map((c) => `"${c}"`);
  await store.db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(`insert into findings (version_id, plan_id, ${cols.join(', ')})
        select (select current_version_id from plans where id = ${Number(planId)}), ${Number(planId)}, ${cols.map((c) => `x.${c}`).join(', ')}
        from findings x where x.version_id = (select current_version_id from plans where id = ${Number(fromPlanId)})`),
    );
    await refreshPlanFindings(tx, planId);
  });
}
