// HTML → text as edits on the HTML source, so every character of the text maps back to the
// page it came from. Block elements end lines, table rows become lines with tab-separated
// cells, script/style/head are dropped, entities decoded, layout whitespace collapsed.
import { applyEditsToString, type Edit } from '../rewrite';
import { decodeEntity } from '../repairs/entities';

const RULE = 'html-converted';

const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
  'caption', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'blockquote', 'pre', 'hr', 'figure',
  'figcaption', 'address', 'center', 'form', 'fieldset', 'details', 'summary', 'body', 'html',
]);
/** Elements whose content is not text of the document. */
const DROP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'object', 'iframe', 'select', 'button']);

/** CJK characters and punctuation: a source line break between two of them is not a space. */
const wide = (ch: string): boolean => ch.length > 0 && ch.charCodeAt(0) >= 0x2e80;

function edit(start: number, end: number, replacement: string, message: string): Edit {
  return { start, end, replacement, rule: RULE, message, record: 'aggregate' };
}

/** Find the '>' closing a tag that starts at i, skipping quoted attribute values. */
function tagEnd(html: string, i: number): number {
  let q = '';
  for (let j = i + 1; j < html.length; j++) {
    const c = html[j];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return j + 1;
    else if (c === '<' && j > i + 1) return -1; // broken tag: treat '<' as text
  }
  return -1;
}

export function htmlEdits(html: string): Edit[] {
  const edits: Edit[] = [];
  const n = html.length;
  let atLineStart = true; // output so far ends with a line break (or is empty)
  let lastOut = ''; // last character of the output so far
  let inCell = false;
  let cellIndex = 0;
  let pre = 0;
  let i = 0;
  let textStart = 0;

  const flushText = (end: number): void => {
    // Text between tags: collapse whitespace runs, unless in <pre>.
    if (end <= textStart) return;
    const seg = html.slice(textStart, end);
    if (pre > 0) {
      if (seg.trim()) {
        atLineStart = seg.endsWith('\n');
        lastOut = seg[seg.length - 1];
      }
      return;
    }
    for (const m of seg.matchAll(/[ \t\r\n\f]+|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});|[^ \t\r\n\f&]+|&/g)) {
      const s = textStart + m.index;
      const tok = m[0];
      if (/^\s/.test(tok)) {
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
          edits.push(edit(s, s + tok.length, d, 'entity decoded'));
          if (d) {
            lastOut = d[d.length - 1];
            atLineStart = false;
          }
        } else {
          lastOut = tok[tok.length - 1];
          atLineStart = false;
        }
      } else {
        lastOut = tok[tok.length - 1];
        atLineStart = false;
      }
    }
  };

  const lineBreak = (s: number, e: number, message: string): void => {
    if (atLineStart) edits.push(edit(s, e, '', message));
    else {
      edits.push(edit(s, e, '\n', message));
      atLineStart = true;
      lastOut = '\n';
    }
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    // Comments, doctype, processing instructions.
    if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const close = html.indexOf('-->', lt + 4);
      const e = close < 0 ? n : close + 3;
      edits.push(edit(lt, e, '', 'comment dropped'));
      i = textStart = e;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      flushText(lt);
      const e = tagEnd(html, lt);
      const end = e < 0 ? n : e;
      edits.push(edit(lt, end, '', 'declaration dropped'));
      i = textStart = end;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 40));
    const e = m ? tagEnd(html, lt) : -1;
    if (!m || e < 0) {
      i = lt + 1; // a literal '<' in text
      continue;
    }
    flushText(lt);
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (!closing && DROP.has(name) && !html.slice(lt, e).endsWith('/>')) {
      const close = html.toLowerCase().indexOf(`</${name}`, e);
      const closeEnd = close < 0 ? n : Math.max(tagEnd(html, close), close + name.length + 2);
      edits.push(edit(lt, closeEnd, '', `<${name}> element dropped`));
      i = textStart = closeEnd;
      continue;
    }
    if (name === 'br') {
      edits.push(edit(lt, e, '\n', 'line break'));
      atLineStart = true;
      lastOut = '\n';
    } else if (name === 'tr') {
      if (closing) lineBreak(lt, e, 'table row ended');
      else {
        lineBreak(lt, e, 'table row started');
        cellIndex = 0;
      }
    } else if (name === 'td' || name === 'th') {
      if (closing) {
        inCell = false;
        edits.push(edit(lt, e, '', 'table cell ended'));
      } else {
        inCell = true;
        if (cellIndex > 0) {
          edits.push(edit(lt, e, '\t', 'table cell → tab'));
          atLineStart = false;
          lastOut = '\t';
        } else edits.push(edit(lt, e, '', 'table cell started'));
        cellIndex++;
      }
    } else if (BLOCK.has(name)) {
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      if (inCell) {
        // Paragraphs inside a cell stay in the cell.
        const sep = atLineStart || lastOut === '\t' || lastOut === ' ' || closing ? '' : ' ';
        edits.push(edit(lt, e, sep, 'block inside a table cell'));
        if (sep) lastOut = ' ';
      } else lineBreak(lt, e, `<${closing ? '/' : ''}${name}> → line break`);
    } else {
      edits.push(edit(lt, e, '', 'inline tag removed'));
    }
    i = textStart = e;
  }
  flushText(n);
  return edits;
}

/** Plain text of an HTML document (no map): used for DOCX, which mammoth turns into HTML. */
export function htmlToText(html: string): string {
  return applyEditsToString(html, htmlEdits(html));
}
