// Line helpers and the few shapes of plan headings that repairs must not disturb.
// (The parser owns the full outline grammar; these only protect headings from joins.)

export interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (before the '\n'). */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

export const isBlank = (s: string): boolean => /^[\s\u3000]*$/.test(s);

/**
 * Index of the line closing a YAML front matter that opens the file (--- … ---, as scrapers
 * write 标题: / 发布单位: / 文号:), or -1. Its lines are metadata the parser reads as they are,
 * not a rule and a setext heading.
 */
export function frontMatterEnd(lines: readonly Line[]): number {
  let k = 0;
  while (k < lines.length && lines[k].text.trim() === '') k++;
  if (k >= lines.length || !/^-{3}\s*$/.test(lines[k].text)) return -1;
  for (let j = k + 1; j < Math.min(lines.length, k + 80); j++) {
    const t = lines[j].text;
    if (/^-{3}\s*$/.test(t)) return j;
    if (t.trim() !== '' && !/^[^\s:：][^:：]{0,30}[:：]/.test(t) && !/^\s+\S/.test(t)) return -1;
  }
  return -1;
}

const CN_NUM = '一二三四五六七八九十百零〇';

/** Lines that open a heading, a list item, a box (专栏), an annex or a note. */
const STRUCTURE_START = new RegExp(
  [
    `^第[${CN_NUM}\\d]+[章节篇部条款]`, // 第三章 / 第二节
    `^第[${CN_NUM}\\d]+部分`,
    `^[${CN_NUM}]+[、.．]`, // 一、
    `^[（(][${CN_NUM}\\d]+[）)]`, // （一） （1）
    `^\\d{1,2}[.．、](?!\\d)`, // 1. 1、
    `^[①-⑳]`,
    `^[-•●○■□◆◇▪·*]\\s`, // bullets
    `^——`, // —— run-in list item
    `^(专栏|附件|附表|附录|附图|注[：:]|资料来源|说明[：:])`,
    `^[表图]\\s*\\d`,
    `^[¹²³⁴⁵⁶⁷⁸⁹⁰]`, // footnote text
    `^#{1,6}\\s`, // Markdown heading
    `^(前言|序言|目录|结语|总则|附则)$`,
  ].join('|'),
);

export function startsStructure(trimmed: string): boolean {
  return STRUCTURE_START.test(trimmed);
}

/** Sentence punctuation inside a line marks it as running text, not a heading. */
export const SENTENCE_PUNCT = /[。；！？]/;

/** A heading or title line: structural opening without sentences, or a short line with no punctuation at all. */
export function isHeadingLike(trimmed: string): boolean {
  if (startsStructure(trimmed) && !SENTENCE_PUNCT.test(trimmed.slice(0, -1)) && trimmed.length <= 60) return true;
  return false;
}

export const isCjk = (ch: string | undefined): boolean => {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
};
