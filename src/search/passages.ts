// Cutting a version's normalized text into search passages: one per paragraph (a line), long
// paragraphs at sentence ends, each tagged with the deepest section containing it. Pure.

/** A section as stored (flattened outline): path '3.2', label '第二节', title, whole span. */
export interface SectionSpan {
  path: string;
  label: string | null;
  title: string;
  start: number;
  end: number;
}

export interface Passage {
  start: number;
  end: number;
  text: string;
  /** Deepest section containing the passage. */
  sectionPath: string | null;
  sectionTitle: string | null;
  /** Titles from the top section down to the deepest, joined by ' › ' (what the section filter reads). */
  sectionTrail: string;
}

/** Passages longer than this are split at sentence ends (a sentence longer than it, at commas, then hard). */
export const MAX_PASSAGE = 400;

const SENTENCE_END = /[。！？；!?;]/;
const CLAUSE_END = /[，、：,:]/;

export const sectionLabel = (s: Pick<SectionSpan, 'label' | 'title'>): string => (s.label ? `${s.label} ${s.title}`.trim() : s.title);

/**
 * Passages of `text`. `skip` is a span left out (the table of contents: its lines repeat the
 * headings and would match every title search).
 */
export function splitPassages(text: string, sections: readonly SectionSpan[], skip?: { start: number; end: number } | null): Passage[] {
  const out: Passage[] = [];
  const byDepth = [...sections].sort((a, b) => depth(a.path) - depth(b.path) || a.start - b.start);
  // A passage never spans two sections: texts without line breaks at headings (a whole plan on one
  // line, run-on 第一章发展背景第一节…) are cut where sections start and end.
  const bounds = [...new Set(sections.flatMap((sec) => [sec.start, sec.end]))].sort((x, y) => x - y);
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let a = lineStart;
    let b = lineEnd;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a && !(skip && a >= skip.start && b <= skip.end)) {
      for (const [s, e] of atBoundaries(text, a, b, bounds).flatMap(([x, y]) => pieces(text, x, y))) {
        const containing = byDepth.filter((sec) => sec.start <= s && s < sec.end);
        const deepest = containing[containing.length - 1];
        out.push({
          start: s,
          end: e,
          text: text.slice(s, e),
          sectionPath: deepest?.path ?? null,
          sectionTitle: deepest ? sectionLabel(deepest) : null,
          sectionTrail: containing.map(sectionLabel).join(' › '),
        });
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** text[start, end) cut at the given offsets (sorted), each piece trimmed, empty pieces dropped. */
function atBoundaries(text: string, start: number, end: number, bounds: readonly number[]): Array<[number, number]> {
  const cuts = [start, ...bounds.filter((o) => o > start && o < end), end];
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    let a = cuts[i];
    let b = cuts[i + 1];
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push([a, b]);
  }
  return out;
}

function depth(path: string): number {
  return path.split('.').length;
}

/** [start, end) pieces of one paragraph, each at most MAX_PASSAGE long, cut after sentence ends where possible. */
function pieces(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  while (end - s > MAX_PASSAGE) {
    const limit = s + MAX_PASSAGE;
    let cut = lastBreak(text, s, limit, SENTENCE_END);
    if (cut <= s) cut = lastBreak(text, s, limit, CLAUSE_END);
    if (cut <= s) cut = /[\uD800-\uDBFF]/.test(text[limit - 1]) ? limit - 1 : limit; // never between a surrogate pair
    out.push([s, cut]);
    s = cut;
    while (s < end && /\s/.test(text[s])) s++;
  }
  if (end > s) out.push([s, end]);
  return out;
}

/** Offset just after the last `re` character in text[from + MAX/4, to), or -1 (so each piece keeps some length). */
function lastBreak(text: string, from: number, to: number, re: RegExp): number {
  for (let i = to - 1; i > from + MAX_PASSAGE / 4; i--) if (re.test(text[i])) return i + 1;
  return -1;
}
