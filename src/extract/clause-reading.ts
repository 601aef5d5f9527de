// Reading one clause: which quantity it states, of which indicator, for which scope, with which
// comparator and measure. The common shape is
//     [year] [scope] indicator [operators] NUMBER UNIT [以上|以内|左右…]
// (粤西地区生产总值达到6340亿元, 城镇化水平达50%以上, 年均增长12.5%以上 with the indicator of the
// clause before); plans also write 形成2300万吨/年炼油、100万吨乙烯规模生产能力, 学校100%达到标准,
// 2小时高铁交通圈, 最少有一所学校 and 化肥农药零增长. Words: data/lexicons/statement-words.json.
import type { Comparator, TargetMeasure } from '../core/findings';
import type { Span } from '../core/types';
import words from '../../data/lexicons/statement-words.json' with { type: 'json' };
import { matchIndicator } from './indicators';
import type { Quantity } from './numbers';
import { alt, byLength, CLOSE, OPEN, RE_FIVE_YEAR, type PlanContext } from './plan-context';

interface Op {
  cmp?: Comparator;
  measure?: 'growth' | 'change' | 'increment';
  dir?: 'up' | 'down';
  per?: 'annual' | 'yearly';
  to?: boolean;
  each?: boolean;
  weak?: boolean;
}

const OPS = words.operators.words as Record<string, Op>;
const OP_WORDS = byLength(Object.keys(OPS));
const SUFFIX = words.suffixes.words as Record<string, Comparator>;
const SUFFIX_WORDS = byLength(Object.keys(SUFFIX));
const TAIL_NOUNS = byLength(words.tailNouns.words);
const TAIL_VERBS: readonly string[] = words.tailVerbs.words;
const LEADING = byLength(words.leadingWords.words);
const LEADING_VERBS = byLength(words.leadingVerbs.words);
const NOUNS_FROM_VERBS = byLength(words.leadingVerbs.notBefore);
const STATE_VERBS: readonly string[] = words.leadingVerbs.state;
const INNER_VERBS = byLength(words.innerVerbs.words);
const INNER_NOT_BEFORE: string = words.innerVerbs.notBeforeChars;
const SCOPE_WORDS = byLength(words.scopeWords.words);
const ACTION_VERBS = byLength(words.actionVerbs.words);
const QUANTIFIED = byLength(words.quantifiedActions.words);
const INCREMENT_VERBS: readonly string[] = byLength(words.quantifiedActions.increment);
const UNIT_IS_RATE = (u: string | null) => u === '%' || u === '‰' || u === '个百分点' || u === 'ratio';
const ADVERBS = byLength(words.actionVerbs.adverbs);
const PREPOSITIONS: readonly string[] = words.actionVerbs.prepositions;
const PROJECT_WORDS = byLength(words.projectWords.words);
const CIRCLE = byLength(words.timeCircles.circle);
const TIME_LIMIT_UNITS: readonly string[] = words.timeLimits.units;
const LIMIT_VERBS = byLength(words.timeLimits.verbs);
const REACH = byLength(words.timeCircles.reach);
const CIRCLE_VERBS = byLength(words.timeCircles.verbs);
const CAPACITY_TAILS = byLength(words.capacityTails.words);
const COUNT_VERBS = byLength(words.countVerbs.words);
const PURPOSE_VERBS = byLength(words.countVerbs.purpose);
const PARTNER_VERBS = byLength(words.countVerbs.partners);
const SHARE_WORDS = words.shareWords.words;
const HEAD_NOUNS = byLength(words.headNouns.words);
const PER_UNIT = /^(?:单位(?:地区|国内)?生产总值|单位GDP|万元(?:地区|国内)?生产总值|万元GDP|单位工业增加值|万元工业增加值)/;
const COUNT_UNIT = new RegExp(`^(?:万|千|百)?(?:${alt(words.countUnits.words)})$`);
const RE_SUFFIX = new RegExp(`^\\s*(${alt(SUFFIX_WORDS)})`);
const RE_TAIL = new RegExp(`^(${alt(TAIL_NOUNS)})$`);
const RE_YEAR_PHRASE = /(?:(?:力争|争取|预计|计划)?(?:到|至|在)?\s*\d{4}\s*年(?:底|末|年底|年末)?(?:前|以前|之前)?)/y;

/** A level reading with the usual defaults (no baseline, a goal signal). */
function plainReading(r: Pick<Reading, 'start' | 'end' | 'quantity' | 'indicator' | 'base' | 'scope' | 'comparator' | 'rule'>): Reading {
  return { ...r, measure: 'level', direction: null, baselineValue: null, baselineYear: null, ownYear: null, signal: true, flags: [] };
}

export interface Reading {
  /** The rule that read it (clause.standard, clause.count …): per-rule precision is measured on it. */
  rule: string;
  /** Offsets of the statement (subject start → clause end). */
  start: number;
  end: number;
  quantity: Quantity;
  indicator: string;
  /** The indicator before composing with the measure (for inheritance by the next clause). */
  base: string;
  scope: string | null;
  comparator: Comparator;
  measure: TargetMeasure;
  direction: 'up' | 'down' | null;
  baselineValue: number | null;
  baselineYear: number | null;
  /** The year written in front of the number (调整为2010年的 X), if any, and where. */
  ownYear: number | null;
  ownYearAt?: Span;
  /** The clause says it is a goal or a change (达到, 超过, 新增, 以上 …), not only 'X is N'. */
  signal: boolean;
  /** Start of the whole clause (past markers like 已 may stand before the reading). */
  clauseStart?: number;
  flags: string[];
}

interface PreParse {
  subject: string;
  subjectStart: number;
  ops: Op[];
  opWords: string[];
  baselineValue: number | null;
  baselineYear: number | null;
  /** The number after 由/从 (由2010年的40%提高到…): the starting point, itself a fact. */
  baselineQ: Quantity | null;
  ownYear: number | null;
  ownYearAt?: Span;
}

function endsWithWord(s: string, list: readonly string[]): string | null {
  for (const w of list) if (s.endsWith(w)) return w;
  return null;
}

function startsWithWord(s: string, list: readonly string[]): string | null {
  for (const w of list) if (s.startsWith(w)) return w;
  return null;
}

/** A verb to drop from the front of an indicator, unless it begins a noun (建成区, 建设用地). */
function leadingVerb(s: string): string | null {
  const v = startsWithWord(s, LEADING_VERBS);
  if (!v || s.length <= v.length) return null;
  return NOUNS_FROM_VERBS.some((n) => s.startsWith(n)) ? null : v;
}

/** Reads the text before the number: operators from the end, baseline (由2010年的X提高到), the subject. */
function parsePre(text: string, a: number, b: number, qs: readonly Quantity[]): PreParse {
  let end = b;
  const ops: Op[] = [];
  const opWords: string[] = [];
  let baselineValue: number | null = null;
  let baselineYear: number | null = null;
  let baselineQ: Quantity | null = null;
  let ownYear: number | null = null;
  let ownYearAt: Span | undefined;
  for (let guard = 0; guard < 12; guard++) {
    while (end > a && /\s/.test(text[end - 1])) end--;
    const s = text.slice(a, end);
    // 调整为2010年的 19.9∶40.7∶39.4 / 提高到2015年的50%
    const y = /(\d{4})\s*年(?:末|底)?的?$/.exec(s);
    if (y && ownYear === null && ops.length === 0) {
      ownYear = Number(y[1]);
      ownYearAt = { start: end - y[0].length, end };
      end -= y[0].length;
      continue;
    }
    // 比2010年增长, 较上年
    const cmpBase = /(?:比|较)\s*(?:(\d{4})\s*年(?:末|底)?|上年|基期|规划基期)$/.exec(s);
    if (cmpBase && ops.length > 0) {
      if (cmpBase[1]) baselineYear = Number(cmpBase[1]);
      end -= cmpBase[0].length;
      continue;
    }
    const w = endsWithWord(s, OP_WORDS);
    if (w && !(w === '均' && s.endsWith('人均'))) {
      ops.push(OPS[w]);
      opWords.push(w);
      end -= w.length;
      continue;
    }
    // 由2010年的 X 提高到: a baseline number just before the operators
    const prevQ = [...qs].reverse().find((q) => q.role === 'measure' && q.end <= end && q.end >= end - 1 && q.start >= a);
    if (prevQ && ops.some((o) => o.to || o.dir) && baselineQ === null) {
      const rest = text.slice(a, prevQ.start);
      const m = /(?:由|从)\s*(?:(\d{4})\s*年(?:末|底)?)?\s*的?\s*$/.exec(rest);
      if (m) {
        baselineQ = prevQ;
        baselineValue = typeof prevQ.value === 'number' ? prevQ.value : null;
        if (m[1]) baselineYear = Number(m[1]);
        end = prevQ.start - m[0].length;
        continue;
      }
    }
    break;
  }
  while (end > a && /[\s的]/.test(text[end - 1])) end--;
  return { subject: text.slice(a, end), subjectStart: a, ops, opWords, baselineValue, baselineYear, baselineQ, ownYear, ownYearAt };
}

interface Subject {
  scope: string | null;
  indicator: string;
  /** Offset of the subject's first character that is kept (scope or indicator). */
  start: number;
  /** A verb before the indicator was dropped (建成5G基站…, 形成年产钢…): the clause states a goal or an outcome. */
  verb?: boolean;
  /** …but 拥有/具备 only state what is (拥有A级景区50家). */
  stateVerb?: boolean;
}

/** Splits a subject into scope and indicator: drops 到2015年/其中/确保…, takes the place or scope word in front. */
function splitSubject(pc: PlanContext, subject: string, at: number): Subject {
  let s = subject;
  let off = at;
  const cut = (n: number) => {
    s = s.slice(n);
    off += n;
  };
  const stripLeading = () => {
    for (let g = 0; g < 8; g++) {
      const lead = /^[\s，,、“”]+/.exec(s);
      if (lead) {
        cut(lead[0].length);
        continue;
      }
      RE_YEAR_PHRASE.lastIndex = 0;
      const y = RE_YEAR_PHRASE.exec(s);
      if (y && y[0].length > 0) {
        cut(y[0].length);
        continue;
      }
      RE_FIVE_YEAR.lastIndex = 0;
      const f = RE_FIVE_YEAR.exec(s);
      if (f && f[0].length > 0) {
        cut(f[0].length);
        continue;
      }
      const w = startsWithWord(s, LEADING);
      if (w && s.length > w.length) {
        cut(w.length);
        continue;
      }
      break;
    }
  };
  stripLeading();
  let scope: string | null = null;
  let scopeLen = 0;
  const region = startsWithWord(s, pc.regionForms);
  const sw = startsWithWord(s, SCOPE_WORDS);
  const mention = pc.ctx.gazetteer.findMentions(s.slice(0, 24)).find((m) => m.start === 0);
  if (region) scopeLen = region.length;
  else if (sw) scopeLen = sw.length;
  else if (mention) scopeLen = mention.end;
  // 广钢环保迁建湛江项目形成年产钢 / 粤西地区拥有龙头企业: the inner verb ends the scope
  // (建成率, 建成区: the verb begins a noun; 美丽河湖建成率 is one indicator)
  const inner = INNER_VERBS.map((v) => ({ v, i: s.indexOf(v) }))
    .filter((x) => x.i > 0 && !NOUNS_FROM_VERBS.some((n) => s.startsWith(n, x.i)) && s.length - x.i - x.v.length >= 2 && !INNER_NOT_BEFORE.includes(s[x.i + x.v.length]))
    .sort((x, y) => x.i - y.i)[0];
  // 每千人口拥有执业医师数 is one indicator: do not split when the whole names a longer lexicon entry
  const lex = pc.ctx.lexicons.indicators;
  if (inner) {
    const whole = matchIndicator(s, lex);
    if (whole && whole.start < inner.i && whole.end > inner.i) return { scope: null, indicator: trimIndicator(s), start: off, verb: true };
    const merged = s.slice(0, inner.i) + s.slice(inner.i + inner.v.length);
    const mm = matchIndicator(merged, lex);
    const mr = matchIndicator(s.slice(inner.i + inner.v.length), lex);
    if (mm && (!mr || mm.alias.length > mr.alias.length) && mm.start < inner.i) {
      return { scope: null, indicator: trimIndicator(merged), start: off, verb: true };
    }
  }
  if (inner && inner.i >= scopeLen) {
    const head = s.slice(0, inner.i);
    // 累计建成5G基站15万个: 累计 says how the number counts, it is no place or body
    if (/^(?:累计|新增|累计新增|全年|年内|每年)$/.test(head)) return { scope: null, indicator: trimIndicator(s), start: off, verb: true };
    if (scopeLen > 0 || head.length >= 2) {
      scope = head;
      const keep = off;
      cut(inner.i + inner.v.length);
      stripLeading();
      return { scope, indicator: trimIndicator(s), start: keep, verb: true, stateVerb: STATE_VERBS.includes(inner.v) };
    }
  }
  if (scopeLen > 0) {
    const m = matchIndicator(s, pc.ctx.lexicons.indicators);
    const start = off;
    scope = s.slice(0, scopeLen);
    // 粤西地区生产总值: the indicator (地区生产总值) starts inside the region's name
    if (m && m.start < scopeLen && m.end > scopeLen) {
      cut(m.start);
    } else cut(scopeLen);
    if (s.startsWith('的')) cut(1);
    stripLeading();
    const v = leadingVerb(s);
    if (v) cut(v.length);
    return { scope, indicator: trimIndicator(s), start, verb: !!v, stateVerb: !!v && STATE_VERBS.includes(v) };
  }
  const v = leadingVerb(s);
  if (v) cut(v.length);
  return { scope: null, indicator: trimIndicator(s), start: off, verb: !!v, stateVerb: !!v && STATE_VERBS.includes(v) };
}

function trimIndicator(s: string): string {
  return s.replace(/^[\s的之和及、，,“”]+/, '').replace(/[\s的之和及、，,“]+$/, '');
}

/** Does the phrase describe an action (加快建设…, 对企业给予奖励) rather than name a measure? */
function isAction(s: string): boolean {
  const adverb = startsWithWord(s, ADVERBS);
  if (adverb) {
    const rest = s.slice(adverb.length);
    return !!startsWithWord(rest, ACTION_VERBS) || !!startsWithWord(rest, LEADING_VERBS) || !!startsWithWord(rest, ADVERBS);
  }
  if (PREPOSITIONS.includes(s[0])) return !endsWithWord(s, HEAD_NOUNS);
  return !!startsWithWord(s, ACTION_VERBS);
}

/** Is this a name of a measure, not an action or a sentence? */
function indicatorLike(pc: PlanContext, ind: string): boolean {
  if (ind.length < 2 || ind.length > 40) return false;
  if (!/[\u4e00-\u9fffA-Za-z]/.test(ind)) return false;
  if (/\d{4}年/.test(ind)) return false;
  const known = matchIndicator(ind, pc.ctx.lexicons.indicators);
  if (known && known.start === 0) return true;
  // 实施省级重点项目640个: how much of an action, the number right after its object
  const quantified = startsWithWord(ind, QUANTIFIED);
  if (isAction(ind) && !(quantified && ind.length > quantified.length + 1)) return false;
  if (/[。！？]/.test(ind)) return false;
  return true;
}

const PROJECT_ALONE: readonly string[] = words.projectWords.alone;
const isProjectQuantity = (pc: PlanContext, ind: string) =>
  (PROJECT_ALONE.includes(ind) || PROJECT_WORDS.some((w) => ind.endsWith(w))) && !matchIndicator(ind, pc.ctx.lexicons.indicators);

/** After the number: 以上/以内/左右 …, a tail noun (规模), nothing else. null when more text follows. */
function parsePost(text: string, a: number, b: number): { cmp: Comparator | null; tail: string } | null {
  let s = text.slice(a, b).replace(/\s+/g, '');
  let cmp: Comparator | null = null;
  const m = RE_SUFFIX.exec(s);
  if (m) {
    cmp = SUFFIX[m[1]];
    s = s.slice(m[0].length);
  }
  s = s.replace(/[”’」』]+$/, '').replace(/^[”’」』]+/, '');
  if (s === '') return { cmp, tail: '' };
  if (RE_TAIL.test(s)) return { cmp, tail: s.replace(/^的/, '') };
  if (TAIL_VERBS.includes(s)) return { cmp, tail: '' };
  if (/^[（(][^）)]*[）)]$/.test(s)) return { cmp, tail: '' };
  return null;
}

function opsEffect(ops: readonly Op[], q: Quantity) {
  let cmp: Comparator = 'eq';
  for (const o of ops) {
    if (o.cmp && o.cmp !== 'eq') {
      cmp = o.cmp;
      break;
    }
  }
  let measure: TargetMeasure = q.unit === 'ratio' ? 'ratio' : 'level';
  let direction: 'up' | 'down' | null = null;
  let per: 'annual' | 'yearly' | null = null;
  let each = false;
  for (const o of ops) {
    if (o.dir && !direction) direction = o.dir;
    if (o.each) each = true;
    if (o.to) continue;
    const pct = q.unit === '%' || q.unit === '个百分点' || q.unit === '‰' || q.unit === null;
    if (o.measure === 'growth' && pct) {
      measure = 'growth';
      per = per ?? o.per ?? null;
    } else if (o.measure === 'growth') {
      // 城镇新增就业人数年均保持在110万人: an annual level, not a rate
    } else if (o.measure === 'change' && measure === 'level') {
      measure = pct ? 'growth' : 'increment';
    } else if (o.measure === 'increment' && measure === 'level') measure = 'increment';
  }
  if (ops.some((o) => o.to)) measure = q.unit === 'ratio' ? 'ratio' : 'level';
  return { cmp, measure, direction, per, each };
}

/** Names the indicator of a growth or increment statement: 地区生产总值 + 年均增长 → 地区生产总值年均增长率. */
function compose(base: string, measure: TargetMeasure, dir: 'up' | 'down' | null, per: 'annual' | 'yearly' | null, opWords: readonly string[], unit: string | null): string {
  if (measure === 'growth' && unit === '个百分点') {
    const stem = base.replace(/水平$/, '');
    return `${stem}${per === 'annual' ? '年均' : per === 'yearly' ? '每年' : ''}${dir === 'down' ? '下降' : '提高'}百分点`;
  }
  if (measure === 'growth') {
    if (/(增长率|增速|增幅|涨幅|下降率|降幅|降低率|增长)$/.test(base)) return base;
    const stem = base.replace(/水平$/, '');
    const what = dir === 'down' ? '下降率' : '增长率';
    return stem + (per === 'annual' ? `年均${what}` : per === 'yearly' ? `年${what}` : what);
  }
  if (measure === 'increment') {
    if (/^(新增|累计|新建)/.test(base)) return base;
    const w = opWords.find((x) => /^(新增|累计|新建)/.test(x));
    return w ? w + base : base;
  }
  return base;
}

function finishReading(
  pc: PlanContext,
  q: Quantity,
  subject: Subject,
  start: number,
  end: number,
  ops: readonly Op[],
  opWords: readonly string[],
  post: { cmp: Comparator | null; tail: string },
  pre: Pick<PreParse, 'baselineValue' | 'baselineYear' | 'ownYear' | 'ownYearAt'>,
  flags: string[],
): Reading | null {
  const eff = opsEffect(ops, q);
  let base = subject.indicator + (post.tail && !subject.indicator.endsWith(post.tail) ? post.tail : '');
  if (!indicatorLike(pc, base) || isProjectQuantity(pc, base)) return null;
  let measure = eff.measure;
  // what is added over the period: 新增…, 新建…, 培育…; flows counted per year or in 人次
  const yearly = pc.text.slice(Math.max(0, start - 6), start).includes('每年') || /^每年/.test(subject.indicator);
  const flow = /新增|^(?:累计|新建)/.test(base) || (startsWithWord(base, INCREMENT_VERBS) && !UNIT_IS_RATE(q.unit)) || (yearly && !UNIT_IS_RATE(q.unit));
  if (measure === 'level' && flow) measure = 'increment';
  // 企业累计达到300家: the stock of things reached (but 实际利用外资累计达到50亿美元 sums a flow)
  if (measure === 'increment' && opWords.includes('累计') && opWords.some((w) => /^达/.test(w)) && q.unit !== null && COUNT_UNIT.test(q.unit) && !/元$/.test(q.unit)) measure = 'level';
  // 居民消费价格涨幅2%: the noun already names a rate of change
  if (measure === 'level' && q.unit === '%' && /(?:涨幅|增幅|增速|降幅|增长率|下降率)$/.test(base)) measure = 'growth';
  base = base.replace(/^累计(?:完成|建成|实现)/, '累计');
  const indicator = compose(base, measure, eff.direction, eff.per, opWords, q.unit);
  const comparator = post.cmp ?? (q.approx ? 'approx' : eff.cmp);
  base = base.replace(/水平$/, '') || base;
  return {
    rule: 'clause.standard',
    start,
    end,
    quantity: q,
    indicator,
    base,
    scope: subject.scope,
    comparator,
    measure,
    direction: eff.direction ?? (measure === 'growth' || measure === 'increment' ? 'up' : null),
    baselineValue: pre.baselineValue,
    baselineYear: pre.baselineYear,
    ownYear: pre.ownYear,
    ownYearAt: pre.ownYearAt,
    signal: ops.some((o) => !o.weak) || post.cmp !== null || measure === 'increment' || q.approx || (!!subject.verb && !subject.stateVerb) || !!startsWithWord(subject.indicator, QUANTIFIED),
    flags,
  };
}

export interface ClauseEnv {
  pc: PlanContext;
  text: string;
  clause: Span;
  qs: Quantity[];
  /** Indicator of the previous statement or subject in the sentence, for 年均增长12.5%以上. */
  inherited: { base: string; scope: string | null } | null;
  /** The previous reading of the sentence said it was a goal (its 其中 items are too). */
  prevSignal: boolean;
  /** The sentence names a goal year before this clause (到2025年). */
  goalYear: boolean;
  /** The clause is in a background section (发展基础): counts there are what the region has. */
  background?: boolean;
  /** Where the clause's sentence starts (for the topic of 生态空间是指…，约占陆域面积的48.5%). */
  sentenceStart?: number;
}

/** All readings of one clause. */
export function readClause(env: ClauseEnv): Reading[] {
  const { text, clause } = env;
  // 森林覆盖率达到47%（2020年为45%）: the bracket after the value states its starting point
  const note = baselineNote(env);
  const measures = env.qs.filter((q) => q.start >= clause.start && q.end <= clause.end && q.role === 'measure' && q !== note?.q);
  if (note) {
    const rs = readClause({ ...env, clause: { start: clause.start, end: note.start }, qs: env.qs.filter((q) => q !== note.q) });
    for (const r of rs) if (r.baselineValue === null && typeof note.q.value === 'number') {
      r.baselineValue = note.q.value;
      r.baselineYear = note.year;
    }
    return rs;
  }
  if (measures.length === 0) {
    const z = readZeroGrowth(env) ?? readDoubling(env);
    return z ? [z] : [];
  }
  const out: Reading[] = [];
  const last = measures[measures.length - 1];

  // capacities named after the number: 形成2300万吨/年炼油、100万吨乙烯规模生产能力
  const cap = readCapacityList(env, measures);
  if (cap.length) return cap;

  // lists of values: 分别达到5万元、2.5万元
  const groups = groupLists(text, measures);
  for (const g of groups) {
    const first = g[0];
    const lastQ = g[g.length - 1];
    const post = parsePost(text, lastQ.end, clause.end);
    if (post && lastQ === last) {
      const r = readStandard(env, g, post);
      if (r.length) {
        out.push(...r);
        continue;
      }
    }
    if (g.length === 1) {
      const r = readPercentOfUnits(env, first) ?? readTimeCircle(env, first) ?? readTimeLimit(env, first) ?? readServiceRadius(env, first) ?? readCount(env, first);
      if (r) out.push(r);
    }
  }
  // 居民出行“300米见绿，500米见园”: the second radius follows the first inside the quote
  for (const q of measures) {
    if (out.some((r) => r.quantity === q)) continue;
    if (out.some((r) => r.rule === 'clause.service-radius') || groups.some((g) => g.length === 1 && g[0] === q)) {
      const r = readServiceRadius(env, q);
      if (r && !out.some((x) => x.quantity === q)) out.push(r);
    }
  }
  return out;
}

/**
 * 48小时内放行, 3个工作日内办结, 实行6小时内放行便利措施: a service time limit, at most N.
 * The number, its time unit, 内/以内/之内, then the action it limits.
 */
function readTimeLimit(env: ClauseEnv, q: Quantity): Reading | null {
  if (!q.unit || !TIME_LIMIT_UNITS.includes(q.unit)) return null;
  const { text, clause } = env;
  const rest = text.slice(q.end, clause.end).replace(/\s+/g, '');
  const m = /^(?:以内|之内|内)(.*)$/.exec(rest);
  if (!m) return null;
  const verb = startsWithWord(m[1], LIMIT_VERBS);
  if (!verb || m[1].length - verb.length > 10) return null;
  return plainReading({
    rule: 'clause.time-limit',
    start: clause.start,
    end: clause.end,
    quantity: q,
    indicator: `${verb}时限`,
    base: `${verb}时限`,
    scope: null,
    comparator: 'le',
  });
}

/** 居民出行“300米见绿，500米见园”, 步行500米可达: a service radius, at most N metres. */
function readServiceRadius(env: ClauseEnv, q: Quantity): Reading | null {
  if (q.unit !== '米' && q.unit !== '公里' && q.unit !== '千米') return null;
  const { pc, text, clause } = env;
  const m = /^\s*(见[\u4e00-\u9fff]|可达|可及|到达)/.exec(text.slice(q.end, clause.end));
  if (!m) return null;
  // the subject: the clause's words before the first radius, without the verb (实现) and the quote mark
  const firstRadius = env.qs.find((x) => x.start >= clause.start && x.end <= clause.end && (x.unit === '米' || x.unit === '公里' || x.unit === '千米'));
  const pre = text.slice(clause.start, (firstRadius ?? q).start).replace(/[“"「]\s*$/, '');
  const subj = splitSubject(pc, pre.replace(/^(?:实现|达到|做到|基本实现|推动|确保)/, ''), clause.start);
  const what = m[1].startsWith('见') ? `${m[1]}距离` : `${m[1]}距离`;
  const name = `${subj.indicator}${what}`;
  return plainReading({
    rule: 'clause.service-radius',
    start: clause.start,
    end: q.end + m[0].length,
    quantity: q,
    indicator: name,
    base: name,
    scope: subj.scope,
    comparator: 'le',
  });
}

/** A bracket closing the clause that gives a year's value: （2020年为45%）, （2020年：45%）, （2020年基数45%）. */
function baselineNote(env: ClauseEnv): { q: Quantity; year: number; start: number } | null {
  const { text, clause } = env;
  const m = /[（(]\s*((?:19|20)\d{2})\s*年(?:末|底)?(?:为|是|：|:|基数|基期值|现状值)?\s*([^（）()]{1,16})[）)]\s*$/.exec(text.slice(clause.start, clause.end));
  if (!m) return null;
  const at = clause.start + m.index;
  const q = env.qs.find((x) => x.role === 'measure' && x.start >= at && x.end <= clause.end);
  if (!q || !env.qs.some((x) => x.role === 'measure' && x.end <= at && x.start >= clause.start)) return null;
  return { q, year: Number(m[1]), start: at };
}

/** Adjacent quantities separated only by 、/和/及: one list. */
function groupLists(text: string, qs: readonly Quantity[]): Quantity[][] {
  const out: Quantity[][] = [];
  for (const q of qs) {
    const g = out[out.length - 1];
    if (g && /^\s*[、和及与]\s*$/.test(text.slice(g[g.length - 1].end, q.start))) g.push(q);
    else out.push([q]);
  }
  return out;
}

/** [subject] [operators] NUMBER [以上…] — the common shape, with lists (分别/均). */
function readStandard(env: ClauseEnv, group: Quantity[], post: { cmp: Comparator | null; tail: string }): Reading[] {
  const { pc, text, clause } = env;
  const first = group[0];
  // (numbers before the value stay in the subject: 每千人口拥有3岁以下婴幼儿托位数, 城乡三项医疗保险参保率)
  const pre = parsePre(text, clause.start, first.start, env.qs);
  let subject = splitSubject(pc, pre.subject, pre.subjectStart);
  const flags: string[] = [];
  const start = subject.indicator ? subject.start : clause.start;
  // 占全省的17.7%: a share of the previous subject, or of the sentence's topic (生态空间是指…，约占陆域面积的48.5%)
  const share = /^(?:约|大约|将近)?占(.{1,16}?)的?(比重|比例|份额)?$/.exec(subject.indicator);
  const owner = share ? (env.inherited ?? sentenceTopic(env)) : null;
  if (share && owner) {
    subject = { scope: owner.scope ?? subject.scope, indicator: `${owner.base}占${share[1]}${share[2] ?? SHARE_WORDS[0]}`, start: subject.start };
    flags.push('subject_inherited');
  }
  if (!subject.indicator) {
    if (!env.inherited) return [];
    subject = { scope: subject.scope ?? env.inherited.scope, indicator: env.inherited.base, start: subject.start };
    flags.push('subject_inherited');
  }
  const out: Reading[] = [];
  const eff = opsEffect(pre.ops, first);
  // 货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%: the measure noun after 分别 goes to every part
  const eachOf = /^(.{4,}?)(?:分别|均|各)(占比|比重|占|增长|提高|下降)$/.exec(subject.indicator);
  let each = eff.each;
  let suffix = '';
  if (eachOf) {
    subject = { ...subject, indicator: eachOf[1] };
    suffix = eachOf[2] === '占' ? '占比' : eachOf[2];
    each = true;
  }
  // 适龄儿童入学率、初中毛入学率均达到100%; 城镇、农村居民人均可支配收入分别达到…
  let parts = splitEnumeration(subject.indicator);
  // 单位地区生产总值能耗和二氧化碳排放分别下降14%和18%: one value each, so 和 separates indicators
  if (parts.length !== group.length && group.length > 1 && each) {
    const byAnd = splitEnumeration(subject.indicator, /[和及与]/);
    const byBoth = splitEnumeration(subject.indicator, /[、和及]/);
    if (byAnd.length === group.length) parts = byAnd;
    else if (byBoth.length === group.length) parts = byBoth;
    // 城乡居民人均可支配收入分别达到5.5万元和2.8万元: 城乡 is 城镇 and 农村
    else if (group.length === 2 && subject.indicator.startsWith('城乡')) {
      const rest = subject.indicator.slice(2);
      parts = [
        { name: `城镇${rest}`, written: subject.indicator },
        { name: `农村${rest}`, written: subject.indicator },
      ];
    }
  }
  // 工业投资、民间投资年均增长6%左右: parallel indicators sharing one value
  // (rates only: A、B、C及D超过1000家 counts them together; 占公共汽车、出租汽车比重 is one share)
  const rateLike = first.unit === '%' || first.unit === '‰' || first.unit === '个百分点' || eff.measure === 'growth';
  const shared =
    rateLike && parts.length > 1 && group.length === 1 && parts.length <= 6 && !/占|等/.test(subject.indicator) &&
    parts.every((p) => p.name.length >= 2 && p.name.length <= 14 && !isAction(p.name));
  if (parts.length > 1 && (each || group.length === parts.length || shared)) {
    for (let k = 0; k < parts.length; k++) {
      const q = group.length === parts.length ? group[k] : group[0];
      const partStart = text.indexOf(parts[k].written, subject.start);
      const r = finishReading(pc, q, { ...subject, indicator: parts[k].name + suffix }, partStart >= 0 ? partStart : start, clause.end, pre.ops, pre.opWords, post, pre, flags);
      if (r) out.push({ ...r, rule: 'clause.enumeration' });
    }
    return out;
  }
  if (group.length > 1) return []; // several numbers for one indicator: not a statement we can read
  const r = finishReading(pc, first, subject, start, clause.end, pre.ops, pre.opWords, post, pre, flags);
  if (!r) return [];
  if (share && owner) {
    r.rule = 'clause.share';
    if (/^(?:约|大约|将近)/.test(share[0]) && r.comparator === 'eq') r.comparator = 'approx';
  }
  if (env.prevSignal && /^\s*其中/.test(text.slice(clause.start, clause.end))) r.signal = true;
  // 由2010年的40%提高到…: the starting value is a statement of its own year
  if (pre.baselineQ) {
    const b = finishReading(pc, pre.baselineQ, subject, start, pre.baselineQ.end, [], [], { cmp: null, tail: post.tail }, { baselineValue: null, baselineYear: null, ownYear: pre.baselineYear }, flags);
    if (b) {
      b.rule = 'clause.baseline';
      b.signal = true;
      b.measure = r.measure === 'ratio' ? 'ratio' : 'level';
      b.indicator = r.measure === 'ratio' || r.measure === 'level' ? r.indicator : b.indicator;
      b.direction = null;
      out.push(b);
    }
  }
  out.push(r);
  return out;
}

/** 生态空间是指…的国土空间，约占…: the noun the sentence defines or describes before 是/是指/为. */
function sentenceTopic(env: ClauseEnv): ClauseEnv['inherited'] {
  if (env.sentenceStart === undefined || env.sentenceStart >= env.clause.start) return null;
  const m = /^([\u4e00-\u9fff]{2,10}?)(?:是指|是|为|作为)/.exec(env.text.slice(env.sentenceStart, env.clause.start));
  return m ? { base: m[1], scope: null } : null;
}

/** 适龄儿童入学率、初中毛入学率 → both; 城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入. */
function splitEnumeration(ind: string, sep: RegExp = /、/): Array<{ name: string; written: string }> {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of ind) {
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    if (sep.test(c) && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  if (parts.length < 2 || parts.some((p) => p.length === 0)) return [{ name: ind, written: ind }];
  // 单位地区生产总值能耗和二氧化碳排放: the per-unit qualifier of the first part holds for the rest
  const per = PER_UNIT.exec(parts[0])?.[0];
  const perOf = (k: number) => (per && k > 0 && parts[0].length > per.length && !PER_UNIT.test(parts[k]) ? per : '');
  const lastPart = parts[parts.length - 1];
  return parts.map((p, k) => ({ ...headOf(p, k), name: perOf(k) + headOf(p, k).name }));
  function headOf(p: string, k: number): { name: string; written: string } {
    if (k < parts.length - 1 && p.length <= 3 && lastPart.length > p.length + 1) {
      // a short modifier shares the head of the last part
      return { name: p + lastPart.slice(p.length), written: p };
    }
    if (k < parts.length - 1 && p.length <= 6 && !endsWithWord(p, HEAD_NOUNS)) {
      // 高新技术、科技型中小企业数量: a modifier without a head noun takes the last part's (企业数量)
      const j = Math.min(...HEAD_NOUNS.map((h) => lastPart.indexOf(h)).filter((i) => i > 0));
      if (Number.isFinite(j)) return { name: p + lastPart.slice(j), written: p };
    }
    return { name: p, written: p };
  }
}

/** 形成2300万吨/年炼油、100万吨乙烯规模生产能力: each number names a product's capacity. */
function readCapacityList(env: ClauseEnv, measures: Quantity[]): Reading[] {
  const { pc, text, clause } = env;
  const s = text.slice(clause.start, clause.end);
  const tail = endsWithWord(s, CAPACITY_TAILS);
  if (!tail) return [];
  const first = measures[0];
  const pre = text.slice(clause.start, first.start);
  const verb = endsWithWord(pre.trimEnd(), ['形成', '建成', '具备', '达到', '新增']);
  if (!verb) return [];
  const items: Array<{ q: Quantity; noun: string }> = [];
  for (let k = 0; k < measures.length; k++) {
    const q = measures[k];
    const stop = k + 1 < measures.length ? measures[k + 1].start : clause.end - tail.length;
    let noun = text.slice(q.end, stop).replace(/[、和及与\s]+$/, '');
    if (k + 1 === measures.length) noun = noun.replace(/规模$/, '');
    if (!/^[\u4e00-\u9fff]{1,8}$/.test(noun)) return [];
    items.push({ q, noun });
  }
  const subj = splitSubject(pc, pre.trimEnd().slice(0, -verb.length), clause.start);
  const owner = `${subj.scope ?? ''}${subj.indicator}`;
  const what = /能力|产能/.test(tail) ? '生产能力' : tail.replace(/^的/, '');
  const out: Reading[] = [];
  for (const it of items) {
    out.push({
      rule: 'clause.capacity-list',
      start: subj.start,
      end: clause.end,
      quantity: it.q,
      indicator: it.noun + what,
      base: it.noun + what,
      scope: owner || null,
      comparator: 'eq',
      measure: verb === '新增' ? 'increment' : 'level',
      direction: null,
      baselineValue: null,
      baselineYear: null,
      ownYear: null,
      signal: true,
      flags: [],
    });
  }
  return out;
}

/** 义务教育学校100%达到规范化学校标准 / 实现100%的行政村通光纤: a share of units meeting a standard. */
function readPercentOfUnits(env: ClauseEnv, q: Quantity): Reading | null {
  if (q.unit !== '%') return null;
  const { pc, text, clause } = env;
  let rest = text.slice(q.end, clause.end).trim();
  const m = RE_SUFFIX.exec(rest);
  let cmp: Comparator = 'eq';
  if (m) {
    cmp = SUFFIX[m[1]];
    rest = rest.slice(m[0].length).trim();
  }
  rest = rest.replace(/^的/, '');
  if (!/^[\u4e00-\u9fff“”（）A-Za-z0-9]{2,30}$/.test(rest) || !/^[\u4e00-\u9fff]/.test(rest)) return null;
  const pre = parsePre(text, clause.start, q.start, env.qs);
  const subject = splitSubject(pc, pre.subject, pre.subjectStart);
  const startsWithVerb = /^(达到|实现|完成|建成|纳入|接入|覆盖|具备|配备|落实|开展|通|使用|采用|符合)/.test(rest);
  if (!startsWithVerb && subject.indicator) return null;
  const name = `${subject.indicator}${rest}的比例`;
  if (!indicatorLike(pc, subject.indicator || rest)) return null;
  const ops = pre.ops.filter((o) => o.cmp && o.cmp !== 'eq');
  return plainReading({
    rule: 'clause.percent-of-units',
    start: subject.start,
    end: clause.end,
    quantity: q,
    indicator: name,
    base: name,
    scope: subject.scope,
    comparator: m ? cmp : (ops[0]?.cmp ?? 'eq'),
  });
}

/** 2小时高铁交通圈, 核心圈1小时通达: a travel time, at most N. */
function readTimeCircle(env: ClauseEnv, q: Quantity): Reading | null {
  if (q.unit !== '小时' && q.unit !== '分钟') return null;
  const { pc, text, clause } = env;
  const rest = text.slice(q.end, clause.end).replace(/\s+/g, '');
  const pre = text.slice(clause.start, q.start);
  // 主要城市间2小时通达: a between-phrase needs no verb
  const between = /(?:间|之间)\s*$/.test(pre) ? { v: '', i: Math.max(0, pre.search(/[^\s]/)) } : undefined;
  const verbAt = CIRCLE_VERBS.map((v) => ({ v, i: pre.indexOf(v) })).filter((x) => x.i >= 0).sort((x, y) => x.i - y.i)[0] ?? between;
  if (!verbAt) return null;
  const circle = CIRCLE.find((c) => rest.endsWith(c) && rest.length - c.length <= 8);
  const reach = REACH.find((r) => rest === r);
  if (!circle && !reach) return null;
  const obj = pre.slice(verbAt.i + verbAt.v.length).trim();
  let indicator: string;
  let scope: string | null = null;
  if (circle) indicator = rest;
  else {
    if (!obj || obj.length > 16) return null;
    indicator = `${obj}${reach}时间`;
    scope = obj;
  }
  if (/[\u4e00-\u9fff]/.test(rest) === false) return null;
  return plainReading({
    rule: 'clause.time-circle',
    start: clause.start + verbAt.i,
    end: clause.end,
    quantity: q,
    indicator,
    base: indicator,
    scope,
    comparator: 'le',
  });
}

/** 最少有一所标准化特殊教育学校, 培育10家以上龙头企业: a count before the thing counted. */
function readCount(env: ClauseEnv, q: Quantity): Reading | null {
  const { pc, text, clause } = env;
  if (!q.unit || !COUNT_UNIT.test(q.unit)) return null;
  // 7 个国家现代农业产业园和 40 个省级现代农业产业园: the next count ends this one
  const next = env.qs.find((x) => x.start > q.end && x.end <= clause.end && x.role === 'measure');
  const stop = next && /[和及、]\s*$/.test(text.slice(q.end, next.start)) ? next.start : clause.end;
  let rest = text.slice(q.end, stop).trim().replace(/[和及、]$/, '');
  const m = RE_SUFFIX.exec(rest);
  let cmp: Comparator | null = null;
  if (m) {
    cmp = SUFFIX[m[1]];
    // 10万吨以下船舶 describes a class of things; 10家以上企业, 20个左右园区 are goals
    if (cmp !== 'ge' && cmp !== 'approx') return null;
    rest = rest.slice(m[0].length).trim();
  }
  rest = rest.replace(/^的/, '');
  // 支持5-10家骨干企业、科技型企业建设研发中心: the things counted end where their purpose begins
  const purpose = PURPOSE_VERBS.map((v) => rest.indexOf(v, 2)).filter((i) => i >= 2).sort((a, b) => a - b)[0];
  const pre0 = text.slice(clause.start, q.start).trim();
  // 与1-2家世界知名企业开展合作: partners counted, the verb after them
  const partners = /(?:与|同|和|跟)$/.test(pre0) && PARTNER_VERBS.some((v) => rest.endsWith(v));
  if (purpose !== undefined && !partners) rest = rest.slice(0, purpose);
  if (!/^[\u4e00-\u9fffA-Za-z0-9“”（）、]{2,24}$/.test(rest) || /^、|、$/.test(rest)) return null;
  if (/[，。]/.test(rest) || /被|列入|成为|位居|之一/.test(rest)) return null;
  const pre = parsePre(text, clause.start, q.start, env.qs);
  const opCmp = pre.ops.find((o) => o.cmp && o.cmp !== 'eq')?.cmp ?? null;
  // the verb may have been read as an operator (拥有七个…): look at the words as written too
  const subjVerb = endsWithWord(pre.subject, COUNT_VERBS);
  const verb = subjVerb ?? endsWithWord(text.slice(clause.start, q.start).trim(), COUNT_VERBS);
  const explicitGoal = opCmp !== null || cmp !== null || partners;
  // 建设一个…基地, 打造一个…新增长极: 一 written as a word is an article, not a count (最少有一所 is one)
  if (q.written === 'chinese' && q.value === 1 && !q.range && !explicitGoal) return null;
  // 建成甘蔗、荔枝等 7 个国家现代农业产业园 (发展基础): the count of what the region has
  const listed = /[等和、]$/.test(pre.subject.trim());
  const pastCount = !!env.background && (verb !== null || listed) && !/之一$/.test(rest);
  if (!explicitGoal && !(verb && env.goalYear) && !pastCount) return null;
  if (isAction(rest)) return null;
  const subjText = subjVerb ? pre.subject.slice(0, -subjVerb.length) : pre.subject;
  const subject = listed ? { scope: null, indicator: '', start: pre.subjectStart + pre.subject.length } : splitSubject(pc, subjText, pre.subjectStart);
  const end = partners || purpose === undefined ? q.end + text.slice(q.end, stop).replace(/[\s和及、]+$/, '').length : q.end + text.slice(q.end, stop).indexOf(rest) + rest.length;
  return {
    rule: 'clause.count',
    start: subject.start,
    end,
    quantity: q,
    indicator: rest,
    base: rest,
    // 每个市最少有一所…: what is before the verb is the scope, unless it is an action (支持发展壮大20个…)
    scope: subject.scope ?? (subject.indicator && !isAction(subject.indicator) ? subject.indicator : null),
    comparator: cmp ?? opCmp ?? (q.approx ? 'approx' : 'eq'),
    // 培育1-2家…, 新建20家…: what is to be made over the period; 拥有/达到…家 a stock
    measure: pre.ops.some((o) => o.measure === 'increment') || (verb !== null && INCREMENT_VERBS.includes(verb)) || partners || !!startsWithWord(pre0, INCREMENT_VERBS) ? 'increment' : 'level',
    direction: null,
    baselineValue: null,
    baselineYear: null,
    ownYear: null,
    signal: true,
    flags: [],
  };
}

/** 推进化肥农药零增长, 实现化肥农药使用量零增长: growth of at most 0 (零 is a number here). */
function readZeroGrowth(env: ClauseEnv): Reading | null {
  const { pc, text, clause } = env;
  const s = text.slice(clause.start, clause.end);
  const m = /零增长$/.exec(s);
  if (!m) return null;
  const pre = parsePre(text, clause.start, clause.start + m.index, env.qs);
  const subject = splitSubject(pc, pre.subject.replace(/^(推进|推动|实现|保持|确保|力争|争取)/, ''), pre.subjectStart);
  if (!subject.indicator || !indicatorLike(pc, subject.indicator)) return null;
  const at = clause.start + m.index;
  const q: Quantity = { start: at, end: at + 1, numEnd: at + 1, value: 0, range: null, unit: '%', role: 'measure', written: 'chinese', approx: false, raw: '零' };
  const name = `${subject.indicator}增长率`;
  return {
    rule: 'clause.zero-growth',
    start: clause.start,
    end: clause.end,
    quantity: q,
    indicator: name,
    base: subject.indicator,
    scope: subject.scope,
    comparator: 'le',
    measure: 'growth',
    direction: null,
    baselineValue: null,
    baselineYear: null,
    ownYear: null,
    signal: true,
    flags: [],
  };
}

/**
 * 人均地区生产总值比2020年翻一番, 实现国内生产总值和城乡居民人均收入比2010年翻一番: twice (翻两番: four
 * times) the base year's level.
 */
function readDoubling(env: ClauseEnv): Reading | null {
  const { pc, text, clause } = env;
  const s = text.slice(clause.start, clause.end);
  const m = /(?:比|较)\s*((?:19|20)\d{2})\s*年(?:末)?\s*(?:再)?(翻一番|翻两番|翻番)$/.exec(s);
  if (!m) return null;
  const pre = parsePre(text, clause.start, clause.start + m.index, env.qs);
  const subject = splitSubject(pc, pre.subject.replace(/^(?:实现|推动|力争|确保)/, ''), pre.subjectStart);
  if (!subject.indicator || !indicatorLike(pc, subject.indicator)) return null;
  const at = clause.start + m.index + m[0].length - m[2].length;
  const times = m[2] === '翻两番' ? 4 : 2;
  const q: Quantity = { start: at, end: at + m[2].length, numEnd: at + m[2].length, value: times, range: null, unit: '倍', role: 'measure', written: 'chinese', approx: false, raw: m[2] };
  return {
    rule: 'clause.doubling',
    start: subject.start,
    end: clause.end,
    quantity: q,
    indicator: subject.indicator,
    base: subject.indicator,
    scope: subject.scope,
    comparator: 'eq',
    measure: 'level',
    direction: 'up',
    baselineValue: null,
    baselineYear: Number(m[1]),
    ownYear: null,
    signal: true,
    flags: ['relative_to_baseline'],
  };
}

/** The subject of a clause without a number (城乡居民收入水平进一步提高 → 城乡居民收入水平), if it names a measure. */
export function clauseSubject(pc: PlanContext, text: string, cl: Span): ClauseEnv['inherited'] {
  const s = text.slice(cl.start, cl.end);
  const m = /^(.{2,24}?)(?:进一步|显著|明显|稳步|持续|不断|大幅|较快|快速|全面|逐步|有所|继续)?(?:提高|提升|增长|增加|改善|增强|扩大|优化|下降|降低|减少)$/.exec(s);
  if (!m) {
    const sub = splitSubject(pc, s, cl.start);
    if (!/\d/.test(s) && matchIndicator(sub.indicator, pc.ctx.lexicons.indicators)?.exact) return { base: sub.indicator, scope: sub.scope };
    return null;
  }
  const sub = splitSubject(pc, m[1], cl.start);
  if (!sub.indicator || !matchIndicator(sub.indicator, pc.ctx.lexicons.indicators)) return null;
  return { base: sub.indicator.replace(/水平$/, ''), scope: sub.scope };
}
