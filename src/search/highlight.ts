// Where the query's terms occur in a passage: [start, end) offsets into the passage text, for the
// web app to wrap in <mark>. Computed here from the terms (not ts_headline HTML). Pure.

/**
 * Non-overlapping occurrences of the terms (case-insensitive), left to right; where two overlap
 * the earlier wins, and at one start the longer term wins. Each range's text equals a term.
 */
export function highlightRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const hay = lower.length === text.length ? lower : text; // lower-casing changed lengths (rare letters): match as is
  const found: Array<[number, number]> = [];
  for (const term of new Set(terms.map((t) => (hay === lower ? t.toLowerCase() : t)).filter(Boolean))) {
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
