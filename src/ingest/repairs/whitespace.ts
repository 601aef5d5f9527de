// Whitespace: line ends, indentation, trailing blanks, blank-line runs, letter-spaced headings.
// Low-noise: most changes are folded into one summary repair per text ('aggregate').
import type { Edit } from '../rewrite';
import { splitLines } from './lines';

const RULE = 'whitespace';

function agg(start: number, end: number, replacement: string, message: string): Edit {
  return { start, end, replacement, rule: RULE, message, record: 'aggregate' };
}

/** CRLF / CR → LF; zero-width characters dropped; no-break spaces → spaces. */
export function lineEndEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(/\r\n?|[\u200b-\u200d\u2060\ufeff]|\u00a0/g)) {
    const s = m[0];
    if (s[0] === '\r') edits.push(agg(m.index, m.index + s.length, '\n', 'line end CRLF/CR → LF'));
    else if (s === '\u00a0') edits.push(agg(m.index, m.index + 1, ' ', 'no-break space → space'));
    else edits.push(agg(m.index, m.index + 1, '', 'zero-width character removed'));
  }
  return edits;
}

/**
 * Leading indentation (spaces, ideographic spaces) and trailing blanks on every line.
 * Leading tabs are kept: in a table row they stand for an empty first cell.
 */
export function lineEdgeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const line of splitLines(text)) {
    const t = line.text;
    if (t.length === 0) continue;
    const lead = /^[ \u3000]+/.exec(t);
    const trail = /[ \t\u3000]+$/.exec(t);
    if (lead && lead[0].length === t.length) {
      edits.push(agg(line.start, line.end, '', 'blank line of spaces emptied'));
      continue;
    }
    if (trail && trail.index === 0) {
      edits.push(agg(line.start, line.end, '', 'blank line of spaces emptied'));
      continue;
    }
    if (lead) edits.push(agg(line.start, line.start + lead[0].length, '', 'leading indentation removed'));
    if (trail) edits.push(agg(line.start + trail.index, line.end, '', 'trailing spaces removed'));
  }
  return edits;
}

/** Runs of two or more ASCII spaces inside a line → one space. */
export function spaceRunEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(/(?<=[^\s])  +(?=[^\s])/g)) {
    edits.push(agg(m.index, m.index + m[0].length, ' ', 'run of spaces → one space'));
  }
  return edits;
}

/**
 * Headings typeset with spaces between their characters (前 言, 目　录, 附　件) are read as
 * one word. Only whole lines of at most six single Han characters qualify (after a `#` mark).
 */
export function letterSpacingEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const line of splitLines(text)) {
    // A heading style's mark (`# 前 言`, from HTML or DOCX headings) is not part of the heading.
    const mark = /^#{1,6}[ \t]+/.exec(line.text)?.[0].length ?? 0;
    const t = line.text.slice(mark);
    if (t.length < 3 || t.length > 24) continue;
    if (!/^\p{Script=Han}(?:[ \u3000]{1,3}\p{Script=Han}){1,5}$/u.test(t)) continue;
    for (const m of t.matchAll(/[ \u3000]+/g)) {
      edits.push({
        start: line.start + mark + m.index,
        end: line.start + mark + m.index + m[0].length,
        replacement: '',
        rule: RULE,
        message: `letter-spaced heading "${t}" read as "${t.replace(/[ \u3000]+/g, '')}"`,
        record: 'each',
      });
    }
  }
  return edits;
}

/** Page breaks (form feeds) go: the page structure is not kept in the normalized text. */
export function pageBreakEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(/\n?\f+\n?/g)) {
    const end = m.index + m[0].length;
    const replacement = m.index === 0 || end === text.length ? '' : '\n';
    edits.push(agg(m.index, end, replacement, 'page break removed'));
  }
  return edits;
}

/** Runs of blank lines → one blank line; no blank lines at the start or end of the text. */
export function blankRunEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const lead = /^\n+/.exec(text);
  if (lead) edits.push(agg(0, lead[0].length, '', 'leading blank lines removed'));
  const from = lead ? lead[0].length : 0;
  for (const m of text.slice(from).matchAll(/\n{3,}/g)) {
    const at = from + m.index;
    if (at + m[0].length === text.length) continue;
    edits.push(agg(at, at + m[0].length, '\n\n', 'run of blank lines → one blank line'));
  }
  const trail = /\n+$/.exec(text);
  if (trail && trail.index >= from) edits.push(agg(trail.index, text.length, '', 'trailing blank lines removed'));
  return edits;
}
