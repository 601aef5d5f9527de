// Indicator tables (主要指标表, 专栏 发展目标): rows of  indicator（unit） base-year value, target-year
// value, annual growth [, 约束性/预期性]. Works on tables whose cells are separated by spaces or
// tabs and on tables a PDF conversion flattened into one run of text, where cells are glued:
//
//   专栏1：发展目标2020年指标2013年绝对值年均增长人均地区生产总值（元、）63100>11530090…
//   → 人均地区生产总值: 2013 = 63100 | 2020 > 115300 | 年均增长 9.0
//
// Glued digits are split by checking the arithmetic (base × (1+g)^years ≈ target) and what a value
// can be (a rate ≤ 100, a target moving the indicator's way); a decimal point is restored only when
// no reading without it is possible. Every repair is flagged (table_cells_split, decimal_restored,
// percent_restored).
import type { Binding, Comparator, ExtractContext, FindingEvidence } from '../core/findings';
import type { PlanDoc, Span, Table } from '../core/types';
import { matchIndicator } from './indicators';
import { matchUnit } from './numbers';
import { confidenceOf } from './confidence';
import { planContext, scopeCode, type PlanContext } from './plan-context';
import type { Statement } from './statements';

/** One parsed cell value. */
export interface Cell {
  value: number;
  comparator: Comparator;
  /** 〔13.5〕: a cumulative value over the period. */
  cumulative: boolean;
  /** Decimal point inserted into the written digits. */
  restored: boolean;
}

export interface TableRow extends Span {
  name: string;
  /** Units from the row's parentheses: [level unit, growth unit] as written ('' when lost). */
  units: string[];
  base: Cell | null;
  target: Cell | null;
  growth: Cell | null;
  binding: Binding | null;
  /** A glued run of digits was split into cells. */
  split: boolean;
}

export interface TableHeader {
  baseYear: number | null;
  targetYear: number | null;
  hasGrowth: boolean;
}

// indicator（unit）values — the name may hold bracketed parts (跨省界（市界）…, 细颗粒物（PM2.5）浓度)
const NAME = String.raw`(?:[^\d（）()>＞<＜≥≤—\-－\s，。；：:、]|[（(][^（）()]{0,12}[）)])+?`;
const UNITS = String.raw`[（(]([^（）()\d]{0,14})[）)]`;
const BLOB = String.raw`(?:[>＞<＜≥≤〔\[]?\s*\d[\d.．]*\s*[〕\]]?(?:左右|以上|以下|以内)?|[—\-－]+)`;
const ROW = new RegExp(`(${NAME})${UNITS}[ \\t]*((?:${BLOB}[ \\t]*)+)(约束性|预期性)?`, 'dg');
const HEADER_WORDS = /^(?:指标名称|指标属性|指标|单位|绝对值|目标值|规划目标|预期目标|现状值|基期值|基期|规划值|年均增长率|年均增长|年均增速|增速|属性|备注|类别|序号|预期性|约束性|[（(][^）)]*[）)]|年)+/;

/** Statements from every indicator table of the plan. */
export function tableStatements(doc: PlanDoc, ctx: ExtractContext): Statement[] {
  const pc = planContext(doc, ctx);
  const out: Statement[] = [];
  for (const t of findTables(pc.text)) out.push(...rowStatements(pc, t.header, t.rows));
  for (const t of doc.blocks.tables) out.push(...gridStatements(pc, t));
  return out;
}

/** Runs of at least three adjacent table rows, with the header read from the text before them. */
export function findTables(text: string): Array<{ header: TableHeader; rows: RawRow[]; start: number; end: number }> {
  const raw: Array<{ m: RegExpExecArray; start: number; end: number }> = [];
  ROW.lastIndex = 0;
  for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
    // a row of dashes only (no figures yet) still holds the table together
    raw.push({ m, start: m.index, end: m.index + m[0].length });
  }
  const groups: Array<typeof raw> = [];
  for (const r of raw) {
    const g = groups[groups.length - 1];
    if (g && /^\s*$/.test(text.slice(g[g.length - 1].end, r.start))) g.push(r);
    else groups.push([r]);
  }
  const out: Array<{ header: TableHeader; rows: RawRow[]; start: number; end: number }> = [];
  for (const g of groups) {
    if (g.length < 3) continue;
    // the header is what precedes the first row, back to a sentence end (at most 120 characters)
    const first = g[0];
    const nameText = first.m[1];
    const headStrip = HEADER_WORDS.exec(nameText.replace(/^\s+/, ''));
    const lead = nameText.length - nameText.replace(/^\s+/, '').length + (headStrip ? headStrip[0].length : 0);
    const from = Math.max(0, first.start - 120);
    const before = text.slice(from, first.start + lead);
    // the header is the text after the last sentence end, or the last two lines of it
    const afterStop = before.slice(before.lastIndexOf('。') + 1);
    const lines = afterStop.split('\n').filter((l) => l.trim());
    const header = readHeader(lines.slice(-2).join('\n'));
    if (header.targetYear === null) continue;
    const rows: RawRow[] = [];
    g.forEach((r, k) => {
      const row = readRow(r.m, k === 0 ? lead : 0);
      if (row) rows.push(row);
    });
    if (rows.filter((r) => /\d/.test(r.blob)).length >= 3) out.push({ header, rows, start: rows[0].start, end: rows[rows.length - 1].end });
  }
  return out;
}

/** Years and columns named in a header: '2020年指标2013年绝对值年均增长' → 2013, 2020, growth. */
export function readHeader(s: string): TableHeader {
  const years = [...s.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1])).filter((y) => y >= 1949 && y <= 2100);
  const uniq = [...new Set(years)].sort((a, b) => a - b);
  return {
    baseYear: uniq.length >= 2 ? uniq[0] : null,
    targetYear: uniq.length ? uniq[uniq.length - 1] : null,
    hasGrowth: /年均增长|年均增速|增速|年均/.test(s),
  };
}

interface Segment {
  /** Digits as written ('' for an empty cell —). */
  digits: string;
  prefix: Comparator | null;
  suffix: Comparator | null;
  cumulative: boolean;
  start: number;
}

const PREFIX: Record<string, Comparator> = { '>': 'gt', '＞': 'gt', '<': 'lt', '＜': 'lt', '≥': 'ge', '≤': 'le' };
const SUFFIX: Record<string, Comparator> = { 左右: 'approx', 以上: 'ge', 以下: 'le', 以内: 'le' };

/** Cells of a row's value run: a new cell at a space, a comparator, a dash or a bracket. */
export function segments(blob: string): Segment[] {
  const out: Segment[] = [];
  const re = /([>＞<＜≥≤])?\s*([〔\[])?\s*(\d[\d.．]*)\s*[〕\]]?(左右|以上|以下|以内)?|([—\-－]+)/g;
  for (let m = re.exec(blob); m; m = re.exec(blob)) {
    if (m[5]) {
      out.push({ digits: '', prefix: null, suffix: null, cumulative: false, start: m.index });
      continue;
    }
    out.push({
      digits: m[3].replace(/．/g, '.'),
      prefix: m[1] ? PREFIX[m[1]] : null,
      suffix: m[4] ? SUFFIX[m[4]] : null,
      cumulative: !!m[2],
      start: m.index,
    });
  }
  return out;
}

interface Reading {
  cells: Array<{ text: string; restored: boolean; seg: Segment; last: boolean; firstOfSeg: boolean } | null>;
  split: boolean;
  /** Cells the row does not have at all (not even an empty —). */
  missing: number;
}

/** Ways to read digits: as written, or with one lost decimal point (one or two decimals). */
function valueOptions(d: string): Array<{ text: string; restored: boolean }> {
  if (d.includes('.')) return [{ text: d, restored: false }];
  const out: Array<{ text: string; restored: boolean }> = [];
  if (!(d.length > 1 && d.startsWith('0'))) out.push({ text: d, restored: false });
  for (let p = 1; p < d.length; p++) {
    const decimals = d.length - p;
    if (decimals > 2) continue;
    if (p > 1 && d.startsWith('0')) continue;
    out.push({ text: `${d.slice(0, p)}.${d.slice(p)}`, restored: true });
  }
  return out;
}

/** Every way to cut the segments into `n` cells (only digit runs are cut; at most 3 pieces each). */
function cuts(segs: readonly Segment[], n: number): Reading[] {
  const out: Reading[] = [];
  const rec = (i: number, acc: Reading['cells'], split: boolean) => {
    if (acc.length > n) return;
    if (i === segs.length) {
      if (acc.length === n) out.push({ cells: acc.slice(), split, missing: 0 });
      else if (acc.length < n) out.push({ cells: [...acc, ...Array(n - acc.length).fill(null)], split, missing: n - acc.length });
      return;
    }
    const s = segs[i];
    if (!s.digits) return rec(i + 1, [...acc, null], split);
    const d = s.digits;
    const pieces = (str: string, k: number): string[][] => {
      if (k === 1) return [[str]];
      const res: string[][] = [];
      for (let p = 1; p < str.length; p++) for (const rest of pieces(str.slice(p), k - 1)) res.push([str.slice(0, p), ...rest]);
      return res;
    };
    for (let k = 1; k <= Math.min(3, n - acc.length, d.includes('.') ? 1 : d.length); k++) {
      for (const ps of pieces(d, k)) {
        const cells = ps.map((p, j) => ({ text: p, restored: false, seg: s, last: j === ps.length - 1, firstOfSeg: j === 0 }));
        rec(i + 1, [...acc, ...cells], split || k > 1);
      }
    }
  };
  rec(0, [], false);
  return out;
}

const isRateName = (name: string) => /(率|比例|比重|占比)$/.test(name) && !/(增长率|增速)$/.test(name);

/**
 * Reads a row's value run into base, target and growth cells, choosing the reading the arithmetic
 * and the value ranges allow with the fewest repairs.
 */
export function readValues(
  blob: string,
  opts: { cells: number; years: number | null; rate: boolean; higherIsBetter: boolean | null },
): { base: Cell | null; target: Cell | null; growth: Cell | null; split: boolean } | null {
  const segs = segments(blob);
  if (!segs.some((s) => s.digits)) return null;
  let best: { score: number; base: Cell | null; target: Cell | null; growth: Cell | null; split: boolean } | null = null;
  for (const r of cuts(segs, opts.cells)) {
    const opts2 = r.cells.map((c) => (c ? valueOptions(c.text).map((o) => ({ ...o, c })) : [null]));
    // cartesian product of decimal readings (cells ≤ 3)
    const combos: Array<Array<{ text: string; restored: boolean; c: NonNullable<Reading['cells'][number]> } | null>> = [[]];
    for (const o of opts2) {
      const next: typeof combos = [];
      for (const acc of combos) for (const x of o) next.push([...acc, x]);
      combos.length = 0;
      combos.push(...next);
    }
    for (const combo of combos) {
      const cell = (k: number): Cell | null => {
        const x = combo[k];
        if (!x) return null;
        return {
          value: Number(x.text),
          comparator: (x.c.firstOfSeg ? x.c.seg.prefix : null) ?? (x.c.last ? x.c.seg.suffix : null) ?? 'eq',
          cumulative: x.c.seg.cumulative,
          restored: x.restored,
        };
      };
      const base = cell(0);
      const target = cell(1);
      const growth = opts.cells > 2 ? cell(2) : null;
      const s = scoreReading(base, target, growth, opts, r.split);
      if (s === null) continue;
      const score = s + (r.split ? 0.5 : 0) + 12 * r.missing;
      if (!best || score < best.score) best = { score, base, target, growth, split: r.split };
    }
  }
  return best && { base: best.base, target: best.target, growth: best.growth, split: best.split };
}

/** Lower is better; null when the reading is impossible. */
function scoreReading(
  base: Cell | null,
  target: Cell | null,
  growth: Cell | null,
  opts: { years: number | null; rate: boolean; higherIsBetter: boolean | null },
  split: boolean,
): number | null {
  let score = 0;
  const repaired = [base, target, growth].filter((c) => c?.restored).length;
  // a repair (cells split, a decimal point put back) must be proven by the arithmetic when it can be;
  // cells written apart stand as written even when the plan's figures are not exactly consistent
  const mustProve = split || repaired > 0;
  score += 6 * repaired;
  for (const c of [base, target]) {
    if (!c) continue;
    if (opts.rate && c.value > 100) return null;
  }
  if (!target) score += 5;
  if (growth) {
    if (growth.value <= -30 || growth.value >= 60) return null;
    if (base && target && opts.years && base.value > 0) {
      const expect = base.value * (1 + growth.value / 100) ** opts.years;
      const err = Math.abs(expect - target.value) / target.value;
      if (err <= 0.02) score -= 6; // the arithmetic confirms this reading
      else if (mustProve) return null;
    }
  }
  if (base && target && (base.value === 0) !== (target.value === 0)) score += 8; // 1353180 | 0
  if (base && target && base.value > 0 && target.value > 0) {
    const ratio = target.value / base.value;
    score += Math.abs(Math.log(ratio)) + (ratio > 10 || ratio < 0.1 ? 8 : 0);
    const up = target.value >= base.value;
    if (opts.higherIsBetter === true && !up) score += 2;
    if (opts.higherIsBetter === false && up) score += 2;
    if (target.comparator === 'gt' || target.comparator === 'ge') score += up ? 0 : 1;
  }
  for (const c of [base, target, growth]) {
    if (!c?.restored) continue;
    const decimals = String(c.value).split('.')[1]?.length ?? 0;
    score += decimals > 1 ? 3 : 0;
  }
  return score;
}

interface RawRow extends TableRow {
  /** The value run as written, read once the indicator is known (a rate cannot exceed 100). */
  blob: string;
}

function readRow(m: RegExpExecArray, skip: number): RawRow | null {
  const nameRaw = m[1].slice(skip);
  const name = nameRaw.replace(/^[\s*★☆△▲]+|[\s*★☆△▲]+$/g, '');
  if (name.length < 2) return null;
  const start = m.index + skip + (nameRaw.length - nameRaw.trimStart().length);
  const valueStart = m.indices?.[3]?.[0] ?? m.index + m[1].length + m[2].length + 2;
  const blob = m[3];
  // the span ends after the last digit or 左右/以上 (an empty growth cell — is not quoted)
  const lastValue = blob.replace(/[—\-－\s]+$/, '');
  return {
    start,
    end: valueStart + lastValue.length,
    name,
    units: m[2].split(/[、,，/]/).map((u) => u.trim()),
    base: null,
    target: null,
    growth: null,
    binding: m[4] === '约束性' ? 'constraint' : m[4] === '预期性' ? 'expected' : null,
    split: false,
    blob,
  };
}

function rowStatements(pc: PlanContext, header: TableHeader, rows: RawRow[]): Statement[] {
  const out: Statement[] = [];
  const years = header.baseYear && header.targetYear ? header.targetYear - header.baseYear : null;
  const future = header.targetYear !== null && (pc.period ? header.targetYear >= pc.period[0] : true);
  const cells = 2 + (header.hasGrowth ? 1 : 0);
  for (const row of rows) {
    const m = matchIndicator(row.name, pc.ctx.lexicons.indicators);
    const levelUnitWritten = row.units[0] ?? '';
    const growthUnitWritten = row.units[1] ?? '';
    const rate = isRateName(row.name) || m?.entry.unit === '%';
    const flagsLevel: string[] = [];
    let levelUnit: string | null = normalizeUnit(levelUnitWritten);
    if (!levelUnit) {
      if (rate) {
        levelUnit = '%';
        flagsLevel.push('percent_restored');
      } else levelUnit = m?.entry.unit ?? null;
    }
    const v = readValues(row.blob, { cells, years, rate: levelUnit === '%', higherIsBetter: m?.entry.higherIsBetter ?? null });
    if (!v) continue;
    const split = v.split ? ['table_cells_split'] : [];
    const scope = pc.region;
    const common = {
      start: row.start,
      end: row.end,
      evidence: [] as FindingEvidence[],
      canonical: m?.entry.id ?? null,
      scope,
      scopeCode: scopeCode(pc, scope),
      range: null,
      binding: row.binding,
      source: 'table' as const,
      rule: 'table.run',
    };
    const unknown = m ? [] : ['indicator_unknown'];
    const conf = (flags: string[], tense: 'future' | 'past') => confidenceOf(tense === 'future' ? 'target' : 'fact', 'table.run', [...flags, ...unknown]);
    const yearAt = (y: number | null): FindingEvidence[] => {
      if (y === null) return [];
      const at = pc.text.lastIndexOf(`${y}年`, rows[0].start);
      return at >= 0 && rows[0].start - at <= 200 ? [{ role: 'year', start: at, end: at + 5 }] : [];
    };
    if (v.target && header.targetYear) {
      const flags = [...split, ...flagsLevel, ...(v.target.restored || v.base?.restored ? ['decimal_restored'] : [])];
      out.push({
        ...common,
        evidence: yearAt(header.targetYear),
        tense: future ? 'future' : 'past',
        indicator: row.name,
        year: header.targetYear,
        value: v.target.value,
        unit: levelUnit,
        comparator: v.target.comparator,
        measure: v.target.cumulative ? 'increment' : 'level',
        direction: /(降低|下降|减少)$/.test(row.name) ? 'down' : null,
        baselineValue: v.base?.value ?? null,
        baselineYear: v.base ? header.baseYear : null,
        flags,
        confidence: conf(flags, future ? 'future' : 'past'),
      });
    }
    if (v.growth && header.targetYear) {
      const flags = [...split, ...(v.growth.restored ? ['decimal_restored'] : [])];
      const g = matchIndicator(`${row.name}年均增长率`, pc.ctx.lexicons.indicators);
      out.push({
        ...common,
        evidence: yearAt(header.targetYear),
        canonical: g?.entry.id ?? common.canonical,
        tense: future ? 'future' : 'past',
        indicator: `${row.name}年均增长率`,
        year: header.targetYear,
        value: v.growth.value,
        unit: normalizeUnit(growthUnitWritten) ?? '%',
        comparator: v.growth.comparator,
        measure: 'growth',
        direction: v.growth.value < 0 ? 'down' : 'up',
        baselineValue: null,
        baselineYear: null,
        flags,
        confidence: conf(flags, future ? 'future' : 'past'),
      });
    }
    if (v.base && header.baseYear) {
      const flags = [...split, ...(v.base.restored ? ['decimal_restored'] : []), ...flagsLevel];
      out.push({
        ...common,
        evidence: yearAt(header.baseYear),
        tense: 'past',
        indicator: row.name,
        year: header.baseYear,
        value: v.base.value,
        unit: levelUnit,
        comparator: 'eq',
        measure: 'level',
        direction: null,
        baselineValue: null,
        baselineYear: null,
        flags,
        confidence: conf(flags, 'past'),
      });
    }
  }
  return out;
}

/** A unit written in a header cell (亿美元, %, 元) in the form findings use; null when empty. */
function normalizeUnit(u: string): string | null {
  const t = u.trim();
  if (!t) return null;
  if (t === '％') return '%';
  const m = matchUnit(t, 0);
  return m && m.end === t.length ? m.unit : t;
}

// ---------------------------------------------------------------------------------------------
// tables whose cells parse found (src/parse/blocks.ts: tab-separated lines, one cell a paragraph):
//   类别  序号  指标  单位  2020年  2025年  年均增长/累计  属性
//   经济发展  1  地区生产总值增长  %  2.3  6左右  —  预期性
// Columns are named by the header roles; a column without a year (“十五五”目标, 目标值) is the
// frame's end year.

const CELL = /^([>＞<＜≥≤⩾⩽])?\s*([〔\[])?\s*(\d+(?:[.．]\d+)?)\s*(?:(?:-|－|—|–|~|～|至)\s*(\d+(?:[.．]\d+)?))?\s*([^\d\s〕\]左右以上下内]{0,6}?)\s*[〕\]]?\s*(左右|以上|以下|以内)?$/;

/** One cell's value: 6左右, >7, ≥58, 〔14〕, 58.5, 5-10, 90%; null for —, 高于GDP增长 and other words. */
export function cellValue(cell: string): (Cell & { max: number | null; unit: string | null }) | null {
  const t = cell.replace(/\s+/g, '').replace(/％/g, '%');
  const m = CELL.exec(t);
  if (!m) return null;
  const unit = m[5] ? normalizeUnit(m[5]) : null;
  if (m[5] && !unit) return null;
  const prefix = m[1] ? ({ '>': 'gt', '＞': 'gt', '<': 'lt', '＜': 'lt', '≥': 'ge', '⩾': 'ge', '≤': 'le', '⩽': 'le' } as const)[m[1]] : null;
  const suffix = m[6] ? SUFFIX[m[6]] : null;
  const value = Number(m[3].replace('．', '.'));
  const max = m[4] ? Number(m[4].replace('．', '.')) : null;
  return { value, max: max !== null && max > value ? max : null, comparator: prefix ?? suffix ?? 'eq', cumulative: !!m[2], restored: false, unit };
}

function gridStatements(pc: PlanContext, t: Table): Statement[] {
  const out: Statement[] = [];
  const col = (role: string) => t.columns.findIndex((c) => c.role === role);
  const nameCol = col('indicator');
  if (nameCol < 0) return out;
  const unitCol = col('unit');
  const bindingCol = col('binding');
  const growthCol = col('growth');
  const baseCol = col('base');
  const end = pc.period?.[1] ?? pc.frame.currentYear;
  const targets = t.columns.flatMap((c, k) => (c.role === 'target' ? [{ col: k, year: c.year ?? end }] : []));
  const lastTarget = targets.reduce<{ col: number; year: number | null } | null>((a, b) => (!a || (b.year ?? 0) >= (a.year ?? 0) ? b : a), null);
  const baseYear = baseCol >= 0 ? t.columns[baseCol].year : null;
  const rule = t.layout === 'grid' ? 'table.grid' : 'table.cells';
  for (const row of t.rows) {
    const nameCell = row.cells[nameCol];
    const raw = nameCell?.text ?? '';
    const unitInName = /[（(]([^（）()]{1,12})[）)]$/.exec(raw);
    const name = raw.replace(/[（(][^（）()]{1,12}[）)]$/, '').replace(/^[\s*★☆△▲]+|[\s*★☆△▲]+$/g, '');
    if (name.length < 2 || /^\d+$/.test(name)) continue;
    const unitWritten = (unitCol >= 0 ? row.cells[unitCol]?.text : unitInName?.[1]) ?? '';
    const unit = normalizeUnit(unitWritten);
    const bindingText = bindingCol >= 0 ? (row.cells[bindingCol]?.text ?? '') : '';
    const binding: Binding | null = /约束/.test(bindingText) ? 'constraint' : /预期/.test(bindingText) ? 'expected' : null;
    // 地区生产总值增长 (%): the figures in the year columns are growth rates
    const growthName = /(增长|增速|增长率|增幅)$/.test(name) && unit === '%';
    const down = /(降低|下降|减少)$/.test(name);
    const lastCell = row.cells[row.cells.length - 1];
    const common = { start: nameCell.start, end: Math.max(nameCell.end, lastCell.end), scope: pc.region, scopeCode: scopeCode(pc, pc.region), binding, source: 'table' as const, rule };
    const canon = (n: string, measure: string) => {
      for (const a of measure === 'growth' ? [`${n}率`, n] : [n]) {
        const m = matchIndicator(a, pc.ctx.lexicons.indicators);
        if (m) return m.entry.id;
      }
      return null;
    };
    const push = (cell: NonNullable<ReturnType<typeof cellValue>>, year: number | null, tense: 'future' | 'past', indicator: string, measure: Statement['measure'], u: string | null, baseline: Cell | null, col: number) => {
      const canonical = canon(indicator, measure);
      const flags: string[] = [];
      let unitOut = cell.unit ?? u;
      if (!unitOut && /(率|比例|比重|占比)$/.test(indicator) && cell.value <= 100) {
        unitOut = '%';
        flags.push('percent_restored');
      }
      if (year === null) flags.push('year_implied');
      const at = t.columns[col]?.at;
      out.push({
        ...common,
        evidence: at ? [{ role: 'year', start: at.start, end: at.end }] : [],
        tense,
        indicator,
        canonical,
        year,
        value: cell.value,
        range: cell.max !== null ? [cell.value, cell.max] : null,
        unit: unitOut,
        comparator: cell.comparator,
        measure: cell.cumulative ? 'increment' : measure,
        direction: down ? 'down' : measure === 'growth' ? 'up' : null,
        baselineValue: baseline?.value ?? null,
        baselineYear: baseline ? baseYear : null,
        flags: canonical ? flags : [...flags, 'indicator_unknown'],
        confidence: confidenceOf(tense === 'future' ? 'target' : 'fact', rule, canonical ? flags : [...flags, 'indicator_unknown']),
      });
    };
    const baseCell = baseCol >= 0 ? cellValue(row.cells[baseCol]?.text ?? '') : null;
    // 地区生产总值增速 | 6%左右: a rate of growth (the % in the cell when no unit column says it); 新增/新建… an increment
    const measureOf = (cellUnit: string | null): Statement['measure'] =>
      (/(增长|增速|增长率|增幅)$/.test(name) || down) && (unit ?? cellUnit) === '%' ? 'growth' : /新增|^(?:新建|累计新增)/.test(name) ? 'increment' : 'level';
    const measure = measureOf(null);
    for (const tc of targets) {
      const cell = cellValue(row.cells[tc.col]?.text ?? '');
      if (!cell) continue;
      const future = tc.year === null || pc.from === null || tc.year >= pc.from;
      const m = measureOf(cell.unit);
      push(cell, tc.year, future ? 'future' : 'past', name, m, unit, m === 'level' ? baseCell : null, tc.col);
    }
    if (baseCell && baseYear) push(baseCell, baseYear, 'past', name, measure, unit, null, baseCol);
    const g = growthCol >= 0 ? cellValue(row.cells[growthCol]?.text ?? '') : null;
    if (g && lastTarget) {
      const gName = growthName || down ? name : `${name}年均增长率`;
      const future = lastTarget.year === null || pc.from === null || lastTarget.year >= pc.from;
      push(g, lastTarget.year, future ? 'future' : 'past', gName, g.cumulative ? 'increment' : 'growth', '%', null, lastTarget.col);
    }
  }
  return out;
}
