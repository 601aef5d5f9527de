// Sentence analysis shared by targets and facts: every clause that states a quantity of an
// indicator (城镇化水平达50%以上, 2010年达3537亿元, 占全省的17.7%) becomes a Statement with its
// indicator, scope, year, value, unit, comparator and measure, and a tense: 'future' statements are
// targets, 'past' ones are facts. Indicator tables (tables.ts) yield Statements of the same shape.
//
//   plan-context.ts    paragraphs, clauses, sections, the years a sentence mentions
//   clause-reading.ts  what one clause says (indicator, scope, operators, the number)
//   this file          the year and tense of each reading, what the text lost (%, decimal points)
import type { Binding, ExtractContext, FindingEvidence, TargetData } from '../core/findings';
import type { PlanDoc, Span } from '../core/types';
import words from '../../data/lexicons/statement-words.json' with { type: 'json' };
import { clauseSubject, readClause, type ClauseEnv, type Reading } from './clause-reading';
import { matchIndicator } from './indicators';
import { scanQuantities } from './numbers';
import {
  bodyPieces,
  byLength,
  clauses,
  inProjectBox,
  isFutureYear,
  nearestYear,
  planContext,
  scopeCode,
  sectionIs,
  titlesAt,
  yearMentions,
  type PlanContext,
  type YearMention,
} from './plan-context';
import { tableStatements } from './tables';
import { confidenceOf } from './confidence';
import { partAt } from '../parse/timeframe';
import { sentences } from './text';

export type Tense = 'future' | 'past';

/** A number-bearing clause or table row: the fields of a target, and whether it looks forward or back. */
export interface Statement extends Span, TargetData {
  tense: Tense;
  /** year_implied, year_inherited, subject_inherited, percent_restored, decimal_restored, table_cells_split, doubtful_value … */
  flags: string[];
  confidence: number;
  source: 'text' | 'table';
  /** The rule that made it (clause.standard, table.grid …). */
  rule: string;
  /** Where its year was read: the year in the clause or sentence, an earlier sentence, the part's heading, the frame. */
  evidence: FindingEvidence[];
}

const PAST_MARKERS = byLength(words.pastMarkers.words);
const PARAMETER_WORDS = byLength(words.parameterWords.words);
const BACKGROUND = words.backgroundSections.words;
const GOAL = words.goalSections.words;

const cache = new WeakMap<PlanDoc, Statement[]>();

/** Every statement of a plan (text and tables), in document order. Cached per document. */
export function planStatements(doc: PlanDoc, ctx: ExtractContext): Statement[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const fromTables = tableStatements(doc, ctx);
  const covered = fromTables.map((s) => ({ start: s.start, end: s.end }));
  const fromText = textStatements(doc, ctx).filter((s) => !covered.some((c) => s.start < c.end && c.start < s.end));
  const all = dedupe([...fromTables, ...fromText]).sort((a, b) => a.start - b.start || a.end - b.end);
  cache.set(doc, all);
  return all;
}

/** Same indicator, year, value, unit and tense said twice (a table and a sentence): keep the surer one. */
function dedupe(list: Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const s of list) {
    const key = (x: Statement) => `${x.tense}|${x.canonical ?? x.indicator}|${x.measure}|${x.year}|${x.value}|${x.unit}|${x.scope}`;
    const i = out.findIndex((o) => key(o) === key(s) && (o.canonical !== null || o.indicator === s.indicator));
    if (i < 0) {
      out.push(s);
      continue;
    }
    const [keep, other] = s.confidence > out[i].confidence ? [s, out[i]] : [out[i], s];
    // what one says and the other does not (左右 in the text, the base year in the table)
    out[i] = {
      ...keep,
      comparator: keep.comparator === 'eq' ? other.comparator : keep.comparator,
      baselineValue: keep.baselineValue ?? other.baselineValue,
      baselineYear: keep.baselineYear ?? other.baselineYear,
      binding: keep.binding ?? other.binding,
    };
  }
  return out;
}

/** Statements read from running text (not tables). */
export function textStatements(doc: PlanDoc, ctx: ExtractContext): Statement[] {
  const pc = planContext(doc, ctx);
  const text = pc.text;
  const out: Statement[] = [];
  for (const piece of bodyPieces(pc)) {
    const titles = titlesAt(doc, piece.start);
    // footnotes and table notes describe, they do not set goals
    const note = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]|注\s*\d*\s*[:：]|备注|资料来源|说明[:：])/.test(text.slice(piece.start, piece.start + 6));
    const background = note || sectionIs(titles, BACKGROUND);
    const goal = sectionIs(titles, GOAL);
    // 专栏 of projects (重点工程, 重点项目): lengths and capacities there describe projects
    const projectBox = inProjectBox(doc, piece.start);
    const sents = sentences(text, piece.start, piece.end, { semicolons: false });
    const history: YearMention[][] = [];
    for (let si = 0; si < sents.length; si++) {
      const sent = sents[si];
      const qs = scanQuantities(text, sent.start, sent.end);
      const years = yearMentions(text, qs, sent.start, sent.end, pc.frame.currentYear);
      history.push(years);
      if (!qs.some((q) => q.role === 'measure') && !/零增长|翻一番|翻两番|翻番/.test(text.slice(sent.start, sent.end))) continue;
      let inherited: ClauseEnv['inherited'] = null;
      let prevSignal = false;
      let prevLead: string | null = null;
      for (const cl of clauses(text, sent.start, sent.end)) {
        const y0 = nearestYear(years, cl.end);
        // a goal year before the clause, or no year at all in a part of the text that looks forward
        const part = partAt(pc.frame, cl.start);
        const forward = y0 ? isFutureYear(pc, y0) : !background && part?.tense !== 'past' && (part?.tense === 'future' || goal || (pc.frame.docType !== 'report' && pc.period !== null));
        const readings = readClause({ pc, text, clause: cl, qs, inherited, prevSignal, goalYear: forward, background, sentenceStart: sent.start });
        // 新增A企业50家以上、B企业5家: the second item is new too
        const lead = /^(?:力争|争取|确保)?(新增|新建|新培育|新认定|累计新增)/.exec(text.slice(cl.start, cl.end));
        if (!lead && text[cl.start - 1] === '、' && prevLead) {
          for (const r of readings) if (r.measure === 'level' && !r.indicator.startsWith(prevLead) && r.quantity.unit !== '%') {
            r.indicator = prevLead + r.indicator;
            r.measure = 'increment';
          }
        }
        prevLead = lead ? lead[1] : text[cl.start - 1] === '、' ? prevLead : null;
        for (const r of readings) {
          r.clauseStart = cl.start;
          // 赤字规模5.66万亿元，比上年增加1.6万亿元: the difference restates the level just read
          if (r.measure === 'increment' && inherited && r.base === inherited.base && r.quantity.unit !== '%' && /^(?:比|较)(?:上年|去年|上年度|上一年)/.test(text.slice(cl.start, r.quantity.start).trim())) continue;
          const st = toStatement(pc, r, years, history, si, { background, goal, projectBox, text, sent });
          if (st) out.push(st);
        }
        if (readings.length) {
          const lastR = readings[readings.length - 1];
          inherited = { base: lastR.base, scope: lastR.scope };
          prevSignal = lastR.signal;
        } else {
          const subj = clauseSubject(pc, text, cl);
          if (subj) inherited = subj;
        }
      }
    }
  }
  return out;
}

function toStatement(
  pc: PlanContext,
  r: Reading,
  years: readonly YearMention[],
  history: readonly YearMention[][],
  si: number,
  where: { background: boolean; goal: boolean; projectBox: boolean; text: string; sent: Span },
): Statement | null {
  const flags = [...r.flags];
  const evidence: FindingEvidence[] = [];
  const q = r.quantity;
  let year: number | null = null;
  let tense: Tense;
  const own = r.ownYear;
  const y = nearestYear(years, q.start, q);
  const clauseText = where.text.slice(Math.min(r.clauseStart ?? r.start, r.start), r.end);
  const past = PAST_MARKERS.some((w) => clauseText.includes(w));
  // a part of the text with its own time (一、2025年工作回顾 looks back; 三、2026年重点工作 forward)
  const part = partAt(pc.frame, r.start);
  if (own !== null) {
    year = own;
    if (r.ownYearAt) evidence.push({ role: 'year', ...r.ownYearAt });
    tense = pc.from !== null ? (own >= pc.from ? 'future' : 'past') : 'past';
  } else if (y) {
    year = y.year;
    evidence.push({ role: 'year', start: y.start, end: y.end });
    tense = isFutureYear(pc, y) ? 'future' : 'past';
  } else {
    if (where.background || past || part?.tense === 'past') tense = 'past';
    else tense = 'future';
    // a year earlier in the paragraph: for a goal only a goal year (到2025年, 2025年前), not an
    // event's date (2022年3月启动); the further back, the less sure
    let inheritedYear: YearMention | null = null;
    let back = 0;
    for (let k = si - 1; k >= 0 && !inheritedYear; k--) {
      const ys = history[k].filter((m) => !m.compare && !m.boundTo && (tense === 'past' ? !isFutureYear(pc, m) : m.future && isFutureYear(pc, m)));
      if (ys.length) inheritedYear = ys[ys.length - 1];
      back++;
    }
    if (inheritedYear) {
      year = inheritedYear.year;
      evidence.push({ role: 'year', start: inheritedYear.start, end: inheritedYear.end });
      flags.push('year_inherited');
    } else if (tense === 'past') {
      // a fact of the year the part looks back on
      year = part?.year ?? null;
      if (part?.year != null) evidence.push({ role: 'year', ...part.evidence });
    } else if (!r.signal && !where.goal && part?.tense !== 'future') {
      // 'X is N' with no year and no goal word describes what is (总面积1130平方公里)
      tense = 'past';
    } else {
      // the year of the part, else the frame's: a report's own year, a plan's last year
      year = part?.year ?? frameYear(pc);
      const at = part?.year != null ? part.evidence : pc.doc.meta.evidence.find((e) => e.field === (pc.frame.docType === 'report' ? 'frame' : 'period'));
      if (at && year !== null) evidence.push({ role: 'year', start: at.start, end: at.end });
      flags.push('year_implied');
    }
  }
  if (tense === 'future' && past && !(y && y.future)) tense = 'past';
  // 给予一次性奖励30万元, 单个项目最高补助500万元: how a policy works, neither a goal nor a statistic
  // (…给予补助，单个企业最高不超过500万元: the cap in the next clause of the same sentence too)
  const sentenceBefore = where.text.slice(where.sent.start, q.start);
  const parameter = PARAMETER_WORDS.some((w) => clauseText.includes(w)) || (PARAMETER_WORDS.some((w) => sentenceBefore.includes(w)) && /^(?:单个|每个|每家|每户|每人|最高|单笔)/.test(clauseText));
  if (parameter && q.unit !== null && /元$|^(?:年|个月|天|日|%)$/.test(q.unit)) return null;
  if (tense === 'future' && pc.period && year !== null && year > (pc.doc.meta.horizon ?? pc.period[1]) + 5) return null;
  if (tense === 'future' && where.projectBox && !y) return null;

  // units and values: restore what the text lost where context proves it
  let value: number | string | null = q.value;
  let unit = q.unit;
  const entry = matchIndicator(r.indicator, pc.ctx.lexicons.indicators);
  const rate = /(率|比例|比重|占比|覆盖率|普及率|达标率)$/.test(r.indicator) && !/(增长率|下降率)$/.test(r.indicator) || r.measure === 'growth';
  if (unit === null && typeof value === 'number' && rate && !/(比值|系数|指数)$/.test(r.indicator)) {
    const lexUnit = entry?.entry.unit ?? null;
    // X占Y比重 is a share whatever Y is counted in (陆域面积: 平方公里)
    const share = /占.+(?:比重|比例|份额|占比)$/.test(r.indicator);
    if (lexUnit === '%' || lexUnit === null || share) {
      // a % sign lost with the decimal point (城镇化率达到655 → 65.5%) is put back below
      unit = '%';
      flags.push('percent_restored');
    }
  }
  if (unit === '%' && typeof value === 'number' && value > 100 && r.measure === 'level' && /率|比例|比重|占比/.test(r.indicator)) {
    const restored = restoreDecimal(q.raw, value);
    if (restored !== null) {
      value = restored;
      flags.push('decimal_restored');
    } else {
      flags.push('doubtful_value');
    }
  }
  if (unit === null && typeof value === 'number' && !/(比值|比|系数|指数|倍数)$/.test(r.indicator) && !rate) {
    // a bare number with no unit is a measure only for dimensionless indicators, unless the lexicon
    // says what the indicator is counted in (宽带接入能力普遍达到20以上: Mbps, lost in conversion)
    if (entry && entry.entry.unit !== null && entry.end === r.indicator.length && entry.entry.unit !== '%' && entry.entry.unit !== '亿元') {
      unit = entry.entry.unit;
      flags.push('unit_restored');
    } else if (!entry || entry.entry.unit !== null) return null;
  }
  if (entry === null) flags.push('indicator_unknown');
  const sentText = where.text.slice(where.sent.start, where.sent.end);
  const binding: Binding | null = /约束性/.test(sentText) ? 'constraint' : /预期性/.test(sentText) ? 'expected' : null;
  // 全省/全市/我市 name the plan's own region
  const ownRegion = r.scope !== null && /^(?:全|我|本)(?:省|市|区|县|州|盟|旗|域)$/.test(r.scope);
  const scope = (ownRegion ? pc.region : r.scope) ?? pc.region ?? r.scope;
  if (!r.scope) flags.push('scope_implied');
  return {
    start: r.start,
    end: r.end,
    tense,
    indicator: r.indicator,
    canonical: entry?.entry.id ?? null,
    scope,
    scopeCode: scopeCode(pc, scope),
    year,
    value,
    range: q.range,
    unit,
    comparator: r.comparator,
    measure: r.measure,
    direction: r.direction,
    baselineValue: r.baselineValue,
    baselineYear: r.baselineYear,
    binding,
    flags,
    confidence: confidenceOf(tense === 'future' ? 'target' : 'fact', r.rule, flags),
    source: 'text',
    rule: r.rule,
    evidence,
  };
}

/** The year of a goal that names none: a report's own year, else the end of the period (or the outlook). */
function frameYear(pc: PlanContext): number | null {
  if (pc.frame.docType === 'report' && pc.frame.currentYear !== null) return pc.frame.currentYear;
  return pc.period ? pc.period[1] : (pc.frame.horizon ?? pc.frame.currentYear);
}

/** 655 written for 65.5 (a lost decimal point): the one reading a rate can have. */
function restoreDecimal(raw: string, v: number): number | null {
  const digits = raw.replace(/[^\d]/g, '');
  if (!/^\d{3}$/.test(digits) || v === 100) return null;
  const r = Number(`${digits.slice(0, 2)}.${digits.slice(2)}`);
  return r <= 100 ? r : null;
}
