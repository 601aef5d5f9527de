// Table of contents (目录): a header followed by heading entries, one per line
// (`第一章 发展背景.....\t2`), several per line (`二、总体要求（一）指导思想（二）战略定位`),
// or all glued on one line with page numbers (`目录前言1第一章发展背景2第一节发展条件2…`).
import { unifyGlyphs } from '../core/glyphs.js';
import type { Repair, Span } from '../core/types.js';
import { squash } from './lines.js';
import { isNumbered, matchMarkerAt, type MarkerType } from './markers.js';

export interface TocEntry {
  type: MarkerType;
  label: string | null;
  ordinal: number | null;
  /** Title without marker, dot leaders and page number, whitespace squashed. */
  title: string;
  page: number | null;
  /** 1 for the outermost numbering style of the TOC (and for 前言/附件), 2 below it, … */
  level: number;
  /** Span of the entry in the text (for a TOC taken from a repair: the repair's place). */
  start: number;
  end: number;
}

export interface Toc {
  span: Span;
  entries: TocEntry[];
  /** True when the TOC was not in the text but reported as removed by ingest. */
  removed: boolean;
}

const TOC_TYPES: ReadonlySet<MarkerType> = new Set<MarkerType>([
  'zhang', 'jie', 'cn', 'cnParen', 'preface', 'closing', 'annex', 'annexTable', 'box',
]);

/** Characters between entries that are not part of any title (dot leaders, page furniture). */
const FILLER = /[\s.．…·•\-—_]/;
const HEADER = /目[ \t　]{0,3}录/g;
/** Max length of one entry title. */
const MAX_TITLE = 60;

/** Finds the TOC in the text, or reports the one ingest removed (repair rule 'toc-removed'). */
export function detectToc(text: string, repairs: readonly Repair[] = []): Toc | null {
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) {
    const headerStart = m.index;
    const headerEnd = m.index + m[0].length;
    // The header stands alone on its line, or is directly followed by entries (one-line text).
    const before = text[headerStart - 1];
    if (before !== undefined && /[\u4e00-\u9fa5]/.test(before) && before !== '\n') {
      // 指导目录, 名录 …: a word, not a header (unless entries follow at once, checked below)
      if (!startsWithEntry(text, headerEnd)) continue;
    }
    const entries = readEntries(text, headerEnd, text.length);
    if (entries.length >= 3) {
      const last = entries[entries.length - 1];
      return { span: { start: headerStart, end: last.end }, entries, removed: false };
    }
  }
  const removed = repairs.find((r) => r.rule === 'toc-removed');
  if (removed) {
    const before = asText(removed.before);
    const inner = readEntries(before, skipHeader(before), before.length);
    const entries = inner.map((e) => ({ ...e, start: removed.start, end: removed.end }));
    return { span: { start: removed.start, end: removed.end }, entries, removed: true };
  }
  return null;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', ensp: ' ', emsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The removed TOC as the text it was when ingest removed it: a repair keeps the source, which
 * may be HTML (`<p>目　录</p>`), Markdown (`| 一、基础条件..... | 1 |`) or a PDF text layer
 * with radicals (`第⼀章`) and lines broken by the layout.
 */
function asText(source: string): string {
  let s = source;
  if (/<\/?[a-zA-Z][^>]*>/.test(s)) {
    s = s
      .replace(/<(?:br|\/?(?:p|div|li|tr|h[1-6]|table|ul|ol|dt|dd))\b[^>]*>/gi, '\n')
      .replace(/<\/?t[dh]\b[^>]*>/gi, '\t')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (m, e: string) => {
        if (e[0] !== '#') return ENTITIES[e] ?? m;
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      })
      // markup that was text in the page (`&lt;b&gt;六、…`), as ingest's markup repair removes it
      .replace(/<\/?[a-zA-Z][^<>\n]{0,300}>/g, '');
  }
  s = unifyGlyphs(s)
    // page furniture where the TOC runs over a page break (`- 2 -`, 第2页, the form feed)
    .replace(/^[ \t]*(?:[-－—–][ \t]*\d{1,3}[ \t]*[-－—–]|第[ \t]*\d{1,3}[ \t]*页)[ \t]*$/gm, '')
    .replace(/\f/g, '\n')
    .replace(/\*\*/g, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/gm, '')
    .replace(/[ \t]*\|[ \t]*/g, '\t')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    // a marker the page layout broke (`第\n一节`): never two entries
    .replace(/(第)[ \t　]*\n[ \t　]*(?=[一二三四五六七八九十百零〇\d])|(第[一二三四五六七八九十百零〇\d]+)[ \t　]*\n[ \t　]*(?=[章节篇])|([前附结])[ \t　]*\n[ \t　]*(?=[言件表语])/g, '$1$2$3');
  return s;
}

function skipHeader(s: string): number {
  HEADER.lastIndex = 0;
  const m = HEADER.exec(s);
  return m && s.slice(0, m.index).trim() === '' ? m.index + m[0].length : 0;
}

function skipFiller(text: string, pos: number, end: number): number {
  while (pos < end && FILLER.test(text[pos])) pos++;
  return pos;
}

function startsWithEntry(text: string, pos: number): boolean {
  const p = skipFiller(text, pos, Math.min(text.length, pos + 20));
  return matchMarkerAt(text, p, TOC_TYPES) !== null;
}

interface Scope {
  /** Level of each numbering style, by first appearance. */
  levels: Map<MarkerType, number>;
  /** Last ordinal per style within the current parent. */
  last: Map<MarkerType, number>;
}

function levelOf(scope: Scope, type: MarkerType): number {
  if (!isNumbered(type)) return type === 'box' ? 99 : 1;
  let lv = scope.levels.get(type);
  if (lv === undefined) {
    lv = scope.levels.size + 1;
    scope.levels.set(type, lv);
  }
  return lv;
}

/** Would a marker of this type/ordinal continue the TOC's numbering? (Else it is part of a title.) */
function plausible(scope: Scope, type: MarkerType, ordinal: number | null): boolean {
  if (!isNumbered(type) || ordinal === null) return true;
  const last = scope.last.get(type) ?? 0;
  // The first entry of a style starts at 1; later ones advance by 1 (a TOC may skip one, as 000's does).
  return ordinal === 1 || (ordinal > last && ordinal <= last + 2);
}

function accept(scope: Scope, type: MarkerType, ordinal: number | null): number {
  const level = levelOf(scope, type);
  if (isNumbered(type) && ordinal !== null) {
    scope.last.set(type, ordinal);
    for (const [t, lv] of scope.levels) if (lv > level) scope.last.delete(t);
  } else if (level === 1) {
    scope.last.clear();
  }
  return level;
}

/**
 * Reads entries from `pos`: each starts with a marker; its title runs to the next plausible
 * marker or the end of the line. Stops at the first thing that is not an entry, or when the
 * first entry repeats (the body has started).
 */
export function readEntries(text: string, pos: number, end: number): TocEntry[] {
  const entries: TocEntry[] = [];
  const scope: Scope = { levels: new Map(), last: new Map() };
  let firstKey: string | null = null;
  let p = skipFiller(text, pos, end);
  while (p < end) {
    const m = matchMarkerAt(text, p, TOC_TYPES);
    if (!m) break;
    if (!plausible(scope, m.type, m.ordinal)) break;
    const lineEnd = indexOrEnd(text, '\n', p, end);
    // Title runs to the next plausible marker on the same line.
    const scopeCopy: Scope = { levels: new Map(scope.levels), last: new Map(scope.last) };
    accept(scopeCopy, m.type, m.ordinal);
    const q = p + m.length;
    const nextMarker = (from: number, to: number): number => {
      for (let i = from; i < to; i++) {
        if (!'第（(一二三四五六七八九十前序引结附专'.includes(text[i])) continue;
        const n = matchMarkerAt(text, i, TOC_TYPES);
        if (n && plausible(scopeCopy, n.type, n.ordinal) && i > q) return i;
      }
      return to;
    };
    let next = nextMarker(q, lineEnd);
    let parsed = cleanTitle(text.slice(q, next), m.type);
    // A title the layout wrapped (`第一节发展\n条件2第二节…` in a PDF): when the line ends the
    // entry before its page number and the next line does not open an entry, it goes on there.
    for (let lineTo = lineEnd, extra = 0; next === lineTo && lineTo < end && parsed.page === null && extra < 2; extra++) {
      const ns = lineTo + 1;
      let c = ns;
      while (c < end && /[ \t　]/.test(text[c])) c++;
      if (c >= end || text[c] === '\n' || matchMarkerAt(text, c, TOC_TYPES)) break;
      const le2 = indexOrEnd(text, '\n', ns, end);
      const n2 = nextMarker(c, le2);
      const wider = cleanTitle(text.slice(q, n2), m.type);
      if (wider.title.length > MAX_TITLE || /[。；;，,]/.test(wider.title)) break;
      next = n2;
      lineTo = le2;
      parsed = wider;
    }
    const { title, page, used } = parsed;
    if (title.length > MAX_TITLE || /[。；;，,]/.test(title)) break;
    if ((m.type === 'zhang' || m.type === 'jie' || m.type === 'cn' || m.type === 'cnParen') && title === '') break;
    const key = `${m.type}|${m.ordinal}|${title}`;
    if (firstKey === null) firstKey = key;
    else if (key === firstKey) break; // the body repeats the first entry
    // a top-level number going back (第一章 after 第十章) means the body has started
    const restarts = entries.some(
      (e) => e.type === m.type && e.level === 1 && isNumbered(m.type) && e.ordinal !== null && m.ordinal !== null && e.ordinal >= m.ordinal,
    );
    if (restarts) break;
    const level = accept(scope, m.type, m.ordinal);
    entries.push({
      type: m.type,
      label: m.label,
      ordinal: m.ordinal,
      title: title === '' ? squash(text.slice(p, p + m.length)) : title,
      page,
      level,
      start: p,
      end: q + used,
    });
    p = skipFiller(text, q + used, end);
    // a page number left between entries (`发展背景2第一节`) is consumed by cleanTitle
  }
  return entries;
}

function indexOrEnd(text: string, ch: string, from: number, end: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 || i > end ? end : i;
}

/** Strips separators, dot leaders and a trailing page number; `used` = length of raw consumed. */
function cleanTitle(raw: string, type: MarkerType): { title: string; page: number | null; used: number } {
  let s = raw.replace(/[ \t　]+$/, '');
  const used = s.length;
  let page: number | null = null;
  const pm = /[\s.．…·•\-—_]*(\d{1,3})[\s\-—]*$/.exec(s);
  // 附表1 keeps its number in the label; a title never ends in a bare page number
  if (pm && pm.index > 0) {
    page = Number(pm[1]);
    s = s.slice(0, pm.index);
  } else if (pm && pm.index === 0 && type !== 'annexTable' && type !== 'annex' && type !== 'box') {
    page = Number(pm[1]);
    s = '';
  }
  s = s.replace(/[\s.．…·•_]+$/, '').replace(/^[\s：:、.．\-—]+/, '');
  return { title: squash(s), page, used };
}
