// Rejoin lines broken inside a sentence or a word, as PDF conversion leaves them:
//   "…南部以滨海台地和平原为主，是全省土地资源最为丰富的区域，同\n\n时具备良好的开发建设…"
// A line is continued by the next when it is running text (it has sentence punctuation, or
// fills the typical line width), ends without closing punctuation, and the next line does not
// open a heading, list item, box or note. Headings such as "第一节 发展基础" are never joined.
import type { Edit } from '../rewrite';
import { frontMatterEnd, isBlank, isHeadingLike, startsStructure, splitLines, type Line } from './lines';

const RULE = 'line-join';
/** Characters that can end a paragraph. */
const TERMINAL = /[。！？；：…!?;:.]$/;
const CLOSERS = /[”’」』）)】〕》]$/;
const RUNNING_PUNCT = /[，、。；：！？]/;
/** A labelled field of a web page's information table (发文字号：粤府〔2023〕4号, 来源：…): one a line. */
const FIELD = /^[\u4e00-\u9fa5]{2,6}[：:]/;
const SENTENCE_INSIDE = /[，。；！？]/;
/** A web page's breadcrumb (当前位置：首页 > 政务公开 > …) is furniture, not a sentence cut by layout. */
const BREADCRUMB = /^(?:当前位置|您的位置|您当前的位置|您现在的位置|当前所在位置)|[ \t\u3000][>»›＞][ \t\u3000]/;

function endsParagraph(t: string): boolean {
  if (TERMINAL.test(t)) return true;
  // "…。”" or "…）" after a full stop; a bare closing bracket may sit mid-sentence.
  if (CLOSERS.test(t)) return TERMINAL.test(t.slice(0, -1).replace(/[”’」』）)】〕》]+$/, ''));
  return false;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Infinity;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

export function lineJoinEdits(text: string): Edit[] {
  const lines = splitLines(text);
  const content = lines.filter((l) => !isBlank(l.text));
  // Typical width of a hard-wrapped line: lines that fill it were cut by layout, not by the author.
  const lengths = content.map((l) => l.text.trim().length).filter((n) => n >= 10);
  const fullWidth = percentile(lengths, 0.75) * 0.9;

  const edits: Edit[] = [];
  let prev: Line | null = null;
  let blanks = 0;
  // a scraper's YAML front matter (--- 标题: … ---) is one field a line
  const firstBody = frontMatterEnd(lines) + 1;
  for (const line of lines.slice(firstBody)) {
    if (isBlank(line.text)) {
      if (!line.text.includes('\f')) blanks++; // a page break alone is not a paragraph break
      continue;
    }
    const a = prev;
    prev = line;
    const gapBlanks = blanks;
    blanks = 0;
    if (!a || gapBlanks > 2) continue;
    const at = a.text.trim();
    const bt = line.text.trim();
    // table rows (cells separated by tabs, as HTML, DOCX and Markdown tables become) end where they end
    if (at.includes('\t') || bt.includes('\t')) continue;
    // A line as wide as the text block was cut by layout, even a long heading or table row.
    const full = at.length >= fullWidth;
    if (endsParagraph(at) || BREADCRUMB.test(at)) continue;
    if (/^#{1,6}[ \t]/.test(at)) continue; // a Markdown heading (or a heading style) is a line of its own, however long
    if (!full && (isHeadingLike(at) || /^[¹²³⁴-⁹⁰]|^注[：:]/.test(at))) continue;
    if (!full && !RUNNING_PUNCT.test(at)) continue;
    if (!full && FIELD.test(at) && !SENTENCE_INSIDE.test(at)) continue;
    if (startsStructure(bt) || isHeadingLike(bt)) continue;
    const lastA = at[at.length - 1];
    const firstB = bt[0];
    const space = /[A-Za-z0-9]/.test(lastA) && /[A-Za-z0-9]/.test(firstB) ? ' ' : '';
    const start = a.start + a.text.trimEnd().length;
    const end = line.start + (line.text.length - line.text.trimStart().length);
    const tail = at.slice(-6);
    const head = bt.slice(0, 6);
    edits.push({
      start,
      end,
      replacement: space,
      rule: RULE,
      message: `line break inside a sentence joined: "…${tail}" + "${head}…"${gapBlanks ? ` (across ${gapBlanks} blank line${gapBlanks > 1 ? 's' : ''}, as a page break leaves it)` : ''}`,
    });
  }
  return edits;
}

/**
 * Join the line breaks a converter knows to be the layout's (a PDF line running to the right
 * edge, continued at the left edge of the next; see converters/pdf-layout.ts), given as offsets
 * of those breaks in `text`. Only a break between two non-empty lines with nothing but
 * whitespace (blank lines, a page break) between them is joined; the text decides the rest.
 */
export function layoutJoinEdits(text: string, breaks: readonly number[]): Edit[] {
  const edits: Edit[] = [];
  let lastEnd = -1;
  for (const p of [...new Set(breaks)].sort((x, y) => x - y)) {
    if (text[p] !== '\n') continue;
    let a = p;
    while (a > 0 && (text[a - 1] === ' ' || text[a - 1] === '\t')) a--;
    let b = p;
    while (b < text.length && /[\s\f]/.test(text[b])) b++;
    if (a === 0 || text[a - 1] === '\n' || text[a - 1] === '\f' || b >= text.length || a < lastEnd) continue;
    const lastA = text[a - 1];
    const firstB = text[b];
    const space = /[A-Za-z0-9]/.test(lastA) && /[A-Za-z0-9]/.test(firstB) ? ' ' : '';
    const page = text.slice(a, b).includes('\f');
    edits.push({
      start: a,
      end: b,
      replacement: space,
      rule: RULE,
      message: `line broken by the page layout joined: "…${text.slice(Math.max(0, a - 6), a)}" + "${text.slice(b, b + 6)}…"${page ? ' (across a page break)' : ''}`,
    });
    lastEnd = b;
  }
  return edits;
}
