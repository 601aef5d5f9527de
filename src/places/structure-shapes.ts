// How a spatial structure (三核、四轴、两屏) is drawn on a map: each element is a core/point
// (核, 极, 中心, 节点), an axis/line (轴, 带, 廊, 线) or a zone/area (区, 屏, 圈, 群), and its
// members are placed at gazetteer points. Pure: the gazetteer is passed in.
import data from './structure-shapes.json' with { type: 'json' };
import type { StructureElement } from '../core/findings';
import type { Gazetteer, Place } from '../core/types';

export type ElementShape = 'point' | 'line' | 'area' | 'other';

const CHAR_SHAPE = new Map<string, ElementShape>();
for (const shape of ['point', 'line', 'area'] as const) for (const c of data[shape].chars) CHAR_SHAPE.set(c, shape);

/**
 * The shape of an element from its name: the last character of the name that the lexicon knows
 * decides (三条发展轴 → line, 三圈层 → area, 一极点 → point, 两个密集区 → area); 'other' when none.
 */
export function classifyElement(name: string): ElementShape {
  const s = name.replace(/[（(][^）)]*[）)]/g, '').trim();
  for (let i = s.length - 1; i >= 0; i--) {
    const shape = CHAR_SHAPE.get(s[i]);
    if (shape) return shape;
  }
  return 'other';
}

export interface PlacedUnit {
  code: string;
  name: string;
  /** [lon, lat]; the nearest ancestor's point when the unit itself has none (approx = true). */
  point: [number, number] | null;
  approx: boolean;
}

export interface PlacedMember {
  /** The member as the plan names it (湛江主中心, 徐闻—遂溪—湛江市城区—吴川). */
  name: string;
  /** The units it names, in the order written. */
  places: PlacedUnit[];
}

export interface PlacedElement {
  name: string;
  count: number | null;
  shape: ElementShape;
  members: PlacedMember[];
  /** Members were placed from the element's explaining text, not from member names. */
  fromSpanText: boolean;
}

/** A unit with its point, or its nearest ancestor's point (counties have none in the gazetteer). */
export function placeUnit(gaz: Gazetteer, p: Place): PlacedUnit {
  if (p.point) return { code: p.code, name: p.name, point: p.point, approx: false };
  for (let q = p.parent ? gaz.byCode(p.parent) : undefined; q; q = q.parent ? gaz.byCode(q.parent) : undefined) {
    if (q.point) return { code: p.code, name: p.name, point: q.point, approx: true };
  }
  return { code: p.code, name: p.name, point: null, approx: false };
}

/**
 * Units named in a text, in order, each once (湛江市城区—吴川 → 湛江市, 吴川市). County short forms
 * (信宜, 高州) count only where their prefecture is named, so `context` names the units the plan
 * covers (湛江市, 茂名市): they are read before the text but not reported.
 */
export function unitsNamed(gaz: Gazetteer, text: string, context: readonly string[] = []): PlacedUnit[] {
  const seen = new Set<string>();
  const out: PlacedUnit[] = [];
  const prefix = context.length ? context.join('、') + '。\n' : '';
  for (const m of gaz.findMentions(prefix + text)) {
    if (m.start < prefix.length) continue;
    if (seen.has(m.place.code)) continue;
    seen.add(m.place.code);
    out.push(placeUnit(gaz, m.place));
  }
  return out;
}

/**
 * Places the members of an element: a member's gazetteer code where the extractor found one,
 * else the units its name mentions (`context`: names of the units the plan covers, see unitsNamed). When no member names a unit, `spanText` (the sentence that
 * explains the element, if short) is scanned instead.
 */
export function placeElement(gaz: Gazetteer, el: StructureElement, spanText: string | null = null, context: readonly string[] = []): PlacedElement {
  const members: PlacedMember[] = el.members.map((name, i) => {
    const code = el.memberCodes[i];
    const p = code ? gaz.byCode(code) : undefined;
    return { name, places: p ? [placeUnit(gaz, p)] : unitsNamed(gaz, name, context) };
  });
  let fromSpanText = false;
  if (!members.some((m) => m.places.length) && spanText && spanText.length <= 400) {
    const units = unitsNamed(gaz, spanText, context);
    if (units.length) {
      fromSpanText = true;
      members.push({ name: el.name, places: units });
    }
  }
  return { name: el.name, count: el.count, shape: classifyElement(el.name), members, fromSpanText };
}
