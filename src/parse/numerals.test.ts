import { describe, expect, it } from 'vitest';
import { parseChineseInt, parseDate, parseYear, toIsoDate } from './numerals.js';

describe('parseChineseInt', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十三', 23],
    ['九十九', 99], ['一百', 100], ['一百零五', 105], ['两千', 2000], ['12', 12], ['１２', 12],
  ])('%s → %i', (s, n) => {
    expect(parseChineseInt(s)).toBe(n);
  });
  it('rejects words that are not numbers', () => {
    expect(parseChineseInt('发展')).toBeNull();
    expect(parseChineseInt('')).toBeNull();
  });
});

describe('years and dates', () => {
  it('reads years written digit by digit with every zero glyph', () => {
    expect(parseYear('二○一一')).toBe(2011); // ○ U+25CB, as in 000's signature
    expect(parseYear('二〇二三')).toBe(2023); // 〇 U+3007
    expect(parseYear('二零一四')).toBe(2014);
    expect(parseYear('2014')).toBe(2014);
    expect(parseYear('一一')).toBeNull();
  });
  it('reads the signature date of 000: 二○一一年十二月三十一日', () => {
    const d = parseDate('二○一一年十二月三十一日');
    expect(d).toEqual({ year: 2011, month: 12, day: 31 });
    expect(toIsoDate(d!)).toBe('2011-12-31');
  });
  it('keeps month precision when the day is not given: 2014年7月 (002)', () => {
    expect(toIsoDate(parseDate('2014年7月')!)).toBe('2014-07');
    expect(toIsoDate(parseDate('二○一一年十二月')!)).toBe('2011-12');
  });
  it('accepts spaces from PDF conversion and rejects impossible months', () => {
    expect(toIsoDate(parseDate('2023 年 12 月 20 日')!)).toBe('2023-12-20');
    expect(parseDate('2023年13月')).toBeNull();
  });
});
