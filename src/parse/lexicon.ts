// Typed access to lexicon.json (word lists a planner can read and extend).
import data from './lexicon.json' with { type: 'json' };

/** Longest words first, so that alternations built from them prefer the longest match. */
function byLength(words: readonly string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

export const TITLE_NOUNS_STRONG: readonly string[] = byLength(data.sectionTitleNounsStrong.words);
export const TITLE_NOUNS_WEAK: readonly string[] = byLength(data.sectionTitleNounsWeak.words);
export const BODY_OPENERS: readonly string[] = byLength(data.bodyOpeners.words);
export const BOX_TITLE_NOUNS: readonly string[] = byLength(data.boxTitleNouns.words);
export const ORG_SUFFIXES: readonly string[] = byLength(data.orgSuffixes.words);
export const PLAN_TITLE_WORDS: readonly string[] = byLength(data.planTitleWords.words);
export const WEB_LABELS: readonly string[] = byLength(data.webLabels.words);
export const NATIONAL_AGENCIES: Readonly<Record<string, string>> = data.nationalAgencies.names;

/** Regex alternation source for a word list (words contain no regex metacharacters). */
export function alternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
