// Table of contents (目录) removal. Three shapes seen in real plans:
//  · 目　录 then heading lines without page numbers (粤西地区经济社会发展规划纲要);
//  · 目 录 then "前 言.....\t1" lines with dot leaders (湛茂都市圈发展规划);
//  · one flattened line "目录前言1第一章发展背景2第一节发展条件2…第二节加强组织协调38前言珠江—西江…"
//    (珠江—西江经济带发展规划), where the body begins where the first entry's title reappears.
// The removed text is kept in the repair's `before`, so the parser can still report the TOC.
import type { Edit } from '../rewrite';
import { splitLines } from './lines';

const RULE = 'toc-removed';
const WS = /[ \t\u3000]/;
const LEADER = /[.…·．⋯]/;
const ENTRY_MARK = /第[一二三四五六七八九十百零〇\d]+[章节篇]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件|附表|前\s*言/g;
const DOT_LEADER_ENTRY = /[.…·．⋯]{2,}[ \t\u3000]*[0-9０-９]{1,3}/g;
/** How a TOC line ends: a page number, or dot leaders. */
const TOC_LINE_END = /(?:[0-9０-９]{1,3}|[.…·．⋯]{2,})$/;
const ENTRY_AT_START = new RegExp(`^(?:${ENTRY_MARK.source})`);

export function tocEdits(text: string): Edit[] {
  const limit = Math.min(text.length, Math.max(20_000, Math.floor(text.length * 0.3)));
  for (const m of text.slice(0, limit).matchAll(/目[ \t\u3000]{0,3}录/g)) {
    const edit = tocAfterHeading(text, m.index, m.index + m[0].length) ?? gluedToc(text, m.index, m.index + m[0].length);
    if (edit) return [edit];
  }
  const run = numberedHeadingRun(text, limit);
  return run ? [run] : [];
}

function lineStartOf(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

function lineEndOf(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** Match `key` (no whitespace) at i, skipping whitespace in the text; returns the end or -1. */
function matchLoose(text: string, i: number, key: string): number {
  let k = 0;
  let j = i;
  while (k < key.length) {
    if (j >= text.length) return -1;
    const ch = text[j];
    if (ch === key[k]) {
      k++;
      j++;
    } else if (k > 0 && WS.test(ch)) j++;
    else return -1;
  }
  return j;
}

/**
 * Where running text begins after the TOC heading ending at `he`: the line of the first sentence,
 * or above it while the lines above are not entries (a PDF wraps the preamble's first sentence).
 */
function preambleStart(text: string, he: number, bodyStart: number): number {
  const firstSentence = text.indexOf('。', he);
  if (firstSentence < 0 || firstSentence >= bodyStart) return bodyStart;
  let at = lineStartOf(text, firstSentence);
  for (;;) {
    const prevEnd = at - 1;
    if (prevEnd <= he) break;
    const prevStart = lineStartOf(text, prevEnd);
    const prev = text.slice(prevStart, prevEnd).trim();
    if (prev === '' || TOC_LINE_END.test(prev) || ENTRY_AT_START.test(prev)) break;
    at = prevStart;
  }
  return at;
}

/** Nothing but indentation, or a heading mark (`## ` from a Markdown, HTML or DOCX heading), before a line's content. */
const lineLead = (s: string): boolean => /^\s*(?:#{1,6}[ \t]+)?$/.test(s);

function tocAfterHeading(text: string, hs: number, he: number): Edit | null {
  const ls = lineStartOf(text, hs);
  const le = lineEndOf(text, he);
  const aloneOnLine = lineLead(text.slice(ls, hs)) && text.slice(he, le).trim() === '';
  // "…指导目录》" and the like are references, not a TOC heading.
  let p = he;
  while (p < text.length && /\s/.test(text[p])) p++;
  if (p >= text.length || /[》」”，。、；：）)]/.test(text[p])) return null;

  // The first entry's title: up to a leader, a tab, a digit or the end of the line.
  let q = p;
  while (q < text.length && !/[0-9０-９\n\t\f]/.test(text[q]) && !LEADER.test(text[q])) q++;
  const key = text.slice(p, q).replace(/[\s\u3000]+/g, '');
  if (key.length < 2 || key.length > 40 || /[。；]/.test(key)) return null;

  const searchEnd = Math.min(text.length, q + Math.max(15_000, Math.floor(text.length * 0.3)));
  let bodyStart = -1;
  for (let i = text.indexOf(key[0], q); i >= 0 && i < searchEnd; i = text.indexOf(key[0], i + 1)) {
    const end = matchLoose(text, i, key);
    if (end < 0) continue;
    let r = end;
    while (r < text.length && WS.test(text[r])) r++;
    if (r < text.length && (/[0-9０-９]/.test(text[r]) || LEADER.test(text[r]))) continue; // another TOC entry
    if (aloneOnLine) {
      // Multi-line TOC: the body heading stands on its own line.
      const ls2 = lineStartOf(text, i);
      if (!lineLead(text.slice(ls2, i)) || (r < text.length && text[r] !== '\n')) continue;
      bodyStart = ls2;
    } else bodyStart = i;
    break;
  }
  if (bodyStart < 0) return null;

  const start = aloneOnLine ? ls : hs;
  // Text between the TOC and the first chapter (a preamble without a heading of its own, as in
  // 江门市西部发展区发展战略规划) makes the region read as running text: then a multi-line TOC ends
  // before the preamble's first line.
  if (aloneOnLine && (text.slice(start, bodyStart).match(/。/g)?.length ?? 0) > 2) bodyStart = preambleStart(text, he, bodyStart);
  const region = text.slice(start, bodyStart);
  const entries = Math.max(region.match(ENTRY_MARK)?.length ?? 0, region.match(DOT_LEADER_ENTRY)?.length ?? 0);
  const sentences = region.match(/。/g)?.length ?? 0;
  if (entries < 3 || sentences > 2 || region.length > Math.max(12_000, text.length * 0.25)) return null;

  const replacement = start > 0 && text[start - 1] !== '\n' ? '\n' : '';
  const begins = text.slice(bodyStart, bodyStart + 12).split('\n')[0];
  return {
    start,
    end: bodyStart,
    replacement,
    rule: RULE,
    message: `Table of contents removed (${entries} entries, ${region.length} characters); the body begins at "${begins.startsWith(key) ? key : begins + '…'}".`,
  };
}

// An entry of a flattened TOC: marker, title, page number (line breaks anywhere: a PDF wraps it).
const GLUED_ENTRY = /(\s*(?:第\s*[一二三四五六七八九十百零〇\d]+\s*[章节篇]|前\s*言|附\s*件|附\s*表\d*|结\s*语))([^\d。；]{1,40}?)(\d{1,3})/y;

/**
 * A TOC flattened into one line with the text around it, whose body does not begin with its
 * first entry (北部湾城市群发展规划: `目录第一章规划背景3第一节发展基础3…第三节营造舆论环境441北部湾
 * 城市群背靠…`, an unheaded preamble first): the TOC is the run of entries, each a marker, a
 * title and a page number, pages never going back. The body page number glued after the last
 * entry (the 1 of `441`) is left to the page-number repair.
 */
function gluedToc(text: string, hs: number, he: number): Edit | null {
  let p = he;
  let entries = 0;
  let lastPage = 0;
  for (;;) {
    GLUED_ENTRY.lastIndex = p;
    const m = GLUED_ENTRY.exec(text);
    if (!m) break;
    // The page is the shortest run of digits not below the previous page (`441` → 44 after 43).
    const digits = /^\d{1,3}/.exec(text.slice(m.index + m[1].length + m[2].length))![0];
    let page = -1;
    for (let k = 1; k <= digits.length; k++) {
      const n = Number(digits.slice(0, k));
      if (n >= lastPage && n <= lastPage + 30) {
        page = n;
        p = m.index + m[1].length + m[2].length + k;
        break;
      }
    }
    if (page < 0) break;
    lastPage = page;
    entries++;
  }
  if (entries < 5) return null;
  const rest = text.slice(p, p + 200);
  if (!/[。；]/.test(rest)) return null; // running text follows, not more of a TOC
  const replacement = hs > 0 && text[hs - 1] !== '\n' ? '\n' : '';
  return {
    start: hs,
    end: p,
    replacement,
    rule: RULE,
    message: `Table of contents removed (${entries} entries glued on one line, pages up to ${lastPage}); the body begins at "${text.slice(p, p + 8)}…".`,
  };
}

/** Headings a TOC lists (not "1." items, which also open rows of indicator tables). */
const TOC_ENTRY_START = /^(前[ \u3000]*言|序[ \u3000]*言|第[一二三四五六七八九十百零〇\d]+[章节篇部]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附[ \u3000]*[件表录]|结[ \u3000]*语)/;

/** A run of heading lines ending in page numbers, without a 目录 heading. */
function numberedHeadingRun(text: string, limit: number): Edit | null {
  const entryRe = /^(.{2,60}?)[ \t\u3000]*(?:[.…·．⋯]{2,}[ \t\u3000]*|[ \t\u3000]+)([0-9０-９]{1,3})$/;
  const lines = splitLines(text);
  let runStart = -1;
  let runEnd = -1;
  let count = 0;
  let lastPage = 0;
  const finish = (): Edit | null => {
    if (count >= 4) {
      return {
        start: runStart,
        end: runEnd,
        replacement: '',
        rule: RULE,
        message: `Table of contents removed (${count} heading lines with page numbers, no 目录 heading).`,
      };
    }
    return null;
  };
  for (const line of lines) {
    if (line.start > limit) break;
    const t = line.text.trim();
    if (t === '') continue;
    const m = entryRe.exec(t);
    const page = m ? Number(m[2].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) : -1;
    if (m && TOC_ENTRY_START.test(m[1]) && page >= lastPage) {
      if (count === 0) runStart = line.start;
      count++;
      lastPage = page;
      runEnd = Math.min(text.length, line.end + 1);
      continue;
    }
    const found = finish();
    if (found) return found;
    count = 0;
    lastPage = 0;
  }
  return finish();
}
