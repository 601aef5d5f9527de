// Text forms of tsvector, tsquery and LIKE patterns built from words. They are passed to SQL as
// bound parameters (`${value}::tsquery`), never spliced into the statement; quoting here only
// keeps user words from being read as tsquery operators (& | ! ( ) : * <->) or LIKE wildcards.

/** A lexeme in tsvector/tsquery input syntax: in single quotes, ' doubled, \ escaped. */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

// A lexeme is at most 2047 bytes; a longer "word" (a run of letters) is not worth indexing.
const MAX_LEXEME_CHARS = 200;
// Positions in a tsvector go up to 16383.
const MAX_POSITION = 16383;

/** tsvector input with positions ('湛茂都市圈':1 '都市':2 …): exact lexemes, no parser or dictionary in between. */
export function tsvectorText(tokens: readonly string[]): string {
  const parts: string[] = [];
  tokens.forEach((t, i) => {
    if (!t || t.length > MAX_LEXEME_CHARS) return;
    parts.push(`${quoteLexeme(t)}:${Math.min(i + 1, MAX_POSITION)}`);
  });
  return parts.join(' ');
}

/** tsquery input requiring every term ('城镇化率' & '港口'); '' when there is no term. */
export function tsqueryText(terms: readonly string[]): string {
  return terms
    .filter((t) => t && t.length <= MAX_LEXEME_CHARS)
    .map(quoteLexeme)
    .join(' & ');
}

/** A LIKE/ILIKE pattern matching `s` anywhere, with %, _ and \ taken literally (default escape \). */
export function containsPattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
