// Key projects (重点工程 / 重点项目 / 重大项目) named in a plan:
//   1. items of 专栏 boxes about projects (专栏4 能源安全保障重点工程), whatever their layout: one item a
//      line, items joined by 、 and ；, sub-lists under 一、… or run-in labels (水运。 港口码头：), or
//      prose (推进柳州至肇庆、河池至南宁…铁路建设。) as in plans flattened to one line;
//   2. enumerations in the text that end in 项目/工程 or a facility (加快推进A、B、C等工程建设);
//   3. programme totals (重点建设项目209项，总投资7510亿元; 其中交通运输体系工程20项…).
// Names are kept as written (whitespace from PDF conversion removed). Word lists:
// data/lexicons/project-words.json. An item that only names its
// place (雷州、徐闻…通用机场建设工程) takes the ending of the item that completes the list.
import type { ExtractContext, Extractor, Finding, ProjectData } from '../core/findings';
import type { PlanDoc, Section, Span } from '../core/types';
import { parseNumber, scanQuantities } from './numbers';
import { flattenSections, sectionAt } from './text';
import W from '../../data/lexicons/project-words.json' with { type: 'json' };

/** Alternation of words, longest first (so 高速公路 wins over 高速). */
const alt = (ws: readonly string[]) => [...new Set(ws)].sort((a, b) => b.length - a.length).join('|');

type Project = Finding<'project'>;

/** Box headings that announce projects (重点工程, 重点项目, 重点平台, 循环经济产业基地 …). */
const PROJECT_BOX = new RegExp(alt(W.boxHeadings.words));

export const extractProjects: Extractor<'project'> = (doc, ctx) => {
  const all = flattenSections(doc.sections);
  const boxes = all.filter((s) => s.kind === 'box');
  const out: Project[] = [];
  for (const b of boxes) if (PROJECT_BOX.test(b.title)) out.push(...boxProjects(doc, b, ctx));
  const inBox = (i: number) => boxes.some((b) => i >= b.start && i < b.end);
  out.push(...tableProjects(doc, ctx));
  const totals = programmeTotals(doc, ctx);
  const text = textProjects(doc, ctx, inBox).filter((p) => !totals.some((t) => p.start < t.end && t.start < p.end));
  return [...dedupe(out, text), ...totals].sort((a, b) => a.start - b.start || a.end - b.end);
};

// ---- words ----------------------------------------------------------------------------------

// What a project name ends with: the kind of facility (used to tell a name from a bare place).
const TYPE_END = new RegExp(`(?:${alt(W.nameEndings.words)})$`);
// Verbs that open a clause listing projects to build.
const QUALIFIER = alt(W.buildQualifiers.words);
const VERB = alt(W.buildVerbs.words);
const BUILD_VERB = new RegExp(`^(?:(?:${QUALIFIER})(?:${VERB})?|(?:${VERB}))+`);
// Clauses that open with these talk about a project without committing to build it, or are no list.
const NOT_LIST = new RegExp(`^(?:${alt(W.notList.words)})`);
const LEADING_CONNECTOR = /^(?:以及|和|及|并|同时|另外|此外)/;

const CJK = /[\u4e00-\u9fff]/;

// ---- 1. boxes -------------------------------------------------------------------------------

function boxProjects(doc: PlanDoc, box: Section, ctx: ExtractContext): Project[] {
  const text = doc.text.text;
  const subs = flattenSections(box.children);
  const headingAt = (i: number) => subs.find((s) => i >= s.headingStart && i < s.headingEnd);
  const out: Project[] = [];
  let label: string | null = null;
  const units = splitUnits(text, box.headingEnd, box.end);
  units.forEach((u, k) => {
    const h = headingAt(u.start);
    if (h) {
      label = null;
      // 一、机场 湛江新塘、坡头通用机场迁建工程…: the heading took the first word, the rest is a list.
      if (u.end <= h.headingEnd) return;
      u = { ...u, start: Math.max(u.start, h.headingEnd) };
      while (u.start < u.end && /\s/.test(text[u.start])) u.start++;
      if (u.start >= u.end) return;
    }
    if (u.newline) label = null;
    let s = text.slice(u.start, u.end);
    // Footnotes that PDF conversion left inside a box (² IDC：Internet Data Center…), notes (注：…).
    if (/^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]|注[：:]|资料来源)/.test(s)) return;
    // 水运。加快建设…: a short run-in label ending in 。 before a sentence on the same line.
    const next = units[k + 1];
    const nextText = next ? text.slice(next.start, next.end) : '';
    if (next && !next.newline && u.term === '。' && s.length <= 10 && !/[、，,]/.test(s) && (BUILD_VERB.test(nextText) || NOT_LIST.test(nextText))) {
      label = s.trim();
      return;
    }
    // 港口码头：… 种植类：… 湛江段：…
    const lm = /^([^、，,：:（）()]{1,10})[：:]\s*/.exec(s);
    let start = u.start;
    if (lm) {
      label = lm[1].trim();
      start += lm[0].length;
      s = s.slice(lm[0].length);
    }
    const category = [box.title, ...trailWithin(subs, u.start), ...(label ? [label] : [])].join(' > ');
    out.push(...listItems(doc, ctx, start, u.end, category, 'box'));
  });
  return out;
}

interface Unit extends Span {
  /** The character that ended it (。；\n or '' at the end). */
  term: string;
  /** True when it starts a line. */
  newline: boolean;
}

/** Pieces of text[start, end) between 。；; and line breaks, trimmed. */
function splitUnits(text: string, start: number, end: number): Unit[] {
  const out: Unit[] = [];
  let a = start;
  let newline = true;
  for (let i = start; i <= end; i++) {
    const ch = i < end ? text[i] : '';
    if (i === end || ch === '。' || ch === '；' || ch === ';' || ch === '\n') {
      let x = a;
      let y = i;
      while (x < y && /\s/.test(text[x])) x++;
      while (y > x && /\s/.test(text[y - 1])) y--;
      if (y > x) out.push({ start: x, end: y, term: ch, newline });
      newline = ch === '\n' || (newline && y <= x);
      a = i + 1;
    }
  }
  return out;
}

function trailWithin(subs: Section[], at: number): string[] {
  return subs.filter((s) => at >= s.start && at < s.end).map((s) => s.title);
}

// ---- list items -----------------------------------------------------------------------------

interface Item extends Span {
  name: string;
}

/**
 * Named items of text[start, end) (one unit: no 。；). Clauses are split at ，; a clause opening
 * with a verb of building has it stripped, other verbs drop the clause (研究建设…, 加强…).
 */
function listItems(doc: PlanDoc, ctx: ExtractContext, start: number, end: number, category: string, mode: 'box' | 'text'): Project[] {
  const cat = category || null;
  const text = doc.text.text;
  const out: Project[] = [];
  for (const c of splitTop(text, start, end, '，,')) {
    let a = c.start;
    const clause = () => text.slice(a, c.end);
    const con = LEADING_CONNECTOR.exec(clause());
    if (con) a += con[0].length;
    const v = BUILD_VERB.exec(clause());
    const verbLed = !!v;
    if (v) a += v[0].length;
    else if (mode === 'text') continue;
    // 研究建设…, 加强…衔接, 串联A、B、C的国省道: no list of projects.
    if (NOT_LIST.test(clause()) || /的/.test(clause())) continue;
    const items = clauseItems(text, a, c.end);
    if (!items) continue;
    if (mode === 'text' && !items.some((it) => hasPlace(ctx, it.name))) continue;
    for (const it of items) {
      // 某项目（总投资120亿元）: the bracket is data, not part of the name.
      const inv = /[（(]([^（）()]*投资[^（）()]*)[）)]$/.exec(it.name);
      if (inv) it.name = it.name.slice(0, inv.index);
      const d = projectData(ctx, it.name, cat, inv ? inv[1] : text.slice(it.end, Math.min(end, it.end + 30)));
      const flags: string[] = [];
      if (it.name.length > compact(text.slice(it.start, it.end)).length) flags.push('name_completed');
      out.push({
        kind: 'project',
        start: it.start,
        end: it.end,
        section: sectionAt(doc, it.start)?.id ?? null,
        confidence: mode === 'box' ? (verbLed ? 0.7 : 0.8) : 0.6,
        flags,
        data: d,
      });
    }
  }
  return out;
}

// Endings that say "and other such" after the list: 等项目建设, 等工程项目, 等重大交通项目, 等疏港铁路建设.
const ETC = '(?<![高同平对中初均上优次特超头])(?:等|及其他|和其他)(?!级|同|于|待|候)';
const ETC_TAIL = new RegExp(`${ETC}(?:一批)?([^、，,]{0,24})$`);
const ETC_INSIDE = new RegExp(`${ETC}[^、]{0,16}$`);
const TRAILING = /(?:项目前期工作|前期工作|等(?:项目)?建设(?:工程)?|建设工程|项目建设|工程建设|建设)$/;

function clauseItems(text: string, start: number, end: number): Item[] | null {
  const s = text.slice(start, end);
  // Cut the 等… tail: it names the kind of the items before it.
  let bodyEnd = end;
  let tail: string | null = null;
  const etc = ETC_TAIL.exec(s);
  if (etc) {
    bodyEnd = start + etc.index;
    tail = compact(etc[1]).replace(TRAILING, '').replace(/^(?:重点|重大|主要|跨区域)+/, '') || null;
    // 肇庆、梧州、贵港等市沿江煤炭储运设施: the items are places, not projects.
    if (tail && /^(?:市|县|区|地|省|城市|地区|县区|城镇|乡镇|镇)/.test(tail)) return null;
  }
  const pieces = splitItems(text, start, bodyEnd);
  if (pieces.length === 0) return null;
  const items: Item[] = [];
  for (const p of pieces) {
    let b = p.end;
    const raw = text.slice(p.start, b);
    const tr = TRAILING.exec(compact(raw));
    if (tr && !etc) {
      // Trim the same ending from the written text (it may hold spaces).
      let cut = tr[0].length;
      while (cut > 0 && b > p.start) {
        if (!/\s/.test(text[b - 1])) cut--;
        b--;
      }
    }
    while (b > p.start && /[\s“”"]/.test(text[b - 1]) && text[b - 1] !== '”') b--;
    const name = compact(text.slice(p.start, b)).replace(ETC_INSIDE, '');
    if (!isName(name)) continue;
    items.push({ start: p.start, end: b, name });
  }
  if (items.length === 0) return null;
  // Items that only name a place or a route take the ending of the list (等… or the next named item).
  const etcTail = tail && TYPE_END.test(tail) ? tail : null;
  const bare = items.map((it) => !hasKind(it.name));
  items.forEach((it, i) => {
    if (!bare[i]) return;
    const route = /[至—–-]/.test(it.name);
    if (etcTail) {
      if (route) {
        const t = ROUTE_KIND.exec(etcTail);
        if (t) it.name += etcTail.slice(t.index);
      } else if (it.name.length <= 10) it.name += etcTail;
      return;
    }
    if (i === items.length - 1 || (!route && it.name.length > 6)) return;
    // A list closed by a route (…、靖西至龙邦铁路): its kind is the list's. Otherwise the next named item.
    const last = items[items.length - 1].name;
    const lastRoute = /[至—–-]/.test(last) ? ROUTE_KIND.exec(last) : null;
    if (lastRoute) {
      it.name += last.slice(lastRoute.index);
      return;
    }
    const next = items.slice(i + 1).find((_, k) => !bare[i + 1 + k])?.name;
    if (next && !route) it.name = completeFrom(it.name, next);
  });
  return items.filter((it) => (TYPE_END.test(it.name) || it.name.length >= 4) && !GENERIC.test(it.name) && !TYPE_ONLY.test(it.name));
}

// A facility word anywhere in a name, or a one-character one at its end: the name says what it is.
const KIND_WORD = new RegExp(alt(W.kinds.words));
// Facilities a place name is put before (雷州 + 通用机场建设工程); not 学院, 中心 …: those follow proper names.
const FACILITY_START = new RegExp(`^(?:${alt(W.facilitiesAfterPlace.words)})`);
const hasKind = (n: string) => KIND_WORD.test(n) || /[厂站库桥线段闸馆园]$|[一二三四五六七八九十]中$|中学$|小学$/.test(n);
const ROUTE_KIND = new RegExp(alt(W.routeKinds.words));
// A name that is only a kind of facility (产业园, 综合交通枢纽).
const TYPE_ONLY = /^(?:综合|现代|新型|大型|重要|主要)?(?:交通)?(?:产业园|园区|工业园|枢纽|站场|基地|中心|项目|工程)$/;

/**
 * A bare item completed from the list's last item: 湛江市区 + 茂名市区环快速路连通工程 → 湛江市区环快速路连通工程
 * (shared 市区); 湛江新塘 + 坡头通用机场迁建工程 → 湛江新塘通用机场迁建工程 (the last item's kind after its
 * place); 长洲 + 红花船闸 → 长洲船闸.
 */
function completeFrom(bare: string, last: string): string {
  for (let k = Math.min(bare.length - 1, 3); k >= 1; k--) {
    const p = last.indexOf(bare.slice(-k));
    if (p >= 1 && p <= 4 && hasKind(last.slice(p + k))) return bare + last.slice(p + k);
  }
  for (let n = 2; n <= 4 && n < last.length - 1; n++) {
    const rest = last.slice(n);
    if (FACILITY_START.test(rest)) return bare + rest;
  }
  return bare;
}

function isName(s: string): boolean {
  if (s.length < 2 || s.length > 48 || !CJK.test(s)) return false;
  // ##### （一）铁路: a Markdown heading inside a 专栏 names a group, not a project
  if (/^#/.test(s)) return false;
  if (NOT_LIST.test(s) || /的|经过|开行|至今|以上|以下级/.test(s)) return false;
  return true;
}

function hasPlace(ctx: ExtractContext, name: string): boolean {
  return ctx.gazetteer.findMentions(name).length > 0;
}

// ---- data -----------------------------------------------------------------------------------

// Capacity as written: 30万吨级, 2×1000MW, 100MW/200MWh, 年产30万吨, 12万吨/年, 500千伏.
const CAPACITY =
  /\d+\s*[×xX]\s*\d+(?:\.\d+)?\s*(?:万千瓦|千瓦|兆瓦|MW)|年产\s*\d+(?:\.\d+)?\s*万?\s*(?:吨|件|台|辆|套|立方米|平方米|标箱)|\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:吨级|吨\/年|吨\/日|立方米\/日|立方米\/秒|千瓦时|千瓦|兆瓦|MWh|MW(?:\s*\/\s*\d+(?:\.\d+)?\s*MWh)?|GW|kW|千伏|kV|标箱|TEU|张床位|个泊位|个车位)/;

function projectData(ctx: ExtractContext, name: string, category: string | null, after: string): ProjectData {
  const cap = CAPACITY.exec(name);
  const places = [...new Set(ctx.gazetteer.findMentions(name).map((m) => m.place.name))];
  // 某项目，总投资120亿元 (or the bracket cut from the name)
  const investment = /^\s*[（(，,]?\s*(?:总投资|计划投资|估算投资|投资)/.test(after) ? investmentIn(after) : null;
  return { name, category, places, capacity: cap ? compact(cap[0]) : null, investment, count: null };
}

/** 总投资120亿元 / 投资约30亿元 (read with the shared number scanner, ./numbers). */
function investmentIn(s: string): { value: number; unit: string } | null {
  const m = /(?:总投资|计划投资|估算投资|投资)(?:额)?(?:约|达|超过|逾|近)?\s*/.exec(s);
  if (!m) return null;
  const from = m.index + m[0].length;
  const q = scanQuantities(s, from, Math.min(s.length, from + 20)).find((x) => x.start === from);
  return q && typeof q.value === 'number' && q.unit && /元$/.test(q.unit) ? { value: q.value, unit: q.unit } : null;
}

// ---- 1b. tables of projects (附表 重点项目表: tab-separated rows from DOCX/HTML/Markdown) -----------


function tableProjects(doc: PlanDoc, ctx: ExtractContext): Project[] {
  const out: Project[] = [];
  for (const t of doc.blocks.tables) {
    const col = (role: string) => t.columns.findIndex((c) => c.role === role);
    const nameCol = col('project');
    if (nameCol < 0) continue;
    const investment = col('investment');
    const content = col('content');
    const place = col('place');
    const category = col('category');
    const unit = investment >= 0 ? (/(万亿|亿|千万|万)?元/.exec(t.columns[investment].header)?.[0] ?? '亿元') : '亿元';
    for (const row of t.rows) {
      const cell = (k: number) => (k >= 0 ? compact(row.cells[k]?.text ?? '') : '');
      const name = cell(nameCol);
      if (!isName(name)) continue;
      const cap = CAPACITY.exec(cell(content)) ?? CAPACITY.exec(name);
      const invCell = cell(investment);
      const invValue = parseNumber(invCell);
      const nameCell = row.cells[nameCol];
      out.push({
        kind: 'project',
        start: row.start,
        end: row.end,
        section: sectionAt(doc, row.start)?.id ?? null,
        confidence: 0.85,
        flags: [],
        data: {
          name,
          category: cell(category) || (row.group ? groupName(compact(row.group)) : null) || (sectionAt(doc, nameCell.start)?.title ?? null),
          places: [...new Set(ctx.gazetteer.findMentions(`${cell(place)} ${name}`).map((m) => m.place.name))],
          capacity: cap ? compact(cap[0]) : null,
          investment: invValue != null ? { value: invValue, unit } : investmentIn(`总投资${invCell}`),
          count: null,
        },
      });
    }
  }
  return out;
}

const groupName = (s: string) => s.replace(/^[（(]?[一二三四五六七八九十]+[）)、.．]/, '').replace(/[（(]\d+[项个][）)]$/, '');

// ---- 2. the text ----------------------------------------------------------------------------

// A clause names projects when it ends in 项目/工程 (…等项目建设, …工程) or 等 + a facility.
const TEXT_CUE = /(?:项目|工程)(?:建设|前期工作)?$|等(?:一批)?[^、，,]{0,12}(?:建设|前期工作)$/;

// 重点推进以下重大项目：A、B、C。 — a list announced by a colon.
const COLON_CUE = /(?:重点|重大)(?:建设|产业|交通|基础设施)?(?:项目|工程)(?:包括|主要有|有)?[：:]/;

function textProjects(doc: PlanDoc, ctx: ExtractContext, inBox: (i: number) => boolean): Project[] {
  const text = doc.text.text;
  const out: Project[] = [];
  for (const u of splitUnits(text, 0, text.length)) {
    if (inBox(u.start)) continue;
    const colon = COLON_CUE.exec(text.slice(u.start, u.end));
    if (colon) {
      const from = u.start + colon.index + colon[0].length;
      const found = listItems(doc, ctx, from, u.end, sectionAt(doc, from)?.title ?? '', 'box').filter((p) => p.data.places.length > 0);
      if (found.length >= 2) out.push(...found.map((p) => ({ ...p, confidence: 0.6 })));
      continue;
    }
    for (const c of splitTop(text, u.start, u.end, '，,')) {
      const clause = compact(text.slice(c.start, c.end));
      if (!TEXT_CUE.test(clause)) continue;
      const sec = sectionAt(doc, c.start);
      out.push(...listItems(doc, ctx, c.start, c.end, sec?.title ?? '', 'text'));
    }
  }
  return out;
}

// Names that are kinds, not projects (农村饮水安全工程, 综合交通枢纽站场, 区域高水平疾控中心).
const GENERIC = new RegExp(`^(?:${alt(W.genericStarts.words)})`);

// ---- 3. programme totals --------------------------------------------------------------------

const TOTAL = /([^，,。；;：:、]{0,30}?(?:项目|工程))(?:共|共计|合计|总计|计)?\s*(\d+)\s*(?:项|个)/g;
const NAME_STARTS = /^.*(?:期间|规划|安排|谋划|布局|其中|共有|共计|共|实施|列入|纳入)/;

function programmeTotals(doc: PlanDoc, ctx: ExtractContext): Project[] {
  const text = doc.text.text;
  const out: Project[] = [];
  for (const para of doc.blocks.paragraphs) {
    const s = text.slice(para.start, para.end);
    let parent: string | null = null;
    for (const m of s.matchAll(TOTAL)) {
      const after = s.slice(m.index + m[0].length, m.index + m[0].length + 24);
      const inv = /^[，,、]?\s*(?:计划|估算)?总投资/.test(after) ? investmentIn(after) : null;
      let name = compact(m[1]);
      const cut = NAME_STARTS.exec(name);
      if (cut && name.length - cut[0].length >= 4) name = name.slice(cut[0].length);
      name = name.replace(/^[“”"]+/, '');
      if (!inv && !/重点|重大/.test(name)) continue;
      if (name.length < 4) continue;
      const sub = parent !== null && /其中/.test(s.slice(0, m.index + m[1].length));
      const end = m.index + m[0].length + (inv ? investmentEnd(after) : 0);
      let p = 0;
      while (p < m[1].length && compact(m[1].slice(p)) !== name) p++;
      out.push({
        kind: 'project',
        start: para.start + m.index + p,
        end: para.start + end,
        section: sectionAt(doc, para.start + m.index)?.id ?? null,
        confidence: 0.85,
        flags: ['programme_total'],
        data: {
          name,
          category: sub ? parent : (sectionAt(doc, para.start + m.index)?.title ?? null),
          places: [...new Set(ctx.gazetteer.findMentions(name).map((x) => x.place.name))],
          capacity: null,
          investment: inv,
          count: Number(m[2]),
        },
      });
      if (!sub) parent = name;
    }
  }
  return out;
}

function investmentEnd(after: string): number {
  const m = /^[，,、]?\s*(?:计划|估算)?总投资(?:约|达|超过|逾|近)?\s*[\d.]+\s*(?:万亿|亿|千万|万)?元/.exec(after);
  return m ? m[0].length : 0;
}

// ---- helpers --------------------------------------------------------------------------------

const compact = (s: string) => s.replace(/\s+/g, '');

/** Pieces of text[start, end) split at any of `seps` outside brackets and quotes, trimmed. */
function splitTop(text: string, start: number, end: number, seps: string): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let a = start;
  const push = (x: number, y: number) => {
    while (x < y && /\s/.test(text[x])) x++;
    while (y > x && /\s/.test(text[y - 1])) y--;
    if (y > x) out.push({ start: x, end: y });
  };
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if ('（(“《'.includes(ch)) depth++;
    else if ('）)”》'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && seps.includes(ch)) {
      // 3、4号机组: a 、 between digits is inside a name.
      if (ch === '、' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      push(a, i);
      a = i + 1;
    }
  }
  push(a, end);
  return out;
}

/**
 * Items of a list: split at 、 and 以及, and at 和/及 between two complete names (雷州电厂和湛江电厂;
 * not 工业和信息化, not 茂名石化炼油转型升级及乙烯提质改造).
 */
function splitItems(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (const p of splitTop(text, start, end, '、')) {
    let a = p.start;
    const s = text.slice(p.start, p.end);
    for (const m of s.matchAll(/以及|和|及/g)) {
      const at = p.start + m.index;
      if (at <= a) continue;
      const left = compact(text.slice(a, at)).replace(/[（(][^）)]*[）)]$/, '');
      const right = compact(text.slice(at + m[0].length, p.end));
      const join = m[0] === '以及' || (hasKind(left) && TYPE_END.test(left) && right.length >= 5 && !/^(?:其他|配套|周边|相关)/.test(right));
      if (!join || left.length < 3) continue;
      out.push({ start: a, end: at });
      a = at + m[0].length;
    }
    out.push({ start: a, end: p.end });
  }
  return out.filter((x) => x.end > x.start);
}

/**
 * One finding per project: a name listed twice keeps its first listing; a name in the text that
 * a box also lists (or that contains, or is contained in, a box name) is left to the box.
 */
function dedupe(boxed: Project[], texted: Project[]): Project[] {
  const key = (n: string) => n.replace(/[（(][^）)]*[）)]/g, '').replace(/(?:新建|建设|改造)?(?:工程|项目)$/, '');
  const seen = new Set<string>();
  const out: Project[] = [];
  for (const p of boxed) {
    if (seen.has(p.data.name)) continue;
    seen.add(p.data.name);
    out.push(p);
  }
  const keys = out.map((p) => key(p.data.name));
  for (const p of texted) {
    const k = key(p.data.name);
    if (keys.some((s) => s === k || (k.length >= 4 && s.length >= 4 && (s.includes(k) || k.includes(s))))) continue;
    keys.push(k);
    out.push(p);
  }
  return out;
}
