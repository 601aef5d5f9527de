// Gazetteer of Chinese administrative units (GB/T 2260): provinces, prefectures, counties, with
// short names, aliases, representative points and a place-name scanner for plan text.
// Data: data/places/ (see its README.md); nothing is fetched or computed from the network.
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Place } from '../core/types';
import { PlaceGazetteer } from './gazetteer';
import { readGazetteerData } from './load';

export { PlaceGazetteer } from './gazetteer';
export { shortName, derivedForms, ETHNIC_GROUPS, MIN_SHORT_LENGTH } from './names';

/** data/places of this repository, found from this file's location, not the working directory. */
export const DEFAULT_PLACES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'places');

const cache = new Map<string, PlaceGazetteer>();

/** Loads (once per folder) the gazetteer from `dataDir` (default: the repository's data/places). */
export function loadGazetteer(dataDir: string = DEFAULT_PLACES_DIR): PlaceGazetteer {
  const dir = resolvePath(dataDir);
  let gaz = cache.get(dir);
  if (!gaz) {
    gaz = new PlaceGazetteer(readGazetteerData(dir));
    cache.set(dir, gaz);
  }
  return gaz;
}

/** Parent, grandparent …, nearest first, from the default gazetteer. */
export function ancestors(code: string): Place[] {
  return loadGazetteer().ancestors(code);
}

/** Direct children in code order, from the default gazetteer. */
export function childrenOf(code: string): Place[] {
  return loadGazetteer().childrenOf(code);
}

/** Official full name for a short, full or alias form (湛江 → 湛江市), from the default gazetteer. */
export function fullNameOf(shortOrFull: string, within?: string): string | undefined {
  return loadGazetteer().fullNameOf(shortOrFull, within);
}
