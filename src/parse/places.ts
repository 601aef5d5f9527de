// Reading lists of administrative units (广东省的广州、佛山…和广西壮族自治区的南宁…) with the gazetteer.
import type { Gazetteer, Place } from '../core/types.js';

/**
 * The units named in `s`, as full places, in order, without duplicates. A province mention
 * sets the context for the short names after it (广西桂林、玉林…贵州黔东南…) and is not itself
 * returned when lower units are named.
 */
export function placesIn(s: string, gazetteer: Gazetteer): Place[] {
  const mentions = [...gazetteer.findMentions(s)].sort((a, b) => a.start - b.start);
  const out: Place[] = [];
  const seen = new Set<string>();
  const provinces: Place[] = [];
  let context: string | undefined;
  for (const m of mentions) {
    if (m.place.level === 'province') {
      context = m.place.code;
      provinces.push(m.place);
      continue;
    }
    const p = gazetteer.resolve(m.surface, context) ?? m.place;
    if (p.level === 'province') continue;
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    out.push(p);
  }
  return out;
}

/** The province a unit belongs to (itself for a province). */
export function provinceOf(p: Place, gazetteer: Gazetteer): Place | undefined {
  let cur: Place | undefined = p;
  for (let i = 0; cur && i < 4; i++) {
    if (cur.level === 'province') return cur;
    cur = cur.parent ? gazetteer.byCode(cur.parent) : undefined;
  }
  return undefined;
}
