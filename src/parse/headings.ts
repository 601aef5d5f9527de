// Heading recognition. Three ways a heading shows up in plan text:
//  - at the start of a line (`　　　　一、发展背景`, `第一章 发展背景`, `（一）发展基础。`, `专栏1 …`);
//  - glued inside a long line when the whole document is one line
//    (`…展望到2030年。1第一章发展背景第一节发展条件珠江—西江经济带连接…`);
//  - run-in: a short phrase ending in 。 opening a paragraph (`港口群。按照…`).
// This module finds candidates; outline.ts decides which ones form the tree (ordinal sequence).
import type { Span } from '../core/types.js';
import {
  BODY_OPENERS,
  BOX_TITLE_NOUNS,
  TITLE_NOUNS_STRONG,
  TITLE_NOUNS_WEAK,
} from './lexicon.js';
import { SENTENCE_END, isSpace, squash, type Line } from './lines.js';
import { defaultTitle, matchMarkerAt, type MarkerType } from './markers.js';
import type { TocEntry } from './toc.js';

export interface HeadingCandidate {
  type: MarkerType;
  label: string | null;
  ordinal: number | null;
  title: string;
  /** The heading itself: from its marker (or first title character) to the end of the title. */
  start: number;
  end: number;
  /** Found glued inside a long line, not at a line start. */
  inline: boolean;
  /** The heading is a whole short line of its own (strong evidence). */
  ownLine: boolean;
  /** Markdown depth for `#` headings, else 0. */
  depth: number;
  /** Marker, number and title equal an entry of the table of contents. */
  confirmed: boolean;
  /** Run-in headings: short enough to count towards a group of siblings. */
  core: boolean;
}

export interface HeadingOptions {
  toc: { span: Span; entries: readonly TocEntry[] } | null;
  /** True when a place name starts at the beginning of `s` (used to find where a glued title ends). */
  startsWithPlace?: (s: string) => boolean;
}

/** Lines at least this long are read in inline mode: no paragraph of a real plan is that long. */
export const LONG_LINE = 1500;
/** Max length of a title taken from a line. */
const MAX_LINE_TITLE = 60;

const LEAD_MARKUP = /(?:<\/?[a-zA-Z][^>]*>|\*\*|__|[-*+•][ \t　]+|>[ \t　]+)[ \t　]*/y;
const TRAIL_MARKUP = /(?:<\/?[a-zA-Z][^>]*>|\*\*|__|[ \t　])+$/;
const MD_HEADING = /(#{1,6})[ \t　]+/y;
const CJK = /[\u4e00-\u9fa5]/;

function inSpan(pos: number, span: Span | null | undefined): boolean {
  return span !== null && span !== undefined && pos >= span.start && pos < span.end;
}

/** Content end of a line without trailing markup (`**`, `</p>`). */
function contentEnd(text: string, cs: number, ce: number): number {
  const m = TRAIL_MARKUP.exec(text.slice(cs, ce));
  return m ? cs + m.index : ce;
}

function skipLeadMarkup(text: string, p: number, end: number): number {
  for (;;) {
    LEAD_MARKUP.lastIndex = p;
    const m = LEAD_MARKUP.exec(text);
    if (!m || m.index !== p || p + m[0].length > end) return p;
    p += m[0].length;
  }
}

/**
 * If `text` at `pos` (ignoring whitespace) starts with `title` (already squashed), the offset
 * just past it; else -1.
 */
export function matchTitleAt(text: string, pos: number, end: number, title: string): number {
  let i = pos;
  let j = 0;
  while (j < title.length) {
    while (i < end && isSpace(text[i])) i++;
    if (i >= end || text[i] !== title[j]) return -1;
    i++;
    j++;
  }
  return i;
}

/** Longest TOC title of the same marker and number that the text at `pos` starts with. */
function tocTitleAt(
  text: string,
  pos: number,
  end: number,
  type: MarkerType,
  ordinal: number | null,
  entries: readonly TocEntry[],
): { title: string; end: number } | null {
  let best: { title: string; end: number } | null = null;
  for (const e of entries) {
    if (e.type !== type || e.ordinal !== ordinal || e.title === '') continue;
    const at = matchTitleAt(text, pos, end, e.title);
    if (at >= 0 && (best === null || e.title.length > best.title.length)) best = { title: e.title, end: at };
  }
  return best;
}

const SEPARATORS = /[ \t　：:．.\-—]*/y;

function skipSeparators(text: string, p: number, end: number): number {
  SEPARATORS.lastIndex = p;
  const m = SEPARATORS.exec(text);
  return m ? Math.min(end, p + m[0].length) : p;
}

/** Title from the rest of a heading line, and where the heading ends. */
function titleOfLine(text: string, r: number, ce: number): { title: string; end: number } {
  const rest = text.slice(r, ce);
  if (rest.length === 0) return { title: '', end: r };
  const stop = /[。；;！!？?]/.exec(rest);
  const gap = /[ \t　]+/.exec(rest);
  const afterGap = gap ? rest.slice(gap.index + gap[0].length) : '';
  if (gap && gap.index >= 2 && gap.index <= 20 && (afterGap.length >= 6 || /[。；]$/.test(afterGap)) && (!stop || gap.index < stop.index) &&
    !/[0-9０-９]/.test(rest[gap.index + gap[0].length] ?? '') && !/[0-9０-９]/.test(rest[gap.index - 1])) {
    // `一、国家级技术产业开发区 湛江高新技术产业开发区、…`: title, spaces, content
    return { title: clean(rest.slice(0, gap.index)), end: r + gap.index };
  }
  const comma = /[，,]/.exec(rest);
  if (comma && comma.index >= 4 && rest.length > 24 && (!stop || comma.index < stop.index)) {
    // a list item written as a sentence: `一、加快推进…等工程建设，延伸产业链条。` → its first clause
    return { title: clean(rest.slice(0, Math.min(comma.index, 40))), end: r + Math.min(comma.index, 40) };
  }
  if (stop && stop.index < rest.length - 1) {
    // heading with body on the same line: `（一）发展基础。“十一五”期间…`
    if (stop.index <= 40) return { title: clean(rest.slice(0, stop.index)), end: r + stop.index + 1 };
    const cut = comma && comma.index <= 40 ? comma.index : 40;
    return { title: clean(rest.slice(0, cut)), end: r + cut };
  }
  return { title: clean(rest.replace(/[。；;，,：:]+$/, '')), end: ce };
}

/** Title text without markup; spaces between Chinese characters are layout (`总　则` → 总则). */
function clean(s: string): string {
  return s
    .replace(/<\/?[a-zA-Z][^>]*>|\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u4e00-\u9fa5“”（）、])\s+(?=[\u4e00-\u9fa5“”（）、])/g, '')
    .trim();
}

/** A short line usable as the title of a heading that has none (`附件` / `重点任务分工方案`). */
function nextLineTitle(
  text: string,
  lines: readonly Line[],
  i: number,
): { title: string; end: number } | null {
  for (let k = i + 1; k < lines.length && k <= i + 3; k++) {
    const l = lines[k];
    if (l.cs === l.ce) continue;
    const cs = skipLeadMarkup(text, l.cs, l.ce);
    const ce = contentEnd(text, cs, l.ce);
    const s = text.slice(cs, ce);
    if (s.length > 40 || /[。；，]./.test(s) || matchMarkerAt(text, cs) !== null) return null;
    return { title: clean(s.replace(/[。；]$/, '')), end: ce };
  }
  return null;
}

/** Reads one line as a heading; 'glued' when it must be read in inline mode instead. */
function lineHeading(
  text: string,
  lines: readonly Line[],
  i: number,
  opts: HeadingOptions,
): HeadingCandidate | 'glued' | null {
  const line = lines[i];
  let p = line.cs;
  let depth = 0;
  MD_HEADING.lastIndex = p;
  const md = MD_HEADING.exec(text);
  if (md && md.index === p) {
    depth = md[1].length;
    p += md[0].length;
  }
  p = skipLeadMarkup(text, p, line.ce);
  const ce = contentEnd(text, p, line.ce);
  if (p >= ce) return null;
  const m = matchMarkerAt(text, p);
  const entries = opts.toc?.entries ?? [];
  const base = { inline: false, depth: 0, confirmed: false, core: false };

  if (!m) {
    if (depth === 0) return null;
    const title = clean(text.slice(p, ce).replace(/[ \t　]*#+$/, ''));
    if (!title) return null;
    return { ...base, type: 'md', label: null, ordinal: null, title, start: p, end: ce, ownLine: true, depth };
  }

  if (m.type === 'preface' || m.type === 'closing') {
    // only as a whole line: `前　言`
    if (p + m.length !== ce) return null;
    const written = text.slice(p, ce);
    const confirmed = entries.some((e) => e.type === m.type);
    return { ...base, type: m.type, label: null, ordinal: null, title: defaultTitle(m.type, written), start: p, end: ce, ownLine: true, confirmed };
  }

  const afterMarker = p + m.length;
  const r = m.type === 'cn' ? afterMarker : skipSeparators(text, afterMarker, ce);
  const hadSeparator = r > afterMarker;

  // The TOC, when there is one, knows where the title ends.
  const fromToc = tocTitleAt(text, r, ce, m.type, m.ordinal, entries);
  let title: string;
  let end: number;
  let confirmed = false;
  if (fromToc) {
    title = fromToc.title;
    end = fromToc.end;
    if (end < ce && /[。.．]/.test(text[end])) end++;
    confirmed = true;
  } else {
    ({ title, end } = titleOfLine(text, r, ce));
    if ((m.type === 'zhang' || m.type === 'jie' || m.type === 'box') && r < ce) {
      // glued: `第一章发展背景第一节发展条件珠江—西江…` on a line of its own
      const head = text.slice(r, Math.min(ce, r + 40));
      if (title.length > 30 || /第[一二三四五六七八九十]+[章节]/.test(head.slice(1))) return 'glued';
    }
  }

  switch (m.type) {
    case 'annex':
    case 'annexTable': {
      // 附件 / 附件1 / 附件：xxx / 附表1 xxx — not `附件中提到…`
      const rest = text.slice(r, ce);
      if (!(m.ordinal !== null || rest === '' || hadSeparator)) return null;
      if (rest.length > 40 || /[。，,；]/.test(rest)) return null;
      break;
    }
    case 'zhang':
    case 'jie':
      if (title.length > 50) return null;
      break;
    case 'num':
    case 'numParen': {
      if (title.length < 2 || /^[%％万亿年月日个项倍]/.test(text.slice(r, r + 1))) return null;
      // list items are run-in: `（2）三大物流基地：以湛江港区…`
      const colon = title.search(/[：:]/);
      const rawColon = text.slice(r, end).search(/[：:]/);
      if (colon >= 2 && rawColon >= 0 && !confirmed) {
        title = title.slice(0, colon);
        end = r + rawColon + 1;
      }
      break;
    }
    case 'cn':
    case 'cnParen':
      if (title.length < 1) return null;
      break;
    default:
      break;
  }

  if (title === '' && (m.type === 'zhang' || m.type === 'jie' || m.type === 'box' || m.type === 'annex' || m.type === 'annexTable')) {
    const next = nextLineTitle(text, lines, i);
    if (next) {
      title = next.title;
      end = next.end;
    }
    if (!confirmed) confirmed = entries.some((e) => e.type === m.type && e.ordinal === m.ordinal && e.title === squash(title));
  }
  const ownLine = end >= ce && ce - p <= MAX_LINE_TITLE;
  return { ...base, type: m.type, label: m.label, ordinal: m.ordinal, title, start: p, end, ownLine, confirmed, depth };
}

// ── inline mode ─────────────────────────────────────────────────────────────

const INLINE_MARK = /第[ \t　]*(?:[〇○零一二三四五六七八九十百]+|[0-9０-９]{1,3})[ \t　]*[章节]|专[ \t　]*栏[ \t　]*[0-9０-９]{1,3}[ \t　]*[：:]|前[ \t　]*言/g;
const INLINE_TYPES: ReadonlySet<MarkerType> = new Set<MarkerType>(['zhang', 'jie', 'box', 'preface']);
/** A marker right after one of these is a reference (见第三章, 按照第二节), not a heading. */
const REF_BEFORE = '见按据依照如与和及、《“的在本该其各';
/** …or right before one of these (第三章的, 第二节中). */
const REF_AFTER = /^(?:的|中|所|规定|提出|明确|和|与|、|，|,|）|\))/;

function inlineHeadings(
  text: string,
  from: number,
  to: number,
  opts: HeadingOptions,
  out: HeadingCandidate[],
): void {
  const found: Array<{ pos: number; type: MarkerType; label: string | null; ordinal: number | null; r: number }> = [];
  INLINE_MARK.lastIndex = from;
  for (let mm = INLINE_MARK.exec(text); mm && mm.index < to; mm = INLINE_MARK.exec(text)) {
    const pos = mm.index;
    if (inSpan(pos, opts.toc?.span)) continue;
    const m = matchMarkerAt(text, pos, INLINE_TYPES);
    if (!m) continue;
    const prev = text[pos - 1];
    if (pos > from && prev !== undefined && REF_BEFORE.includes(prev)) continue;
    const r = pos + m.length;
    const after = text.slice(r, r + 4);
    if (REF_AFTER.test(after)) continue;
    if (m.type === 'preface') {
      // 前言 opening the body: followed by text, preceded by a boundary (page number, 。, line start)
      if (!CJK.test(text[r] ?? '') || (pos > from && CJK.test(prev ?? ''))) continue;
    }
    found.push({ pos, type: m.type, label: m.label, ordinal: m.ordinal, r: skipSeparators(text, r, to) });
  }
  const entries = opts.toc?.entries ?? [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    const limit = k + 1 < found.length ? found[k + 1].pos : to;
    const base = { inline: true, ownLine: false, depth: 0, core: false };
    if (f.type === 'preface') {
      out.push({ ...base, type: 'preface', label: null, ordinal: null, title: '前言', start: f.pos, end: f.r, confirmed: entries.some((e) => e.type === 'preface') });
      continue;
    }
    if (f.type === 'box') {
      const t = boxTitle(text, f.r, limit);
      out.push({ ...base, type: 'box', label: f.label, ordinal: f.ordinal, title: t.title, start: f.pos, end: t.end, confirmed: false });
      continue;
    }
    const fromToc = tocTitleAt(text, f.r, limit, f.type, f.ordinal, entries);
    if (fromToc) {
      out.push({ ...base, type: f.type, label: f.label, ordinal: f.ordinal, title: fromToc.title, start: f.pos, end: fromToc.end, confirmed: true });
      continue;
    }
    const t = gluedTitle(text, f.r, limit, opts.startsWithPlace, k + 1 < found.length);
    if (t.title === '') continue;
    out.push({ ...base, type: f.type, label: f.label, ordinal: f.ordinal, title: t.title, start: f.pos, end: t.end, confirmed: false });
  }
}

function endsWithAny(s: string, words: readonly string[]): boolean {
  return words.some((w) => s.endsWith(w));
}

function startsWithAny(s: string, words: readonly string[]): boolean {
  return words.some((w) => s.startsWith(w));
}

/**
 * Where a title glued to its body ends, when no TOC says so (`第一节发展条件珠江—西江经济带连接…`).
 * A page number or the next heading ends it for sure; otherwise each cut is scored: titles end
 * with nouns such as 体系/格局/目标 (lexicon), bodies start with verbs such as 加强/推进 or a place.
 */
export function gluedTitle(
  text: string,
  r: number,
  limit: number,
  startsWithPlace?: (s: string) => boolean,
  limitIsHeading = false,
): { title: string; end: number } {
  const maxEnd = Math.min(limit, r + 24);
  let hard = limit; // next heading
  let hardByDigit = false;
  let punct = -1;
  for (let i = r; i < Math.min(limit, r + 40); i++) {
    const ch = text[i];
    if (/[0-9０-９]/.test(ch)) {
      // a page number (1–3 digits) ends the title; a year or quantity (到2020年) is body
      const run = /^[0-9０-９]+/.exec(text.slice(i, i + 8))?.[0] ?? '';
      const unit = text[i + run.length] ?? '';
      if (run.length <= 3 && !/[年月日%％万亿个项倍米吨元]/.test(unit)) {
        hard = i;
        hardByDigit = true;
      } else {
        punct = i;
      }
      break;
    }
    if (/[。，；：！？,;:!?（(“\s]/.test(ch)) {
      punct = i;
      break;
    }
  }
  if (((hard === limit && limitIsHeading) || hardByDigit) && (punct < 0 || punct > hard) && hard - r <= 24 && hard - r >= 2) {
    return { title: text.slice(r, hard), end: hard };
  }
  const upper = Math.min(maxEnd, punct >= 0 ? punct : maxEnd, hard);
  let best = { score: -Infinity, cut: -1 };
  for (let c = r + 2; c <= upper; c++) {
    const title = text.slice(r, c);
    const rest = text.slice(c, c + 8);
    let score = 0;
    if (endsWithAny(title, TITLE_NOUNS_STRONG)) score += 2;
    else if (endsWithAny(title, TITLE_NOUNS_WEAK)) score += 1;
    const opener = BODY_OPENERS.find((w) => rest.startsWith(w));
    // a longer opener is more specific evidence (协调推进 over 推进)
    if (opener) score += 1 + 0.25 * opener.length;
    else if (startsWithPlace?.(rest)) score += 1.5;
    if (c === punct) score += 1;
    if (title.length < 4) score -= 0.5;
    if (title.length > 12) score -= 0.1 * (title.length - 12); // titles are short
    if (score >= best.score) best = { score, cut: c }; // on a tie, the longer title

  }
  if (best.cut < 0 || best.score < 1) {
    const cut = Math.min(upper, r + 16);
    return { title: text.slice(r, cut), end: cut };
  }
  return { title: text.slice(r, best.cut), end: best.cut };
}

/**
 * Title of a 专栏 box glued to its content (`专栏2：交通建设重点工程水运。加快…`): up to a digit
 * (`发展目标2020年…`), or to the first box-title noun (工程/项目/基地…) not followed by 、
 * (an enumerated title `重点生态功能区、自然保护区、…湿地公园` runs to its last item).
 */
export function boxTitle(text: string, r: number, limit: number): { title: string; end: number } {
  const maxEnd = Math.min(limit, r + 60);
  let stop = maxEnd;
  for (let i = r; i < maxEnd; i++) {
    if (/[0-9０-９。；，：\s]/.test(text[i])) {
      stop = i;
      break;
    }
  }
  for (let i = r + 2; i <= stop; i++) {
    const head = text.slice(r, i);
    if (!endsWithAny(head, BOX_TITLE_NOUNS)) continue;
    // an enumeration continues past its first noun
    if (i < stop && text[i] === '、') continue;
    return { title: head, end: i };
  }
  const cut = Math.min(stop, r + 20);
  return { title: text.slice(r, cut), end: cut };
}

// ── run-in headings ─────────────────────────────────────────────────────────

const DASH_BULLET = /(?:——|—|--)[ \t　]*/y;
const RUNIN_FORBIDDEN = /[，,；;：:0-9０-９%％（()）\s]/;

function runinAt(text: string, line: Line): HeadingCandidate | null {
  let p = skipLeadMarkup(text, line.cs, line.ce);
  DASH_BULLET.lastIndex = p;
  const dash = DASH_BULLET.exec(text);
  if (dash && dash.index === p) p += dash[0].length;
  let bold = false;
  if (text.startsWith('**', p)) {
    bold = true;
    p += 2;
  }
  const q = text.indexOf('。', p);
  if (q < 0 || q - p > 26 || q - p < 2) return null;
  const phrase = text.slice(p, q).replace(/\*\*/g, '');
  if (RUNIN_FORBIDDEN.test(phrase) || !CJK.test(phrase)) return null;
  if (phrase.length > (bold ? 26 : 24)) return null;
  let b = q + 1;
  if (text.startsWith('**', b)) b += 2;
  if (line.ce - b < 4) return null; // a short sentence standing alone is not a run-in heading
  return {
    type: 'runin', label: null, ordinal: null, title: phrase, start: p, end: q + 1,
    inline: false, ownLine: false, depth: 0, confirmed: false,
    core: phrase.length <= (bold ? 24 : 16),
  };
}

function endsParagraph(text: string, line: Line): boolean {
  const ce = contentEnd(text, line.cs, line.ce);
  const last = text[ce - 1];
  return last !== undefined && SENTENCE_END.includes(last);
}

/**
 * All heading candidates of the text, in document order. Lines inside the TOC are skipped;
 * long lines are read in inline mode.
 */
export function findHeadings(text: string, lines: readonly Line[], opts: HeadingOptions): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  const headingLine = new Set<number>();
  const tocSpan = opts.toc?.span ?? null;
  let firstHeading = -1;
  let prevContent: Line | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.cs === line.ce) continue;
    const insideToc = tocSpan !== null && line.cs >= tocSpan.start && line.ce <= tocSpan.end;
    if (insideToc) {
      prevContent = line;
      continue;
    }
    const long = line.ce - line.cs >= LONG_LINE;
    const touchesToc = tocSpan !== null && line.cs < tocSpan.end && line.ce > tocSpan.start;
    let done = false;
    if (!long && !touchesToc) {
      const h = lineHeading(text, lines, i, opts);
      if (h === 'glued') {
        inlineHeadings(text, line.cs, line.ce, opts, out);
        done = true;
      } else if (h) {
        out.push(h);
        headingLine.add(i);
        if (firstHeading < 0) firstHeading = h.start;
        done = true;
      }
    } else {
      const before = out.length;
      inlineHeadings(text, touchesToc && tocSpan ? Math.max(line.cs, tocSpan.end) : line.cs, line.ce, opts, out);
      if (out.length > before && firstHeading < 0) firstHeading = out[before].start;
      done = true;
    }
    if (!done && firstHeading >= 0) {
      // run-in heading: the previous paragraph ended (or was a heading) and this one opens with one
      const prevOk = prevContent === null || headingLine.has(prevContent.index) || endsParagraph(text, prevContent);
      if (prevOk) {
        const ri = runinAt(text, line);
        if (ri) out.push(ri);
      }
    }
    prevContent = line;
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
