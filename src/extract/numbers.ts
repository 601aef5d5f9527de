// Numbers as plans write them, shared by every extractor.
//
//   parseNumber('1,234.5') → 1234.5      parseNumber('１２') → 12      parseNumber('一百') → 100
//   scanQuantities('到2015年，生产总值达到6340亿元，年均增长12.5%以上')
//     → [{ value: 2015, role: 'year' }, { value: 6340, unit: '亿元' }, { value: 12.5, unit: '%' }]
//
// A Quantity is a number with its unit (万/亿 kept inside the unit: 1000万标箱 → 1000 + 万标箱), a
// range (5-10家, 6.5%－7%, 一至两个) or a ratio (13∶47∶40 → '13:47:40'), and a role saying whether
// it measures something or only names something (years, 第十四届, 500强, 3、4号, 30万吨级, 5G).
// Units live in data/lexicons/units.json.
import { parseChineseInt } from '../parse/numerals';
import unitData from '../../data/lexicons/units.json' with { type: 'json' };

/**
 * measure: a quantity (6340亿元, 47.2%, 13∶47∶40) · year: 2015年 · period: 2006－2010年 ·
 * date: 12月, 31日 after a year · ordinal: 第3, 21世纪, 十四届 · rank: 500强 · label: 3号, 5G, G207, （10） ·
 * class: a size class inside a name (30万吨级, 千万吨级).
 */
export type QuantityRole = 'measure' | 'year' | 'period' | 'date' | 'ordinal' | 'rank' | 'label' | 'class';

export interface Quantity {
  /** Span of the whole mention (number, range, unit) in the scanned text. */
  start: number;
  end: number;
  /** Where the first number itself ends (before a range's second number or the unit). */
  numEnd: number;
  /** The number (lower bound of a range), or a ratio string '13:47:40' (digits as written). */
  value: number | string;
  range: [number, number] | null;
  /** 亿元, 万人, %, ‰, 个百分点, 万吨/年, 'ratio' for ratios; null when no unit follows. */
  unit: string | null;
  role: QuantityRole;
  /** 'chinese' when the number is written in Chinese numerals (一所, 两个). */
  written: 'arabic' | 'chinese';
  /** Written with 多/余 between number and unit (300多家, 50余项): about, at least. */
  approx: boolean;
  raw: string;
}

const byLength = (ws: readonly string[]) => [...new Set(ws)].sort((a, b) => b.length - a.length);
const MAGNITUDES = byLength(unitData.magnitudes.words);
const UNITS = byLength(unitData.units.words);
const PERCENT: Record<string, string> = unitData.percent.words;
const PERCENT_WORDS = byLength(Object.keys(PERCENT));
const PER = byLength(unitData.perDenominators.words);
const COUNT_UNITS = new Set(unitData.countUnits.words);
const RANK_WORDS = byLength(unitData.rankWords.words);

const FULL_DIGIT = /[０-９]/g;
const toAscii = (s: string) => s.replace(FULL_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');

/** Chinese numeral characters for values (not 〇-style year digits, not 万/亿, which go to the unit). */
const CN_CHARS = '零一二两三四五六七八九十百千';
const CN_VALUE = new RegExp(`^[${CN_CHARS}]+`);

/**
 * A number written in Arabic digits (ASCII or full-width, with , or ， thousands separators and
 * a decimal point) or in Chinese numerals (三, 十二, 两百, 一百零五). null when `s` is not a number.
 */
export function parseNumber(s: string): number | null {
  const t = toAscii(s.trim());
  if (/^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/.test(t)) return Number(t.replace(/[,，]/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^\.\d+$/.test(t)) return Number(t);
  if (new RegExp(`^[${CN_CHARS}]+$`).test(t)) {
    if (/^[零]+$/.test(t)) return 0;
    return parseChineseInt(t.replace(/两/g, '二'));
  }
  return null;
}

/** Arabic number token at `i`: digits with thousands separators and decimals; spaces never inside. */
const ARABIC = /[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/y;
const isDigit = (c: string | undefined) => c !== undefined && /[0-9０-９]/.test(c);
const isAsciiLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

interface NumTok {
  start: number;
  end: number;
  value: number;
  written: 'arabic' | 'chinese';
}

function arabicAt(text: string, i: number): NumTok | null {
  ARABIC.lastIndex = i;
  const m = ARABIC.exec(text);
  if (!m) return null;
  let raw = m[0];
  // "，" as a thousands separator only when a unit-like character follows (1，000万元), never in lists.
  if (/[，]/.test(raw)) {
    const after = text[i + raw.length];
    if (after === undefined || /[，、。；0-9]/.test(after)) raw = raw.slice(0, raw.search(/，/));
  }
  const v = parseNumber(raw);
  if (v === null) return null;
  return { start: i, end: i + raw.length, value: v, written: 'arabic' };
}

function chineseAt(text: string, i: number): NumTok | null {
  const m = CN_VALUE.exec(text.slice(i, i + 12));
  if (!m) return null;
  const v = parseNumber(m[0]);
  if (v === null) return null;
  return { start: i, end: i + m[0].length, value: v, written: 'chinese' };
}

/** Unit at `i` (after optional spaces): percent words, or magnitude? + unit, or a bare magnitude, then /denominator. */
export function matchUnit(text: string, i: number): { unit: string; start: number; end: number } | null {
  let j = i;
  while (text[j] === ' ' || text[j] === '\u3000') j++;
  for (const p of PERCENT_WORDS) if (text.startsWith(p, j)) return { unit: PERCENT[p], start: j, end: j + p.length };
  let best: { unit: string; end: number } | null = null;
  const consider = (u: string, end: number) => {
    if (!best || end > best.end) best = { unit: u, end };
  };
  for (const u of UNITS) if (text.startsWith(u, j)) consider(u, j + u.length);
  for (const m of MAGNITUDES) {
    if (!text.startsWith(m, j)) continue;
    const k = j + m.length;
    let found = false;
    for (const u of UNITS) if (text.startsWith(u, k)) { consider(m + u, k + u.length); found = true; break; }
    if (!found) consider(m, k);
  }
  if (!best) return null;
  let { unit, end } = best as { unit: string; end: number };
  // A unit glued to ASCII letters is part of a code (5G, 300MWh-class names are handled by the units list).
  if (/^[A-Za-z]/.test(unit) && isAsciiLetter(text[end])) return null;
  if (text[end] === '/' || text[end] === '／') {
    for (const p of PER) {
      if (text.startsWith(p, end + 1)) {
        unit = `${unit}/${p}`;
        end = end + 1 + p.length;
        break;
      }
    }
  }
  return { unit, start: j, end };
}

const RANGE_SEP = /^\s*(?:-|－|—|–|~|～|〜|至|到)\s*/;
const RATIO_SEP = /^\s*[∶:：]\s*/;

/**
 * Every number in text[start, end) with its unit, range or ratio and its role. Offsets are absolute.
 * Chinese numerals are reported only before a counting unit (一所, 两个, 三百亿元), so names like
 * 三核 or 十二五 are never numbers.
 */
export function scanQuantities(text: string, start = 0, end = text.length): Quantity[] {
  const out: Quantity[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    let tok: NumTok | null = null;
    if (isDigit(c)) {
      // start of a token only (not inside a longer one)
      tok = arabicAt(text, i);
    } else if (CN_CHARS.includes(c) && !CN_CHARS.includes(text[i - 1] ?? '')) {
      tok = chineseAt(text, i);
      if (tok && !chineseCounts(text, tok)) tok = null;
    }
    if (!tok || tok.end > end) {
      i++;
      continue;
    }
    const q = readQuantity(text, tok, end);
    out.push(q);
    i = Math.max(q.end, tok.end);
  }
  markLabelLists(text, out);
  return out;
}

/** A Chinese numeral counts when a counting unit (optionally after 万/亿) or a range follows: 一所, 两个, 一至两个. */
function chineseCounts(text: string, tok: NumTok): boolean {
  if (text[tok.start - 1] === '第') return false;
  const u = matchUnit(text, tok.end);
  // 千家万户, 百村: a bare 百/千 is a figure of speech unless 万/亿 follows (超百亿美元)
  if (/^[百千]$/.test(text.slice(tok.start, tok.end)) && !/^[万亿]/.test(text.slice(tok.end, tok.end + 1))) return false;
  if (u && u.start === tok.end) {
    const base = u.unit.replace(new RegExp(`^(?:${MAGNITUDES.join('|')})`), '');
    if (COUNT_UNITS.has(u.unit) || COUNT_UNITS.has(base)) return true;
    if (MAGNITUDES.includes(u.unit) && /[级]/.test(text[u.end] ?? '')) return true;
  }
  const r = RANGE_SEP.exec(text.slice(tok.end, tok.end + 3));
  if (r && /^[至到]/.test(r[0])) {
    const next = chineseAt(text, tok.end + r[0].length);
    if (next) return chineseCounts(text, next);
  }
  return false;
}

function readQuantity(text: string, tok: NumTok, limit: number): Quantity {
  const q: Quantity = {
    start: tok.start,
    end: tok.end,
    numEnd: tok.end,
    value: tok.value,
    range: null,
    unit: null,
    role: 'measure',
    written: tok.written,
    approx: false,
    raw: '',
  };
  let pos = tok.end;

  // ratio 13∶47∶40 (two or more parts, digits as written)
  if (tok.written === 'arabic') {
    const parts = [toAscii(text.slice(tok.start, tok.end))];
    let p = pos;
    for (;;) {
      const sep = RATIO_SEP.exec(text.slice(p, p + 3));
      if (!sep) break;
      const next = arabicAt(text, p + sep[0].length);
      if (!next || next.end > limit) break;
      parts.push(toAscii(text.slice(next.start, next.end)));
      p = next.end;
    }
    if (parts.length >= 2) {
      q.value = parts.join(':');
      q.unit = 'ratio';
      q.end = p;
      q.raw = text.slice(q.start, q.end);
      return q;
    }
  }

  // 300多家, 50余项
  if ((text[pos] === '多' || text[pos] === '余') && matchUnit(text, pos + 1)?.start === pos + 1) {
    q.approx = true;
    pos++;
  }
  // a unit right after the first number (6.5%－7%)
  let unit = matchUnit(text, pos);
  if (unit && unit.end > limit) unit = null;
  const unitAfterFirst = unit && unit.start - pos <= 1 ? unit : null;
  let afterFirst = unitAfterFirst ? unitAfterFirst.end : pos;

  // range: 5-10家, 6.5%－7%, 一至两个, 3—5个
  const sep = RANGE_SEP.exec(text.slice(afterFirst, afterFirst + 4));
  if (sep) {
    const at = afterFirst + sep[0].length;
    const next = tok.written === 'chinese' ? chineseAt(text, at) : isDigit(text[at]) ? arabicAt(text, at) : null;
    if (next && next.end <= limit && next.value >= tok.value) {
      const u2 = matchUnit(text, next.end);
      const sameUnit = !unitAfterFirst || (u2 && u2.unit === unitAfterFirst.unit);
      if (sameUnit) {
        q.range = [tok.value, next.value];
        pos = next.end;
        unit = u2 && u2.start - next.end <= 1 && u2.end <= limit ? u2 : null;
        afterFirst = unit ? unit.end : pos;
      }
    }
  }
  if (!q.range) unit = unitAfterFirst;
  if (unit) {
    q.unit = unit.unit;
    q.end = unit.end;
  } else q.end = pos;
  q.role = roleOf(text, q, tok);
  q.raw = text.slice(q.start, q.end);
  return q;
}

function roleOf(text: string, q: Quantity, tok: NumTok): QuantityRole {
  const before = text[tok.start - 1];
  const after = text.slice(q.end, q.end + 4);
  const v = tok.value;
  // years: 2015年, 2013年末, 2006－2010年, 2014至2020年, 二○一一年 is handled by the parser
  if (tok.written === 'arabic' && Number.isInteger(v) && v >= 1900 && v <= 2100 && tok.end - tok.start === 4) {
    if (q.unit === '年' && q.range === null) return 'year';
    if (q.range && q.range[1] >= 1900 && q.range[1] <= 2100) return 'period';
    if (q.unit === null && /^\s*(?:-|－|—|至|到)\s*\d{4}\s*年/.test(text.slice(tok.end, tok.end + 10))) return 'period';
  }
  if (q.range && q.unit === '年' && q.range[0] >= 1900 && q.range[1] <= 2100) return 'period';
  // dates: 12月31日 after a year
  if ((q.unit === '月' || q.unit === '日') && /年\s*$|月\s*$/.test(text.slice(Math.max(0, tok.start - 3), tok.start))) return 'date';
  if (before === '〔' || before === '[') return 'label';
  if (before === '第' || /^\s*(?:世纪|届|周年)/.test(after)) return 'ordinal';
  if (/^\s*强/.test(after)) return 'rank';
  // codes and names: 5G, G207, 4E, 2#EVA, 2×1000MW, 3号, （10）
  if (isAsciiLetter(before) || before === '#' || before === '×' || before === '*' || before === '-' && isAsciiLetter(text[tok.start - 2])) return 'label';
  if (q.unit === null && (isAsciiLetter(text[q.end]) || /^[#×*]/.test(after))) return 'label';
  if (/^[×*]/.test(text[q.numEnd] ?? '')) return 'label';
  for (const w of RANK_WORDS) if (after.startsWith(w) || (q.unit === null && text.startsWith(w, q.end))) return w === '强' ? 'rank' : 'label';
  if (q.unit === null && (before === '（' || before === '(') && /^[）)]/.test(after)) return 'label';
  // a number inside a short quoted phrase is part of a name or saying: “最后一公里”, “1310” (but a
  // slogan of distances and times states a standard: “300米见绿，500米见园”, “2小时交通圈”)
  const open = text.lastIndexOf('“', q.start);
  const standard = q.written === 'arabic' && q.unit !== null && /^(?:米|公里|千米|分钟|小时)$/.test(q.unit);
  if (!standard && open >= 0 && q.start - open <= 8 && !text.slice(open, q.start).includes('”')) {
    const close = text.indexOf('”', q.end);
    if (close >= 0 && close - q.end <= 8 && !text.slice(q.end, close).includes('“')) return 'label';
  }
  // size classes inside names: 30万吨级, 千万吨级, 10万吨以下 stays a measure (the extractor decides)
  if (/^级/.test(after)) return 'class';
  return 'measure';
}

/** 3、4号机组: numbers listed before a labelled one are labels too. */
function markLabelLists(text: string, qs: Quantity[]): void {
  for (let k = qs.length - 2; k >= 0; k--) {
    const a = qs[k];
    const b = qs[k + 1];
    if (b.role === 'label' && a.unit === null && /^[、,，和及]$/.test(text.slice(a.end, b.start))) a.role = 'label';
  }
}
