// A document's time frame: which years its numbers belong to when a sentence writes none.
//
//   a plan        period 2021—2025 (规划期为…, the title's （2021—2025年）, 第十四个五年, “十五五”时期(2026-2030年)),
//                 outlook 2035 (展望到2035年, or a goal year 到2035年 after the period), milestones (到2025年 … 到2035年)
//   a report      its own year (陕西省2026年政府工作报告; 今年 = 2026, 明年 = 2027, 今后五年 → 2030) and the
//                 goal years it names; its parts look back (一、2025年工作回顾) or forward (三、2026年重点工作)
//   a policy      from its issue year to the goal year it names (到2024年), or its title's （2023—2025年）
//
// Every field keeps the span it was read from. Word lists: data/lexicons/time-words.json.
import type { DocType, FramePart, MetaEvidence, Section, Span, TimeFrame } from '../core/types.js';
import words from '../../data/lexicons/time-words.json' with { type: 'json' };
import { readHorizon, readPeriod } from './meta.js';
import { parseYear } from './numerals.js';

const byLength = (ws: readonly string[]) => [...new Set(ws)].sort((a, b) => b.length - a.length);
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** The years of the n-th five-year plan (十四五 → 2021–2025). */
export const fiveYearPlan = (n: number): [number, number] => [2006 + (n - 11) * 5, 2010 + (n - 11) * 5];
const FIVE_YEAR = /“?十([一二三四五六七八九])五”?/g;

const REPORT = byLength(words.docTypes.report);
const PLAN = byLength(words.docTypes.plan);
const POLICY = byLength(words.docTypes.policy);
const REPORT_OPENERS = words.docTypes.reportOpeners;
const PAST_PARTS = byLength(words.pastParts.words);
const FUTURE_PARTS = byLength(words.futureParts.words);
const TASK_VERBS = byLength(words.taskVerbs.words);

export interface FrameInput {
  text: string;
  sections: readonly Section[];
  toc: Span | null;
  title: { text: string; start: number; end: number } | null;
  /** ISO issue date (or year) from the metadata. */
  issued: string | null;
}

/** The frame, and the evidence for its fields (to go into the metadata's evidence). */
export function readTimeFrame(input: FrameInput): { frame: TimeFrame; evidence: MetaEvidence[] } {
  const { text, title } = input;
  const evidence: MetaEvidence[] = [];
  const note = (field: MetaEvidence['field'], s: Span) => evidence.push({ field, start: s.start, end: s.end });
  const docType = readDocType(text, title?.text ?? null);
  const goals = goalYears(text, input.toc);
  const issuedYear = input.issued ? Number(input.issued.slice(0, 4)) : null;

  // the year the document speaks from: a report's year (in its title), else the year it was issued
  let currentYear: number | null = null;
  const titleYear = title ? /((?:19|20)\d{2})\s*年/.exec(title.text) : null;
  if (titleYear && docType !== 'plan') {
    currentYear = Number(titleYear[1]);
    note('frame', { start: title!.start + titleYear.index, end: title!.start + titleYear.index + titleYear[0].length });
  } else if (issuedYear) currentYear = issuedYear;
  if (currentYear === null && docType === 'report') {
    // a report with no title or date read: the day it was delivered (2026年1月27日在…代表大会…上)
    const d = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^。\n]{0,30}(?:代表大会|会议)/.exec(text.slice(0, 2000));
    if (d) {
      currentYear = Number(d[1]);
      note('frame', { start: d.index, end: d.index + d[0].length });
    }
  }

  let period: [number, number] | null = null;
  const p = exactSpan(text, title, readPeriod(text, title as never)) ?? splitTitlePeriod(text, title) ?? (docType !== 'report' ? bodyFiveYearPeriod(text, title, docType === 'plan') : null);
  if (p) {
    period = [p.from, p.to];
    note('period', p);
  } else if (docType !== 'plan' && currentYear !== null) {
    // a report or a policy runs from its own year to the last goal year it names (到2024年, “十五五”时期主要目标)
    const later = goals.filter((g) => g.year >= currentYear! && g.year <= currentYear! + 15);
    const last = later.reduce<GoalYear | null>((a, b) => (!a || b.year > a.year ? b : a), null);
    const fiveYear = docType === 'report' ? futureFiveYear(text, input.sections, currentYear) : null;
    const end = Math.max(last?.year ?? -1, fiveYear?.year ?? -1);
    if (end >= currentYear) {
      period = [currentYear, end];
      const ev = last && last.year === end ? last : fiveYear;
      if (ev) note('period', ev);
    } else if (docType === 'report' || (titleYear && /年度|年/.test(title!.text.slice(titleYear.index + 4, titleYear.index + 7)))) {
      // a report, or a document for one year (某市2025年度考评办法, 2025年工作要点): that year
      period = [currentYear, currentYear];
      if (titleYear && title) note('period', { start: title.start + titleYear.index, end: title.start + titleYear.index + titleYear[0].length });
    }
  }

  let horizon: number | null = null;
  const h = readHorizon(text, p ?? (period ? { from: period[0], to: period[1], start: 0, end: 0 } : null));
  if (h && period && h.year > period[1]) {
    horizon = h.year;
    note('horizon', h);
  } else if (docType === 'plan' && period) {
    // a plan's goal year after its period is its outlook (到2035年 in a 2026—2030 plan)
    const after = goals.filter((g) => g.year > period![1] && g.year <= period![1] + 20);
    const far = after.reduce<GoalYear | null>((a, b) => (!a || b.year > a.year ? b : a), null);
    if (far) {
      horizon = far.year;
      note('horizon', far);
    }
  }
  if (title && period && horizon === null) {
    const m = /((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年远景目标/.exec(title.text);
    const y = m ? parseYear(m[1]) : null;
    if (m && y !== null && y > period[1]) {
      horizon = y;
      note('horizon', { start: title.start + m.index, end: title.start + m.index + m[0].length });
    }
  }

  const lo = period?.[0] ?? currentYear ?? -Infinity;
  const hi = horizon ?? period?.[1] ?? Infinity;
  const milestones = [...new Set(goals.map((g) => g.year).filter((y) => y >= lo && y <= hi))].sort((a, b) => a - b);
  const frame: TimeFrame = { docType, period, horizon, currentYear, milestones, parts: readParts(input.sections, text, currentYear) };
  return { frame, evidence };
}

/** What kind of document: by its title's last words, else by a report's opening (各位代表). */
export function readDocType(text: string, title: string | null): DocType {
  const t = (title ?? '').replace(/[（(][^（）()]*[）)]$/, '').replace(/[\s》”]+$/, '');
  const ends = (list: readonly string[]) => list.find((w) => t.endsWith(w));
  const hits = [
    { type: 'report' as const, w: ends(REPORT) },
    { type: 'plan' as const, w: ends(PLAN) },
    { type: 'policy' as const, w: ends(POLICY) },
  ].filter((x) => x.w);
  if (hits.length) return hits.sort((a, b) => b.w!.length - a.w!.length)[0].type;
  const head = text.slice(0, 3000);
  if (REPORT_OPENERS.filter((w) => head.includes(w)).length >= 2) return 'report';
  return 'unknown';
}

interface GoalYear extends Span {
  year: number;
}

/** Years written as goal years: 到2025年, 至2030年, 2035年前, 力争在2024年底前. */
function goalYears(text: string, toc: Span | null): GoalYear[] {
  const out: GoalYear[] = [];
  const re = /(?:到|至)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年(?:底|末)?(?:前|以前)(?![的后])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (toc && m.index >= toc.start && m.index < toc.end) continue;
    // 2014至2020年 is a span, 截至2020年 a date of record: not goal years
    if (m[1] && /(?:\d\s*|截)$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    out.push({ year: Number(m[1] ?? m[2]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A title joined from two lines (# 江门市… / ## （2019—2035年）) is not one run of the text: a period read
 * from it gets the span of the bracket as written.
 */
function exactSpan<P extends Span & { from: number; to: number }>(text: string, title: { start: number; end: number } | null, p: P | null): P | null {
  if (!p || !title || p.start < title.start || p.end > title.end + 2) return p;
  const re = new RegExp(`[（(]\\s*${p.from}\\s*年?\\s*[—–－\\-~～至到]\\s*${p.to}\\s*年?\\s*[）)]`);
  const m = re.exec(text.slice(title.start, title.end + 2));
  return m ? { ...p, start: title.start + m.index, end: title.start + m.index + m[0].length } : p;
}

/** # 江门市西部发展区发展战略规划 / ## （2019—2035年）: a title whose period stands on the next line. */
function splitTitlePeriod(text: string, title: { text: string; end: number } | null): (Span & { from: number; to: number }) | null {
  if (!title) return null;
  const after = text.slice(title.end, title.end + 60);
  const m = /^[\s#]*[（(]\s*((?:19|20)\d{2})\s*年?\s*[—–－\-~～至到]\s*((?:19|20)\d{2})\s*年?\s*[）)]/.exec(after);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (to < from || to - from > 30) return null;
  const at = title.end + m[0].indexOf('（') + (m[0].includes('（') ? 0 : m[0].indexOf('('));
  return { from, to, start: at, end: title.end + m[0].length };
}

/**
 * “十五五”时期(2026-2030年) in the text, or a plan whose opening speaks of its five-year plan
 * (“十五五”时期是…): the period of that five-year plan.
 */
function bodyFiveYearPeriod(text: string, title: { end: number } | null, opening: boolean): (Span & { from: number; to: number }) | null {
  const explicit = /“?十([一二三四五六七八九])五”?(?:时期|期间|规划期)?\s*[（(]\s*((?:19|20)\d{2})\s*[—–－\-~～至到]\s*((?:19|20)\d{2})\s*年?\s*[）)]/.exec(text);
  if (explicit) {
    const from = Number(explicit[2]);
    const to = Number(explicit[3]);
    if (to >= from && to - from <= 10) return { from, to, start: explicit.index, end: explicit.index + explicit[0].length };
  }
  if (!opening) return null;
  const from = title?.end ?? 0;
  const m = /“?十([一二三四五六七八九])五”?(?:时期|期间)/.exec(text.slice(from, from + 1500));
  if (!m) return null;
  const [a, b] = fiveYearPlan(10 + CN_DIGIT[m[1]]);
  return { from: a, to: b, start: from + m.index, end: from + m.index + m[0].length };
}

/** A report's forward part on a five-year plan (二、“十五五”时期主要目标和重大举措): its end year. */
function futureFiveYear(text: string, sections: readonly Section[], currentYear: number): GoalYear | null {
  for (const s of flatten(sections)) {
    const title = text.slice(s.headingStart, s.headingEnd);
    if (!FUTURE_PARTS.some((w) => title.includes(w))) continue;
    FIVE_YEAR.lastIndex = 0;
    const m = FIVE_YEAR.exec(title);
    if (!m) continue;
    const [a, b] = fiveYearPlan(10 + CN_DIGIT[m[1]]);
    if (b >= currentYear && a <= currentYear + 1) return { year: b, start: s.headingStart + m.index, end: s.headingStart + m.index + m[0].length };
  }
  return null;
}

/** Parts with their own time: a heading naming a year or a five-year plan, looking back or forward. */
function readParts(sections: readonly Section[], text: string, currentYear: number | null): FramePart[] {
  const out: FramePart[] = [];
  for (const s of flatten(sections)) {
    const title = s.title;
    // 打好新兴产业发展基础 is a task, not a look back
    const task = TASK_VERBS.some((v) => title.startsWith(v));
    const past = !task && PAST_PARTS.some((w) => title.includes(w));
    const future = task || FUTURE_PARTS.some((w) => title.includes(w));
    const heading = text.slice(s.headingStart, s.headingEnd);
    const y = /((?:19|20)\d{2})\s*年/.exec(heading);
    FIVE_YEAR.lastIndex = 0;
    const fy = FIVE_YEAR.exec(heading);
    let year: number | null = null;
    let at: Span | null = null;
    if (y) {
      year = Number(y[1]);
      at = { start: s.headingStart + y.index, end: s.headingStart + y.index + y[0].length };
    } else if (fy) {
      year = fiveYearPlan(10 + CN_DIGIT[fy[1]])[1];
      at = { start: s.headingStart + fy.index, end: s.headingStart + fy.index + fy[0].length };
    }
    if (year === null && !past && !future) continue;
    let tense: FramePart['tense'];
    if (past && !future) tense = 'past';
    else if (future && !past) tense = 'future';
    else if (year !== null && currentYear !== null) tense = year >= currentYear ? 'future' : 'past';
    else continue;
    out.push({ start: s.start, end: s.end, year, tense, evidence: at ?? { start: s.headingStart, end: s.headingEnd } });
  }
  return out;
}

function flatten(list: readonly Section[]): Section[] {
  return list.flatMap((s) => [s, ...flatten(s.children)]);
}

/** The innermost part of the frame around an offset, if any. */
export function partAt(frame: TimeFrame, offset: number): FramePart | null {
  let best: FramePart | null = null;
  for (const p of frame.parts) if (offset >= p.start && offset < p.end && (!best || p.end - p.start <= best.end - best.start)) best = p;
  return best;
}
