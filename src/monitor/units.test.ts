// Unit conversion: exact where the units measure the same thing, refused where they do not.
import { describe, expect, it } from 'vitest';
import { conversionFactor, convert, parseUnit } from './units';

describe('units', () => {
  it('converts magnitudes of one base unit', () => {
    expect(convert(5000, '亿元', '万元')).toBe(50_000_000);
    expect(convert(50_000_000, '万元', '亿元')).toBe(5000);
    expect(convert(38.4, '万人', '人')).toBe(384_000);
    expect(convert(1526, '万人', '亿人')).toBe(0.1526);
    expect(convert(3, '亿吨', '万吨')).toBe(30_000);
    expect(convert(4000, '万人次', '亿人次')).toBe(0.4);
  });

  it('reads a base unit that starts like a magnitude as the unit (千瓦时, 千米), and spellings of one unit as one', () => {
    expect(parseUnit('千瓦时')).toEqual({ factor: 1, base: '千瓦时' });
    expect(convert(2, '亿千瓦时', '万千瓦时')).toBe(20_000);
    expect(convert(482, '公里', '千米')).toBe(482);
    expect(convert(3.17, '万平方公里', '平方千米')).toBe(31_700);
    expect(convert(100, '万标箱', 'TEU')).toBe(1_000_000);
  });

  it('converts shares (% ‰) but keeps a change in 个百分点 apart from a level in %, unless both are changes', () => {
    expect(convert(7.9, '‰', '%')).toBe(0.79);
    expect(convert(0.79, '%', '‰')).toBe(7.9);
    expect(conversionFactor('%', '个百分点')).toBeNull();
    expect(convert(1.5, '%', '个百分点', { difference: true })).toBe(1.5);
  });

  it('refuses what does not convert: another currency, another quantity, an unknown unit', () => {
    expect(conversionFactor('亿元', '亿美元')).toBeNull();
    expect(conversionFactor('万吨', '万人')).toBeNull();
    expect(conversionFactor('%', '亿元')).toBeNull();
    expect(parseUnit('年一遇')).toEqual({ factor: 1, base: '年一遇' });
    expect(parseUnit('某某')).toBeNull();
  });

  it('converts per-units by their parts (件/百万人 ↔ 件/万人)', () => {
    expect(convert(230, '件/百万人', '件/万人')).toBe(2.3);
    expect(convert(39160, '元/人', '万元/人')).toBe(3.916);
  });
});
