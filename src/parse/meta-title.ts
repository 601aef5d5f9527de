// A document's title, where documents state it: the notice that wraps it (现将《Y》印发给你们,
// X关于印发Y的通知), a labelled field (标题: …), the 附件 header of an attachment, or the title
// line of the text itself (a Markdown heading, a cover broken over lines, the title under web
// page furniture). Title words (规划, 实施意见, 考评办法, 政府工作报告 …) are data: lexicon.json.
import type { Span } from '../core/types.js';
import { NOTICE_VERBS, ORG_SUFFIXES, PLAN_TITLE_WORDS, SPEAKER_TITLES, TITLE_ANNOTATIONS, TITLE_LINE_JOINS, TITLE_SUFFIXES, alternation } from './lexicon.js';
import { inSpans, type LabelledField } from './meta-front.js';
import { DATE_SOURCE } from './numerals.js';
import { splitLines, type Line } from './lines.js';

export interface Found extends Span {
  text: string;
}

/** A title; `parts` when it was read from several lines (a heading and its period below it). */
export interface TitleFound extends Found {
  parts?: Found[];
}

const VERB = `(?:${alternation(NOTICE_VERBS)})`;
const PLAN_WORD = `(?:${alternation(PLAN_TITLE_WORDS)})`;
// （2011—2015年） · （试行） · (2021-2035年)（征求意见稿） · （2021年版）; not a date （2023年5月6日）
const YEAR4 = '[0-9０-９〇○零一二三四五六七八九]{4}';
const PERIOD_BRACKET = `${YEAR4}[ \\t　]*年?[ \\t　]*[—－\\-–~～至到][ \\t　]*${YEAR4}[ \\t　]*年?|${YEAR4}年版?`;
const SUFFIX = `(?:[（(](?:${PERIOD_BRACKET}|${alternation(TITLE_SUFFIXES)})[）)]){0,2}`;
const ENDS_WITH_TITLE_WORD = new RegExp(`${PLAN_WORD}${SUFFIX}$`);
const ANNOTATION = new RegExp(`[（(](?:${alternation(TITLE_ANNOTATIONS)})[）)]$`);
const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9]+[）)]|第[一二三四五六七八九十百0-9]+[章节条部分篇]|[0-9]+[.、．]|附件|附表|专栏|目[ \t　]*录)/;
const SPEAKER_OFFICE = alternation([...SPEAKER_TITLES.government, ...Object.keys(SPEAKER_TITLES.body)].sort((a, b) => b.length - a.length));
// a photo caption: 省长赵刚作政府工作报告
const CAPTION = new RegExp(`(?:${SPEAKER_OFFICE})[\\u4e00-\\u9fa5·]{2,4}(?:作|在|向)`);

/** Key a title is compared by: no spaces, brackets, quotes or dashes. */
export function titleKey(s: string): string {
  return s.replace(/[\s《》〈〉“”"'‘’（）()【】[\]、，,。·：:—－\-–]/g, '');
}

/**
 * The title as it should read: no Markdown heading marks, not wrapped in 《》, nested 〈〉 back to
 * 《》 (a title quoted inside a notice writes its own quotes as 〈〉), no spaces between Chinese
 * characters. Otherwise as written.
 */
export function cleanTitle(s: string): string {
  let t = s.trim().replace(/^#{1,6}[ \t　]*/, '').trim();
  if (t.startsWith('《') && closeOf(t, 0) === t.length - 1) t = t.slice(1, -1);
  t = t.replace(/〈/g, '《').replace(/〉/g, '》');
  t = t.replace(/(?<=[^\x00-\x7f])[ \t　]+|[ \t　]+(?=[^\x00-\x7f])/g, '');
  t = t.replace(ANNOTATION, '');
  return t;
}

/** Index of the 》 closing the 《 at `open` (nested 《》 counted), -1 if none on the line. */
function closeOf(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] === '《') depth++;
    else if (text[i] === '》' && --depth === 0) return i;
  }
  return -1;
}

function linesOf(text: string, from: number, to: number): Line[] {
  return splitLines(text.slice(from, to)).map((l) => ({ ...l, start: l.start + from, end: l.end + from, cs: l.cs + from, ce: l.ce + from }));
}

// ── the wrapping notice ────────────────────────────────────────────────────

export interface NoticeHeading {
  /** X of X关于印发Y的通知 (may be empty). */
  issuer: Span | null;
  title: Found;
}

const HEADING = new RegExp(`^(.*?)(?:关于)?${VERB}(.+)的通知$`);
const ORG_END = new RegExp(`(?:${alternation(ORG_SUFFIXES)})$`);

/**
 * X of X关于印发Y的通知 is empty or names the issuer: it comes right before 关于 (or before the
 * verb when it is an organisation: 国务院印发…). Not a notice about a 发布 mechanism
 * (关于调整价格发布机制的通知), where the verb is inside the title.
 */
function headingOk(line: string, m: RegExpExecArray): boolean {
  const x = m[1];
  if (m[2].length < 2) return false;
  if (x === '') return true;
  if (x.includes('关于')) return false;
  return line.startsWith(x + '关于') || ORG_END.test(x);
}
// the heading glued to what follows it, as a PDF flattened to one line leaves it: …的通知发改规划〔2017〕277号 / …的通知各省人民政府：
const GLUED_HEADING = new RegExp(`^(.*?)(?:关于)?${VERB}([^。，；\\n]+?)的通知(?=[\\u4e00-\\u9fa5]{1,8}[ \\t　]*[〔［\\[【（(][ \\t　]*(?:19|20)[0-9]{2}|[^。\\n]{2,80}?：)`);

/** `X关于印发Y的通知` as a line of its own (Markdown marks allowed): issuer X, title Y. */
export function readNoticeHeading(text: string, from: number, to: number, skip: readonly Span[]): NoticeHeading | null {
  for (const l of linesOf(text, from, to)) {
    if (l.cs === l.ce || inSpans(l.cs, skip)) continue;
    const marks = /^#{0,6}[ \t　]*/.exec(text.slice(l.cs, l.ce))![0].length;
    const c = text.slice(l.cs + marks, l.ce);
    let m = HEADING.exec(c);
    let headEnd = c.length;
    if (!m || /[。，；]/.test(c) || !headingOk(c, m)) {
      m = GLUED_HEADING.exec(c);
      if (!m || !headingOk(c, m)) continue;
      headEnd = m[0].length;
    }
    const at = l.cs + marks;
    const yStart = at + headEnd - '的通知'.length - m[2].length;
    const title = { text: cleanTitle(m[2]), start: yStart, end: yStart + m[2].length };
    const issuer = m[1].trim() ? { start: at, end: at + m[1].trimEnd().length } : null;
    return { issuer, title };
  }
  return null;
}

/**
 * The notice's formula around 《Y》: 现将《Y》印发给你们 · 《Y》已经省政府同意，现印发给你们 ·
 * 《Y》现予公布 · 关于印发《Y》的通知. Not a document the text only cites (自《Y》发布实施以来).
 */
function readQuotedTitle(text: string, from: number, to: number, skip: readonly Span[]): Found | null {
  const before = /现将$/;
  const beforeVerb = new RegExp(`${VERB}$`);
  const after = new RegExp(`^(?:[^。\\n《]{0,30}?(?:现|予以)${VERB}|[^。\\n《]{0,30}?${VERB}给)`);
  for (let i = text.indexOf('《', from); i >= 0 && i < to; i = text.indexOf('《', i + 1)) {
    if (inSpans(i, skip)) continue;
    const close = closeOf(text, i);
    if (close < 0) continue;
    const inner = text.slice(i + 1, close);
    if (inner.length < 2 || inner.length > 120) continue;
    const pre = text.slice(Math.max(0, i - 4), i);
    const post = text.slice(close + 1, close + 40);
    if (before.test(pre) || (beforeVerb.test(pre) && post.startsWith('的通知')) || after.test(post)) {
      return { text: cleanTitle(inner), start: i + 1, end: close };
    }
    i = close;
  }
  return null;
}

/**
 * The title a notice gives the document it issues, if the text opens with one: the 《Y》 of its
 * formula, else Y of its heading — written as the document's own title line writes it when that
 * line follows (the heading drops the 《》 inside a title: …对接区域全面经济伙伴关系协定(RCEP)…).
 */
export function readNoticeTitle(text: string, frontEnd: number, skip: readonly Span[]): { title: Found; heading: NoticeHeading | null } | null {
  const heading = readNoticeHeading(text, 0, frontEnd, skip);
  const quoted = readQuotedTitle(text, 0, frontEnd, skip);
  if (quoted) return { title: quoted, heading };
  if (!heading) return null;
  const own = findTitleLine(text, frontEnd, skip, heading.title.text, heading.title.end);
  return { title: own ? { ...own, text: cleanTitle(own.text) } : heading.title, heading };
}

/** The title in a labelled field (标题: 《…》); a notice's title gives the document it issues. */
export function titleFromField(field: LabelledField | undefined): Found | null {
  if (!field?.value) return null;
  const v = field.value;
  const line = v.replace(/^#{1,6}\s*/, '');
  const m = HEADING.exec(line);
  if (m && headingOk(line, m)) {
    const off = v.lastIndexOf(m[2] + '的通知');
    return { text: cleanTitle(m[2]), start: field.start + off, end: field.start + off + m[2].length };
  }
  return { text: cleanTitle(v), start: field.start, end: field.end };
}

// ── 附件 header ────────────────────────────────────────────────────────────

/**
 * 附件珠江—西江经济带发展规划2014年7月… · 附件北部湾城市群发展规划国家发展改革委住房城乡建设部目录…:
 * the title ends at a title word followed by a date, the contents, a page number, a line end or
 * the names of its issuers (`followedByIssuers`).
 */
export function readAnnexTitle(text: string, frontEnd: number, skip: readonly Span[], followedByIssuers: (end: number) => boolean): Found | null {
  const head = text.slice(0, Math.min(frontEnd, 400));
  const m = /附[ \t　]*件[ \t　]*[0-9]*[ \t　]*[：:]?[ \t　]*/.exec(head);
  if (!m || inSpans(m.index, skip)) return null;
  const start = m.index + m[0].length;
  const word = new RegExp(`${PLAN_WORD}${SUFFIX}`, 'g');
  const follow = new RegExp(`^[ \\t　]*(?:${DATE_SOURCE}|目[ \\t　]*录|-[ \\t　]*[0-9]+[ \\t　]*-|\\n|$)`);
  const limit = Math.min(text.length, start + 80);
  const scope = text.slice(start, limit);
  if (/^[。，\n]/.test(scope)) return null;
  word.lastIndex = 0;
  for (let w = word.exec(scope); w; w = word.exec(scope)) {
    const end = start + w.index + w[0].length;
    if (/[。，\n]/.test(text.slice(start, end)) || end - start < 2) break;
    if (follow.test(text.slice(end, end + 20)) || followedByIssuers(end)) {
      return { text: cleanTitle(text.slice(start, end)), start, end };
    }
    word.lastIndex = w.index + 1;
  }
  return null;
}

// ── the title line of the text ─────────────────────────────────────────────

const JOIN_END = new RegExp(`(?:${alternation(TITLE_LINE_JOINS.lineEnds)})$`);
const JOIN_START = new RegExp(`^(?:${alternation(TITLE_LINE_JOINS.lineStarts)})`);
const PERIOD_ONLY = new RegExp(`^${SUFFIX}$`);

/** A line without its Markdown heading marks and without 《》 around the whole of it. */
function strip(text: string, l: Line): { text: string; start: number; end: number; heading: boolean } {
  const c = text.slice(l.cs, l.ce);
  const marks = /^#{1,6}[ \t　]*/.exec(c)?.[0].length ?? 0;
  let t = c.slice(marks);
  let start = l.cs + marks;
  let end = l.ce;
  if (t.startsWith('《') && closeOf(t, 0) === t.length - 1) {
    t = t.slice(1, -1);
    start++;
    end--;
  }
  return { text: t, start, end, heading: marks > 0 };
}

/** A line that reads as a document title, or as the period under it (Markdown marks and 《》 around it allowed). */
export function readsAsTitle(line: string): boolean {
  let t = line.trim().replace(/^#{1,6}[ \t　]*/, '');
  if (t.startsWith('《') && closeOf(t, 0) === t.length - 1) t = t.slice(1, -1);
  return isTitleLine(t) || (t.length > 0 && PERIOD_ONLY.test(t));
}

function isTitleLine(t: string): boolean {
  // shorter than 政府工作报告 it is a menu item (规划计划), not a title
  if (t.length < 5 || t.length > 100) return false;
  if (/[。，；：:！？!?|]/.test(t) || ENUMERATOR.test(t) || CAPTION.test(t)) return false;
  const h = HEADING.exec(t);
  if (h && headingOk(t, h)) return false; // a notice heading: its title is read as the notice's
  return ENDS_WITH_TITLE_WORD.test(cleanTitle(t));
}

/** A line that may be the upper part of a title broken over lines. */
function isFragment(t: string, isOrgLine: (s: string) => boolean): boolean {
  if (t.length < 2 || t.length > 40) return false;
  if (/[。，；：:！？!?|>〔〕［］\[\]]/.test(t) || ENUMERATOR.test(t) || /文件$/.test(t)) return false;
  if (new RegExp(`^${DATE_SOURCE}$`).test(t) || ENDS_WITH_TITLE_WORD.test(t)) return false;
  return !isOrgLine(t);
}

/**
 * The first line of the head that ends with a title word and reads as a title (no sentence
 * punctuation, no heading number, not a photo caption, not page furniture). A bracketed period on
 * the next line (## （2019—2035年）) is part of it, and so are the upper lines of a title broken
 * over a cover (…和社会发展 / 第十四个五年规划…).
 */
export function readTitleLine(text: string, frontEnd: number, skip: readonly Span[], isOrgLine: (s: string) => boolean = () => false): TitleFound | null {
  // the title starts before frontEnd; the period below it may be read as the first section
  const lines = linesOf(text, 0, Math.min(text.length, Math.max(frontEnd, 0) + 200));
  const usable = (l: Line | undefined) => l !== undefined && l.cs < l.ce && !inSpans(l.cs, skip);
  for (let k = 0; k < lines.length && lines[k].start < frontEnd; k++) {
    const l = lines[k];
    if (!usable(l)) continue;
    const s = strip(text, l);
    if (!isTitleLine(s.text)) continue;
    const parts: Found[] = [{ text: s.text, start: s.start, end: s.end }];
    // the upper lines of a broken title: adjacent lines (one blank line between headings)
    let top = k;
    for (let n = 0; n < 3; n++) {
      let p = top - 1;
      if (p >= 0 && lines[p].cs === lines[p].ce && s.heading) p--;
      if (!usable(lines[p])) break;
      const ps = strip(text, lines[p]);
      if (s.heading !== ps.heading || !isFragment(ps.text, isOrgLine)) break;
      if (!JOIN_END.test(ps.text) && !JOIN_START.test(parts[0].text)) break;
      parts.unshift({ text: ps.text, start: ps.start, end: ps.end });
      top = p;
    }
    // a bracketed period on the next line (one blank line between allowed)
    let q = k + 1;
    if (q < lines.length && lines[q].cs === lines[q].ce) q++;
    if (usable(lines[q])) {
      const qs = strip(text, lines[q]);
      if (PERIOD_ONLY.test(qs.text) && qs.text.length > 0) parts.push({ text: qs.text, start: qs.start, end: qs.end });
    }
    const joined = cleanTitle(parts.map((p) => p.text).join(''));
    const found: TitleFound = { text: joined, start: parts[0].start, end: parts[parts.length - 1].end };
    if (parts.length > 1) found.parts = parts;
    return found;
  }
  return null;
}

/** The line of the head whose title is `title` (compared without punctuation), for its span. */
export function findTitleLine(text: string, frontEnd: number, skip: readonly Span[], title: string, from = 0): Found | null {
  const key = titleKey(title);
  for (const l of linesOf(text, from, Math.min(text.length, frontEnd + 200))) {
    if (l.cs === l.ce || inSpans(l.cs, skip)) continue;
    const s = strip(text, l);
    if (titleKey(s.text) === key) return { text: s.text, start: s.start, end: s.end };
  }
  return null;
}
