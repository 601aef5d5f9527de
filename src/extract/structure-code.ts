// Reading spatial-structure codes: 三核、四轴、两屏 → [三核 ×3, 四轴 ×4, 两屏 ×2]. An element is a
// numeral, an optional classifier and an element noun from structures.lexicon.json; a code is two
// or more elements, optionally separated by 、 or ，.
import data from './structures.lexicon.json' with { type: 'json' };

/** Longest words first, so that the first match is the longest. */
const byLength = (words: readonly string[]): string[] => [...new Set(words)].sort((a, b) => b.length - a.length);

export const ELEMENT_NOUNS: readonly string[] = byLength(data.elementNouns.words);
export const CLASSIFIERS: readonly string[] = byLength(data.classifiers.words);
export const SUBJECT_HEADS: readonly string[] = byLength(data.subjectHeads.words);
export const STRICT_SUBJECT_HEADS: readonly string[] = byLength(data.strictSubjectHeads.words);
export const NOT_STRUCTURES: ReadonlySet<string> = new Set(data.notStructures.words);
export const REJECT_AFTER: readonly string[] = byLength(data.rejectAfter.words);
export const MEMBER_VERBS: readonly string[] = byLength(data.memberVerbs.words);
export const WEI_IDIOMS: readonly string[] = byLength(data.weiIdioms.words);
export const AREA_SUFFIXES: readonly string[] = byLength(data.areaSuffixes.words);

const NUMERAL = new RegExp(`^(?:[0-9]{1,2}|${byLength(data.numerals.words).filter((w) => w.length > 1).join('|')}|[${data.numerals.words.filter((w) => w.length === 1).join('')}]{1,3})`);
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Characters that may sit between two elements of a code written with separators (三核、四轴、两屏). */
export const CODE_SEPARATORS = /[、，,·＋+\s]/;

export interface CodeElement {
  /** As written: 三核, 两个密集区, 多节点. */
  name: string;
  /** null for 多/若干/几. */
  count: number | null;
  /** The element noun: 核, 密集区, 节点. */
  noun: string;
  /** Offsets in the string that was read. */
  start: number;
  end: number;
}

/** Value of a numeral as written in an element: 两 → 2, 十二 → 12, 6 → 6, 多 → null. */
export function numeralValue(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[2] ? DIGITS[m[2]] : 0);
  if (s.length === 1 && s in DIGITS) return DIGITS[s];
  return null;
}

const startsWithAt = (text: string, i: number, words: readonly string[]): string | undefined =>
  words.find((w) => text.startsWith(w, i));

/** One element starting exactly at `i` (numeral + classifier? + noun), or null. */
export function readElement(text: string, i: number): CodeElement | null {
  const num = NUMERAL.exec(text.slice(i, i + 3))?.[0];
  if (!num) return null;
  const count = numeralValue(num);
  if (count === null && !/^(多|若干|几)$/.test(num)) return null; // 二二, 三四: not a numeral as written in a code
  let j = i + num.length;
  if (/^[0-9]/.test(num)) while (text[j] === ' ') j++;
  // the noun directly (一片区), else after a classifier (三大片区, 两个密集区)
  let noun = startsWithAt(text, j, ELEMENT_NOUNS);
  if (!noun) {
    const cls = startsWithAt(text, j, CLASSIFIERS);
    if (cls) {
      noun = startsWithAt(text, j + cls.length, ELEMENT_NOUNS);
      if (noun) j += cls.length;
    }
  }
  if (!noun) return null;
  const end = j + noun.length;
  return { name: text.slice(i, end), count, noun, start: i, end };
}

/**
 * Elements of a whole string written as a code (三核、四轴、两屏; 双心一极点六轴三圈层), or null when
 * any part of it is not an element (十二五, 三网融合, 一带一路 …). Where separators delimit the
 * elements, each may carry a two-character action (一核引领、两翼齐飞、多点支撑). Two elements of
 * one name make no code (一网通办、一网统管).
 */
export function parseCode(s: string): CodeElement[] | null {
  const out: CodeElement[] = [];
  const separated = CODE_SEPARATORS.test(s);
  let i = 0;
  while (i < s.length) {
    if (out.length && CODE_SEPARATORS.test(s[i])) {
      i++;
      continue;
    }
    const e = readElement(s, i);
    if (!e) return null;
    out.push(e);
    i = e.end;
    const action = separated ? /^[\u4e00-\u9fa5]{2}(?=[、，,·＋+\s]|$)/.exec(s.slice(i)) : null;
    if (action && !readElement(s, i)) i += 2;
  }
  if (new Set(out.map((e) => e.name)).size !== out.length) return null;
  return out.length ? out : null;
}

/**
 * The longest run of elements starting at `i` (no separators, or 、 between elements), as in running
 * text: 构建一核一带一区区域发展格局 → 一核一带一区. Empty when no element starts at `i`.
 */
export function readRun(text: string, i: number): CodeElement[] {
  const out: CodeElement[] = [];
  let j = i;
  for (;;) {
    const e = readElement(text, j);
    if (!e) break;
    out.push(e);
    j = e.end;
    if (text[j] === '、' && readElement(text, j + 1)) j++;
  }
  return out;
}

/** Key that identifies a code whatever its separators: 三核、四轴、两屏 and 三核四轴两屏 → 三核|四轴|两屏. */
export const codeKey = (elements: readonly CodeElement[]): string => elements.map((e) => e.name).join('|');

/** Noun sequence of a code, to spot the same pattern written with other counts (两轴五射 / 两轴四射). */
export const nounKey = (elements: readonly CodeElement[]): string => elements.map((e) => e.noun).join('|');

/** True when `name` is written as a code with only numeral elements and is a known initiative or slogan. */
export const isNotStructure = (code: string): boolean => NOT_STRUCTURES.has(code.replace(/[、，,·＋+\s]/g, ''));
