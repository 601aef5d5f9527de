// Markdown → text as edits on the Markdown source. Heading lines keep their '#' markers (the
// parser reads them as headings); emphasis, links, images, code marks, block quotes and rules
// go; table rows become tab-separated lines.
import type { Edit } from '../rewrite';
import { frontMatterEnd, splitLines, type Line } from '../repairs/lines';

const RULE = 'markdown-converted';

function edit(start: number, end: number, replacement: string, message: string): Edit {
  return { start, end, replacement, rule: RULE, message, record: 'aggregate' };
}

/** Delete a whole line with its line break. */
function dropLine(text: string, line: Line, message: string): Edit {
  return line.end < text.length ? edit(line.start, line.end + 1, '', message) : edit(line.start, line.end, '', message);
}

// Inline syntax, in one alternation so matches never overlap.
const INLINE = new RegExp(
  [
    String.raw`!\[([^\]\n]*)\]\(([^)\n]*)\)`, // image → alt text
    String.raw`\[([^\]\n]+)\]\(([^)\n]*)\)`, // link → text
    String.raw`\[([^\]\n]+)\]\[[^\]\n]*\]`, // reference link → text
    String.raw`<(https?:\/\/[^>\s]+)>`, // autolink → URL
    String.raw`(\*\*|__|~~)(?=\S)([^\n]*?\S)\7`, // strong / strike
    String.raw`(?<![\w*])([*_])(?=\S)([^*_\n]*?\S)\9(?![\w*])`, // emphasis
    String.raw`(\x60+)([^\x60\n]+?)\11`, // inline code
    String.raw`\\([\\\x60*_{}\[\]()#+\-.!|>~])`, // backslash escape
  ].join('|'),
  'g',
);

function inlineEdits(line: string, base: number, out: Edit[]): void {
  for (const m of line.matchAll(INLINE)) {
    const s = base + m.index;
    const whole = m[0];
    const keep = (inner: string, innerAt: number, message: string): void => {
      // Delete what surrounds `inner`, keeping `inner` itself as copied text.
      const a = s + innerAt;
      if (innerAt > 0) out.push(edit(s, a, '', message));
      if (a + inner.length < s + whole.length) out.push(edit(a + inner.length, s + whole.length, '', message));
    };
    if (m[1] !== undefined) keep(m[1], 2, 'image → alt text');
    else if (m[3] !== undefined) keep(m[3], 1, 'link → text');
    else if (m[5] !== undefined) keep(m[5], 1, 'reference link → text');
    else if (m[6] !== undefined) keep(m[6], 1, 'autolink → URL');
    else if (m[7] !== undefined) keep(m[8], m[7].length, 'emphasis markers removed');
    else if (m[9] !== undefined) keep(m[10], 1, 'emphasis markers removed');
    else if (m[11] !== undefined) keep(m[12], m[11].length, 'code marks removed');
    else if (m[13] !== undefined) keep(m[13], 1, 'escape removed');
  }
}

export function markdownEdits(text: string): Edit[] {
  const out: Edit[] = [];
  const lines = splitLines(text);
  let fenced = false;
  for (let k = frontMatterEnd(lines) + 1; k < lines.length; k++) {
    const line = lines[k];
    const t = line.text;
    if (/^\s*(```|~~~)/.test(t)) {
      fenced = !fenced;
      out.push(dropLine(text, line, 'code fence removed'));
      continue;
    }
    if (fenced) continue;
    // Reference definitions and horizontal rules carry no text.
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(t) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(t)) {
      // A '---' under a text line is a setext heading underline.
      if (/^\s{0,3}-+\s*$/.test(t) && k > 0 && lines[k - 1].text.trim() && !/^#/.test(lines[k - 1].text)) {
        out.push(edit(lines[k - 1].start, lines[k - 1].start, '## ', 'setext heading → # heading'));
      }
      out.push(dropLine(text, line, 'rule or reference definition removed'));
      continue;
    }
    if (/^\s{0,3}=+\s*$/.test(t) && k > 0 && lines[k - 1].text.trim()) {
      out.push(edit(lines[k - 1].start, lines[k - 1].start, '# ', 'setext heading → # heading'));
      out.push(dropLine(text, line, 'setext underline removed'));
      continue;
    }
    let body = line.start;
    const quote = /^(\s{0,3}>\s?)+/.exec(t);
    if (/^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(quote ? t.slice(quote[0].length) : t)) {
      out.push(dropLine(text, line, 'table separator row removed'));
      continue;
    }
    if (quote) {
      out.push(edit(line.start, line.start + quote[0].length, '', 'block quote marker removed'));
      body += quote[0].length;
    }
    const rest = text.slice(body, line.end);
    // Closing hashes of a heading: "## 发展目标 ##".
    const closingHashes = /^#{1,6}\s.*?(\s+#+\s*)$/.exec(rest);
    // Table rows: | a | b | → a⇥b ; the |---|---| separator row goes.
    if (/^\s*\|.*\|\s*$/.test(rest)) {
      const cells = [...rest.matchAll(/\s*\|\s*/g)];
      cells.forEach((c, idx) => {
        const s = body + c.index;
        const e = s + c[0].length;
        const first = idx === 0;
        const last = idx === cells.length - 1;
        out.push(edit(s, e, first || last ? '' : '\t', 'table pipe → tab'));
      });
      continue;
    }
    const inlineEnd = closingHashes ? line.end - closingHashes[1].length : line.end;
    inlineEdits(text.slice(body, inlineEnd), body, out);
    if (closingHashes) out.push(edit(inlineEnd, line.end, '', 'closing heading hashes removed'));
  }
  return out;
}
