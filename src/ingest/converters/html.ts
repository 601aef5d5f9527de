// HTML → text as edits on the HTML source, so every character of the text maps back to the
// page it came from. Block elements end lines; a heading <h1>…<h6> without numbering of its own
// becomes a Markdown heading line (`# 江门市西部发展区发展战略规划`), the way the normalized text
// carries headings whatever the format (numbered ones read as headings as they are);
// rows of data tables become lines with tab-separated cells, while layout tables (a whole
// article in a <td>) are read as blocks; site furniture (menus, breadcrumbs, footers: see
// html-scan.ts) is dropped; script/style/head go; entities are decoded; layout whitespace
// collapses (unless the HTML carries the document's own spacing, as mammoth's DOCX output does).
import { applyEditsToString, type Edit } from '../rewrite';
import { decodeEntity } from '../repairs/entities';
import { startsStructure } from '../repairs/lines';
import { isTag, pageShape, type Tag, type Token } from './html-scan';

const RULE = 'html-converted';

const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
  'caption', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'blockquote', 'pre', 'hr', 'figure',
  'figcaption', 'address', 'center', 'form', 'fieldset', 'details', 'summary', 'body', 'html',
]);

export interface HtmlTextOptions {
  /**
   * Whitespace in the HTML is the document's own (tabs, runs of spaces), not source layout:
   * keep it. For HTML generated from another format (mammoth's DOCX output has no layout
   * whitespace; a Word tab is a real separator there).
   */
  keepWhitespace?: boolean;
}

/** CJK characters and punctuation: a source line break between two of them is not a space. */
const wide = (ch: string): boolean => ch.length > 0 && ch.charCodeAt(0) >= 0x2e80;

function edit(start: number, end: number, replacement: string, message: string): Edit {
  return { start, end, replacement, rule: RULE, message, record: 'aggregate' };
}

export function htmlEdits(html: string, opts: HtmlTextOptions = {}): Edit[] {
  const { tokens, furniture, layoutTables } = pageShape(html);
  const edits: Edit[] = [];
  let atLineStart = true; // output so far ends with a line break (or is empty)
  let lastOut = ''; // last character of the output so far
  let cellDepth = 0; // inside a cell of a data table
  let cellIndex = 0;
  let pre = 0;
  /** Heading marks (`## `) waiting for the heading's first character. */
  let headingMark = '';
  /** Data/layout kind of each open <table>, innermost last. */
  const tables: boolean[] = [];
  const inDataTable = (): boolean => tables.length > 0 && tables[tables.length - 1];

  const markHeading = (at: number, token: string): void => {
    // The mark goes before the first character that is not an ideographic space (else it waits).
    const lead = /^\u3000*/.exec(token)?.[0].length ?? 0;
    if (lead === token.length) return;
    edits.push(edit(at + lead, at + lead, headingMark, 'heading → # line'));
    headingMark = '';
  };

  const flushText = (from: number, end: number): void => {
    if (end <= from) return;
    const seg = html.slice(from, end);
    if (pre > 0) {
      // Preformatted text is copied as it is.
      if (seg.trim()) {
        if (headingMark) markHeading(from, seg);
        atLineStart = seg.endsWith('\n');
        lastOut = seg[seg.length - 1];
      }
      return;
    }
    for (const m of seg.matchAll(/[ \t\r\n\f]+|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});|[^ \t\r\n\f&]+|&/g)) {
      const s = from + m.index;
      const tok = m[0];
      // Only HTML whitespace: \s would also take an ideographic space (　　一、发展背景), which is text.
      if (/^[ \t\r\n\f]/.test(tok)) {
        if (opts.keepWhitespace) {
          if (!atLineStart) lastOut = tok[tok.length - 1];
          continue;
        }
        const next = html[s + tok.length] ?? '';
        if (atLineStart || next === '' || next === '<') {
          // Leading or before a tag: decide later by the tag; drop unless it separates words.
          if (atLineStart) edits.push(edit(s, s + tok.length, '', 'layout whitespace dropped'));
          else if (tok !== ' ') edits.push(edit(s, s + tok.length, ' ', 'layout whitespace collapsed'));
          if (!atLineStart) lastOut = ' ';
        } else if (wide(lastOut) && wide(next) && tok.includes('\n')) {
          edits.push(edit(s, s + tok.length, '', 'line break between Chinese characters dropped'));
        } else if (tok !== ' ') {
          edits.push(edit(s, s + tok.length, ' ', 'layout whitespace collapsed'));
          lastOut = ' ';
        } else lastOut = ' ';
      } else if (tok[0] === '&' && tok.length > 1) {
        const d = decodeEntity(tok);
        if (d !== null) {
          if (d.trim() && headingMark) {
            edits.push(edit(s, s, headingMark, 'heading → # line'));
            headingMark = '';
          }
          edits.push(edit(s, s + tok.length, d, 'entity decoded'));
          if (d) {
            lastOut = d[d.length - 1];
            atLineStart = false;
          }
        } else {
          if (headingMark) markHeading(s, tok);
          lastOut = tok[tok.length - 1];
          atLineStart = false;
        }
      } else {
        if (headingMark) markHeading(s, tok);
        lastOut = tok[tok.length - 1];
        atLineStart = false;
      }
    }
  };

  const lineBreak = (s: number, e: number, message: string): void => {
    headingMark = '';
    if (atLineStart) edits.push(edit(s, e, '', message));
    else {
      edits.push(edit(s, e, '\n', message));
      atLineStart = true;
      lastOut = '\n';
    }
  };

  let textStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    flushText(textStart, t.start);
    if (!isTag(t)) {
      edits.push(edit(t.start, t.end, '', t.skip === 'comment' ? 'comment dropped' : t.skip === 'declaration' ? 'declaration dropped' : `<${t.skip}> element dropped`));
      textStart = t.end;
      continue;
    }
    if (!t.closing && furniture.has(i)) {
      // The whole element goes; where it stood, the lines around it stay apart.
      const closeTok = tokens[t.close] as Tag | undefined;
      const end = !closeTok ? html.length : t.implicit ? closeTok.start : closeTok.end;
      lineBreak(t.start, end, `site furniture <${t.name}${furnitureLabel(t)}> dropped`);
      textStart = end;
      i = t.implicit || !closeTok ? t.close - 1 : t.close;
      continue;
    }
    textStart = t.end;
    handleTag(t, i);
  }
  flushText(textStart, html.length);
  return edits;

  function handleTag(t: Tag, i: number): void {
    const { name, closing, start: lt, end: e } = t;
    if (name === 'table') {
      if (closing) tables.pop();
      else tables.push(!layoutTables.has(i));
    }
    if (name === 'br') {
      if (cellDepth > 0 && inDataTable()) {
        const sep = atLineStart || lastOut === '\t' || lastOut === ' ' ? '' : ' ';
        edits.push(edit(lt, e, sep, 'line break inside a table cell'));
        if (sep) lastOut = ' ';
      } else {
        headingMark = '';
        edits.push(edit(lt, e, '\n', 'line break'));
        atLineStart = true;
        lastOut = '\n';
      }
    } else if (name === 'tr' && inDataTable()) {
      if (closing) lineBreak(lt, e, 'table row ended');
      else {
        lineBreak(lt, e, 'table row started');
        cellIndex = 0;
      }
    } else if ((name === 'td' || name === 'th') && inDataTable()) {
      if (closing) {
        cellDepth = Math.max(0, cellDepth - 1);
        edits.push(edit(lt, e, '', 'table cell ended'));
      } else {
        cellDepth++;
        if (cellIndex > 0) {
          edits.push(edit(lt, e, '\t', 'table cell → tab'));
          atLineStart = false;
          lastOut = '\t';
        } else edits.push(edit(lt, e, '', 'table cell started'));
        cellIndex++;
      }
    } else if (BLOCK.has(name) || name === 'tr' || name === 'td' || name === 'th') {
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      if (cellDepth > 0 && inDataTable() && name !== 'table') {
        // Paragraphs inside a cell stay in the cell.
        const sep = atLineStart || lastOut === '\t' || lastOut === ' ' || closing ? '' : ' ';
        edits.push(edit(lt, e, sep, 'block inside a table cell'));
        if (sep) lastOut = ' ';
      } else {
        lineBreak(lt, e, `<${closing ? '/' : ''}${name}> → line break`);
        const level = /^h([1-6])$/.exec(name);
        if (level && !closing && !numberedHeading(html, t, tokens[t.close])) headingMark = '#'.repeat(Number(level[1])) + ' ';
        if (name === 'table' && !closing) cellIndex = 0;
      }
    } else {
      edits.push(edit(lt, e, '', 'inline tag removed'));
    }
  }
}

/**
 * A heading whose text opens with its own numbering (第一节, 一、, 专栏1, 前言 …) reads as a heading
 * without a mark, as it would in a .txt; only the others (a title, an unnumbered heading) need
 * the `#` that carries the heading style into the text.
 */
function numberedHeading(html: string, open: Tag, close: Token | undefined): boolean {
  const inner = html
    .slice(open.end, close ? close.start : html.length)
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:nbsp|ensp|emsp|#160|#12288);|[\s\u3000]/g, '');
  return startsStructure(inner);
}

function furnitureLabel(t: Tag): string {
  const m = /\b(class|id|role)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(t.attrs);
  return m ? ` ${m[1]}="${m[2] ?? m[3] ?? m[4]}"` : '';
}

/** Plain text of an HTML document (no map): used for DOCX, which mammoth turns into HTML. */
export function htmlToText(html: string, opts: HtmlTextOptions = {}): string {
  return applyEditsToString(html, htmlEdits(html, opts));
}
