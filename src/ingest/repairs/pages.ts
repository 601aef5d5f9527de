// Page numbers, running headers/footers and footnote markers left in converted text.
//
// In text flattened from PDF the page numbers are glued into sentences and even words:
//   "…规划期为2014至2020年，展望到2030年。1第一章发展背景…"   (page 1 before a heading)
//   "…做好平南白沙、肇庆德庆、云11浮古丰核电项目厂址论证…"    (page 11 inside 云浮)
// A small integer alone cannot be told from a real number (2014, 5228, 南宁7市). What gives a
// page number away is the sequence: pages run 1, 2, 3 … through the document at roughly even
// spacing. So every small integer is a candidate, and the longest chain of consecutive values
// in document order (preferring even spacing) is taken to be the page numbers.
import type { Edit } from '../rewrite';
import { splitLines } from './lines';

const RULE = 'page-number-removed';

type Kind = 'inline' | 'line' | 'strong';

interface Candidate {
  pos: number;
  value: number;
  kind: Kind;
  /** Span to delete. */
  start: number;
  end: number;
}

const DASH = '-－—–';
const STRONG_LINE = [
  new RegExp(`^[${DASH}]\\s*(\\d{1,3})\\s*[${DASH}]$`), // - 12 -  —12—
  /^第\s*(\d{1,3})\s*页(?:\s*[，,、/]?\s*共\s*\d{1,3}\s*页)?$/, // 第12页 共38页
  /^(\d{1,3})\s*\/\s*\d{1,3}$/, // 12/38
];
const STRONG_INLINE = new RegExp(`(?<![\\d${DASH}])[${DASH}] ?(\\d{1,3}) ?[${DASH}](?![\\d${DASH}])`, 'g');

function lineDeletion(text: string, start: number, end: number): [number, number] {
  if (end < text.length) return [start, end + 1];
  return [start > 0 ? start - 1 : start, end];
}

function collectCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const lineSpans: Array<[number, number]> = [];
  for (const line of splitLines(text)) {
    const t = line.text.trim();
    if (t.length === 0 || t.length > 16) continue;
    let strong = false;
    let value = -1;
    for (const re of STRONG_LINE) {
      const m = re.exec(t);
      if (m) {
        strong = true;
        value = Number(m[1]);
        break;
      }
    }
    if (!strong && /^\d{1,3}$/.test(t)) value = Number(t);
    if (value < 0) continue;
    const [start, end] = lineDeletion(text, line.start, line.end);
    out.push({ pos: line.start, value, kind: strong ? 'strong' : 'line', start, end });
    lineSpans.push([line.start, line.end]);
  }
  const inLine = (i: number): boolean => lineSpans.some(([s, e]) => i >= s && i < e);
  const strongInline: Array<[number, number]> = [];
  for (const m of text.matchAll(STRONG_INLINE)) {
    if (inLine(m.index)) continue;
    out.push({ pos: m.index, value: Number(m[1]), kind: 'strong', start: m.index, end: m.index + m[0].length });
    strongInline.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(/\d{1,3}(?!\d)/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (s > 0 && /\d/.test(text[s - 1])) continue;
    if (inLine(s) || strongInline.some(([a, b]) => s >= a && s < b)) continue;
    const prev = text[s - 1] ?? '';
    const next = text[e] ?? '';
    if (/[A-Za-z（(〔［[第#№图表]/.test(prev) || /(?:专栏|附件|附表|No)\s*$/.test(text.slice(Math.max(0, s - 4), s))) continue;
    // Either side of a range or a compound label (1-2家, 专栏5-4, “1+1+9”): part of the number.
    if (/[-－~～+]/.test(prev) && /\d/.test(text[s - 2] ?? '')) continue;
    if (/[-－~～+]/.test(next) && /\d/.test(text[e + 1] ?? '')) continue;
    if (/[.．]/.test(prev) && /\d/.test(text[s - 2] ?? '')) continue; // decimals: 3.17
    if (/[A-Za-z.．%％‰、：:）)\]〕]/.test(next)) continue; // 3%, 1. list, （1）
    if (/\s/.test(prev) && /\s/.test(next)) continue; // "到 2030 年": spaced numbers in running text
    out.push({ pos: s, value: Number(m[0]), kind: 'inline', start: s, end: e });
  }
  out.sort((a, b) => a.pos - b.pos);
  return out;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Longest chain of consecutive page values in document order; with `pageLen`, prefer even spacing. */
function chain(cands: Candidate[], pageLen: number | null): Candidate[] {
  const n = cands.length;
  const byValue = new Map<number, number[]>();
  cands.forEach((c, i) => {
    const list = byValue.get(c.value);
    if (list) list.push(i);
    else byValue.set(c.value, [i]);
  });
  const score = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  let bestJ = -1;
  for (let j = 0; j < n; j++) {
    const c = cands[j];
    let best = c.value >= 1 && c.value <= 10 ? 1 : -Infinity;
    let arg = -1;
    for (const d of [1, 2]) {
      const list = byValue.get(c.value - d);
      if (!list) continue;
      for (const i of list) {
        if (i >= j) break;
        if (score[i] === -Infinity) continue;
        const gap = c.pos - cands[i].pos;
        if (gap < (c.kind === 'inline' ? 20 : 1)) continue;
        let link = d === 1 ? 1 : 0.3;
        if (pageLen) link *= 1 - 0.5 * Math.min(1, Math.abs(gap - d * pageLen) / (d * pageLen));
        if (score[i] + link > best) {
          best = score[i] + link;
          arg = i;
        }
      }
    }
    score[j] = best;
    prev[j] = arg;
    if (best > -Infinity && (bestJ < 0 || best > score[bestJ])) bestJ = j;
  }
  const out: Candidate[] = [];
  for (let j = bestJ; j >= 0; j = prev[j]) out.push(cands[j]);
  return out.reverse();
}

function acceptable(ch: Candidate[], textLen: number): boolean {
  if (ch.length < 3) return false;
  const gaps = ch.slice(1).map((c, i) => c.pos - ch[i].pos);
  const lineish = ch.filter((c) => c.kind !== 'inline').length;
  // a page holds a few hundred characters at least: numbers on their own lines a row or two
  // apart are the 序号 of a table or a list written one cell a line, not page numbers
  if (lineish >= ch.length * 0.8) return median(gaps) >= 200;
  if (ch.length < 5) return false;
  const skipped = ch[ch.length - 1].value - ch[0].value + 1 - ch.length;
  // …nor more than a page holds (some 1,500 characters, 3,000 at most): numbers 1–6 spread over
  // 30,000 characters are list items (专栏 5-4) and ranges (1-2 家), not a twenty-page document's pages
  const perPage = (ch[ch.length - 1].pos - ch[0].pos) / Math.max(1, ch[ch.length - 1].value - ch[0].value);
  if (perPage > 3000) return false;
  return median(gaps) >= 150 && ch[ch.length - 1].pos - ch[0].pos >= textLen * 0.5 && skipped <= ch.length * 0.25;
}

/** Page numbers: the page sequence, plus unambiguous page markers (-2-, 第3页) anywhere. */
export function pageNumberEdits(text: string): Edit[] {
  const cands = collectCandidates(text);
  let found: Candidate[] = [];
  const first = chain(cands, null);
  if (acceptable(first, text.length)) {
    const gaps = first.slice(1).map((c, i) => (c.pos - first[i].pos) / (c.value - first[i].value));
    const second = chain(cands, median(gaps));
    found = acceptable(second, text.length) ? second : first;
  }
  const chosen = new Set<Candidate>(found);
  for (const c of cands) if (c.kind === 'strong') chosen.add(c);
  const lo = found[0]?.value;
  const hi = found[found.length - 1]?.value;
  const seq = found.length ? ` (page sequence ${lo}–${hi}, ${found.length} page numbers found)` : '';
  const edits: Edit[] = [];
  let lastEnd = -1;
  for (const c of [...chosen].sort((a, b) => a.start - b.start)) {
    // The last line's deletion takes the line break before it, which the deletion of a page
    // number on the line above may already have taken ("…贡献。\n38\n- 16 -"): start after it.
    if (c.start < lastEnd && c.kind !== 'inline' && lastEnd < c.end && text.slice(c.start, lastEnd) === '\n') c.start = lastEnd;
    if (c.start < lastEnd) continue;
    const what = c.kind === 'inline' ? 'glued into the text' : c.kind === 'line' ? 'on a line of its own' : `marker "${text.slice(c.start, c.end).trim()}"`;
    edits.push({
      start: c.start,
      end: c.end,
      replacement: '',
      rule: RULE,
      message: `page number ${c.value} ${what} removed${found.includes(c) ? seq : ''}`,
    });
    lastEnd = c.end;
  }
  return edits;
}

/**
 * Running headers and footers: the same short line (digits aside) first or last on most
 * pages. Needs page breaks (form feeds) in the text, as the PDF converter writes them.
 */
export function runningHeaderEdits(text: string): Edit[] {
  if (!text.includes('\f')) return [];
  const pages: Array<{ first: [number, number] | null; last: [number, number] | null }> = [];
  let start = 0;
  for (;;) {
    const ff = text.indexOf('\f', start);
    const end = ff < 0 ? text.length : ff;
    const lines = splitLines(text.slice(start, end)).filter((l) => l.text.trim() !== '');
    const span = (l: (typeof lines)[number] | undefined): [number, number] | null => (l ? [start + l.start, start + l.end] : null);
    pages.push({ first: span(lines[0]), last: span(lines[lines.length - 1]) });
    if (ff < 0) break;
    start = ff + 1;
  }
  if (pages.length < 3) return [];
  const key = (sp: [number, number]): string => text.slice(sp[0], sp[1]).trim().replace(/\d+/g, '#');
  const edits: Edit[] = [];
  const taken = new Set<number>();
  for (const side of ['first', 'last'] as const) {
    const counts = new Map<string, number>();
    for (const p of pages) {
      const sp = p[side];
      if (sp && sp[1] - sp[0] <= 60) counts.set(key(sp), (counts.get(key(sp)) ?? 0) + 1);
    }
    for (const p of pages) {
      const sp = p[side];
      if (!sp || taken.has(sp[0]) || sp[1] - sp[0] > 60) continue;
      const k = key(sp);
      // Page numbers ("- 3 -", "第3页") are left to the page sequence.
      if (/^[-－—–]?\s*#\s*[-－—–]?$|^第\s*#\s*页|^#\s*\/\s*#$/.test(k)) continue;
      const c = counts.get(k) ?? 0;
      if (c >= 3 && c >= pages.length * 0.5) {
        taken.add(sp[0]);
        const [s, e] = lineDeletion(text, sp[0], sp[1]);
        edits.push({
          start: s,
          end: e,
          replacement: '',
          rule: RULE,
          message: `running ${side === 'first' ? 'header' : 'footer'} "${text.slice(sp[0], sp[1]).trim()}" removed (on ${c} of ${pages.length} pages)`,
        });
      }
    }
  }
  return edits;
}

/**
 * Footnote reference marks in running text: "湛江“五岛一湾”¹滨海旅游集聚区" → "…“五岛一湾”滨海…".
 * The footnote text itself (a line starting with ¹) stays. Exponents (m², km³) are kept.
 */
export function footnoteMarkerEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(/(?<=[^\s\dmM¹²³⁴-⁹⁰])[¹²³⁴-⁹⁰]+(?![\d¹²³⁴-⁹⁰])/g)) {
    edits.push({
      start: m.index,
      end: m.index + m[0].length,
      replacement: '',
      rule: 'footnote-marker-removed',
      message: `footnote reference mark "${m[0]}" removed from the running text (the footnote itself is kept)`,
    });
  }
  return edits;
}
