// Chinese word segmentation for 检索 (jieba via jieba-wasm, jieba-rs compiled to WebAssembly: no native
// binary per platform, so `npm ci` works everywhere; with the planning dictionary).
// Passages and queries are cut the same way, without HMM: a word jieba does not know falls apart
// into single characters on both sides alike, so it still matches (the HMM guesses new words
// differently depending on the context).
import { add_word, cut, cut_all } from 'jieba-wasm';
import type { Lexicons } from '../core/findings';
import type { Gazetteer } from '../core/types';
import { loadGazetteer } from '../places/index';
import { loadLexicons } from '../extract/lexicons';
import { buildDictionary, type DictEntry } from './dictionary';

/** Tokens carry a letter or digit; punctuation and spaces are not searchable. */
const WORDY = /[\p{L}\p{N}]/u;

// Function words dropped from a query (they would mark every passage), unless nothing else is left.
const QUERY_STOP = new Set(['的', '了', '和', '与', '及', '在', '是', '等', '对', '将', '把', '被', '并', '或', '之', '其', '以', '为', '中', '有', '也', '而', '及其', '以及', '和与']);

// jieba-wasm holds one jieba (its default dictionary) per process: the planning words are added to it.
const added = new Map<string, number>();

export class Segmenter {
  constructor(entries: readonly DictEntry[]) {
    for (const e of entries) {
      if (added.get(e.word) === e.freq) continue;
      add_word(e.word, e.freq);
      added.set(e.word, e.freq);
    }
  }

  /** Precise-mode words (湛茂都市圈 stays one word), lower-cased, punctuation dropped. */
  words(text: string): string[] {
    return cut(text, false)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => WORDY.test(w));
  }

  /**
   * What a passage is indexed under, in order: each precise word and, for words of 3+ characters,
   * the dictionary words inside them (常住人口城镇化率 → 常住人口, 城镇化率, 城镇化, 人口 …), so a
   * query for a part of a long term finds it. Search mode (cutForSearch) only adds 2- and 3-character
   * parts and would miss 城镇化率.
   */
  indexTokens(text: string): string[] {
    const out: string[] = [];
    for (const w of this.words(text)) {
      out.push(w);
      if ([...w].length < 3) continue;
      for (const part of cut_all(w)) {
        const p = part.toLowerCase();
        if (p !== w && [...p].length >= 2 && WORDY.test(p)) out.push(p);
      }
    }
    return out;
  }

  /** The words a query asks for (all must occur), without function words, each once. */
  queryTerms(q: string): string[] {
    const words = [...new Set(this.words(q))];
    const content = words.filter((w) => !QUERY_STOP.has(w));
    return content.length ? content : words;
  }
}

const cache = new WeakMap<Gazetteer, WeakMap<Lexicons, Segmenter>>();

/** One segmenter per gazetteer and lexicon set (building the dictionary takes ~100 ms). */
export function getSegmenter(gaz: Gazetteer = loadGazetteer(), lex: Lexicons = loadLexicons()): Segmenter {
  let byLex = cache.get(gaz);
  if (!byLex) cache.set(gaz, (byLex = new WeakMap()));
  let seg = byLex.get(lex);
  if (!seg) byLex.set(lex, (seg = new Segmenter(buildDictionary(gaz, lex))));
  return seg;
}
