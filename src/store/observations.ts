// Reading observations: the figures in force (not superseded) for some indicators and places,
// and the list of imports.
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { StoredObservation } from '../monitor/plan-monitor';
import type { ObservationOrigin } from '../monitor/observations';
import type { Db, Tx } from './db';
import { files, observationImports, observations, taskUpdates } from './schema';

export async function activeObservations(db: Db | Tx, filter: { indicators?: readonly string[]; places?: readonly string[] } = {}): Promise<StoredObservation[]> {
  const where: SQL[] = [isNull(observations.supersededBy)];
  if (filter.indicators) where.push(inArray(observations.indicator, filter.indicators.length ? [...filter.indicators] : ['']));
  if (filter.places) where.push(inArray(observations.place, filter.places.length ? [...filter.places] : ['']));
  const rows = await db.select().from(observations).where(and(...where)).orderBy(observations.id);
  return rows.map((r) => ({
    id: r.id,
    indicator: r.indicator,
    place: r.place,
    year: r.year,
    value: r.value,
    unit: r.unit,
    caliber: r.caliber,
    source: r.source,
    origin: r.origin as ObservationOrigin,
  }));
}

export async function listImports(db: Db | Tx, limit = 50) {
  return db.select().from(observationImports).orderBy(desc(observationImports.id)).limit(limit);
}

/** The file attached to a plan's progress update, if any. */
export async function getTaskAttachment(db: Db | Tx, planId: number, updateId: number) {
  const [f] = await db
    .select({ fileName: files.fileName, content: files.content })
    .from(taskUpdates)
    .innerJoin(files, eq(files.id, taskUpdates.attachmentFileId))
    .where(and(eq(taskUpdates.id, updateId), eq(taskUpdates.planId, planId)));
  return f;
}
