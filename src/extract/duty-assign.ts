// One assignment of responsibility, read from the words that state it: the content of a bracket
// that closes a task, a run of labelled fields, or a table cell.
//
//   省商务厅牵头，合肥海关配合                      → lead 省商务厅 · support 合肥海关
//   省商务厅牵头，省外办、省贸促会按职责分工负责    → lead 省商务厅 · support 省外办, 省贸促会
//   X成员单位按职责分工负责                         → lead X成员单位 (负责 without a 牵头 leads)
//   牵头单位：省发展改革委、交通运输厅；参加单位：省自然资源厅等；完成时限：2025年底前
//   市发展改革委（牵头）、市财政局                  → lead 市发展改革委 · support 市财政局   (a table cell)
//
// The role words and labels are data: data/lexicons/duty-words.json and the lead/support/deadline
// header words of data/lexicons/table-headers.json.
import words from '../../data/lexicons/duty-words.json' with { type: 'json' };
import headers from '../../data/lexicons/table-headers.json' with { type: 'json' };
import { isAgencyLike, separateUnits, splitAgencyLists, type AgencyContext } from './agencies';

export interface Assignment {
  lead: string[];
  support: string[];
  deadline: string | null;
  /** labelled: 牵头单位：… · roles: 牵头/负责/配合 words · units: a bare list of units */
  form: 'labelled' | 'roles' | 'units';
}

type Role = 'lead' | 'support' | 'deadline';
type Verb = 'lead' | 'own' | 'support';

const byLength = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compact = (s: string) => s.replace(/\s+/g, '');

// ---- labels ---------------------------------------------------------------------------------

const headerRoles = headers.roles as Record<string, string[]>;
const LABEL_ROLE = new Map<string, Role>();
for (const role of ['lead', 'support', 'deadline'] as const) {
  for (const w of [...(words.labels[role] ?? []), ...(headerRoles[role] ?? [])]) if (!LABEL_ROLE.has(w)) LABEL_ROLE.set(w, role);
}
const LABELS = byLength(LABEL_ROLE.keys());
// A label may be broken by page-break whitespace (参加单\n\n位), so every character allows \s* after it;
// it ends with a colon or stands in 【】 (【责任单位】市发展改革委).
const spaced = (w: string) => [...w].map(escape).join('\\s*');
const LABEL_SOURCE = `(?:【\\s*(${LABELS.map(spaced).join('|')})\\s*】\\s*[：:]?|(${LABELS.map(spaced).join('|')})\\s*[：:])`;

/** 牵头单位, 各牵头考核单位: a label word (or 各/有关 + one) refers to the units of a table, it names none. */
export const isLabelWord = (s: string) => LABEL_ROLE.has(s.replace(/^(?:各|有关|相关|各有关)/, ''));

/** Every label in `s`, with its role and where its value starts. */
export function labelsIn(s: string): Array<{ index: number; end: number; label: string; role: Role }> {
  return [...s.matchAll(new RegExp(LABEL_SOURCE, 'g'))].map((m) => {
    const label = compact(m[1] ?? m[2]);
    return { index: m.index, end: m.index + m[0].length, label, role: LABEL_ROLE.get(label)! };
  });
}

/** 牵头单位：…；配合单位：…；完成时限：… → the value of each field (first one of a role wins). */
function labelledFields(s: string): { lead: string | null; support: string[]; deadline: string | null } | null {
  const hits = labelsIn(s);
  if (!hits.some((h) => h.role === 'lead')) return null;
  // 牵头单位 beside 责任单位: the 牵头 column leads, the other lists the units that share the work
  const hasQianTou = hits.some((h) => h.role === 'lead' && h.label.includes('牵头'));
  let lead: string | null = null;
  const support: string[] = [];
  let deadline: string | null = null;
  hits.forEach((h, i) => {
    const to = i + 1 < hits.length ? hits[i + 1].index : s.length;
    const value = compact(s.slice(h.end, to)).replace(/^[，,；;。、]+|[，,；;。、]+$/g, '');
    if (!value) return;
    const role = h.role === 'lead' && hasQianTou && !h.label.includes('牵头') ? 'support' : h.role;
    if (role === 'lead' && lead === null) lead = value;
    else if (role === 'support') support.push(value);
    else if (role === 'deadline' && deadline === null) deadline = value;
  });
  return { lead, support, deadline };
}

// ---- role words -----------------------------------------------------------------------------

const VERBS: Array<{ word: string; verb: Verb }> = [
  ...words.lead.map((w) => ({ word: w, verb: 'lead' as const })),
  ...words.own.map((w) => ({ word: w, verb: 'own' as const })),
  ...words.support.map((w) => ({ word: w, verb: 'support' as const })),
].sort((a, b) => b.word.length - a.word.length);
const REMIT = byLength(words.remit);
const TOGETHER = new RegExp(`(${byLength(words.together).map(escape).join('|')})`);
const NOT_UNITS = new RegExp(`^(?:${byLength(words.not_units).map(escape).join('|')})`);

/** 省商务厅按职责分工配合 → { units: 省商务厅, verb: support }; null when no role word ends it. */
function roleClause(c: string): { units: string; with: string | null; verb: Verb } | null {
  // 市发展改革委为牵头单位 / 市财政局为配合单位
  const named = /^(.+?)(?:为|作为|是)(.+)$/.exec(c);
  const role = named ? LABEL_ROLE.get(named[2]) : undefined;
  if (named && (role === 'lead' || role === 'support')) {
    return { units: named[1], with: null, verb: role === 'lead' && named[2].includes('牵头') ? 'lead' : role === 'lead' ? 'own' : 'support' };
  }
  const v = VERBS.find((x) => c.endsWith(x.word) && c.length > x.word.length);
  if (!v) return null;
  let units = c.slice(0, c.length - v.word.length);
  for (;;) {
    const r = REMIT.find((w) => units.endsWith(w) && units.length > w.length);
    if (!r) break;
    units = units.slice(0, units.length - r.length);
  }
  units = units.replace(/^由/, '').replace(/(?:等|等单位|等部门)$/, '');
  // 省发展改革委会同省财政厅负责: the first leads with the verb, the others join as support
  const t = TOGETHER.exec(units);
  if (t && t.index > 0) return { units: units.slice(0, t.index), with: units.slice(t.index + t[0].length), verb: v.verb };
  return { units, with: null, verb: v.verb };
}

// 市发展改革委（牵头）、市财政局 / 市商务局（按职责分工负责）: a role written in a bracket after a unit
const ROLE_MARK = new RegExp(
  `[（(]((?:${REMIT.map(escape).join('|')})?(?:${VERBS.map((v) => escape(v.word)).join('|')})|${LABELS.map(escape).join('|')})[）)]$`,
);

/** The units of a list split by their marks: those marked 牵头 lead; null when none is so marked. */
function markedLead(list: string): { lead: string; rest: string } | null {
  const lead: string[] = [];
  const rest: string[] = [];
  for (const t of topClauses(list, true)) {
    const m = ROLE_MARK.exec(t);
    const role = m ? markRole(m[1]) : null;
    (role === 'lead' ? lead : rest).push(m ? t.slice(0, m.index) : t);
  }
  return lead.length ? { lead: lead.join('、'), rest: rest.join('、') } : null;
}

function markRole(mark: string): Verb | null {
  const label = LABEL_ROLE.get(mark);
  if (label) return label === 'lead' && mark.includes('牵头') ? 'lead' : label === 'support' ? 'support' : 'own';
  return VERBS.find((v) => mark.endsWith(v.word))?.verb ?? null;
}

/** The list without role marks after its units. */
const stripMarks = (list: string) =>
  topClauses(list, true)
    .map((t) => t.replace(ROLE_MARK, ''))
    .join('、');

// ---- deadlines ------------------------------------------------------------------------------

const DATE = String.raw`(?:(?:20\d{2}|19\d{2})\s*[-—–~至到]\s*)?(?:20\d{2}|19\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|年底|上半年|下半年|内|起|以来)?(?:前|以前|之前)?|(?:每年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末)?(?:前|以前|之前)`;
const PHRASES = byLength(words.deadline_phrases).map(escape).join('|');
const DEADLINE_CLAUSE = new RegExp(
  `^(?:于|在|力争|争取|确保|计划)?((?:${DATE})(?:[、和及](?:${DATE}))*|${PHRASES})(?:基本完成|全面完成|前完成|完成|建成|实现|出台|落实|启动|见效|取得成效)?$`,
);

/** The deadline a clause is, as written (2025年底前, 持续推进); null when it says something else. */
export function deadlineClause(c: string): string | null {
  const m = DEADLINE_CLAUSE.exec(compact(c).replace(/[。；;]$/, ''));
  return m ? m[1] : null;
}

// A deadline written into a task: 2025年底前, 2024年6月前 …
const DEADLINE_IN = /\d{4}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|年底|上半年|下半年|内)?\s*(?:前|以前|之前)/g;

/** The last deadline written inside a task's text. */
export function deadlineIn(s: string): string | null {
  const all = [...s.matchAll(DEADLINE_IN)];
  return all.length ? all[all.length - 1][0].replace(/\s+/g, '') : null;
}

// ---- reading --------------------------------------------------------------------------------

/** Splits at ，,；;。 (and 、 with `units`) outside brackets and quotes. */
function topClauses(s: string, units = false): string[] {
  const seps = units ? '，,；;。、' : '，,；;。';
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('（(“《【'.includes(ch)) depth++;
    else if ('）)”》】'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.includes(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Unit lists → names when every unit is a body; null otherwise. */
function unitLists(lists: readonly string[], actx: AgencyContext): string[][] | null {
  // 牵头单位 alone is a label, not a unit
  if (lists.some((l) => !l || NOT_UNITS.test(l) || isLabelWord(l))) return null;
  const out = splitAgencyLists(lists, actx);
  return out.every((l) => l.length > 0 && l.every((u) => isAgencyLike(u, actx.index))) ? out : null;
}

/**
 * The assignment a piece of text states, or null when it states none. Every clause must be a unit
 * list with a role word, a bare unit list, or a deadline: 「支持企业牵头」 and 「2025年底前」 alone are none.
 */
export function readAssignment(raw: string, actx: AgencyContext): Assignment | null {
  const s = compact(separateUnits(raw));
  if (!s) return null;
  const fields = labelledFields(s);
  if (fields) {
    if (!fields.lead) return null;
    // 责任单位：市发展改革委（牵头）、市财政局 → the marked unit leads, the others support
    const marked = markedLead(fields.lead);
    const leadList = marked ? marked.lead : stripMarks(fields.lead);
    const supportLists = [...(marked?.rest ? [marked.rest] : []), ...fields.support.map(stripMarks)];
    const lists = unitLists([leadList, ...supportLists], actx);
    if (!lists) return null;
    return { lead: lists[0], support: dedupe(lists.slice(1).flat()).filter((u) => !lists[0].includes(u)), deadline: fields.deadline, form: 'labelled' };
  }
  const marked = markedLead(s);
  if (marked) {
    const lists = unitLists([marked.lead, ...(marked.rest ? [stripMarks(marked.rest)] : [])], actx);
    return lists ? { lead: lists[0], support: lists[1] ?? [], deadline: null, form: 'roles' } : null;
  }
  // a clause of units with a role word is a group; units written before it without one (X、Y，Z负责)
  // join its group
  const parts: Array<{ units: string; verb: Verb | 'bare'; group: number }> = [];
  let deadline: string | null = null;
  let groups = 0;
  for (const c of topClauses(s)) {
    const d = deadlineClause(c);
    if (d) {
      deadline ??= d;
      continue;
    }
    const r = roleClause(c);
    if (r) {
      const g = groups++;
      for (const p of parts) if (p.verb === 'bare') Object.assign(p, { verb: r.verb, group: g });
      parts.push({ units: r.units, verb: r.verb, group: g });
      if (r.with) parts.push({ units: r.with, verb: 'support', group: groups++ });
    } else parts.push({ units: stripMarks(c.replace(/^由/, '')), verb: 'bare', group: -1 });
  }
  if (parts.length === 0) return null;
  const lists = unitLists(parts.map((p) => p.units), actx);
  if (!lists) return null;
  const hasLead = parts.some((p) => p.verb === 'lead');
  const hasRole = parts.some((p) => p.verb !== 'bare');
  // without a 牵头, the first 负责 group leads and a later one supports (（X负责，各市人民政府落实）)
  const firstOwn = parts.find((p) => p.verb === 'own')?.group;
  const lead: string[] = [];
  const support: string[] = [];
  parts.forEach((p, i) => {
    const isLead = p.verb === 'lead' || (p.verb === 'own' && !hasLead && p.group === firstOwn) || (p.verb === 'bare' && !hasRole);
    (isLead ? lead : support).push(...lists[i]);
  });
  if (lead.length === 0) return null;
  return { lead: dedupe(lead), support: dedupe(support).filter((u) => !lead.includes(u)), deadline, form: hasRole ? 'roles' : 'units' };
}

/** A table cell of units: role words, labels, marks after units, or a bare list (all lead). */
export function readUnitCell(raw: string, actx: AgencyContext): Assignment | null {
  return readAssignment(raw, actx);
}

const dedupe = (xs: string[]) => [...new Set(xs)];
