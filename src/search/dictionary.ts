// The segmentation dictionary of 检索: words jieba must keep whole. Built from data a planner can
// extend: indicator names and aliases (data/lexicons/indicators.csv), every unit of the gazetteer
// (full name, short name, aliases; data/places) and planning terms that are not units
// (data/lexicons/search-terms.txt: 粤港澳大湾区, 湛茂都市圈 …).
import fs from 'node:fs';
import path from 'node:path';
import type { Lexicons } from '../core/findings';
import type { Gazetteer } from '../core/types';
import { lexiconDir } from '../extract/lexicons';

export const searchTermsFile = path.join(lexiconDir, 'search-terms.txt');

export interface DictEntry {
  word: string;
  /** jieba frequency: higher wins over the splits of its parts. */
  freq: number;
}

// Planning terms and indicator names must beat any split of their parts; place names get a
// little less so that a short county name (长安, 和平) does not swallow ordinary words.
const FREQ_TERM = 300000;
const FREQ_PLACE = 50000;
const FREQ_SHORT = 5000;

/** Terms of search-terms.txt (one a line, # comments). */
export function readSearchTerms(file = searchTermsFile): string[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Every dictionary word once, with the highest frequency any source gives it. */
export function buildDictionary(gaz: Gazetteer, lex: Lexicons, terms: readonly string[] = readSearchTerms()): DictEntry[] {
  const out = new Map<string, number>();
  const add = (word: string, freq: number) => {
    const w = word.trim();
    // A dictionary word may not contain spaces; one character is no term.
    if ([...w].length < 2 || /\s/.test(w)) return;
    if ((out.get(w) ?? 0) < freq) out.set(w, freq);
  };
  for (const p of gaz.places) {
    add(p.name, FREQ_PLACE);
    if (p.short !== p.name) add(p.short, FREQ_SHORT);
    for (const a of p.aliases) add(a, FREQ_SHORT);
  }
  for (const ind of lex.indicators) {
    add(ind.name, FREQ_TERM);
    for (const a of ind.aliases) add(a, FREQ_TERM);
  }
  for (const t of terms) add(t, FREQ_TERM);
  return [...out].map(([word, freq]) => ({ word, freq }));
}
