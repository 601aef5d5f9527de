// Places: every administrative unit the plan names (GB/T 2260 code and level), one finding per
// mention, found by the gazetteer's scanner on the normalized text. Mentions inside the table of
// contents are left out (the headings there repeat the body's).
import type { Extractor, Finding } from '../core/findings';
import type { PlaceMention, Span } from '../core/types';
import { sectionAt } from './text';

/**
 * How sure a mention is by the form it is written in: a full name (湛江市, 广西壮族自治区) is the
 * unit; a province or prefecture short form (湛江, 广西) nearly always is; an alias (old name, other
 * short form) a little less; a county short form (雷州, 廉江) or a two-character county name
 * (藤县) is found only in context and may still be a namesake or part of another word.
 */
export function placeConfidence(m: PlaceMention): { confidence: number; flags: string[] } {
  const p = m.place;
  if (m.surface === p.name) {
    if (p.level === 'county' && p.name.length <= 2) return { confidence: 0.8, flags: ['two_character_name'] };
    return { confidence: 0.95, flags: [] };
  }
  if (m.surface === p.short) {
    return p.level === 'county' ? { confidence: 0.7, flags: ['short_form'] } : { confidence: 0.85, flags: ['short_form'] };
  }
  return { confidence: 0.75, flags: ['alias'] };
}

const overlaps = (a: Span, b: Span | null): boolean => !!b && b.end > b.start && a.start < b.end && b.start < a.end;

export const extractPlaces: Extractor<'place'> = (doc, ctx) => {
  const out: Array<Finding<'place'>> = [];
  for (const m of ctx.gazetteer.findMentions(doc.text.text)) {
    if (overlaps(m, doc.toc)) continue;
    const { confidence, flags } = placeConfidence(m);
    out.push({
      kind: 'place',
      start: m.start,
      end: m.end,
      section: sectionAt(doc, m.start)?.id ?? null,
      confidence,
      flags,
      data: { code: m.place.code, name: m.place.name, level: m.place.level },
    });
  }
  return out;
};
