// Small text helpers shared by the extractors: sections at an offset, sentences, the plan's region.
import type { PlanDoc, PlanMeta, Section, Span } from '../core/types';
import { flattenSections } from '../parse/index';

/** Innermost section containing an offset (null before the first heading). */
export function sectionAt(doc: PlanDoc, offset: number): Section | null {
  let best: Section | null = null;
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      if (offset >= s.start && offset < s.end) {
        best = s;
        walk(s.children);
        return;
      }
    }
  };
  walk(doc.sections);
  return best;
}

/** 'chapter > section > …' heading trail for an offset, like the gold's `section` field. */
export function sectionTrail(doc: PlanDoc, offset: number): string {
  const trail: string[] = [];
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      if (offset >= s.start && offset < s.end) {
        trail.push(`${s.label && s.label !== s.title ? s.label : ''}${s.title}`);
        walk(s.children);
        return;
      }
    }
  };
  walk(doc.sections);
  return trail.join(' > ');
}

export { flattenSections };

const SENTENCE_END = /[。；;！？!?\n]/;
const FULL_STOP = /[。！？!?\n]/;

/**
 * Sentences of text[start, end): split after 。；！？ and at line breaks; spans exclude the
 * terminator and surrounding whitespace. Empty pieces are dropped. An ASCII '.' ends a sentence
 * too when it follows neither a digit nor a letter (web text: 超过90%.实施…), never in 12.5.
 * With `semicolons: false`, ；/; do not split (the clauses of one sentence share its year).
 */
export function sentences(text: string, start = 0, end = text.length, opts: { semicolons?: boolean } = {}): Span[] {
  const re = opts.semicolons === false ? FULL_STOP : SENTENCE_END;
  return splitSpans(text, start, end, (ch, i) => re.test(ch) || (ch === '.' && isAsciiFullStop(text, i)));
}

function isAsciiFullStop(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  return prev !== '' && !/[0-9A-Za-z.]/.test(prev) && !/[0-9.]/.test(next);
}

function splitSpans(text: string, start: number, end: number, isBreak: (ch: string, i: number) => boolean): Span[] {
  const out: Span[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || isBreak(text[i], i)) {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) out.push({ start: a, end: b });
      s = i + 1;
    }
  }
  return out;
}

// Words that end a plan title and are not part of the region's name.
const TITLE_TAILS = [
  /[（(][^）)]*\d{4}[^）)]*[）)]$/,
  /(和|及|暨)?(20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})年远景目标(纲要)?$/,
  /(国民经济和社会发展)?(第[一二三四五六七八九十]+个五年|“?十[一二三四五六七八九]五”?)?(经济社会|国民经济和社会|国土空间|新型城镇化|城镇化)?(发展)?(总体)?(规划纲要|规划|纲要|方案|意见)$/,
];

/**
 * The name of the region a plan is about, taken from its title: 粤西地区经济社会发展规划纲要（2011—2015年）
 * → 粤西地区; 珠江—西江经济带发展规划 → 珠江—西江经济带; 湛茂都市圈发展规划 → 湛茂都市圈.
 * Extractors use it as the scope of targets and facts whose sentence names no place.
 */
export function planRegionName(meta: Pick<PlanMeta, 'title' | 'scope'>): string | null {
  let t = meta.title?.replace(/\s+/g, '') ?? '';
  for (let i = 0; i < 3; i++) for (const re of TITLE_TAILS) t = t.replace(re, '');
  if (t.length >= 2) return t;
  return meta.scope.length === 1 ? meta.scope[0] : null;
}
