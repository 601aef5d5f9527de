// Duties (who is responsible for what) from 分工 annexes, task lists, 任务分工表 / 考评表 tables and
// responsibility phrases in the text. Unit names are normalized by ./agencies against
// data/lexicons/agencies.csv; the role words are data/lexicons/duty-words.json.
//
// Forms read, most reliable first:
//   1. labelled fields   …任务描述。（牵头单位：省发展改革委、交通运输厅；参加单位：省自然资源厅等）
//                        or 牵头单位：… / 配合单位：… / 完成时限：… on lines of their own   (./duty-text)
//   2. tables            rows under a header with 牵头单位 / 责任单位 / 牵头考核单位 columns  (./duty-tables)
//   3. role brackets     （省发展改革委牵头，省财政厅配合） （省交通运输厅负责）, one duty per bracket,
//                        the task being the clause(s) it closes                              (./duty-text)
//   4. sentences         由省交通运输厅负责…  由X牵头，Y配合…  省发展改革委要会同有关部门…
//                        and, in implementation chapters only, 省有关部门要…
import type { DutyData, Extractor, Finding } from '../core/findings';
import type { PlanDoc, Span } from '../core/types';
import { agencyIndex, defaultPrefixFor, isAgencyLike, splitAgencyList, type AgencyContext } from './agencies';
import { deadlineIn, isLabelWord } from './duty-assign';
import { dutyColumns, tableDuties } from './duty-tables';
import { cleanTask, textDuties, type TextDuty } from './duty-text';
import { flattenSections, sectionAt, sentences } from './text';

type Duty = Finding<'duty'>;

export const extractDuties: Extractor<'duty'> = (doc, ctx) => {
  const actx: AgencyContext = {
    index: agencyIndex(ctx.lexicons.agencies),
    gazetteer: ctx.gazetteer,
    defaultPrefix: defaultPrefixFor(doc.meta.level),
  };
  const dutyTables = doc.blocks.tables.filter((t) => dutyColumns(t));
  const found: TextDuty[] = [...tableDuties(doc, actx), ...textDuties(doc, actx, dutyTables)];
  const out: Duty[] = found.map((d) => duty(doc, d.start, d.end, d.confidence, d.data, d.flags));
  const covered = (s: Span) => out.some((d) => s.start < d.end && d.start < s.end);
  for (const d of responsibilitySentences(doc, actx, dutyTables)) {
    if (!covered(d)) out.push(d);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
};

// ---- 4. sentences -------------------------------------------------------------------------

// Sections where 「X要…」 states who does what (保障措施, 规划实施 …).
const IMPLEMENTATION = /保障|实施|组织|协调|领导|分工|落实|机制/;
const VERB_AFTER_UNITS = /(?:加强|做好|开展|推进|推动|制定|建立|组织|研究|编制|落实|抓好|适时|及时|定期|负责|对|完善|健全|协调|督促|跟踪|统筹|指导|做|按照|依法|结合|切实|积极|认真|共同|抓紧|尽快|进一步|给予)/g;

function responsibilitySentences(doc: PlanDoc, actx: AgencyContext, skip: readonly Span[]): Duty[] {
  const text = doc.text.text;
  const out: Duty[] = [];
  // parse's paragraphs are already cut at headings (a heading glued to its first sentence in a
  // one-line text starts no sentence)
  for (const p of doc.blocks.paragraphs) {
    if (skip.some((t) => p.start >= t.start && p.end <= t.end)) continue;
    for (const sp of sentences(text, p.start, p.end)) {
      const s = text.slice(sp.start, sp.end);
      if (s.length < 6 || !/牵头|负责|会同|要/.test(s)) continue;
      const d = readSentence(doc, s, sp, actx);
      if (d) out.push(d);
    }
  }
  return out;
}

/** Unit list → names when every unit is a body; null otherwise. `strict` asks for government bodies. */
function units(s: string, actx: AgencyContext, strict: boolean): string[] | null {
  const raw = s.replace(/\s+/g, '');
  if (!raw || /^(?:支持|推动|鼓励|引导|依托|加快|推进|建设|组织|在|对|将|把|以|按照|通过)/.test(raw)) return null;
  const list = splitAgencyList(raw, actx);
  if (list.length === 0 || list.some(isLabelWord)) return null;
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

// 本方案由市发展改革委负责解释 / 自印发之日起施行: the closing clauses of a document assign no task
const CLOSING_CLAUSE = /负责解释|解释权|自印发之日起|自发布之日起/;

function readSentence(doc: PlanDoc, s: string, sp: Span, actx: AgencyContext): Duty | null {
  if (CLOSING_CLAUSE.test(s)) return null;
  // 第五条 市统计局负责…: an article's number is not part of its first unit
  const body = s.replace(/^第[一二三四五六七八九十百零〇\d]+条\s*/, '').replace(/^(?:同时|此外|另外|其中)[，,]/, '');
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

function duty(doc: PlanDoc, start: number, end: number, confidence: number, data: DutyData, inferred: readonly string[] = []): Duty {
  const flags: string[] = [...inferred];
  if (!data.task) flags.push('task_missing');
  return { kind: 'duty', start, end, section: sectionAt(doc, start)?.id ?? null, confidence, flags, data };
}
