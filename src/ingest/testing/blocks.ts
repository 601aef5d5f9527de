// A plan's text as the blocks a word processor or a web page would hold it in, for the test
// converters (docx-writer, html-writer). Two readings:
//  · plainBlocks: one paragraph per line, as Word/WPS open and save a .txt (nothing inferred);
//  · styledBlocks: Markdown headings (#, ##) and numbered heading lines (第X章, 第X节, …) become
//    headings, Markdown pipe tables and tab-separated lines become tables, **bold** and <b>
//    become bold runs — what a document exported from a word processor carries.
// Test-only: the heading rules here are deliberately simple and say nothing about the product.

export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  | { kind: 'p'; runs: Run[] }
  | { kind: 'h'; level: number; runs: Run[] }
  | { kind: 'table'; rows: Run[][][] };

export function plainBlocks(text: string): Block[] {
  return linesOf(text).map((line) => ({ kind: 'p', runs: line === '' ? [] : [{ text: line }] }));
}

const CN = '一二三四五六七八九十百';
const MD_HEADING = /^[ \t\u3000]*(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const PIPE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const PIPE_SEPARATOR = /^[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;

/** Level of a heading line of a plan without Markdown, by its numbering; 0 = not a heading. */
function numberedHeadingLevel(line: string, hasChapters: boolean): number {
  const t = line.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '');
  if (t.length === 0 || t.length > 40) return 0;
  // A heading carries no sentence: 。 only at its very end (（一）发展基础。).
  if (/[。；！？]/.test(t.slice(0, -1)) || /[，、]/.test(t.replace(/^[^、]*、/, ''))) return 0;
  if (new RegExp(`^第[${CN}\\d]+章`).test(t)) return 1;
  if (new RegExp(`^第[${CN}\\d]+节`).test(t)) return 2;
  if (/^(前[ \u3000]*言|目[ \u3000]*录|附[ \u3000]*件\S{0,20})$/.test(t)) return 1;
  if (!hasChapters && new RegExp(`^[${CN}]+、`).test(t)) return 1;
  if (!hasChapters && new RegExp(`^（[${CN}]+）`).test(t)) return 2;
  return 0;
}

/** Inline **bold** and <b>bold</b> as runs; other text as it is. */
export function runsOf(s: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of s.matchAll(/\*\*([^*\n]+?)\*\*|<b>([^<\n]*?)<\/b>/g)) {
    if (m.index > last) runs.push({ text: s.slice(last, m.index) });
    const inner = m[1] ?? m[2] ?? '';
    if (inner) runs.push({ text: inner, bold: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) runs.push({ text: s.slice(last) });
  return runs;
}

function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

export function styledBlocks(text: string): Block[] {
  const lines = linesOf(text);
  const hasChapters = lines.some((l) => numberedHeadingLevel(l, true) === 1 && /第.+章/.test(l));
  const hasMarkdown = lines.some((l) => MD_HEADING.test(l));
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (PIPE_ROW.test(line)) {
      const rows: Run[][][] = [];
      for (; i < lines.length && PIPE_ROW.test(lines[i]); i++) {
        if (PIPE_SEPARATOR.test(lines[i])) continue;
        rows.push(pipeCells(lines[i]).map(runsOf));
      }
      i--;
      out.push({ kind: 'table', rows });
      continue;
    }
    if (line.includes('\t')) {
      const rows: Run[][][] = [];
      for (; i < lines.length && lines[i].includes('\t'); i++) rows.push(lines[i].split('\t').map((c) => runsOf(c.trim())));
      i--;
      out.push({ kind: 'table', rows });
      continue;
    }
    const md = MD_HEADING.exec(line);
    if (md) {
      out.push({ kind: 'h', level: md[1].length, runs: runsOf(md[2]) });
      continue;
    }
    const level = hasMarkdown ? 0 : numberedHeadingLevel(line, hasChapters);
    if (level > 0) out.push({ kind: 'h', level, runs: runsOf(line.trim()) });
    else out.push({ kind: 'p', runs: line === '' ? [] : runsOf(line) });
  }
  return out;
}

function linesOf(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const blockText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');
