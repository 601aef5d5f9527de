// Members of a structure element: what the plan names for 三核, 四轴, 两屏 … in the sentence that
// explains it. Each reading below is one way plans write it; candidates are tried in order and the
// one whose size matches the element's count wins.
//   wei      以湛江、茂名、阳江市的中心城区为核心区 · 广州和南宁作为经济带的双核
//   counted  重点建设广州—佛山、…、南宁—崇左—百色等四组团 · 鉴江、罗江…和南渡河 6 条河流生态廊道
//   parts    东翼为临港产业区，西翼为生态旅游区
//   list     即湛江临港重化工业基地、茂名世界级石化产业基地和阳江能源产业基地
//   tail     以…等为重点的北部森林生态屏障和南部海洋生态屏障 (after the last 的)
//   verb     构建都市圈交通主轴 · 合力打造蓝色生态海岸带
import type { Gazetteer } from '../core/types';
import { AREA_SUFFIXES, MEMBER_VERBS, WEI_IDIOMS, numeralValue } from './structure-code';

/** What a member list is read for: the element noun and how many members to expect. */
export interface MemberQuery {
  noun: string;
  /** Expected number of members; null when unknown (多节点). */
  count: number | null;
}

export interface Candidate {
  rule: 'children' | 'wei' | 'counted' | 'parts' | 'list' | 'tail' | 'verb' | 'verb-any';
  items: string[];
}

const CLAUSE_END = /[，,。；;：:！？!?\n]/;
const OPEN = '（(“‘《「[【';
const CLOSE = '）)”’》」]】';

/** First sentence of `s` (up to 。！？ or a line break; ；does not end it). */
export function firstSentence(s: string): string {
  const m = /[。！？!?\n]/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** Top-level clauses of `s`, split at ，。；： outside brackets and quotes. */
export function clauses(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = s[i];
    if (c !== undefined && OPEN.includes(c)) depth++;
    else if (c !== undefined && CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (i === s.length || (depth === 0 && CLAUSE_END.test(c))) {
      if (i > from) out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  return out;
}

/**
 * Items of a list as written (A、B和C; “A”、“B”等), split outside brackets and quotes at 、，and
 * at 和/与/以及 (not 与其). 及 splits only when that brings the list to `want` items: 热带及南亚热带
 * 农产品产业带 is one item of four, 云开大山及鹤地水库 two. Items are not cleaned.
 */
export function splitList(s: string, want: number | null = null): string[] {
  const strong = splitAt(s, false);
  if (want === null || strong.length >= want) return strong;
  const weak = splitAt(s, true);
  return weak.length <= want ? weak : strong;
}

function splitAt(s: string, withJi: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  const push = (i: number) => {
    if (i > from) out.push(s.slice(from, i));
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === '、' || c === '，' || c === ',' || c === '；') {
      push(i);
      from = i + 1;
    } else if (s.startsWith('以及', i)) {
      push(i);
      from = i + 2;
      i++;
    } else if ((c === '和' || c === '与' || (withJi && c === '及')) && s[i + 1] !== '其' && i > from) {
      push(i);
      from = i + 1;
    }
  }
  push(s.length);
  return out;
}

const stripQuotes = (s: string): string => s.replace(/[“”‘’"'「」『』\s]/g, '');

/**
 * A member as the plan names it, without the words around it: quotes, spaces, a trailing 等 or ……,
 * anything before the last 的 (依托…形成的湛江城镇发展轴), and with `verbs`, a leading verb (重点建设).
 */
export function cleanMember(raw: string, verbs = true): string {
  let s = stripQuotes(raw);
  s = s.split(/…|\.\.\./)[0];
  s = s.replace(/[。；，、]+$/, '').replace(/(等等|等)$/, '');
  for (let changed = verbs; changed; ) {
    changed = false;
    for (const v of MEMBER_VERBS) {
      if (s.startsWith(v) && s.length - v.length >= 2) {
        s = s.slice(v.length);
        changed = true;
        break;
      }
    }
  }
  const de = s.lastIndexOf('的');
  if (de >= 0 && s.length - de - 1 >= 2 && !/^[（(]/.test(s.slice(de + 1))) s = s.slice(de + 1);
  return s;
}

/** Cleaned members of a list; only the first item loses a leading verb (重点建设A、B; 紧密协作圈和提升拓展圈). */
export function cleanItems(items: readonly string[], everyVerb = false): string[] {
  const out: string[] = [];
  items.forEach((raw, i) => {
    const m = cleanMember(raw, everyVerb || i === 0);
    if (m.length >= 2 && m.length <= 80 && !out.includes(m)) out.push(m);
  });
  return out;
}

/**
 * 湛江、茂名、阳江市的中心城区 → 湛江市中心城区, 茂名市中心城区, 阳江市中心城区: places sharing one
 * head written once after the last. Returns null when the items are not all places.
 */
function distributeHead(items: readonly string[], gaz: Gazetteer): string[] | null {
  if (items.length < 2) return null;
  const last = stripQuotes(items[items.length - 1]);
  const de = last.lastIndexOf('的');
  if (de <= 0) return null;
  const head = last.slice(de + 1);
  const places = [...items.slice(0, -1).map(stripQuotes), last.slice(0, de)].map((s) => cleanMember(s));
  if (head.length < 2 || places.some((p) => gaz.lookup(p).length === 0)) return null;
  return places.map((p) => `${gaz.resolve(p)?.name ?? p}${head}`);
}

/** The list that ends at `end` in `s`: back to the clause start, without a leading 以/即以 and a trailing 等. */
function listBefore(s: string, end: number): string {
  let from = end;
  let depth = 0;
  while (from > 0) {
    const c = s[from - 1];
    if (CLOSE.includes(c)) depth++;
    else if (OPEN.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (CLAUSE_END.test(c) || (c === '—' && s[from - 2] === '—'))) break;
    from--;
  }
  return s.slice(from, end).replace(/^(即以|即|以)/, '').replace(/(等等|等)\s*$/, '');
}

/** 以A、B为…N (作为 too): lists before 为 whose predicate names the element noun. */
function weiLists(s: string, q: MemberQuery, gaz: Gazetteer): string[] {
  const out: string[] = [];
  for (let k = s.indexOf('为'); k >= 0; k = s.indexOf('为', k + 1)) {
    const zuo = s[k - 1] === '作';
    if (!zuo && /[成认因行称]/.test(s[k - 1] ?? '')) continue; // 成为, 认为, 因为 …
    let pred = s.slice(k + 1);
    const cut = /[，,。；;：:、！？\n]/.exec(pred);
    pred = stripQuotes(cut ? pred.slice(0, cut.index) : pred);
    if (!pred || pred.startsWith('了')) continue;
    const idiom = WEI_IDIOMS.find((w) => pred.startsWith(w) && (pred.length === w.length || pred[w.length] === '的'));
    if (idiom) continue;
    const at = pred.indexOf(q.noun);
    if (at < 0 || at > (zuo ? 12 : 8) || (!zuo && pred.slice(0, at).includes('的'))) continue;
    const list = listBefore(s, zuo ? k - 1 : k);
    if (!list || /为/.test(list)) continue;
    const items = splitList(list, q.count);
    out.push(...(distributeHead(items, gaz) ?? cleanItems(items)));
  }
  return [...new Set(out)];
}

/** 东翼为临港产业区，西翼为生态旅游区: clauses that open with a part named by the element noun. */
function namedParts(s: string, q: MemberQuery): string[] {
  const out: string[] = [];
  for (const c of clauses(s)) {
    const m = /^([^为]{1,12}?)(?:为|是|主要为|包括)/.exec(c.trim());
    const part = m ? cleanMember(m[1]) : '';
    if (part.length >= 2 && part.endsWith(q.noun) && !out.includes(part)) out.push(part);
  }
  return out;
}

/** …、南宁—崇左—百色等四组团 · …和南渡河 6 条河流生态廊道: the list before the element's count. */
function countedList(s: string, q: MemberQuery): string[] {
  if (q.count === null) return [];
  const re = /([0-9]{1,2}|[一二两双三四五六七八九十]{1,3})\s*(个|条|大|处|类)?\s*([^，,。；;：:、\s]{0,10})/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    re.lastIndex = m.index + 1; // the phrase may hold the real count (…一体化发展区等四组团)
    if (numeralValue(m[1]) !== q.count || !m[3].includes(q.noun)) continue;
    const before = s.slice(0, m.index).replace(/\s+$/, '');
    if (!before || CLAUSE_END.test(before[before.length - 1])) continue;
    const items = cleanItems(splitList(listBefore(before, before.length), q.count));
    if (items.length >= 2) return items;
  }
  return [];
}

/** A list written out as the explanation (即A、B和C; heading tail 湛江主中心、茂名副中心、…). */
export function plainList(s: string, want: number | null = null): string[] {
  const cs = clauses(s.replace(/…….*$/s, ''));
  const marked = cs.find((c) => /^(即|是指|指|主要包括|包括|含|涵盖|为)/.test(c.trim()));
  const c = (marked ?? cs[0] ?? '').trim().replace(/^(即|是指|指|主要包括|包括|含|涵盖|为)/, '');
  if (!c || /^以/.test(c) || /为/.test(c)) return [];
  return cleanItems(splitList(c, want));
}

/** Noun phrases after the last 的 of a clause that name the element (…为重点的北部森林生态屏障和南部海洋生态屏障). */
function tailLists(s: string, q: MemberQuery): string[] {
  const out: string[] = [];
  for (const c of clauses(s)) {
    const de = c.lastIndexOf('的');
    if (de < 0) continue;
    const tail = c.slice(de + 1);
    if (!tail.includes(q.noun)) continue;
    out.push(...cleanItems(splitList(tail, q.count)).filter((m) => m.includes(q.noun)));
  }
  return [...new Set(out)];
}

const BUILD_VERBS = /(构建|构筑|打造|形成|建设|建成|筑牢|培育)/g;

/** 构建都市圈交通主轴 · 合力打造蓝色生态海岸带: what a building verb makes, up to the clause end. */
function verbLists(s: string, q: MemberQuery | null): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(BUILD_VERBS)) {
    const rest = s.slice(m.index + m[0].length);
    const end = /[，,。；;：:\n]/.exec(rest);
    let np = stripQuotes(end ? rest.slice(0, end.index) : rest);
    if (!np || np.length > 40) continue;
    if (q && !np.slice(-4).includes(q.noun[q.noun.length - 1])) continue;
    const de = np.lastIndexOf('的');
    if (de >= 0) np = np.slice(de + 1);
    out.push(...cleanItems(splitList(np)));
  }
  return [...new Set(out)];
}

/**
 * Every reading of an explanation, in order of trust. `definitional`: the explanation defines the
 * element (一个走廊：…, “三区”——即…, a heading's tail), so a plain list in it is its members; after
 * 一轴。 the text narrates, and its first clause is no member.
 */
export function candidates(
  explanation: string,
  q: MemberQuery,
  gaz: Gazetteer,
  children: readonly string[] = [],
  definitional = false,
): Candidate[] {
  const s = firstSentence(explanation);
  const out: Candidate[] = [];
  const add = (rule: Candidate['rule'], items: string[]) => {
    if (items.length) out.push({ rule, items });
  };
  add('children', cleanItems(children, true));
  add('wei', weiLists(s, q, gaz));
  add('counted', countedList(s, q));
  add('parts', namedParts(s, q));
  // after 两带。 a sentence that is nothing but the members (沿江城镇发展带和沿路城镇发展带。) lists them too
  const list = plainList(s, q.count);
  if (definitional || (list.length && list.every((m) => m.endsWith(q.noun)) && clauses(s).length === 1)) add('list', list);
  add('tail', tailLists(s, q));
  add('verb', verbLists(s, q));
  add('verb-any', verbLists(s, null));
  return out;
}

/**
 * The best reading: the first whose size is the expected count; else, for an unknown count, the
 * first; else the first that is not larger than the count (lists ending in 等 may be short).
 * Readings that ignore the noun (verb-any) count only when their size matches exactly.
 */
export function pickMembers(cands: readonly Candidate[], count: number | null): Candidate | null {
  const trusted = cands.filter((c) => c.rule !== 'verb-any');
  if (count !== null) {
    const exact = cands.find((c) => c.items.length === count);
    if (exact) return exact;
    return trusted.find((c) => c.items.length < count) ?? trusted[0] ?? null;
  }
  return trusted[0] ?? null;
}

/**
 * Gazetteer code of a member that is a place (广州 → 440100) or a place's urban area
 * (湛江市中心城区 → 440800); null otherwise.
 */
export function memberCode(member: string, gaz: Gazetteer, within?: string): string | null {
  if (gaz.lookup(member).length) return gaz.resolve(member, within)?.code ?? null;
  for (const suffix of AREA_SUFFIXES) {
    if (member.endsWith(suffix) && member.length > suffix.length) {
      const place = member.slice(0, -suffix.length);
      if (gaz.lookup(place).length) return gaz.resolve(place, within)?.code ?? null;
    }
  }
  return null;
}
