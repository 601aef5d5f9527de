// Duties (who is responsible for what) from 分工 annexes, 任务分工表 tables and responsibility
// phrases in the text. Unit names are normalized by ./agencies against data/lexicons/agencies.csv.
//
// Forms read, most reliable first:
//   1. labelled fields   …任务描述。（牵头单位：省发展改革委、交通运输厅；参加单位：省自然资源厅等）
//                        or 牵头单位：… / 配合单位：… / 完成时限：… on lines of their own
//   2. tables            tab-separated rows under a header with 牵头单位 / 责任单位 columns
//   3. short brackets    （省发展改革委牵头，省财政厅配合）  （省交通运输厅负责）
//   4. sentences         由省交通运输厅负责…  由X牵头，Y配合…  省发展改革委要会同有关部门…
//                        and, in implementation chapters only, 省有关部门要…
import type { DutyData, Extractor, Finding } from '../core/findings';
import type { PlanDoc, Span } from '../core/types';
import { agencyIndex, defaultPrefixFor, isAgencyLike, splitAgencyList, type AgencyContext } from './agencies';
import { flattenSections, sectionAt, sentences } from './text';

type Duty = Finding<'duty'>;

export const extractDuties: Extractor<'duty'> = (doc, ctx) => {
  const actx: AgencyContext = {
    index: agencyIndex(ctx.lexicons.agencies),
    gazetteer: ctx.gazetteer,
    defaultPrefix: defaultPrefixFor(doc.meta.level),
  };
  const out: Duty[] = [...labelledFields(doc, actx), ...tables(doc, actx)];
  const covered = (s: Span) => out.some((d) => s.start < d.end && d.start < s.end);
  for (const d of [...shortBrackets(doc, actx), ...responsibilitySentences(doc, actx)]) {
    if (!covered(d)) out.push(d);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
};

// ---- 1. labelled fields -------------------------------------------------------------------

// Labels may be broken by page-break whitespace (参加单\n\n位), so every character allows \s* after it.
const spaced = (w: string) => [...w].join('\\s*');
const LABELS: Array<[RegExp, 'lead' | 'support' | 'deadline']> = [
  [/^(?:牵头(?:单位|部门)?|责任(?:单位|部门)|主责(?:单位|部门)|主办(?:单位|部门)|牵头责任单位)$/, 'lead'],
  [/^(?:参加|参与|配合|协办|协同|协助|共同责任|其他责任)(?:单位|部门)$/, 'support'],
  [/^(?:完成时限|完成时间|时间要求|时限要求|时间节点|时间安排|进度安排|时限|完成期限)$/, 'deadline'],
];
const LABEL_WORDS = [
  '牵头责任单位', '牵头单位', '牵头部门', '责任单位', '责任部门', '主责单位', '主责部门', '主办单位', '主办部门', '牵头',
  '参加单位', '参与单位', '配合单位', '协办单位', '协同单位', '协助单位', '共同责任单位', '其他责任单位',
  '参加部门', '参与部门', '配合部门', '协办部门', '协同部门', '协助部门',
  '完成时限', '完成时间', '时间要求', '时限要求', '时间节点', '时间安排', '进度安排', '完成期限', '时限',
];
const LABEL_RE = new RegExp(`(${LABEL_WORDS.map(spaced).join('|')})\\s*[：:]`, 'g');
const LEAD_START = new RegExp(`(?:${['牵头责任单位', '牵头单位', '牵头部门', '责任单位', '责任部门', '主责单位', '主办单位', '牵头'].map(spaced).join('|')})\\s*[：:]`, 'g');

interface Fields {
  lead: string | null;
  support: string | null;
  deadline: string | null;
}

function parseFields(block: string): Fields {
  const f: Fields = { lead: null, support: null, deadline: null };
  const hits = [...block.matchAll(LABEL_RE)];
  hits.forEach((m, i) => {
    const label = m[1].replace(/\s+/g, '');
    const role = LABELS.find(([re]) => re.test(label))?.[1];
    const from = m.index + m[0].length;
    const to = i + 1 < hits.length ? hits[i + 1].index : block.length;
    const value = block
      .slice(from, to)
      .replace(/\s+/g, '')
      .replace(/^[，,；;。]+|[，,；;。]+$/g, '');
    if (role && value && f[role] == null) f[role] = value;
  });
  return f;
}

function labelledFields(doc: PlanDoc, actx: AgencyContext): Duty[] {
  const text = doc.text.text;
  const leads = [...text.matchAll(LEAD_START)].map((m) => m.index);
  const out: Duty[] = [];
  let prevEnd = 0;
  for (const at of leads) {
    if (at < prevEnd) continue;
    const open = openingBracket(text, at);
    let blockStart: number;
    let blockEnd: number;
    if (open >= 0) {
      const close = closingBracket(text, open);
      if (close < 0) continue;
      blockStart = open + 1;
      blockEnd = close;
    } else {
      // 牵头单位：… on its own line, with 配合单位： / 完成时限： lines after it.
      blockStart = at;
      blockEnd = lineEnd(text, at);
      for (;;) {
        const next = nextLine(text, blockEnd);
        if (!next) break;
        const head = text.slice(next.start, Math.min(next.end, next.start + 12)).replace(/\s+/g, '');
        if (!/^(?:参加|参与|配合|协办|协同|协助|共同|其他责任|完成|时间|时限|进度)/.test(head)) break;
        blockEnd = next.end;
      }
    }
    const fields = parseFields(text.slice(blockStart, blockEnd));
    if (!fields.lead) continue;
    const lead = splitAgencyList(fields.lead, actx);
    if (lead.length === 0 || !lead.every((u) => isAgencyLike(u, actx.index))) continue;
    const support = fields.support ? splitAgencyList(fields.support, actx) : [];
    const end = open >= 0 ? blockEnd + 1 : blockEnd;
    const desc = descriptionBefore(doc, open >= 0 ? open : blockStart, prevEnd);
    const start = desc ? desc.start : open >= 0 ? open : blockStart;
    const task = taskFor(doc, desc, start, leads) ?? '';
    out.push(
      duty(doc, start, end, 0.9, {
        task,
        lead,
        support,
        deadline: fields.deadline ?? deadlineIn(text.slice(start, open >= 0 ? open : blockStart)),
      }),
    );
    prevEnd = end;
  }
  return out;
}

/** Index of the （ that the label at `at` opens, or -1 when the label is not bracketed. */
function openingBracket(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && at - i <= 4; i--) {
    const ch = text[i];
    if (ch === '（' || ch === '(') return i;
    if (!/\s/.test(ch)) return -1;
  }
  return -1;
}

/** Index of the bracket closing the one at `open` (nested brackets allowed), or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i - open < 600; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const lineEnd = (text: string, at: number) => {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
};

function nextLine(text: string, from: number): Span | null {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  if (i >= text.length) return null;
  return { start: i, end: lineEnd(text, i) };
}

/**
 * The task description a marker closes: from the start of its paragraph (or the end of the
 * previous marker) to the marker. For a marker alone on its line, the paragraph before it,
 * unless that is a heading.
 */
function descriptionBefore(doc: PlanDoc, markerStart: number, floor: number): Span | null {
  const text = doc.text.text;
  let a = text.lastIndexOf('\n', markerStart - 1) + 1;
  if (a < floor) a = floor;
  let b = markerStart;
  while (a < b && /[\s。；;，,]/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (b > a) return { start: a, end: b };
  // Marker on a line of its own: the previous paragraph, if it is body text.
  const prev = text.lastIndexOf('\n', a - 2);
  const pa = prev + 1;
  if (pa < floor || pa >= a) return null;
  const span = { start: pa, end: a };
  while (span.end > span.start && /\s/.test(text[span.end - 1])) span.end--;
  while (span.start < span.end && /\s/.test(text[span.start])) span.start++;
  if (span.end <= span.start) return null;
  const s = sectionAt(doc, span.start);
  if (s && span.start >= s.headingStart && span.start < s.headingEnd) return null;
  return span;
}

// Sections that are containers, not task groups.
const NOT_TASK_KINDS = new Set(['annex', 'annex-table', 'box', 'preface']);

/**
 * The task a marker belongs to: the heading of the innermost section around it when that
 * section holds this one marker only (（一）构建互联互通综合交通运输体系); otherwise the text before
 * the marker.
 */
function taskFor(doc: PlanDoc, desc: Span | null, at: number, markers: readonly number[]): string | null {
  const s = sectionAt(doc, at);
  if (s && !NOT_TASK_KINDS.has(s.kind) && s.title) {
    const n = markers.filter((m) => m >= s.start && m < s.end).length;
    if (n === 1) return cleanTask(s.title);
  }
  if (!desc) return s ? cleanTask(s.title) : null;
  return cleanTask(doc.text.text.slice(desc.start, desc.end));
}

const cleanTask = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*(?:牵头|负责|单位)[^（）()]*[）)]/g, '')
    .replace(/^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|[一二三四五六七八九十]是)/, '')
    .replace(/[。；;，,：:]+$/, '');

// A deadline written into a task: 2025年底前, 2024年6月前 …
const DEADLINE = /\d{4}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|年底|上半年|下半年|内)?\s*(?:前|以前|之前)/g;

function deadlineIn(s: string): string | null {
  const all = [...s.matchAll(DEADLINE)];
  return all.length ? all[all.length - 1][0].replace(/\s+/g, '') : null;
}

// ---- 2. tables ----------------------------------------------------------------------------

const HEAD = {
  lead: /^(?:牵头(?:单位|部门)?|责任(?:单位|部门)|主责(?:单位|部门)|牵头责任单位)$/,
  support: /^(?:参加|参与|配合|协办|协同|协助|共同责任)(?:单位|部门)$/,
  deadline: /^(?:完成时限|完成时间|时间要求|时限要求|时间节点|时间安排|进度安排|时限|完成期限|时间)$/,
  task: /任务|内容|事项|工作|措施|举措|项目|目标/,
};

function tables(doc: PlanDoc, actx: AgencyContext): Duty[] {
  const text = doc.text.text;
  const out: Duty[] = [];
  let cols: { lead: number; support: number; deadline: number; task: number; n: number } | null = null;
  let pos = 0;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end);
    if (!line.includes('\t')) {
      if (line.trim()) cols = null;
      pos = end + 1;
      continue;
    }
    const cells = line.split('\t').map((c) => c.replace(/\s+/g, ''));
    const leadCol = cells.findIndex((c) => HEAD.lead.test(c));
    if (leadCol >= 0) {
      const find = (re: RegExp) => cells.findIndex((c, i) => i !== leadCol && re.test(c));
      const support = find(HEAD.support);
      const deadline = find(HEAD.deadline);
      const task = cells.findIndex((c, i) => i !== leadCol && i !== support && i !== deadline && HEAD.task.test(c));
      cols = { lead: leadCol, support, deadline, task, n: cells.length };
    } else if (cols && cells.length === cols.n) {
      const lead = splitAgencyList(cells[cols.lead] ?? '', actx);
      if (lead.length && lead.every((u) => isAgencyLike(u, actx.index))) {
        const task =
          cols.task >= 0
            ? cells[cols.task]
            : cells.filter((_, i) => i !== cols!.lead && i !== cols!.support && i !== cols!.deadline && !/^\d+$/.test(cells[i])).join(' ');
        const a = pos + (line.length - line.trimStart().length);
        out.push(
          duty(doc, a, pos + line.trimEnd().length, 0.85, {
            task: cleanTask(task),
            lead,
            support: cols.support >= 0 ? splitAgencyList(cells[cols.support] ?? '', actx) : [],
            deadline: cols.deadline >= 0 ? cells[cols.deadline] || null : deadlineIn(task),
          }),
        );
      }
    }
    pos = end + 1;
  }
  return out;
}

// ---- 3. short brackets ----------------------------------------------------------------------

// （省发展改革委牵头，省财政厅等配合）  （省交通运输厅负责）  （省发展改革委牵头，2025年底前完成）
const SHORT = /[（(]([^（）()]{2,60}?)(?:按职责分工|按照职责分工|按职责|分别|共同)?(牵头|负责)(?:[，,、；;]([^（）()]{2,120}?)(?:等)?(?:配合|参与|参加|协助|协同))?(?:[，,；;]([^（）()]{0,30}?))?[）)]/g;

function shortBrackets(doc: PlanDoc, actx: AgencyContext): Duty[] {
  const text = doc.text.text;
  const out: Duty[] = [];
  for (const m of text.matchAll(SHORT)) {
    const lead = units(m[1], actx, false);
    if (!lead) continue;
    const support = m[3] ? (units(m[3], actx, false) ?? []) : [];
    const open = m.index;
    const close = open + m[0].length;
    const sentence = sentenceBefore(text, open);
    const task = cleanTask(text.slice(sentence, open));
    if (!task) continue;
    const tail = m[4] ?? '';
    out.push(
      duty(doc, sentence, close, 0.75, {
        task,
        lead,
        support,
        deadline: deadlineIn(tail) ?? (/持续推进|长期坚持|持续实施|长期推进/.exec(tail)?.[0] ?? deadlineIn(task)),
      }),
    );
  }
  return out;
}

function sentenceBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && !/[。；;！？\n]/.test(text[i - 1])) i--;
  while (i < at && /\s/.test(text[i])) i++;
  return i;
}

/** Unit list → names when every unit is a body; null otherwise. `strict` asks for government bodies. */
function units(s: string, actx: AgencyContext, strict: boolean): string[] | null {
  const raw = s.replace(/\s+/g, '');
  if (!raw || /^(?:支持|推动|鼓励|引导|依托|加快|推进|建设|组织|在|对|将|把|以|按照|通过)/.test(raw)) return null;
  const list = splitAgencyList(raw, actx);
  if (list.length === 0) return null;
  const ok = (u: string) => (strict ? isGovUnit(u, actx) : isAgencyLike(u, actx.index));
  return list.every(ok) ? list : null;
}

/** A government body: in the lexicon, or a 厅/局/委/办/政府/部门 with nothing suspicious in it. */
function isGovUnit(u: string, actx: AgencyContext): boolean {
  if (actx.index.canonical(u.replace(/[（(][^）)]*[）)]$/, ''))) return true;
  if (u.length > 24 || /负责人|领导|医院|学校|企业|公司/.test(u)) return false;
  // 两省区和国务院有关部门: a place collective joined to a body is not one unit.
  if (/(?:省|区|市|县|省区)(?:和|及)/.test(u)) return false;
  return /(?:政府|部门|单位|厅|局|委|办|委员会)$/.test(u);
}

// ---- 4. sentences -------------------------------------------------------------------------

// Sections where 「X要…」 states who does what (保障措施, 规划实施 …).
const IMPLEMENTATION = /保障|实施|组织|协调|领导|分工|落实|机制/;
const VERB_AFTER_UNITS = /(?:加强|做好|开展|推进|推动|制定|建立|组织|研究|编制|落实|抓好|适时|及时|定期|负责|对|完善|健全|协调|督促|跟踪|统筹|指导|做|按照|依法|结合|切实|积极|认真|共同|抓紧|尽快|进一步|给予)/g;

function responsibilitySentences(doc: PlanDoc, actx: AgencyContext): Duty[] {
  const text = doc.text.text;
  const out: Duty[] = [];
  // Text flattened to one line glues headings to the sentence after them: start there instead.
  const headingEnds = flattenSections(doc.sections).map((s) => s.headingEnd);
  for (const whole of sentences(text)) {
    const cut = headingEnds.filter((h) => h > whole.start && h < whole.end);
    const sp = { start: cut.length ? Math.max(...cut) : whole.start, end: whole.end };
    while (sp.start < sp.end && /\s/.test(text[sp.start])) sp.start++;
    const s = text.slice(sp.start, sp.end);
    if (s.length < 6 || !/牵头|负责|会同|要/.test(s)) continue;
    const d = readSentence(doc, s, sp, actx);
    if (d) out.push(d);
  }
  return out;
}

function readSentence(doc: PlanDoc, s: string, sp: Span, actx: AgencyContext): Duty | null {
  const body = s.replace(/^(?:同时|此外|另外|其中)[，,]/, '');
  const off = sp.start + (s.length - body.length);
  // 由X牵头(，Y配合)，… / 由X负责…
  let m = /^(.*?)由([^，,。；由]{2,60}?)(牵头|负责)(?!单位|部门|人)(?:[，,、]([^，,。；]{2,80}?)(?:等)?(?:配合|参与|参加|协助|协同))?/.exec(body);
  if (m) {
    const lead = units(m[2], actx, false);
    if (lead) {
      const support = m[4] ? (units(m[4], actx, false) ?? []) : [];
      const task = cleanTask(body.replace(m[0].slice(m[1].length), '').replace(/^[，,]/, '')) || cleanTask(body);
      return duty(doc, sp.start, sp.end, 0.7, { task, lead, support, deadline: deadlineIn(body) });
    }
  }
  // X(要)?会同Y…
  m = /^([^，,。；]{2,60}?)(?:要|应|应当|将|负责)?会同([^。；]{2,120})/.exec(body);
  if (m) {
    const lead = units(m[1], actx, true);
    if (lead) {
      const { list, rest } = leadingUnits(m[2], actx);
      return duty(doc, sp.start, sp.end, 0.65, { task: cleanTask(rest || body), lead, support: list, deadline: deadlineIn(body) });
    }
  }
  // X牵头… / X负责… at the start of the sentence
  m = /^([^，,。；]{2,60}?)(牵头|负责)(?!单位|部门|人)[，,]?(?:([^，,。；]{2,80}?)(?:等)?(?:配合|参与|参加|协助|协同)[，,]?)?(.*)$/.exec(body);
  if (m) {
    const lead = units(m[1], actx, true);
    if (lead) {
      const support = m[3] ? (units(m[3], actx, false) ?? []) : [];
      return duty(doc, sp.start, sp.end, 0.65, { task: cleanTask(m[4] || body), lead, support, deadline: deadlineIn(body) });
    }
  }
  // X要… in implementation chapters
  m = /^([^，,。；]{2,40}?)(?:要|应当|应)([^。；]{4,})$/.exec(body);
  if (m && inImplementation(doc, off)) {
    const lead = units(m[1], actx, true);
    if (lead) return duty(doc, sp.start, sp.end, 0.5, { task: cleanTask(m[2]), lead, support: [], deadline: deadlineIn(body) });
  }
  return null;
}

/** 有关部门加强对… → units [有关部门], rest 加强对…: the longest run of units before a verb. */
function leadingUnits(s: string, actx: AgencyContext): { list: string[]; rest: string } {
  const cuts = [...s.matchAll(VERB_AFTER_UNITS)].map((m) => m.index).filter((i) => i >= 2);
  for (const c of cuts) {
    const list = units(s.slice(0, c), actx, false);
    if (list) return { list, rest: s.slice(c) };
  }
  return { list: [], rest: s };
}

function inImplementation(doc: PlanDoc, at: number): boolean {
  for (const sec of flattenSections(doc.sections)) {
    if (at >= sec.start && at < sec.end && IMPLEMENTATION.test(sec.title)) return true;
  }
  return false;
}

// ---- finding ------------------------------------------------------------------------------

function duty(doc: PlanDoc, start: number, end: number, confidence: number, data: DutyData): Duty {
  const flags: string[] = [];
  if (!data.task) flags.push('task_missing');
  return { kind: 'duty', start, end, section: sectionAt(doc, start)?.id ?? null, confidence, flags, data };
}
