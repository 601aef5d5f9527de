// Line view of the normalized text: offsets of every line and of its content without
// surrounding whitespace (plans indent with full-width spaces U+3000, which \s covers).

export interface Line {
  /** Index of the line (0-based). */
  index: number;
  /** Start and end of the line, end excluding the line break. */
  start: number;
  end: number;
  /** Content without leading/trailing whitespace; cs === ce for a blank line. */
  cs: number;
  ce: number;
}

const WS = /\s/;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && WS.test(ch);
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let lineEnd = end;
    if (lineEnd > start && text[lineEnd - 1] === '\r') lineEnd--;
    let cs = start;
    while (cs < lineEnd && isSpace(text[cs])) cs++;
    let ce = lineEnd;
    while (ce > cs && isSpace(text[ce - 1])) ce--;
    lines.push({ index: lines.length, start, end: lineEnd, cs, ce });
    if (end >= n) break;
    start = end + 1;
  }
  return lines;
}

/** Removes all whitespace: titles are compared without it (TOC `第一节\t发展基础` vs body `第一节 发展基础`). */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Offset just past trailing whitespace moving left from `end`, not below `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
}

/** Sentence-final punctuation: a paragraph ending with one of these is complete. */
export const SENTENCE_END = '。！？；：!?;…”」』）)';
