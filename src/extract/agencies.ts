// Agency names: splitting the unit lists of 分工 annexes and normalizing each unit against the
// lexicon data/lexicons/agencies.csv (name, aliases). Pure; the lexicon and the gazetteer come in.
//
//   省发展改革委、科技厅、工业和信息化厅，省通信管理局  → 省发展改革委 | 省科技厅 | 省工业和信息化厅 | 省通信管理局
//   省人力资源社会保障厅、住房城乡建设厅、发展和改革委员会 → … | 省发展改革委   (the 省 prefix distributes)
//   湛江、茂名市政府 → 湛江市政府 | 茂名市政府
//   县发改局、财政局 → 县发展改革局 | 县财政局        (县/区 names share the 市 entries, 自治区 the 省 ones)
//   合肥海关、人行合肥中心支行 → as written           (a unit naming its own place takes no prefix)
//   各市、县（区）人民政府 → one collective unit
import type { AgencyEntry } from '../core/findings';
import type { Gazetteer, PlanLevel } from '../core/types';

/** Exact name/alias → canonical name. */
export interface AgencyIndex {
  canonical(name: string): string | null;
}

const indexCache = new WeakMap<readonly AgencyEntry[], AgencyIndex>();

export function agencyIndex(entries: readonly AgencyEntry[]): AgencyIndex {
  const hit = indexCache.get(entries);
  if (hit) return hit;
  const map = new Map<string, string>();
  for (const e of entries) {
    for (const form of [e.name, ...e.aliases]) {
      const k = compact(form);
      if (k && !map.has(k)) map.set(k, e.name);
    }
  }
  const idx: AgencyIndex = { canonical: (name) => map.get(compact(name)) ?? null };
  indexCache.set(entries, idx);
  return idx;
}

export interface AgencyContext {
  index: AgencyIndex;
  gazetteer?: Gazetteer;
  /** Prefix of a bare first unit (发展改革委): 国家 in national plans, 省 in provincial ones. */
  defaultPrefix?: string | null;
}

/** The prefix a bare unit name takes by default in a plan of this level. */
export function defaultPrefixFor(level: PlanLevel): string | null {
  switch (level) {
    case 'national':
    case 'cross-provincial':
      return '国家';
    case 'provincial':
      return '省';
    case 'prefectural':
      return '市';
    case 'county':
      return '县';
    default:
      return null;
  }
}

const compact = (s: string) => s.replace(/\s+/g, '');

// Levels that share the lexicon entries of another: a 自治区 department is named like a 省 one
// (自治区发展和改革委员会 → 自治区发展改革委), a 县/区/州 department like a 市 one (县发改局 → 县发展改革局).
const SHARES_ENTRIES_OF: Record<string, string> = { 自治区: '省', 县: '市', 区: '市', 州: '市' };

/** Canonical name of `marker + base`, also through the entries of the level it shares (县 → 市). */
function canonicalAt(idx: AgencyIndex, marker: string, base: string): string | null {
  const own = idx.canonical(marker + base);
  if (own) return own;
  const head = SHARES_ENTRIES_OF[marker];
  if (!head) return null;
  const c = idx.canonical(head + base);
  return c && c.startsWith(head) ? marker + c.slice(head.length) : null;
}

// Level prefixes that distribute over the bare names after them (省发展改革委、交通运输厅).
// 国务院/中央 name whole bodies and do not distribute.
const MARKERS = ['自治区', '国家', '省委', '省', '市委', '市', '县委', '县', '区委', '区', '州委', '州'] as const;
// A 市/区/县 at the start of these is part of the word, not a prefix (市场监管局, 区域…).
const NOT_MARKER_AFTER: Record<string, RegExp> = { 市: /^场/, 区: /^域/, 县: /^域/, 州: /^[市县区]/ };

/** How a unit ends when it is a body (厅, 局, 委, 办, 部, 政府 …). */
export const ORG_TAIL =
  /(?:厅|局|委|办|部|署|院|会|室|所|站|队|处|科|社|联|中心|政府|部门|单位|机构|委员会|小组|公司|集团|银行|分行|支行|海关|分署|总队|支队|专班|党委|党组|管委会)$/;

/** True when a cleaned unit string names a body (lexicon entry or an organisational ending). */
export function isAgencyLike(name: string, index: AgencyIndex): boolean {
  const s = compact(name).replace(/[（(][^）)]*[）)]$/, '');
  // long collectives are units too: 省推进“三地一区”建设领导小组…执行小组成员单位
  if (s.length < 2 || s.length > 40) return false;
  if (index.canonical(s)) return true;
  if (/负责人|领导(?!小组)|同志|主任|书记|省长|市长|[，。；：]/.test(s)) return false;
  return ORG_TAIL.test(s) || /^团.委$/.test(s);
}

interface Prefix {
  /** As written before the bare names: 省, 国家, 广东省, 湛江市. */
  surface: string;
  /** The level word the lexicon keys on: 省, 国家, 市 … */
  marker: string;
  /** True when the surface is a place name (广东省), not a level word. */
  place?: boolean;
}

/**
 * Splits a unit list (the text after 牵头单位：) into normalized unit names. Separators 、，,；;
 * (not inside brackets or quotes); a trailing 等 / 等单位 is dropped; the last prefix seen
 * (省, 国家, 广东省 …) is put before bare names that follow it.
 */
export function splitAgencyList(list: string, ctx: AgencyContext): string[] {
  return splitAgencyLists([list], ctx)[0];
}

/**
 * Several lists read in a row, the prefix carrying from one to the next:
 * （省发展改革委牵头，交通运输厅、自然资源厅配合） → [省发展改革委] [省交通运输厅, 省自然资源厅].
 */
export function splitAgencyLists(lists: readonly string[], ctx: AgencyContext): string[][] {
  let prefix: Prefix | null = ctx.defaultPrefix ? { surface: ctx.defaultPrefix, marker: ctx.defaultPrefix } : null;
  return lists.map((list) => {
    const out: string[] = [];
    const tokens = listTokens(list);
    for (const t of tokens) {
      const r = normalizeUnit(t, prefix, ctx, tokens.length > 1);
      if (r.prefix !== undefined) prefix = r.prefix;
      out.push(r.name);
    }
    return distributePlaces(out, ctx.gazetteer);
  });
}

// 市发展改革局 市财政局: a table cell of several paragraphs comes out with spaces between its units
const SPACE_BETWEEN_UNITS = new RegExp(`(${ORG_TAIL.source.replace(/\$$/, '')})\\s+(?=[^\\s（(、，,；;])`, 'g');

/** Spaces between units (a cell of several paragraphs) made into 、, other whitespace kept. */
export const separateUnits = (s: string) => s.replace(SPACE_BETWEEN_UNITS, '$1、');

/** The unit strings of a list, before normalization. */
function listTokens(list: string): string[] {
  let s = compact(separateUnits(list))
    .replace(/^[：:，,、]+/, '')
    .replace(/[。；;，,、]+$/, '');
  s = s.replace(/(?:等|及其他|和其他)(?:有关|相关)?(?:单位|部门|机构)?$/, '');
  const tokens: string[] = [];
  for (let t of joinCollectives(splitTop(s))) {
    // 省财政厅及有关部门 → 省财政厅 | 有关部门
    const m = /^(.+?)(?:及|和|以及)((?:有关|相关|各有关|各相关|其他)(?:部门|单位|机构))$/.exec(t);
    if (m) {
      tokens.push(m[1], m[2]);
      continue;
    }
    t = t.replace(/等$/, '');
    if (t) tokens.push(...splitJoined(t));
  }
  return tokens;
}

// A token that is only level words (各市, 县（区）, 省): part of a collective written with 、.
const LEVEL_ONLY = /^(?:各|有关|全省|全市)?(?:地级以上市|设区的市|设区市|[省市县区州盟旗乡镇]|街道|开发区|园区)(?:[（(][^（）()]*[）)])?$/;

/**
 * 各市、县（区）人民政府 is one collective, not 各市 + 县（区）人民政府: level words before 、 join
 * the unit after them.
 */
function joinCollectives(tokens: string[]): string[] {
  const out: string[] = [];
  let pending: string[] = [];
  for (const t of tokens) {
    if (LEVEL_ONLY.test(t)) {
      pending.push(t);
      continue;
    }
    out.push(pending.length ? [...pending, t].join('、') : t);
    pending = [];
  }
  if (pending.length) out.push(pending.join('、'));
  return out;
}

/** Normalizes one unit name in the context of a list prefix (省 for 交通运输厅). */
export function normalizeAgency(name: string, ctx: AgencyContext, prefix: string | null = ctx.defaultPrefix ?? null): string {
  return normalizeUnit(compact(name), prefix ? { surface: prefix, marker: prefix } : null, ctx).name;
}

/**
 * One unit in the context of its list's prefix. `inList`: the unit stands among others, where a
 * name written without its ending (人力资源社会保障 for 人力资源社会保障厅) is completed; alone, a bare
 * 生态环境 is a topic, not 市生态环境局.
 */
function normalizeUnit(t: string, prefix: Prefix | null, ctx: AgencyContext, inList = false): { name: string; prefix?: Prefix | null } {
  // 省发展改革委（省大湾区办）: normalize the head, keep the bracket as written.
  const pm = /^(.+?)([（(][^（）()]*[）)])$/.exec(t);
  const head = pm && !/^[各有]/.test(t) ? pm[1] : t;
  const paren = pm && head !== t ? pm[2] : '';
  const idx = ctx.index;

  // Explicit level prefix: 省X, 国家X, 省委X …
  const marker = leadingMarker(head);
  if (marker) {
    const base = head.slice(marker.length);
    const level = marker.endsWith('委') && marker.length === 2 ? marker[0] : marker;
    const own: Prefix = { surface: marker, marker: level };
    const canon =
      idx.canonical(head) ?? canonicalAt(idx, level, base) ?? (ORG_TAIL.test(head) ? null : complete(idx, level, base));
    // 省委外办 sets the 省 prefix for what follows (省委外办，省发展改革委、商务厅); 省委组织部、宣传部 → 省委宣传部
    return { name: (canon ?? head) + paren, prefix: own };
  }
  // Place prefix: 广东省发展改革委 → keyed as 省发展改革委, written with 广东省.
  const placed = placePrefix(head, ctx.gazetteer);
  if (placed) {
    const base = head.slice(placed.surface.length);
    const canon = canonicalAt(idx, placed.marker, base);
    const name = canon && canon.startsWith(placed.marker) ? placed.surface + canon.slice(placed.marker.length) : head;
    return { name: name + paren, prefix: placed };
  }
  // A name that stands by itself (交通运输部, 中国人民银行广东省分行, 团省委).
  const direct = idx.canonical(head);
  if (prefix) {
    const party = prefix.surface.endsWith('委') && prefix.surface.length === 2;
    const canon = (party ? idx.canonical(prefix.surface + head) : null) ?? canonicalAt(idx, prefix.marker, head);
    if (canon) return { name: withSurface(canon, prefix) + paren };
  }
  if (direct) return { name: direct + paren };
  if (prefix && !selfContained(head, ctx.gazetteer)) {
    // Truncated name (人力资源社会保障 for 人力资源社会保障厅): complete it from the lexicon.
    if (inList && !ORG_TAIL.test(head)) {
      const canon = complete(idx, prefix.marker, head);
      if (canon) return { name: withSurface(canon, prefix) + paren };
    }
    // Not in the lexicon: a bare department after 省/市/县 still takes the prefix.
    if (prefix.marker !== '国家' && ORG_TAIL.test(head)) {
      const written = prefix.surface.endsWith('委') && prefix.surface.length === 2 ? prefix.marker : prefix.surface;
      return { name: written + head + paren };
    }
  }
  return { name: head + paren };
}

/** 省财政厅 written under a place prefix (广东省发展改革委、财政厅) → 广东省财政厅. */
function withSurface(canon: string, prefix: Prefix): string {
  if (prefix.place && canon.startsWith(prefix.marker)) return prefix.surface + canon.slice(prefix.marker.length);
  return canon;
}

/** A name written without its ending (省人力资源社会保障 for 省人力资源社会保障厅). */
function complete(idx: AgencyIndex, marker: string, base: string): string | null {
  for (const x of ['厅', '局', '委', '办']) {
    const c = canonicalAt(idx, marker, base + x);
    if (c) return c;
  }
  return null;
}

function leadingMarker(s: string): string | null {
  for (const m of MARKERS) {
    if (s.length > m.length && s.startsWith(m)) {
      const rest = s.slice(m.length);
      if (NOT_MARKER_AFTER[m]?.test(rest)) continue;
      if (m === '市' && /^(?:人民)?政府$/.test(rest)) return null; // 市政府 as a whole
      return m;
    }
  }
  return null;
}

/**
 * Names that carry their own level or scope and never take a list prefix: 中国人民银行…, 各…,
 * 合肥海关 and 人行合肥中心支行 (a place in the name), vertical offices (海关, 支行, 分公司).
 */
function selfContained(s: string, gaz: Gazetteer | undefined): boolean {
  if (/^(?:中国|中央|全国|国务院|各|有关|相关|其他|两|团|人行)/.test(s) || /省|国家|分行|支行|分署|海关|分公司|政府/.test(s)) return true;
  return !!gaz && gaz.findMentions(s).some((m) => m.end - m.start >= 2);
}

function placePrefix(s: string, gaz: Gazetteer | undefined): Prefix | null {
  if (!gaz) return null;
  const m = gaz.findMentions(s)[0];
  if (!m || m.start !== 0 || m.end >= s.length) return null;
  const surface = m.place.name === m.surface ? m.surface : null;
  if (!surface) return null;
  const level = /自治区$/.test(surface) ? '省' : surface.slice(-1);
  if (!'省市县区'.includes(level)) return null;
  const rest = s.slice(m.end);
  if (/^(?:人民)?政府$/.test(rest) || /^(?:委|政府办公室)$/.test(rest)) return null;
  return { surface, marker: level, place: true };
}

/**
 * 两市政府和有关县（区）政府, 省工业和信息化厅和文化和旅游厅: 和/及 between two bodies splits; the 和 of
 * 工业和信息化厅 does not (工业 is no body).
 */
function splitJoined(t: string): string[] {
  const out: string[] = [];
  let a = 0;
  for (const m of t.matchAll(/以及|和|及/g)) {
    const left = t.slice(a, m.index);
    const right = t.slice(m.index + m[0].length);
    if (left.length >= 2 && right.length >= 2 && ORG_TAIL.test(left.replace(/[（(][^）)]*[）)]$/, '')) && ORG_TAIL.test(right)) {
      out.push(left);
      a = m.index + m[0].length;
    }
  }
  out.push(t.slice(a));
  return out;
}

/** Splits at 、，,；; outside brackets and quotes. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('（(“《'.includes(ch)) depth++;
    else if ('）)”》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;'.includes(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const GOV_TAIL = /^(?:[两三四五六七八九十]+|各)?(?:省区|省|自治区|市|县|区)?((?:人民)?政府(?:办公室|办公厅)?)$/;

/**
 * 湛江、茂名市政府 → 湛江市政府, 茂名市政府; 广东、广西两省区人民政府 → 广东省人民政府, 广西壮族自治区人民政府:
 * bare place names before a "<place>政府" unit share its ending.
 */
function distributePlaces(units: string[], gaz: Gazetteer | undefined): string[] {
  if (!gaz) return units;
  const out = units.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const last = out[i];
    const m = gaz.findMentions(last)[0];
    if (!m || m.start !== 0) continue;
    const g = GOV_TAIL.exec(last.slice(m.end));
    if (!g) continue;
    const tail = g[1];
    let j = i - 1;
    const bare: number[] = [];
    while (j >= 0 && gaz.lookup(out[j]).length > 0 && !ORG_TAIL.test(out[j])) bare.push(j--);
    if (bare.length === 0) continue;
    out[i] = m.place.name + tail;
    for (const k of bare) out[k] = (gaz.resolve(out[k], m.place.parent ?? undefined)?.name ?? out[k]) + tail;
    i = j + 1;
  }
  return out;
}
