// Which line breaks of a PDF are the layout's and which are the author's, from where lines sit
// on the page. A paragraph's lines run to the right edge of the text block and the next line
// starts at the left edge; a paragraph ends short of the right edge, or the next one starts
// indented (首行缩进两字), after extra space, or in another size or face (a heading). The text alone cannot
// tell: a wrapped line may end in 。 or begin with 第四节 when a whole chapter is one paragraph.
// The last cell of a table row that wraps continues on a line of its own, starting under it.
// Page furniture (page numbers, running headers and footers) is looked past at page breaks.
import { startsStructure } from '../repairs/lines';
import type { PdfLine } from './pdf';

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

function percentile(xs: readonly number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

/** The most common value, rounded to whole units. */
function mode(xs: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [x, c] of counts) if (c > bestCount || (c === bestCount && x < best)) [best, bestCount] = [x, c];
  return best;
}

const PAGE_NUMBER = /^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页.*|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;

/** Lines that are page furniture: page numbers, and lines repeated first or last on most pages. */
function furniture(pages: readonly PdfLine[][]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  for (const page of pages) for (const l of page) if (PAGE_NUMBER.test(l.text.trim())) out.add(l);
  if (pages.length >= 3) {
    const key = (l: PdfLine): string => l.text.trim().replace(/\d+/g, '#');
    for (const side of ['first', 'last'] as const) {
      const pick = (page: readonly PdfLine[]): PdfLine | undefined => {
        const body = page.filter((l) => !out.has(l));
        return side === 'first' ? body[0] : body[body.length - 1];
      };
      const counts = new Map<string, number>();
      for (const p of pages) {
        const l = pick(p);
        if (l) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
      }
      for (const p of pages) {
        const l = pick(p);
        const c = l ? counts.get(key(l)) ?? 0 : 0;
        if (l && l.text.trim().length <= 60 && c >= 3 && c >= pages.length * 0.5) out.add(l);
      }
    }
  }
  return out;
}

/**
 * For every line, whether the next line of text continues its paragraph (a layout break).
 * Same shape as `pages`.
 */
export function continuedLines(pages: readonly PdfLine[][]): boolean[][] {
  const result = pages.map((p) => p.map(() => false));
  const skip = furniture(pages);
  const body: Array<{ line: PdfLine; page: number; index: number }> = [];
  pages.forEach((p, pi) => p.forEach((line, index) => { if (!skip.has(line) && line.text.trim()) body.push({ line, page: pi, index }); }));
  if (body.length < 2) return result;

  const size = median(body.map((b) => b.line.size));
  const left = mode(body.map((b) => b.line.x0));
  const right = percentile(body.map((b) => b.line.x1), 0.9);
  const pitches: number[] = [];
  for (let k = 1; k < body.length; k++) {
    const a = body[k - 1];
    const b = body[k];
    if (a.page === b.page && Math.abs(a.line.size - b.line.size) < 0.1 * size) pitches.push(a.line.y - b.line.y);
  }
  const pitch = median(pitches.filter((d) => d > 0)) || size * 1.5;

  for (let k = 0; k + 1 < body.length; k++) {
    const a = body[k].line;
    const b = body[k + 1].line;
    const samePage = body[k].page === body[k + 1].page;
    // Same size (a heading is often set larger), no extra space between (on one page).
    const near = Math.abs(a.size - b.size) <= 0.04 * size && (!samePage || (a.y - b.y > 0 && a.y - b.y <= pitch * 1.3));
    const full = a.x1 >= right - 1.5 * size; // runs to the right edge
    const paragraph =
      !a.text.includes('\t') &&
      !b.text.includes('\t') &&
      a.x0 <= left + 2.5 * size && // starts at the left edge or a paragraph indent (not centred)
      b.x0 <= left + 0.5 * size; // the next line is not indented
    // A table row whose last cell wraps: the next line is that cell's text alone, under it.
    const lastCell = a.starts[a.starts.length - 1];
    const cell = a.starts.length > 1 && b.starts.length === 1 && b.x0 > left + 0.5 * size && Math.abs(b.x0 - lastCell) <= 0.5 * size;
    // A heading set like the body (same size; bold is not visible here: Chromium and others give
    // every glyph subset its own font name) is a short numbered line of its own after a sentence.
    const next = body[k + 2]?.line;
    const headingNext =
      /[。！？；]$/.test(a.text.trim()) && startsStructure(b.text.trim()) && b.x1 < right - 1.5 * size && (!next || next.x0 > left + 0.5 * size || next.y > b.y);
    result[body[k].page][body[k].index] = near && full && (paragraph || cell) && !headingNext;
  }
  return result;
}
