// Where the query's terms occur in a passage: [start, end) offsets into the passage text, for the
// web app to wrap in <mark>. Computed here from the terms (not ts_headline HTML). Pure.

/**
 * Non-overlapping occurrences of the terms (case-insensitive), left to right; where two overlap
 * the earlier wins, and at one start the longer term wins. Each range's text equals a term.
 */
export function highlightRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const { hay, words } = caseFolded(text, terms);
  const found: Array<[number, number]> = [];
  for (const term of new Set(words)) {
    for (let i = hay.indexOf(term); i >= 0; i = hay.indexOf(term, i + 1)) found.push([i, i + term.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const r of found) {
    if (out.length && r[0] < out[out.length - 1][1]) continue;
    out.push(r);
  }
  return out;
}

/**
 * The text and terms to match case-insensitively with offsets that stay the text's: both
 * lower-cased, unless lower-casing changed the text's length (rare letters), then as written.
 */
export function caseFolded(text: string, terms: readonly string[]): { hay: string; words: string[] } {
  const lower = text.toLowerCase();
  const folded = lower.length === text.length;
  return { hay: folded ? lower : text, words: terms.map((t) => (folded ? t.toLowerCase() : t)).filter(Boolean) };
}
