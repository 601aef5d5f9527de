// Loads the gazetteer (data/places) into the places table, so plans can be joined to units.
// Idempotent: upserts every unit; cheap when nothing changed (one count query).
import { sql } from 'drizzle-orm';
import type { Gazetteer } from '../core/types';
import { inTransaction, readerOf, type CommandOptions, type Store } from '../store/db';
import { places } from '../store/schema';

export async function syncPlaces(store: Store, gaz: Gazetteer, opts: CommandOptions = {}): Promise<number> {
  const have = await readerOf(store, opts).$count(places);
  if (have === gaz.places.length) return 0;
  const rows = gaz.places.map((p) => ({
    code: p.code,
    name: p.name,
    short: p.short,
    level: p.level,
    parent: p.parent,
    lon: p.point?.[0] ?? null,
    lat: p.point?.[1] ?? null,
    aliases: p.aliases,
  }));
  await inTransaction(store, opts, async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(places)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: places.code,
          set: {
            name: sql`excluded.name`,
            short: sql`excluded.short`,
            level: sql`excluded.level`,
            parent: sql`excluded.parent`,
            lon: sql`excluded.lon`,
            lat: sql`excluded.lat`,
            aliases: sql`excluded.aliases`,
          },
        });
    }
  });
  return rows.length;
}
