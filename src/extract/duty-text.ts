// Duties written into body text: a bracket that closes the task before it, or labelled fields.
//
//   1.扩大优势产品出口。建立…清单。（合肥海关负责）巩固…出口占比。（省商务厅牵头，合肥海关配合）
//       → two duties, one per bracket; each task is the clause(s) its bracket closes
//   打造…综合枢纽。（牵头单位：省发展改革委、交通运输厅；参加单位：省自然资源厅等）
//   统筹湛江港、茂名港分工协作。
//   牵头单位：省交通运输厅                              (fields on lines of their own)
//   配合单位：省发展改革委
//
// Units come from the paragraphs and headings of parse's blocks; a bracket broken over a page
// break (参加单\n\n位：) joins the paragraphs it spans. Paragraphs of tables that have a 牵头单位
// column are left to ./duty-tables.
import type { DutyData } from '../core/findings';
import type { PlanDoc, Section, Span } from '../core/types';
import { ORG_TAIL, type AgencyContext } from './agencies';
import { deadlineIn, isLabelWord, labelsIn, readAssignment, type Assignment } from './duty-assign';
import { flattenSections, sectionAt } from './text';

export interface TextDuty extends Span {
  data: DutyData;
  confidence: number;
  /** What was inferred rather than read (lead_from_row_above, cells_realigned). */
  flags?: string[];
}

interface Marker extends Span {
  a: Assignment;
}

interface Run extends Span {
  heading: boolean;
}

// 【】 is left out: 【牵头单位】市发展改革委 is a label, read with the labels
const OPEN = '（(';
const CLOSE = '）)';

/** Duties from brackets and labelled fields in the body text. */
export function textDuties(doc: PlanDoc, actx: AgencyContext, skip: readonly Span[]): TextDuty[] {
  const text = doc.text.text;
  const runs = paragraphRuns(doc, skip);
  const found: Array<{ run: number; m: Marker }> = [];
  for (let i = 0; i < runs.length; i++) {
    const here = i;
    const ms = markersIn(text, runs[i], actx);
    // fields on lines of their own: the 配合单位：/完成时限： lines after a 牵头单位： line belong to it
    const last = ms[ms.length - 1];
    if (last && last.a.form === 'labelled' && last.end >= trimEnd(text, runs[i].start, runs[i].end)) {
      while (i + 1 < runs.length && startsWithFollowerLabel(text, runs[i + 1])) {
        const joined = readAssignment(text.slice(last.start, runs[i + 1].end), actx);
        if (!joined) break;
        last.a = joined;
        last.end = trimEnd(text, last.start, runs[++i].end);
      }
      runs[here].end = Math.max(runs[here].end, last.end);
    }
    for (const m of ms) found.push({ run: here, m });
  }
  const markers = found.map((f) => f.m);
  const perRun = new Map<number, number>();
  for (const f of found) perRun.set(f.run, (perRun.get(f.run) ?? 0) + 1);
  const out: TextDuty[] = [];
  found.forEach(({ run, m }, k) => {
    const prev = found[k - 1];
    const sameRun = !!prev && prev.run === run;
    const from = sameRun ? prev.m.end : runs[run].start;
    const d = dutyFor(doc, { runs, run, from, m, inRun: perRun.get(run)!, first: !sameRun, found: markers });
    if (d) out.push(d);
  });
  return out;
}

// ---- paragraphs joined while a bracket is open -----------------------------------------------

function paragraphRuns(doc: PlanDoc, skip: readonly Span[]): Run[] {
  const text = doc.text.text;
  const heads = flattenSections(doc.sections)
    .filter((s) => s.headingEnd > s.headingStart)
    .map((s) => ({ start: s.headingStart, end: s.headingEnd, heading: true }));
  const pieces = [...doc.blocks.paragraphs.map((p) => ({ ...p, heading: false })), ...heads]
    .filter((p) => !skip.some((t) => p.start >= t.start && p.end <= t.end))
    .sort((a, b) => a.start - b.start);
  const runs: Run[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const run = { ...pieces[i] };
    // 参加单\n\n位：…）: a bracket left open at a page break closes in the next paragraph or two
    for (let n = 0; bracketDepth(text, run.start, run.end) > 0 && n < 3 && i + 1 < pieces.length && pieces[i + 1].start - run.end < 200; n++) {
      run.end = pieces[++i].end;
    }
    runs.push(run);
  }
  return runs;
}

function bracketDepth(text: string, a: number, b: number): number {
  let d = 0;
  for (let i = a; i < b; i++) {
    if (OPEN.includes(text[i])) d++;
    else if (CLOSE.includes(text[i])) d = Math.max(0, d - 1);
  }
  return d;
}

const startsWithFollowerLabel = (text: string, r: Span) => {
  const hit = labelsIn(text.slice(r.start, Math.min(r.end, r.start + 16)))[0];
  return !!hit && hit.index === 0 && hit.role !== 'lead';
};

// ---- markers ---------------------------------------------------------------------------------

/** Brackets that state an assignment, and labelled fields outside brackets, in reading order. */
function markersIn(text: string, r: Span, actx: AgencyContext): Marker[] {
  const out: Marker[] = [];
  let depth = 0;
  let open = -1;
  const topLevel: number[] = []; // offsets at depth 0, for labels
  for (let i = r.start; i < r.end; i++) {
    const ch = text[i];
    if (OPEN.includes(ch)) {
      if (depth === 0) open = i;
      depth++;
    } else if (CLOSE.includes(ch) && depth > 0) {
      depth--;
      if (depth === 0 && open >= 0) {
        const a = readAssignment(text.slice(open + 1, i), actx);
        if (a && (a.form !== 'units' || closesClause(text, open, i + 1, r))) out.push({ start: open, end: i + 1, a });
        open = -1;
      }
    } else if (depth === 0) topLevel.push(i);
  }
  // 责任单位：省交通运输厅，湛江、茂名市政府。 after the task, or on a line of its own
  const top = new Set(topLevel);
  const runText = text.slice(r.start, r.end);
  const leads = labelsIn(runText).filter((h) => h.role === 'lead' && top.has(r.start + h.index));
  leads.forEach((h, k) => {
    const start = r.start + h.index;
    if (out.some((m) => start >= m.start && start < m.end)) return;
    const end = k + 1 < leads.length ? r.start + leads[k + 1].index : r.end;
    const a = readAssignment(text.slice(start, end), actx);
    if (a) out.push({ start, end: trimEnd(text, start, end), a });
  });
  return out.sort((x, y) => x.start - y.start);
}

const trimEnd = (text: string, a: number, b: number) => {
  while (b > a && /[\s。；;，,]/.test(text[b - 1])) b--;
  return b;
};

/**
 * A bare list of units in a bracket names who does a task only where it closes a clause
 * (…机制。（省发展改革委） or …机制（省发展改革委）。 at the end): after a name (领导小组办公室
 * （省发展改革委）) it is the name's other name.
 */
function closesClause(text: string, open: number, close: number, r: Span): boolean {
  const before = text.slice(Math.max(r.start, open - 12), open);
  if (before && ORG_TAIL.test(before)) return false;
  const after = text.slice(close, r.end).replace(/^[。；;\s]+/, '');
  return /[。；;]\s*$/.test(before) || after === '' || /^\d+[.．、]/.test(after);
}

// ---- tasks -----------------------------------------------------------------------------------

interface Place {
  runs: Run[];
  run: number;
  from: number;
  m: Marker;
  inRun: number;
  first: boolean;
  found: Marker[];
}

// Sections that are containers, not task groups.
const NOT_TASK_KINDS = new Set(['annex', 'annex-table', 'box', 'preface']);
// 1. / （一） / 一、 / 一是 / ① at the start of an item
const NUMBERING = /^(?:\d{1,3}\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|[①-⑳])\s*/;
// …（5分） after an item of a 考评办法: the points, not the task
const POINTS = /[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]/g;

function dutyFor(doc: PlanDoc, p: Place): TextDuty | null {
  const text = doc.text.text;
  const r = p.runs[p.run];
  const item = p.first ? itemTitle(text, r) : null;
  let clause = { start: p.first && item ? item.end : p.from, end: p.m.start };
  let start = p.first ? r.start : p.from;
  while (start < p.m.start && /[\s。；;，,]/.test(text[start])) start++;
  let task = cleanTask(text.slice(clause.start, clause.end));
  if (!task && !item && p.first) {
    // the marker opens its paragraph: the task is the body paragraph before it
    const prev = p.runs[p.run - 1];
    if (prev && !prev.heading && !p.found.some((m) => m.start >= prev.start && m.start < prev.end)) {
      clause = prev;
      start = prev.start;
      task = cleanTask(text.slice(prev.start, prev.end));
    }
  }
  // A marker after a full stop (or labelled) closes a group of sentences, which the heading or the
  // item title names; one inside a sentence (…协调机制（省发展改革委牵头）。) names its own clause.
  const closesGroup = p.m.a.form === 'labelled' || /[。；;！!]\s*$/.test(text.slice(Math.max(0, p.m.start - 4), p.m.start));
  const sec = sectionAt(doc, p.m.start);
  const secTitle = sec && closesGroup && soleMarkerSection(sec, p.found) ? cleanTask(sec.title) : null;
  let best: string;
  if (item && (closesGroup || !task) && p.inRun === 1) best = item.title;
  else if (secTitle) best = secTitle;
  else best = task || item?.title || (sec ? cleanTask(sec.title) : '');
  if (!best) return null;
  const confidence = p.m.a.form === 'labelled' ? 0.9 : p.m.a.form === 'roles' ? 0.8 : 0.6;
  return {
    start: Math.min(start, p.m.start),
    end: p.m.end,
    confidence,
    data: {
      task: best,
      lead: p.m.a.lead,
      support: p.m.a.support,
      deadline: p.m.a.deadline ?? deadlineIn(text.slice(clause.start, clause.end)),
    },
  };
}

/** A task-group section (leaf, not a container) holding this marker and no other. */
function soleMarkerSection(s: Section, markers: readonly Marker[]): boolean {
  if (NOT_TASK_KINDS.has(s.kind) || !s.title || s.children.length > 0) return false;
  return markers.filter((m) => m.start >= s.start && m.start < s.end).length === 1;
}

/** 5.深化服务贸易合作。… → the item's title sentence and where it ends. */
function itemTitle(text: string, r: Run): { title: string; end: number } | null {
  const s = text.slice(r.start, r.end);
  const n = NUMBERING.exec(s);
  if (!n) return null;
  // the title may carry a short bracket (城镇新增就业（4分）。), never a sentence
  const m = /^((?:[^。；;，,：:！？（()]|[（(][^（）()]{0,10}[）)]){2,30})[。；;：:]/.exec(s.slice(n[0].length));
  // 1.牵头单位：… opens with a label, not a title
  if (!m || isLabelWord(m[1])) return null;
  return { title: cleanTask(m[1]), end: r.start + n[0].length + m[0].length };
}

export function cleanTask(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*(?:牵头|负责|单位)[^（）()]*[）)]/g, '')
    .replace(POINTS, '')
    .replace(/^[。；;，,、]+/, '')
    .replace(NUMBERING, '')
    .replace(/[。；;，,：:]+$/, '');
}
