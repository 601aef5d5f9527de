// Chinese word segmentation for 检索 (jieba, @node-rs/jieba, with the planning dictionary).
// Passages and queries are cut the same way, without HMM: a word jieba does not know falls apart
// into single characters on both sides alike, so it still matches (the HMM guesses new words
// differently depending on the context).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { Lexicons } from '../core/findings';
import type { Gazetteer } from '../core/types';
import { loadGazetteer } from '../places/index';
import { loadLexicons } from '../extract/lexicons';
import { buildDictionary, dictionaryText } from './dictionary';

/** Tokens carry a letter or digit; punctuation and spaces are not searchable. */
const WORDY = /[\p{L}\p{N}]/u;

// Function words dropped from a query (they would mark every passage), unless nothing else is left.
const QUERY_STOP = new Set(['的', '了', '和', '与', '及', '在', '是', '等', '对', '将', '把', '被', '并', '或', '之', '其', '以', '为', '中', '有', '也', '而', '及其', '以及', '和与']);

export class Segmenter {
  private readonly jieba: Jieba;

  constructor(dictText: string) {
    this.jieba = Jieba.withDict(dict);
    this.jieba.loadDict(Buffer.from(dictText, 'utf8'));
  }

  /** Precise-mode words (湛茂都市圈 stays one word), lower-cased, punctuation dropped. */
  words(text: string): string[] {
    return this.jieba
      .cut(text, false)
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
      for (const part of this.jieba.cutAll(w)) {
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
  if (!seg) byLex.set(lex, (seg = new Segmenter(dictionaryText(buildDictionary(gaz, lex)))));
  return seg;
}
