// The context a plan gives its sentences: its region and period, its body text cut into paragraphs
// and clauses (headings and the table of contents left out), the sections around an offset, and
// the years a sentence mentions (到2015年 is a goal year, 比2010年 a comparison, 从2005年的X binds X).
import type { ExtractContext } from '../core/findings';
import type { PlanDoc, Span, TimeFrame } from '../core/types';
import words from '../../data/lexicons/statement-words.json' with { type: 'json' };
import timeWords from '../../data/lexicons/time-words.json' with { type: 'json' };
import { trimSpan } from '../parse/blocks';
import { parseChineseInt } from '../parse/numerals';
import type { Quantity } from './numbers';
import { flattenSections, planRegionName } from './text';

export const byLength = (ws: readonly string[]) => [...new Set(ws)].sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Regex alternation of literal words. */
export const alt = (ws: readonly string[]) => ws.map(esc).join('|');
/** “十二五”期间, “十四五”末: a five-year plan named by its number. */
export const RE_FIVE_YEAR = /“?十([一二三四五六七八九])五”?(?:期间|时期|末期|末|规划期)?/y;
export const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** The last year of the n-th five-year plan (12 → 2015). */
export const fiveYearEnd = (n: number) => 1955 + 5 * n;
export const OPEN = '（(“《〔【[「';
export const CLOSE = '）)”》〕】]」';
const PROJECT_BOX = new RegExp(alt(words.projectBoxes.words));

export interface PlanContext {
  doc: PlanDoc;
  ctx: ExtractContext;
  text: string;
  region: string | null;
  regionForms: string[];
  period: [number, number] | null;
  frame: TimeFrame;
  /** The first year the document looks forward from: its period's start, else its own year. */
  from: number | null;
  /** Headings as spans, sorted. */
  headings: Span[];
}

export function planContext(doc: PlanDoc, ctx: ExtractContext): PlanContext {
  const region = planRegionName(doc.meta);
  const forms = new Set<string>();
  if (region) forms.add(region);
  for (const name of doc.meta.scope.length === 1 ? doc.meta.scope : []) {
    forms.add(name);
    const p = ctx.gazetteer.resolve(name);
    if (p) forms.add(p.short);
  }
  if (region) {
    const p = ctx.gazetteer.lookup(region)[0];
    if (p) forms.add(p.short).add(p.name);
  }
  const headings = flattenSections(doc.sections)
    .map((s) => ({ start: s.headingStart, end: s.headingEnd }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  return {
    doc,
    ctx,
    text: doc.text.text,
    region,
    regionForms: byLength([...forms].filter((f) => f.length >= 2)),
    period: doc.meta.period, // parse/meta also reads it from 第十四个五年 / 十四五 titles
    frame: doc.meta.frame,
    from: doc.meta.period?.[0] ?? doc.meta.frame.currentYear,
    headings,
  };
}

/** Section titles (outermost first) around an offset. */
export function titlesAt(doc: PlanDoc, offset: number): string[] {
  const out: string[] = [];
  let list = doc.sections;
  for (;;) {
    const s = list.find((x) => offset >= x.start && offset < x.end);
    if (!s) return out;
    out.push(s.title);
    list = s.children;
  }
}

/** Is an offset inside a 专栏 of projects (重点工程, 重点项目)? Lengths and capacities there describe projects. */
export function inProjectBox(doc: PlanDoc, offset: number): boolean {
  return boxTitles(doc, offset).some((t) => PROJECT_BOX.test(t));
}

/** Titles of the 专栏 boxes and annex tables around an offset. */
function boxTitles(doc: PlanDoc, offset: number): string[] {
  const out: string[] = [];
  let list = doc.sections;
  for (;;) {
    const s = list.find((x) => offset >= x.start && offset < x.end);
    if (!s) return out;
    if (s.kind === 'box' || s.kind === 'annex-table') out.push(s.title);
    list = s.children;
  }
}

/** Does any title contain one of the keys? */
/**
 * Does any title name one of the keys (发展基础, 发展目标)? Not when a verb opens the title: 打好新兴产业发展基础
 * is a task, not the plan's background.
 */
export const sectionIs = (titles: readonly string[], keys: readonly string[]) =>
  titles.some((t) => keys.some((k) => t.includes(k)) && !TITLE_VERBS.some((v) => t.startsWith(v)));
const TITLE_VERBS = byLength(timeWords.taskVerbs.words);
const STAGES = byLength(timeWords.stages.words);
/** [word, years from the document's own year, a goal year?], longest first (今后五年 before 五年). */
const RELATIVE_YEARS: Array<[string, number, boolean]> = [
  ...Object.entries(timeWords.relativeYears.words as Record<string, number>).map(([w, n]): [string, number, boolean] => [w, n, n > 0]),
  ...Object.entries(timeWords.relativeEnds.words as Record<string, number>).map(([w, n]): [string, number, boolean] => [w, n, true]),
].sort((x, y) => y[0].length - x[0].length);

/** Paragraphs of body text (parse's blocks), less those inside tables (read by tables.ts). */
export function bodyPieces(pc: PlanContext): Span[] {
  const tables = pc.doc.blocks.tables;
  return pc.doc.blocks.paragraphs.filter((p) => !tables.some((t) => p.start >= t.start && p.end <= t.end));
}

/** Clauses of a sentence: split at ，；：,;: outside brackets and quotes (not in 13:47), and at table-cell tabs. */
export function clauses(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let a = start;
  for (let i = start; i <= end; i++) {
    const c = text[i];
    if (i < end && OPEN.includes(c)) depth++;
    else if (i < end && CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    const colon = c === '：' || c === ':';
    const brk =
      i === end ||
      c === '\t' ||
      (depth === 0 && (/[，；,;]/.test(c) || (colon && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) || (c === '、' && endsWithQuantity(text, a, i))));
    if (brk) {
      const s = trimSpan(text, { start: a, end: i });
      if (s.end > s.start) out.push(s);
      a = i + 1;
    }
  }
  return out;
}

/**
 * 新增A企业50家以上、B企业5家 / 收入超1万亿元、增长8%: after a number (and its unit or 以上) a 、
 * ends a statement, unless another number follows (分别达到30%、20%: a list of values).
 */
function endsWithQuantity(text: string, from: number, i: number): boolean {
  if (/^\s*[0-9０-９]/.test(text.slice(i + 1, i + 3))) return false;
  return /[0-9０-９][%％‰]?[^\d\s、，,；;。：:（）()“”]{0,6}$/.test(text.slice(Math.max(from, i - 12), i)) && /[0-9０-９]/.test(text.slice(Math.max(from, i - 8), i));
}

export interface YearMention {
  start: number;
  end: number;
  year: number;
  /** 到2015年, 2015年前: a goal year. */
  future: boolean;
  /** 比2010年, 较2020年: a comparison base, not the statement's year. */
  compare: boolean;
  /** 从2005年的 X: the year of that number only. */
  boundTo: Quantity | null;
}

export function yearMentions(text: string, qs: readonly Quantity[], a: number, b: number, currentYear: number | null = null): YearMention[] {
  const out: YearMention[] = [];
  const inTitle = (pos: number) => {
    const open = Math.max(text.lastIndexOf('《', pos), text.lastIndexOf('（', pos), text.lastIndexOf('(', pos));
    if (open < a) return false;
    const close = Math.max(text.lastIndexOf('》', pos), text.lastIndexOf('）', pos), text.lastIndexOf(')', pos));
    return close < open;
  };
  const measures = qs.filter((q) => q.role === 'measure');
  // 近期（2025年）, 远期目标（到2035年）: a bracketed year that names a stage is its goal year
  const stage = (pos: number) => {
    const open = Math.max(text.lastIndexOf('（', pos), text.lastIndexOf('(', pos));
    return open >= a && pos - open <= 2 && STAGES.some((w) => text.slice(Math.max(a, open - w.length), open) === w);
  };
  for (const q of qs) {
    if (q.role !== 'year' && q.role !== 'period') continue;
    const staged = stage(q.start);
    if (inTitle(q.start) && !staged) continue;
    const year = q.range ? q.range[1] : (q.value as number);
    const before = text.slice(Math.max(a, q.start - 4), q.start);
    const after = text.slice(q.end, Math.min(b, q.end + 4));
    const compare = /(?:比|较|同|与|相比|对比)\s*$/.test(before);
    const future = staged || /(?:^|[^截])(?:到|至)\s*$/.test(before) || /^(?:底前|末前|前|以前|之前)/.test(after);
    let boundTo: Quantity | null = null;
    if (/^(?:末|底)?的/.test(after)) {
      boundTo = measures.find((m) => m.start >= q.end && m.start - q.end <= 4) ?? null;
    }
    out.push({ start: q.start, end: q.end, year, future, compare, boundTo });
  }
  // 今年, 去年, 明年, 今后五年: years counted from the document's own year (a report's year, else the issue year)
  if (currentYear !== null) {
    for (const [w, off, future] of RELATIVE_YEARS) {
      for (let i = text.indexOf(w, a); i >= 0 && i + w.length <= b; i = text.indexOf(w, i + w.length)) {
        out.push({ start: i, end: i + w.length, year: currentYear + off, future, compare: false, boundTo: null });
      }
    }
  }
  // “十二五”期间, “十四五”末 → the last year of that five-year plan
  for (let i = a; i < b; i++) {
    RE_FIVE_YEAR.lastIndex = i;
    const m = RE_FIVE_YEAR.exec(text);
    if (!m || m.index >= b) continue;
    const n = 10 + CN_DIGIT[m[1]];
    out.push({ start: m.index, end: m.index + m[0].length, year: fiveYearEnd(n), future: true, compare: false, boundTo: null });
    i = m.index + m[0].length;
  }
  return out.sort((x, y) => x.start - y.start);
}

export function nearestYear(years: readonly YearMention[], pos: number, q?: Quantity): YearMention | null {
  let best: YearMention | null = null;
  for (const y of years) {
    if (y.start >= pos) break;
    if (y.compare) continue;
    if (y.boundTo && q && y.boundTo !== q) continue;
    if (y.boundTo && !q) continue;
    best = y;
  }
  return best;
}

export function isFutureYear(pc: PlanContext, y: YearMention): boolean {
  if (pc.from !== null) return y.year >= pc.from;
  if (y.future) return true;
  const issued = pc.doc.meta.issued ? Number(pc.doc.meta.issued.slice(0, 4)) : null;
  return issued !== null ? y.year >= issued : false;
}

export function scopeCode(pc: PlanContext, scope: string | null): string | null {
  if (!scope) return null;
  const hits = pc.ctx.gazetteer.lookup(scope);
  return hits.length === 1 ? hits[0].code : hits.length > 1 ? (pc.ctx.gazetteer.resolve(scope)?.code ?? null) : null;
}
