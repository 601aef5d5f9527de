// The indicator lexicon (data/lexicons/indicators.csv): maps an indicator phrase as a plan writes it
// (城镇化水平, 单位生产总值能耗, 年专利授权量) to a canonical entry (urbanization, energy_intensity,
// patent_grants). Matching: an exact name or alias first, then the longest alias contained in the phrase.
import type { IndicatorEntry } from '../core/findings';

export interface IndicatorMatch {
  entry: IndicatorEntry;
  /** The name or alias that matched, as written in the lexicon. */
  alias: string;
  /** Where the alias sits in the phrase (UTF-16 offsets into the phrase). */
  start: number;
  end: number;
  exact: boolean;
}

interface Index {
  exact: Map<string, IndicatorEntry>;
  /** [normalized alias, alias, entry], longest first. */
  byLength: Array<[string, string, IndicatorEntry]>;
}

const indexes = new WeakMap<readonly IndicatorEntry[], Index>();

/** Comparison form: no spaces, ASCII brackets, letters upper-cased (GDP = gdp, （ = (); same length minus spaces. */
export function normalizeIndicator(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toUpperCase();
}

function indexOf(entries: readonly IndicatorEntry[]): Index {
  let ix = indexes.get(entries);
  if (ix) return ix;
  const exact = new Map<string, IndicatorEntry>();
  const all: Array<[string, string, IndicatorEntry]> = [];
  for (const e of entries) {
    for (const a of [e.name, ...e.aliases]) {
      const n = normalizeIndicator(a);
      if (!n) continue;
      if (!exact.has(n)) exact.set(n, e);
      all.push([n, a, e]);
    }
  }
  all.sort((a, b) => b[0].length - a[0].length);
  ix = { exact, byLength: all };
  indexes.set(entries, ix);
  return ix;
}

/**
 * The lexicon entry an indicator phrase names: exact name/alias, else the longest alias the
 * phrase contains (人均地区生产总值 → gdp_per_capita, not gdp). null when nothing matches.
 */
export function matchIndicator(phrase: string, entries: readonly IndicatorEntry[]): IndicatorMatch | null {
  if (!phrase) return null;
  const ix = indexOf(entries);
  const norm = normalizeIndicator(phrase);
  const hit = ix.exact.get(norm);
  if (hit) return { entry: hit, alias: phrase, start: 0, end: phrase.length, exact: true };
  for (const [n, alias, entry] of ix.byLength) {
    if (n.length > norm.length) continue;
    const at = norm.indexOf(n);
    if (at < 0) continue;
    const span = rawSpan(phrase, at, n.length);
    return { entry, alias, start: span.start, end: span.end, exact: false };
  }
  return null;
}

/** Maps a [start, start+len) span of normalizeIndicator(phrase) back onto phrase (spaces removed there). */
function rawSpan(phrase: string, start: number, len: number): { start: number; end: number } {
  let n = 0;
  let s = -1;
  for (let i = 0; i < phrase.length; i++) {
    if (/\s/.test(phrase[i])) continue;
    if (n === start && s < 0) s = i;
    n++;
    if (n === start + len) return { start: s < 0 ? i : s, end: i + 1 };
  }
  return { start: Math.max(0, s), end: phrase.length };
}

/** The entry with this id, if any. */
export function indicatorById(id: string, entries: readonly IndicatorEntry[]): IndicatorEntry | undefined {
  return entries.find((e) => e.id === id);
}
