// Spatial structures (空间结构): the numeric pattern codes of a plan's layout — 构建“三核、四轴、两屏”的
// 国土开发格局, “双心一极点六轴三圈层”都市圈发展格局, 一轴。…两核。…四组团。— with their elements
// (三核 ×3) and the members the plan names for each element.
//
// 1. Mentions: a quoted code (all of it parses as elements, two or more), or an unquoted run of
//    elements followed by a layout noun (构建一核一带一区区域发展格局). Its subject is the noun
//    phrase after it. Initiatives and slogans (一带一路, 两廊一圈 … 合作) are not layouts.
// 2. Labels: where the plan explains elements — “三核”——…, 一个走廊：…, 一、双心一极点：…, 两轴。…
//    A label explains a code when its elements belong to the code and it lies in the code's section.
// 3. Members: read from each label's explanation (structure-members.ts); then, for elements still
//    without members, from the children of a heading that holds the code, from child paragraphs
//    whose titles name the element (强化山林屏障功能 for 一屏), and from 以…为N clauses around mentions.
// 4. Labels that no code claims and follow each other at paragraph starts form a code of their
//    own (一轴。…两核。…四组团。 → 一轴两核四组团), named after their section (空间布局).
import type { ExtractContext, Finding, StructureData, StructureElement } from '../core/findings';
import type { Gazetteer, PlanDoc, Section, Span } from '../core/types';
import {
  type CodeElement,
  ELEMENT_NOUNS,
  REJECT_AFTER,
  STRICT_SUBJECT_HEADS,
  SUBJECT_HEADS,
  codeKey,
  isNotStructure,
  nounKey,
  parseCode,
  readElement,
  readRun,
} from './structure-code';
import { type Candidate, candidates, cleanItems, memberCode, pickMembers, plainList } from './structure-members';
import { flattenSections, sectionAt } from './text';

interface Subject extends Span {
  text: string;
}

interface Mention extends Span {
  /** The code as written (inside the quotes). */
  code: string;
  elements: CodeElement[];
  quoted: boolean;
  /** Quote start to subject end. */
  outer: Span;
  subject: Subject | null;
}

interface Label extends Span {
  elements: CodeElement[];
  quoted: boolean;
  /** 三核—— / 一个走廊： / “一湾”，是指 define; 一轴。 opens a narrating paragraph. */
  sep: 'colon' | 'dash' | 'def' | 'stop';
  /** At a paragraph or sentence start (or right after a heading): may open a code of its own. */
  lineStart: boolean;
  body: Span;
  /** The section whose heading line holds the label (一、双心一极点：…), if any. */
  heading: Section | null;
}

interface ElementState {
  el: CodeElement;
  members: string[];
  span: Span | null;
  rule: Candidate['rule'] | 'distributed' | null;
  /** Explanation of an unnumbered part read after the labels (延伸区。…). */
  extra?: Span;
}

const NUMERAL_CHAR = /[一二两双三四五六七八九十百千万0-9第]/;
const ENUM_MARK = /(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*$/;

class Outline {
  readonly all: Section[];
  readonly headingEnds: Set<number>;
  constructor(readonly doc: PlanDoc) {
    this.all = flattenSections(doc.sections);
    this.headingEnds = new Set(this.all.map((s) => s.headingEnd));
  }
  /** The section whose heading line holds `p`. */
  headingAt(p: number): Section | null {
    let best: Section | null = null;
    for (const s of this.all) if (p >= s.headingStart && p < s.headingEnd && (!best || s.level > best.level)) best = s;
    return best;
  }
  /** Innermost section around `p` that is not a run-in paragraph (a run-in is too small to explain a code). */
  region(p: number): Section | null {
    let best: Section | null = null;
    for (const s of this.all) if (p >= s.start && p < s.end && s.kind !== 'runin' && (!best || s.level > best.level)) best = s;
    return best;
  }
}

const text = (doc: PlanDoc): string => doc.text.text;
const lineStart = (t: string, p: number): number => t.lastIndexOf('\n', p - 1) + 1;
const lineEnd = (t: string, p: number): number => {
  const i = t.indexOf('\n', p);
  return i < 0 ? t.length : i;
};

/** Sentence around `p` (between 。！？ or line breaks). */
function sentenceAround(t: string, p: number, max = 400): Span {
  let a = p;
  while (a > 0 && p - a < max && !/[。！？\n]/.test(t[a - 1])) a--;
  let b = p;
  while (b < t.length && b - p < max && !/[。！？\n]/.test(t[b])) b++;
  return { start: a, end: b };
}

function endsWithAny(s: string, words: readonly string[]): boolean {
  return words.some((w) => s.endsWith(w));
}

// ---- 1. mentions -----------------------------------------------------------------------------

const SUBJECT_STOP = /[，,。；;：:、“”"《》（）()\s！？!?和与及并]/;

/** The noun phrase after a code: 的国土开发格局, 都市圈发展格局, 发展轴 … cut after its last layout noun. */
function subjectAfter(t: string, j: number): Subject | null {
  let k = j;
  const frame = /^为(主体|骨架|支撑|核心|引领|重点|框架|基础)的/.exec(t.slice(k, k + 6)); // “两屏三带”为主体的生态安全格局
  if (frame) k += frame[0].length;
  else if (t[k] === '的' || t[k] === '之') k++;
  let e = k;
  while (e < t.length && e - k < 20 && !SUBJECT_STOP.test(t[e])) {
    if (e > k) {
      const next = readElement(t, e);
      if (next && (/[：:、。]/.test(t[next.end] ?? '') || readElement(t, next.end))) break; // 格局一个走廊：
    }
    e++;
  }
  const chunk = t.slice(k, e);
  for (let n = chunk.length; n >= 2; n--) {
    if (endsWithAny(chunk.slice(0, n), SUBJECT_HEADS)) return { text: chunk.slice(0, n), start: k, end: k + n };
  }
  return null;
}

/**
 * The noun phrase before a code that is said to be it: 城镇空间结构为“一主两副多节点”, 总体格局：“一核一带”.
 * Only a phrase that ends right before 为/是/：and starts after a clause break or a verb counts.
 */
function subjectBefore(t: string, quoteStart: number): Subject | null {
  const m = /([\u4e00-\u9fa5]{2,16})(?:为|是|：|:)$/.exec(t.slice(Math.max(0, quoteStart - 18), quoteStart));
  if (!m) return null;
  let phrase = m[1];
  const verb = /^.*(?:形成|构建|构筑|打造|优化|完善|规划|确定|提出|明确|其中)/.exec(phrase);
  if (verb) phrase = phrase.slice(verb[0].length);
  if (phrase.length < 2 || !endsWithAny(phrase, SUBJECT_HEADS)) return null;
  const end = quoteStart - (m[0].length - m[1].length);
  return { text: phrase, start: end - phrase.length, end };
}

const QUOTES = /“([^“”\n]{2,40})”|「([^「」\n]{2,40})」|『([^『』\n]{2,40})』|"([^"\n]{2,40})"/g;
/** Quotes inside quotes (“…构建‘一核两翼’空间格局”), read on their own. */
const INNER_QUOTES = /‘([^‘’\n]{2,40})’/g;

interface Quote extends Span {
  /** The text inside the quotes, trimmed, and where it starts. */
  inner: string;
  at: number;
}

function mentionOf(t: string, code: string, at: number, els: CodeElement[], outerStart: number, after: number): Mention | null {
  const next = t.slice(t[after] === '的' ? after + 1 : after, after + 8);
  if (REJECT_AFTER.some((w) => next.startsWith(w))) return null; // 中越“两廊一圈”合作
  const subject = subjectAfter(t, after) ?? subjectBefore(t, outerStart);
  return {
    start: at,
    end: at + code.length,
    code,
    elements: els,
    quoted: true,
    outer: { start: outerStart, end: subject?.end ?? after },
    subject,
  };
}

/**
 * Quoted codes: “三核、四轴、两屏”, and codes whose elements are quoted one by one (“一核”“两轴”“三区”,
 * “一核”、“两轴”、“三区”).
 */
function quotedMentions(t: string): { mentions: Mention[]; quoted: Span[] } {
  const quotes: Quote[] = [];
  const all = [...t.matchAll(QUOTES), ...t.matchAll(INNER_QUOTES)].sort((a, b) => a.index - b.index);
  for (const m of all) {
    const raw = m[1] ?? m[2] ?? m[3] ?? m[4];
    const inner = raw.trim();
    quotes.push({ start: m.index, end: m.index + m[0].length, inner, at: m.index + 1 + raw.indexOf(inner) });
  }
  const mentions: Mention[] = [];
  const single = (q: Quote) => {
    const els = parseCode(q.inner);
    return els?.length === 1 ? els[0] : null;
  };
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k];
    const els = parseCode(q.inner);
    if (els && els.length >= 2 && !isNotStructure(q.inner)) {
      const m = mentionOf(t, q.inner, q.at, els.map((e) => ({ ...e, start: e.start + q.at, end: e.end + q.at })), q.start, q.end);
      if (m) mentions.push(m);
      continue;
    }
    // “一核”“两轴”“三区”: single elements quoted side by side
    const group: Quote[] = [];
    for (let n = k; n < quotes.length && single(quotes[n]); n++) {
      if (group.length && !/^、?$/.test(t.slice(group[group.length - 1].end, quotes[n].start))) break;
      group.push(quotes[n]);
    }
    if (group.length < 2) continue;
    const parts = group.map((g) => ({ ...single(g)!, start: g.at, end: g.at + g.inner.length }));
    const sep = t.slice(group[0].end, group[1].start);
    const code = parts.map((p) => p.name).join(sep);
    if (new Set(parts.map((p) => p.name)).size === parts.length && !isNotStructure(code)) {
      const m = mentionOf(t, code, parts[0].start, parts, group[0].start, group[group.length - 1].end);
      if (m) mentions.push({ ...m, end: parts[parts.length - 1].end });
    }
    k += group.length - 1;
  }
  return { mentions, quoted: quotes };
}

/** 构建一核一带一区区域发展格局: a run of elements without quotes, followed by a layout noun. */
function inlineMentions(t: string, quoted: readonly Span[]): Mention[] {
  const out: Mention[] = [];
  let q = 0;
  for (let i = 0; i < t.length; i++) {
    while (q < quoted.length && quoted[q].end <= i) q++;
    if (q < quoted.length && quoted[q].start <= i) {
      i = quoted[q].end - 1;
      continue;
    }
    if (i > 0 && NUMERAL_CHAR.test(t[i - 1])) continue;
    const run = readRun(t, i);
    if (run.length === 1 && oneAreaCode(t, i, run[0])) {
      out.push({ start: i, end: run[0].end, code: run[0].name, elements: run, quoted: false, outer: { start: i - 6, end: run[0].end }, subject: null });
      i = run[0].end - 1;
      continue;
    }
    if (run.length < 2) continue;
    const end = run[run.length - 1].end;
    const code = t.slice(i, end);
    const subject = subjectAfter(t, end);
    if (subject && endsWithAny(subject.text, STRICT_SUBJECT_HEADS) && !isNotStructure(code)) {
      out.push({ start: i, end, code, elements: run, quoted: false, outer: { start: i, end: subject.end }, subject });
    }
    i = end - 1;
  }
  return out;
}

/**
 * 构筑…东、中、西三大片区 / 南、北两大组团: one element of areas (N大片区, N大板块, N大组团) after the list
 * of directions it divides the region into — a layout of one element.
 */
function oneAreaCode(t: string, i: number, el: CodeElement): boolean {
  if (el.count === null || el.count < 2 || !/^[^大]+大(?:片区|板块|组团|功能区|城区)$/.test(el.name)) return false;
  const before = t.slice(Math.max(0, i - 12), i);
  const dirs = /((?:[东南西北中][部]?、){1,4}[东南西北中][部]?)$/.exec(before);
  return !!dirs && dirs[1].split('、').length === el.count;
}

// ---- 2. labels -------------------------------------------------------------------------------

function atLineStart(t: string, p: number, outline: Outline): boolean {
  const blank = /[ \t\u3000]/;
  let q = p;
  while (q > 0 && blank.test(t[q - 1])) q--;
  if (outline.headingEnds.has(q)) return true;
  const mark = ENUM_MARK.exec(t.slice(Math.max(0, q - 8), q));
  if (mark) {
    q -= mark[0].length;
    while (q > 0 && blank.test(t[q - 1])) q--;
  }
  return q === 0 || outline.headingEnds.has(q) || /[\n。；;！？!?]/.test(t[q - 1]);
}

function findLabels(t: string, outline: Outline): Label[] {
  const labels: Label[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!/[一二两双三四五六七八九十多若几0-9]/.test(t[i])) continue;
    if (i > 0 && NUMERAL_CHAR.test(t[i - 1])) continue;
    const run = readRun(t, i);
    if (!run.length) continue;
    const end = run[run.length - 1].end;
    const quoted = t[i - 1] === '“' && t[end] === '”';
    let j = quoted ? end + 1 : end;
    const rest = t.slice(j, j + 8);
    let sep: 'colon' | 'dash' | 'def' | 'stop' | null = null;
    let m: RegExpExecArray | null;
    if ((m = /^[ \t]*(——|—|－－)/.exec(rest))) sep = 'dash';
    else if ((m = /^[ \t]*[：:]/.exec(rest))) sep = 'colon';
    else if (quoted && (m = /^[，,]?\s*(?=即|是指|指)/.exec(rest))) sep = 'def';
    else if (quoted && /[^以把将]/.test(t[i - 2] ?? '') && (m = /^(?=为)/.exec(rest))) sep = 'def'; // 其中“一轴”为沿江发展轴 (not 以“双心”为引领)
    else if ((m = /^[。．]/.exec(rest))) sep = 'stop';
    else if (outline.headingAt(i) && (m = /^[ \t\u3000]+(?=\S)/.exec(rest))) sep = 'colon'; // 一、双核 构建配套完善的产业发展核
    if (!sep || !m) {
      i = end - 1;
      continue;
    }
    j += m[0].length;
    const first = quoted ? i - 1 : i;
    const lineStartish = atLineStart(t, first, outline);
    if (sep === 'stop' && !lineStartish) {
      i = end - 1;
      continue;
    }
    const heading = outline.headingAt(i);
    labels.push({
      start: i,
      end,
      elements: run,
      quoted,
      sep,
      lineStart: lineStartish,
      body: { start: j, end: heading ? heading.headingEnd : lineEnd(t, j) },
      heading,
    });
    i = end - 1;
  }
  // a body ends where the next label begins (一个走廊：…；两个密集区：…), and within 600 characters
  for (let k = 0; k < labels.length; k++) {
    const b = labels[k].body;
    const next = labels[k + 1];
    const sec = sectionAt(outline.doc, labels[k].start);
    b.end = Math.min(b.end, next && next.start > b.start ? (next.quoted ? next.start - 1 : next.start) : Infinity, b.start + 600, sec?.end ?? Infinity);
    if (b.end < b.start) b.end = b.start;
  }
  return labels;
}

// ---- 3. members ------------------------------------------------------------------------------

/** Kinds of child headings that name parts of their parent (run-in titles, numbered items), not boxes or chapters. */
const PART_KINDS = new Set<Section['kind']>(['item', 'subitem', 'numbered', 'paren-numbered', 'runin', 'heading']);

/** Children of a heading as member names (the run-in titles under 二、六轴：…). */
const childTitles = (s: Section | null): string[] => (s ? s.children.filter((c) => PART_KINDS.has(c.kind)).map((c) => c.title) : []);

/**
 * Share a list among several elements: by the element noun each item ends with (湛江主中心 → 双心,
 * 空港经济区极点 → 一极点), else in order when the counts add up (一横五射 over six axes).
 */
function distribute(items: readonly string[], targets: readonly ElementState[]): Map<ElementState, string[]> | null {
  const byNoun = new Map<ElementState, string[]>(targets.map((t) => [t, []]));
  let ok = true;
  for (const it of items) {
    let hit = targets.filter((t) => it.endsWith(t.el.noun));
    if (hit.length !== 1) hit = targets.filter((t) => it.includes(t.el.noun));
    if (hit.length !== 1) {
      ok = false;
      break;
    }
    byNoun.get(hit[0])!.push(it);
  }
  if (ok && targets.every((t) => t.el.count === null ? byNoun.get(t)!.length > 0 : byNoun.get(t)!.length === t.el.count)) return byNoun;
  if (targets.every((t) => t.el.count !== null) && targets.reduce((n, t) => n + (t.el.count ?? 0), 0) === items.length) {
    const seq = new Map<ElementState, string[]>();
    let k = 0;
    for (const t of targets) {
      seq.set(t, items.slice(k, k + (t.el.count ?? 0)));
      k += t.el.count ?? 0;
    }
    return seq;
  }
  return null;
}

function applyLabel(t: string, label: Label, states: readonly ElementState[], gaz: Gazetteer): boolean {
  const names = new Set(label.elements.map((e) => e.name));
  const targets = states.filter((s) => names.has(s.el.name) && !s.members.length);
  if (!targets.length) return false;
  let explanation = t.slice(label.body.start, label.body.end);
  const children = label.heading ? childTitles(label.heading) : [];
  // （一）一心。以老城区和高铁新区为…: a heading that is only the label is explained by the paragraph under it
  const bare = label.heading !== null && !/[^\s。．.：:]/.test(explanation);
  if (bare && label.heading) {
    const h = label.heading;
    const from = h.headingEnd;
    const to = Math.min(h.children[0]?.start ?? h.end, h.end, lineEnd(t, t[from] === '\n' ? from + 1 : from));
    explanation = t.slice(from, to);
  }
  const span: Span = { start: label.quoted ? label.start - 1 : label.start, end: label.body.end };
  if (targets.length === 1 && label.elements.length === 1) {
    const s = targets[0];
    // a bare heading is defined by what follows it on its line after a space (一、一核 中心城区和临港新城),
    // narrated by a paragraph otherwise (（一）一心。以老城区…)
    const spaced = bare && /^[ \t\u3000]+\S/.test(explanation);
    const definitional = ((label.sep !== 'stop' || label.heading !== null) && !bare) || spaced;
    const pick = pickMembers(candidates(explanation, { noun: s.el.noun, count: s.el.count }, gaz, children, definitional), s.el.count);
    s.span = span;
    if (pick) {
      s.members = pick.items;
      s.rule = pick.rule;
    }
    return true;
  }
  // a label for several elements (双心一极点：湛江主中心、茂名副中心、空港经济区极点; 五岛一湾：…含…)
  const lists = [cleanItems(children, true), plainList(explanation)].filter((l) => l.length);
  for (const s of targets) s.span = span;
  for (const items of lists) {
    const shares = distribute(items, targets);
    if (!shares) continue;
    for (const [s, ms] of shares) {
      s.members = ms;
      s.rule = 'distributed';
    }
    break;
  }
  return true;
}

// ---- assembling ----------------------------------------------------------------------------------

interface Code {
  mentions: Mention[];
  primary: Mention;
  elements: CodeElement[];
  code: string;
  subject: Subject | null;
  states: ElementState[];
  span: Span;
  flags: string[];
  fromLabels: boolean;
}

function newStates(elements: readonly CodeElement[]): ElementState[] {
  return elements.map((el) => ({ el, members: [], span: null, rule: null }));
}

function withinRegion(outline: Outline, t: string, m: Mention, p: number): boolean {
  const r = outline.region(m.start);
  const from = lineStart(t, m.start);
  const to = Math.min(r ? r.end : t.length, m.end + 6000);
  return p >= from && p < to;
}

function resolveMembers(t: string, code: Code, labels: readonly Label[], outline: Outline, gaz: Gazetteer, used: Set<Label>): void {
  const names = new Set(code.elements.map((e) => e.name));
  const mine = labels.filter((l) => l.elements.every((e) => names.has(e.name)));
  const whole = (l: Label) => l.elements.length === code.elements.length && l.elements.length > 1;
  const near = (l: Label) => whole(l) || code.mentions.some((m) => withinRegion(outline, t, m, l.start));
  // labels after the first mention first (the explanation follows the code), then those before it
  const first = code.mentions[0].start;
  const ordered = [...mine.filter((l) => l.start >= first), ...mine.filter((l) => l.start < first)].filter(near);
  for (const l of ordered) if (applyLabel(t, l, code.states, gaz)) used.add(l);
  for (const l of mine) if (near(l)) used.add(l);

  const lacking = () => code.states.filter((s) => !s.members.length);
  // a code in a heading with children: 二、六轴：“一横五射”发展轴 over its six run-in axes
  for (const m of code.mentions) {
    if (!lacking().length) break;
    const h = outline.headingAt(m.start);
    const titles = cleanItems(childTitles(h), true);
    if (!h || !titles.length || lacking().length !== code.states.length) continue;
    const shares = distribute(titles, code.states);
    if (!shares) continue;
    for (const [s, ms] of shares) {
      s.members = ms;
      s.rule = 'distributed';
      s.span ??= { start: h.start, end: h.end };
    }
  }
  // child paragraphs that name an element (强化山林屏障功能 → 一屏), when the code opens its section
  const m0 = code.primary;
  const r = outline.region(m0.start);
  if (r && lacking().length && r.children.length && m0.start < r.children[0].start) {
    // not the headings that are labels of this code (一、一核) — those were read above
    const free = r.children.filter((c) => PART_KINDS.has(c.kind) && !labels.some((l) => l.heading === c && mine.includes(l)));
    for (const s of lacking()) {
      const k = free.findIndex((c) => c.title.includes(s.el.noun));
      if (k < 0) continue;
      const c = free.splice(k, 1)[0];
      const q = { noun: s.el.noun, count: s.el.count };
      const body = t.slice(c.headingEnd, c.end).replace(/^[。．.]/, '');
      const pick = pickMembers(candidates(body, q, gaz), s.el.count) ?? pickMembers(candidates(c.title, q, gaz), s.el.count);
      s.span = { start: c.start, end: c.end };
      if (pick) {
        s.members = pick.items;
        s.rule = pick.rule;
      }
    }
  }
  // 以湛江北站为主枢纽，茂名站和湛江吴川机场站为副枢纽，…为节点，构建“一主两副多节点”…
  for (const s of lacking()) {
    for (const m of code.mentions) {
      const sent = sentenceAround(t, m.start);
      // the code itself is no member list (形成一核、两带、三区的空间结构: 三区 is not 一核、两带)
      let around = t.slice(sent.start, sent.end);
      for (const o of code.mentions) {
        const a = Math.max(o.outer.start, sent.start) - sent.start;
        const b = Math.min(o.subject ? o.subject.start : o.outer.end, sent.end) - sent.start;
        if (b > a) around = around.slice(0, a) + '，'.repeat(b - a) + around.slice(b);
      }
      const cands = candidates(around, { noun: s.el.noun, count: s.el.count }, gaz).filter(
        (c) => c.rule === 'wei' || c.rule === 'counted',
      );
      const pick = pickMembers(cands, s.el.count);
      if (pick) {
        s.members = pick.items;
        s.rule = pick.rule;
        s.span = sent;
        break;
      }
    }
  }
}

/** Labels that no code claims, one after another at paragraph starts of one section: 一轴。…两核。…四组团。 */
function labelCodes(t: string, labels: readonly Label[], used: ReadonlySet<Label>, outline: Outline, known: readonly Code[]): Code[] {
  const free = labels.filter((l) => !used.has(l) && l.lineStart && !l.quoted);
  const knownNames = known.map((c) => new Set(c.elements.map((e) => e.name)));
  const out: Code[] = [];
  let group: Label[] = [];
  const flush = () => {
    const els = group.flatMap((l) => l.elements);
    const names = els.map((e) => e.name);
    const fresh = new Set(names).size === names.length && !knownNames.some((k) => names.every((n) => k.has(n)));
    if (els.length >= 2 && fresh && !isNotStructure(names.join(''))) out.push(makeLabelCode(t, group, outline));
    group = [];
  };
  for (const l of free) {
    const prev = group[group.length - 1];
    const sameSection = prev && outline.region(prev.start) === outline.region(l.start) && l.start - prev.body.end < 1500;
    const repeats = prev && group.some((g) => g.elements.some((e) => l.elements.some((x) => x.name === e.name)));
    if (prev && (!sameSection || repeats)) flush();
    group.push(l);
  }
  if (group.length) flush();
  return out;
}

const TRAILING_LABEL = /^([^\s，,。；;：:、“”（）()0-9]{2,5})[。：:]/;

function makeLabelCode(t: string, group: readonly Label[], outline: Outline): Code {
  const elements = group.flatMap((l) => l.elements);
  const first = group[0];
  const last = group[group.length - 1];
  const region = outline.region(first.start);
  const code = elements.map((e) => e.name).join('');
  const title = region?.title.replace(/\s+/g, '') ?? '';
  const subject: Subject | null =
    region && endsWithAny(title, SUBJECT_HEADS) ? { text: title, start: region.headingStart, end: region.headingEnd } : null;
  const mention: Mention = { start: first.start, end: last.end, code, elements, quoted: false, outer: { start: first.start, end: last.body.end }, subject };
  const states = newStates(elements);
  // an unnumbered part that follows the numbered ones (…四组团。…。延伸区。统筹考虑…)
  const stop = region ? region.end : t.length;
  const after = t.indexOf('。', last.body.start);
  let span: Span = { start: first.start, end: last.body.end };
  if (after >= 0 && after + 1 < stop) {
    let p = after + 1;
    while (/\s/.test(t[p] ?? '')) p++;
    const m = TRAILING_LABEL.exec(t.slice(p, p + 6));
    const name = m?.[1];
    if (name && endsWithAny(name, ELEMENT_NOUNS) && !readElement(t, p)) {
      const bodyEnd = Math.min(lineEnd(t, p), t.indexOf('。', p + name.length + 1) + 1 || stop, stop);
      const el: CodeElement = { name, count: null, noun: ELEMENT_NOUNS.find((n) => name.endsWith(n)) ?? name, start: p, end: p + name.length };
      states.push({ el, members: [], span: { start: p, end: bodyEnd }, rule: null, extra: { start: p + name.length + 1, end: bodyEnd } });
      span = { start: first.start, end: bodyEnd };
    }
  }
  return {
    mentions: [mention],
    primary: mention,
    elements,
    code,
    subject,
    states,
    span,
    flags: ['code_from_labels', ...(subject ? ['subject_from_heading'] : [])],
    fromLabels: true,
  };
}

function withinOf(doc: PlanDoc, gaz: Gazetteer): string | undefined {
  const provinces = new Set(
    doc.meta.scope.map((n) => {
      const p = gaz.resolve(n);
      return p?.level === 'province' ? p.code : p?.parent ?? null;
    }),
  );
  const only = [...provinces];
  return only.length === 1 && only[0] ? only[0] : undefined;
}

export function extractStructures(doc: PlanDoc, ctx: ExtractContext): Array<Finding<'structure'>> {
  const t = text(doc);
  const gaz = ctx.gazetteer;
  const outline = new Outline(doc);
  const { mentions: quoted, quoted: quotedSpans } = quotedMentions(t);
  const mentions = [...quoted, ...inlineMentions(t, quotedSpans)].sort((a, b) => a.start - b.start);

  // one code per pattern, however often it is mentioned
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) {
    const k = codeKey(m.elements);
    byKey.set(k, [...(byKey.get(k) ?? []), m]);
  }
  let codes: Code[] = [...byKey.values()].map((ms) => {
    const primary = ms.find((m) => m.subject) ?? ms[0];
    return {
      mentions: ms,
      primary,
      elements: primary.elements,
      code: primary.code,
      subject: primary.subject,
      states: newStates(primary.elements),
      span: primary.outer,
      flags: primary.quoted ? [] : ['unquoted'],
      fromLabels: false,
    };
  });
  // a quoted part of a larger code is a label or a reference to it, not a code (“双心一极点”——…)
  codes = codes.filter((c) => {
    const names = c.elements.map((e) => e.name);
    return c.subject || !codes.some((o) => o !== c && o.elements.length > names.length && names.every((n) => o.elements.some((e) => e.name === n)));
  });

  const labels = findLabels(t, outline);
  const used = new Set<Label>();
  for (const c of codes) resolveMembers(t, c, labels, outline, gaz, used);
  const fromLabels = labelCodes(t, labels, used, outline, codes);
  for (const c of fromLabels) {
    const own = labels.filter((l) => l.start >= c.span.start && l.start < c.span.end);
    for (const l of own) applyLabel(t, l, c.states, gaz);
    for (const s of c.states) {
      const extra = s.extra;
      if (!extra || s.members.length) continue;
      const pick = pickMembers(candidates(t.slice(extra.start, extra.end), { noun: s.el.noun, count: null }, gaz), null);
      if (pick) {
        s.members = pick.items;
        s.rule = pick.rule;
      }
    }
  }
  codes.push(...fromLabels);

  // the same pattern with other counts elsewhere in the plan (两轴五射 / 两轴四射 in an annex)
  for (const c of codes) {
    const twin = codes.find((o) => o !== c && nounKey(o.elements) === nounKey(c.elements) && codeKey(o.elements) !== codeKey(c.elements));
    if (twin) c.flags.push('inconsistent_counts');
  }

  const within = withinOf(doc, gaz);
  return codes
    .map((c): Finding<'structure'> => {
      const elements: StructureElement[] = c.states.map((s) => ({
        name: s.el.name,
        count: s.el.count,
        members: s.members,
        memberCodes: s.members.map((m) => memberCode(m, gaz, within)),
        span: s.span,
      }));
      const explained = c.states.filter((s) => s.members.length).length / c.states.length;
      const flags = [...c.flags];
      if (c.states.some((s) => s.rule === 'distributed' && s.el.count !== null && s.members.length === s.el.count && !s.members.every((m) => m.endsWith(s.el.noun))))
        flags.push('members_inferred');
      if (c.states.some((s) => s.members.length && s.el.count !== null && s.members.length !== s.el.count)) flags.push('member_count_differs');
      // a quoted code with a layout noun after it and explained elements is near certain; a quoted
      // code with neither may be a slogan (“三中心一基地”)
      const base = c.fromLabels ? 0.55 : c.primary.quoted ? 0.6 : 0.5;
      const confidence = Math.min(0.98, base + (c.subject ? 0.15 : 0) + 0.2 * explained);
      const data: StructureData = { code: c.code, subject: c.subject?.text ?? null, elements };
      return { kind: 'structure', start: c.span.start, end: c.span.end, section: sectionAt(doc, c.span.start)?.id ?? null, confidence, flags, data };
    })
    .sort((a, b) => a.start - b.start);
}
