// Reads data/places/*.csv into plain Place records (synchronously: the files are ~150 KB).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Place } from '../core/types';
import { parseCsv } from './csv';
import type { NotPlace } from './mentions';
import { derivedForms, shortName } from './names';

export interface GazetteerData {
  places: Place[];
  /** Words of not-places.csv: not reported as places by findMentions (see that file). */
  notPlaces: NotPlace[];
}

const code = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
const divisionRow = z.object({
  code,
  name: z.string().min(1),
  level: z.enum(['province', 'prefecture', 'county']),
  parent: z.union([code, z.literal('')]),
});
const pointRow = z.object({
  code,
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  source: z.string(),
});
const aliasRow = z.object({ code, alias: z.string().min(1), note: z.string() });
const notPlaceRow = z.object({ word: z.string().min(2), within: z.union([code, z.literal('')]), note: z.string() });

function readTable<T>(dir: string, file: string, schema: z.ZodType<T>, freeLastColumn = false): T[] {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new Error(`${path} not found: pass the data/places folder to loadGazetteer(), or rebuild it with npm run build:gazetteer`);
  }
  return parseCsv(readFileSync(path, 'utf8'), path, freeLastColumn).map((rec, i) => {
    const r = schema.safeParse(rec);
    if (!r.success) {
      const issue = r.error.issues[0];
      // +2: one for the header, one because lines count from 1
      throw new Error(`${path}:${i + 2}: field ${String(issue.path[0] ?? '?')}: ${issue.message} (row ${JSON.stringify(rec)})`);
    }
    return r.data;
  });
}

export function readGazetteerData(dir: string): GazetteerData {
  const byCode = new Map<string, Place>();
  const places: Place[] = [];
  for (const r of readTable(dir, 'divisions.csv', divisionRow)) {
    if (byCode.has(r.code)) throw new Error(`${join(dir, 'divisions.csv')}: code ${r.code} appears twice`);
    const place: Place = {
      code: r.code,
      name: r.name,
      short: shortName(r.name, r.level),
      level: r.level,
      parent: r.parent || null,
      point: null,
      aliases: [],
    };
    byCode.set(r.code, place);
    places.push(place);
  }
  for (const p of places) {
    if (p.parent && !byCode.has(p.parent)) {
      throw new Error(`${join(dir, 'divisions.csv')}: ${p.code} ${p.name} has parent ${p.parent}, which is not in the file`);
    }
    p.aliases.push(...derivedForms(p));
  }
  for (const r of readTable(dir, 'points.csv', pointRow)) {
    const p = byCode.get(r.code);
    if (!p) throw new Error(`${join(dir, 'points.csv')}: code ${r.code} is not in divisions.csv`);
    p.point = [r.lon, r.lat];
  }
  for (const r of readTable(dir, 'aliases.csv', aliasRow, true)) {
    const p = byCode.get(r.code);
    if (!p) throw new Error(`${join(dir, 'aliases.csv')}: alias ${r.alias} names code ${r.code}, which is not in divisions.csv`);
    if (r.alias !== p.name && r.alias !== p.short && !p.aliases.includes(r.alias)) p.aliases.push(r.alias);
  }
  const notPlaces = readTable(dir, 'not-places.csv', notPlaceRow, true).map((r): NotPlace => {
    if (r.within && !byCode.has(r.within)) {
      throw new Error(`${join(dir, 'not-places.csv')}: ${r.word} has within ${r.within}, which is not in divisions.csv`);
    }
    return { word: r.word, within: r.within || null };
  });
  return { places, notPlaces };
}
