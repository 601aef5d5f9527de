// Heading markers (the numbering a heading starts with) shared by the TOC reader,
// the heading recogniser and the outline builder.
import { squash } from './lines.js';
import { CN_NUM, parseArabic, parseChineseInt } from './numerals.js';

/**
 * Marker of a heading candidate:
 *  zhang 第X章 · jie 第X节 · cn 一、 · cnParen （一） · num 1. / 1、 · numParen （1） / ①
 *  box 专栏N · annex 附件N / 附录 · annexTable 附表N · preface 前言 · closing 结束语
 *  md Markdown `#` heading without other marker · runin 港口群。按照…
 */
export type MarkerType =
  | 'zhang'
  | 'jie'
  | 'cn'
  | 'cnParen'
  | 'num'
  | 'numParen'
  | 'box'
  | 'annex'
  | 'annexTable'
  | 'preface'
  | 'closing'
  | 'md'
  | 'runin';

/** Ordered numbering styles (GB/T 9704 order 一、（一）1.（1） below 章/节): lower rank = higher level. */
export const RANK: Readonly<Partial<Record<MarkerType, number>>> = {
  zhang: 1,
  jie: 2,
  cn: 3,
  cnParen: 4,
  num: 5,
  numParen: 6,
};

export function isNumbered(t: MarkerType): boolean {
  return RANK[t] !== undefined;
}

/** Unnumbered or self-contained blocks that can hold any list. */
export function isContainer(t: MarkerType): boolean {
  return t === 'box' || t === 'annex' || t === 'annexTable' || t === 'preface' || t === 'closing' || t === 'md';
}

export interface MarkerMatch {
  type: MarkerType;
  /** The numbering as written, squashed: 第三章, 一, （一）, 1, （1）, 专栏1, 附件1. */
  label: string | null;
  ordinal: number | null;
  /** Length of the marker in the input (including spaces inside it). */
  length: number;
}

const N = `[${CN_NUM}]+`;
const CN_SMALL = '[一二三四五六七八九十]+';

// Anchored patterns, tried in order; each is used with a sticky flag at a given position.
const PATTERNS: ReadonlyArray<[MarkerType, RegExp]> = [
  ['zhang', new RegExp(`第[ \\t　]*(${N}|[0-9０-９]{1,3})[ \\t　]*章`, 'y')],
  ['jie', new RegExp(`第[ \\t　]*(${N}|[0-9０-９]{1,3})[ \\t　]*节`, 'y')],
  ['cnParen', new RegExp(`[（(][ \\t　]*(${CN_SMALL})[ \\t　]*[）)]`, 'y')],
  ['cn', new RegExp(`(${CN_SMALL})[ \\t　]*、`, 'y')],
  ['numParen', /[（(][ \t　]*([0-9０-９]{1,2})[ \t　]*[）)]|([\u2460-\u2473])/y],
  ['num', /([0-9０-９]{1,2})[ \t　]*[.．、](?![0-9０-９])/y],
  ['box', new RegExp(`专[ \\t　]*栏[ \\t　]*([0-9０-９]{1,3}|${CN_SMALL})?`, 'y')],
  ['annexTable', new RegExp(`附[ \\t　]*表[ \\t　]*([0-9０-９]{1,3}|${CN_SMALL})?`, 'y')],
  ['annex', new RegExp(`附[ \\t　]*(?:件|录)[ \\t　]*([0-9０-９]{1,3}|${CN_SMALL})?`, 'y')],
  ['preface', /(?:前|序|引)[ \t　]*言/y],
  ['closing', /结[ \t　]*(?:束[ \t　]*)?语/y],
];

/** The marker starting exactly at `pos`, if any. `only` restricts the types tried. */
export function matchMarkerAt(
  text: string,
  pos: number,
  only?: ReadonlySet<MarkerType>,
): MarkerMatch | null {
  for (const [type, re] of PATTERNS) {
    if (only && !only.has(type)) continue;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) continue;
    const written = squash(m[0]);
    switch (type) {
      case 'zhang':
      case 'jie': {
        const ord = parseChineseInt(m[1]);
        if (ord === null || ord === 0) continue;
        return { type, label: written, ordinal: ord, length: m[0].length };
      }
      case 'cn': {
        const ord = parseChineseInt(m[1]);
        if (ord === null || ord === 0 || ord > 99) continue;
        return { type, label: m[1], ordinal: ord, length: m[0].length };
      }
      case 'cnParen': {
        const ord = parseChineseInt(m[1]);
        if (ord === null || ord === 0) continue;
        return { type, label: written, ordinal: ord, length: m[0].length };
      }
      case 'numParen': {
        const ord = m[1] !== undefined ? parseArabic(m[1]) : m[2].charCodeAt(0) - 0x2460 + 1;
        if (ord === null || ord === 0) continue;
        return { type, label: written, ordinal: ord, length: m[0].length };
      }
      case 'num': {
        const ord = parseArabic(m[1]);
        if (ord === null || ord === 0) continue;
        return { type, label: String(ord), ordinal: ord, length: m[0].length };
      }
      case 'box':
      case 'annex':
      case 'annexTable': {
        const ord = m[1] !== undefined ? parseChineseInt(m[1]) : null;
        return { type, label: written, ordinal: ord, length: m[0].length };
      }
      default:
        return { type, label: null, ordinal: null, length: m[0].length };
    }
  }
  return null;
}

/** Title used when a heading has none of its own (前言, 结束语). */
export function defaultTitle(type: MarkerType, written: string): string {
  if (type === 'preface' || type === 'closing') return squash(written);
  return '';
}
