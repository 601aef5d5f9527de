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
export const NOTICE_VERBS: readonly string[] = byLength(data.noticeVerbs.words);
export const WEB_LABELS: readonly string[] = byLength(data.webLabels.words);
export const NATIONAL_AGENCIES: Readonly<Record<string, string>> = data.nationalAgencies.names;
/** Central bodies (full and short names) for splitting issuers written together. */
export const CENTRAL_AGENCIES: ReadonlySet<string> = new Set([...data.centralAgencies.names, ...Object.keys(data.nationalAgencies.names)]);
/** Offices of a report's speaker: heads of government (issuer = the place's 人民政府) and heads of other bodies. */
export const SPEAKER_TITLES = {
  government: byLength(data.speakerTitles.government),
  /** office → body it heads when written alone ('' = the organisation written before the office). */
  body: data.speakerTitles.body as Readonly<Record<string, string>>,
} as const;
export type MetaLabelField = 'title' | 'issuer' | 'docNumber' | 'issued' | 'published';
/** Field labels of metadata written as `label: value` (YAML front matter, 【label】, info tables). */
export const META_LABELS: Readonly<Record<MetaLabelField, readonly string[]>> = {
  title: byLength(data.metaLabels.title),
  issuer: byLength(data.metaLabels.issuer),
  docNumber: byLength(data.metaLabels.docNumber),
  issued: byLength(data.metaLabels.issued),
  published: byLength(data.metaLabels.published),
};
export const WEB_FURNITURE = {
  lines: new Set(data.webFurniture.lines),
  labels: new Set(data.webFurniture.labels),
  prefixes: byLength(data.webFurniture.prefixes),
  separators: new Set(data.webFurniture.breadcrumbSeparators),
} as const;

/** Regex alternation source for a word list (words contain no regex metacharacters). */
export function alternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

export const TITLE_SUFFIXES: readonly string[] = byLength(data.titleSuffixes.words);
export const TITLE_LINE_JOINS = {
  lineEnds: byLength(data.titleLineJoins.lineEnds),
  lineStarts: byLength(data.titleLineJoins.lineStarts),
} as const;
export const TITLE_ANNOTATIONS: readonly string[] = byLength(data.titleAnnotations.words);
