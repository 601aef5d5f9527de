// References: the documents a plan cites — laws, plans, opinions, replies — as 《title》, with the
// document number when one follows (《关于促进粤西地区振兴发展的指导意见》（粤发〔2009〕15号）).
// In Chinese plans 《》 nearly always cites a document, so every title is kept except the plan's
// own (现将《粤西地区经济社会发展规划纲要（2011—2015年）》印发给你们) and 本《规划》-style self-references.
import type { Extractor, Finding } from '../core/findings';
import type { PlanDoc, Span } from '../core/types';
import { sectionAt } from './text';

const TITLE = /《([^《》]{1,150}?)》/g;
/** 粤发〔2009〕15号, 国发[2014]10号, 国函（2008）129号, 桂政发【2010】3号 */
const DOC_NUMBER =
  /[\u4e00-\u9fa5A-Za-z]{1,14}\s*[〔[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号/y;
/** A title so short it names a kind of document, not one document (《规划》, 《纲要》). */
const GENERIC = /^(规划|纲要|方案|意见|通知|条例|办法|决定|计划|规划纲要|实施方案|实施意见)$/;

/** Spaces out of a title, except between Latin letters or digits (2035 年 → 2035年; Made in China stays). */
export function cleanTitle(s: string): string {
  return s.replace(/\s+/g, (m, off: number, all: string) =>
    /[A-Za-z0-9]/.test(all[off - 1] ?? '') && /[A-Za-z]/.test(all[off + m.length] ?? '') ? ' ' : '',
  );
}

/** A title compared without spaces and without a trailing period (（2011—2015年）). */
const titleKey = (s: string): string =>
  cleanTitle(s)
    .replace(/\s/g, '')
    .replace(/[（(][^（）()]*\d{4}[^（）()]*[）)]$/, '');

/** The document number right after a title: （粤发〔2009〕15号）, or the number written without brackets. */
export function docNumberAt(text: string, at: number): { number: string; end: number } | null {
  let p = at;
  while (p < text.length && /[ \t]/.test(text[p])) p++;
  const paren = text[p] === '（' || text[p] === '(';
  DOC_NUMBER.lastIndex = paren ? p + 1 : p;
  const m = DOC_NUMBER.exec(text);
  if (!m) return null;
  let end = m.index + m[0].length;
  if (paren) {
    const close = /^[^（）()]{0,40}?[）)]/.exec(text.slice(end)); // （国发〔2011〕1号、国办发〔2012〕3号）
    if (close) end += close[0].length;
  }
  return { number: m[0].replace(/\s+/g, ''), end };
}

const overlaps = (a: Span, b: Span | null): boolean => !!b && b.end > b.start && a.start < b.end && b.start < a.end;

export const extractReferences: Extractor<'reference'> = (doc: PlanDoc) => {
  const text = doc.text.text;
  const own = doc.meta.title ? titleKey(doc.meta.title) : null;
  const out: Array<Finding<'reference'>> = [];
  for (const m of text.matchAll(TITLE)) {
    const raw = m[1];
    if (/\n\s*\n/.test(raw)) continue; // an unmatched 《 running over a paragraph
    const title = cleanTitle(raw).trim();
    if (!title) continue;
    const start = m.index;
    let end = start + m[0].length;
    if (overlaps({ start, end }, doc.toc)) continue;
    if (own && titleKey(title) === own) continue;
    if (text[start - 1] === '本') continue; // 本《规划》
    const num = docNumberAt(text, end);
    if (num) end = num.end;
    const flags: string[] = [];
    let confidence = num ? 0.95 : 0.85;
    if (GENERIC.test(title)) {
      flags.push('generic_title');
      confidence = 0.5;
    }
    if (/\n/.test(raw)) flags.push('title_line_break');
    out.push({
      kind: 'reference',
      start,
      end,
      section: sectionAt(doc, start)?.id ?? null,
      confidence,
      flags,
      data: { title, docNumber: num?.number ?? null },
    });
  }
  return out;
};
