// Chinese numerals as they appear in plans: ordinals in headings (第二十三章, （十一）),
// and years written digit by digit in signatures (二○一一年十二月三十一日).

/** Digit characters, including the several "zero" glyphs found in real documents
 *  (〇 U+3007, ○ U+25CB white circle, Ｏ/O letters, 零) and full-width Arabic digits. */
const DIGIT: Readonly<Record<string, number>> = {
  零: 0, '〇': 0, '○': 0, 'Ｏ': 0, 'O': 0, 'ｏ': 0, 'o': 0, '０': 0, '0': 0,
  一: 1, '１': 1, '1': 1,
  二: 2, 两: 2, '２': 2, '2': 2,
  三: 3, '３': 3, '3': 3,
  四: 4, '４': 4, '4': 4,
  五: 5, '５': 5, '5': 5,
  六: 6, '６': 6, '6': 6,
  七: 7, '７': 7, '7': 7,
  八: 8, '８': 8, '8': 8,
  九: 9, '９': 9, '9': 9,
};

const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Character class source (for regexes) of Chinese numeral characters used in ordinals. */
export const CN_NUM = '〇○零一二三四五六七八九十百千两';
/** Character class source of the digits a year may be written with. */
export const YEAR_DIGIT = '〇○零ＯO一二三四五六七八九0-9０-９';

/** Arabic digits (ASCII or full-width) to a number; null if any other character. */
export function parseArabic(s: string): number | null {
  if (s.length === 0) return null;
  let n = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    let d: number;
    if (code >= 0x30 && code <= 0x39) d = code - 0x30;
    else if (code >= 0xff10 && code <= 0xff19) d = code - 0xff10;
    else return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A Chinese (or Arabic) integer such as 三, 十二, 二十, 九十九, 一百零五, 两千;
 * also digit-by-digit forms (二○一一). Returns null when `s` is not a number.
 */
export function parseChineseInt(s: string): number | null {
  const t = s.trim();
  if (t.length === 0) return null;
  const arabic = parseArabic(t);
  if (arabic !== null) return arabic;
  // Digit-by-digit when there is no unit character (二○一一 → 2011, 三 → 3).
  if (![...t].some((ch) => ch in UNIT)) {
    let n = 0;
    for (const ch of t) {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let pending = 0; // digit waiting for its unit
  let sawDigit = false;
  for (const ch of t) {
    const unit = UNIT[ch];
    if (unit !== undefined) {
      // 十 alone means 1×10 (十二 = 12)
      total += (sawDigit ? pending : 1) * unit;
      pending = 0;
      sawDigit = false;
      continue;
    }
    const d = DIGIT[ch];
    if (d === undefined) return null;
    pending = d; // 零 just resets (一百零五)
    sawDigit = true;
  }
  return total + pending;
}

/** A year written with Arabic digits or Chinese digits one by one (二○一一 → 2011). */
export function parseYear(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (t.length !== 4) return null;
  let n = 0;
  for (const ch of t) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n >= 1900 && n <= 2200 ? n : null;
}

export interface DateParts {
  year: number;
  month: number | null;
  day: number | null;
}

const DATE_RE = new RegExp(
  `([${YEAR_DIGIT}]{4})\\s*年\\s*(?:([${CN_NUM}0-9０-９]{1,3})\\s*月(?:\\s*([${CN_NUM}0-9０-９]{1,3})\\s*日)?)?`,
);

/** Reads a date such as 二○一一年十二月三十一日, 2014年7月, 2011 年 12 月 31 日. */
export function parseDate(s: string): DateParts | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const year = parseYear(m[1]);
  if (year === null) return null;
  const month = m[2] !== undefined ? parseChineseInt(m[2]) : null;
  const day = m[3] !== undefined ? parseChineseInt(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year, month, day: month === null ? null : day };
}

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', as precise as the parts allow. */
export function toIsoDate(d: DateParts): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Source of a regex matching one date (year with optional month/day), for embedding. */
export const DATE_SOURCE =
  `[${YEAR_DIGIT}]{4}\\s*年(?:\\s*[${CN_NUM}0-9０-９]{1,3}\\s*月(?:\\s*[${CN_NUM}0-9０-９]{1,3}\\s*日)?)?`;
