// Look-ups in the gazetteer and the shipped statistics that never touch the database: a unit by
// code or name, units matching what a person types, the indicators a map can be coloured by.
import type { Gazetteer, Place } from '../core/types';
import { CENSUS_INDICATORS, CENSUS_SOURCE } from './census';
import { mapUnits } from './geo';

/** A unit by its 6-digit code or by name (湛江市, 湛江); the best match by the gazetteer's ranking. */
export function findPlace(gaz: Gazetteer, ref: string): Place | undefined {
  const s = ref.trim();
  if (/^\d{6}$/.test(s)) return gaz.byCode(s);
  return gaz.resolve(s);
}

/** Resolves a place filter (a 6-digit code or a name) to a gazetteer code, or null when unknown. */
export function placeCodeOf(gaz: Gazetteer, place: string): string | null {
  return findPlace(gaz, place)?.code ?? null;
}

/** Units whose name forms start with or contain `q`, prefectures of the map first. */
export function searchPlaces(gaz: Gazetteer, q: string, limit = 20): Place[] {
  const s = q.trim();
  if (!s) return [];
  const onMap = new Set(mapUnits().map((u) => u.code));
  const hits = gaz.places.filter((p) => p.name.includes(s) || p.short.includes(s) || p.aliases.some((a) => a.includes(s)));
  const rank = (p: Place) => (p.name === s || p.short === s ? 0 : p.name.startsWith(s) ? 1 : 2) * 4 + (onMap.has(p.code) ? 0 : 2) + (p.level === 'county' ? 1 : 0);
  return hits.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code)).slice(0, limit);
}

export interface MapIndicator {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  years: number[];
  source: string;
  sourceEn: string;
  citation: string;
}

export function mapIndicators(): MapIndicator[] {
  return CENSUS_INDICATORS.map((i) => ({
    id: i.id,
    name: `${i.name}（${i.year}年）`,
    nameEn: `${i.nameEn} (${i.year})`,
    unit: i.unit,
    years: [i.year],
    source: CENSUS_SOURCE.label,
    sourceEn: CENSUS_SOURCE.labelEn,
    citation: CENSUS_SOURCE.citation,
  }));
}
