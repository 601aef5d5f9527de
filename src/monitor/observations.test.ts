// Checking rows of an observation import: each bad row is named with its column and reason.
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../extract/lexicons';
import { loadGazetteer } from '../places/index';
import { checkRows, parseNumber, type CheckContext } from './observations';

const ctx = (existing: CheckContext['existing'] = () => undefined, allowReplace = false): CheckContext => ({
  indicators: loadLexicons().indicators,
  gazetteer: loadGazetteer(),
  existing,
  defaultSource: 'upload.csv',
  allowReplace,
});

describe('observation rows', () => {
  it('reads good rows with Chinese headers, names and codes, units that convert', () => {
    const r = checkRows(
      [
        ['指标', '地区', '年份', '数值', '单位', '口径', '来源'],
        ['地区生产总值', '湛江市', '2015', '2,380.02', '亿元', '现价', '湛江市统计年鉴2016'],
        ['urbanization', '440900', '2020年', '４３.５６', '%', '', ''],
        ['', '', '', '', '', '', ''],
        ['常住人口', '阳江', '2020', '260.2959', '万人', '第七次人口普查', '广东省统计局'],
      ],
      ctx(),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.observation.indicator, x.observation.place, x.observation.year, x.observation.value])).toEqual([
      [2, 'gdp', '440800', 2015, 2380.02],
      [3, 'urbanization', '440900', 2020, 43.56],
      [5, 'population', '441700', 2020, 260.2959],
    ]);
    expect(r.rows[1].observation.source).toBe('upload.csv');
    expect(r.rows[0].observation.caliber).toBe('现价');
  });

  it('names the line, the column and the reason for each bad field', () => {
    const r = checkRows(
      [
        ['indicator', 'place', 'year', 'value', 'unit'],
        ['地区生产总值', '湛江市', '2015', '约2380', '亿元'],
        ['幸福指数', '火星市', '15', '1', '亿元'],
        ['地区生产总值', '茂名市', '2015', '2445.63', '亿美元'],
      ],
      ctx(),
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'value'],
      [3, 'indicator'],
      [3, 'place'],
      [3, 'year'],
      [4, 'unit'],
    ]);
    expect(r.errors[4].message).toBe('亿美元 does not convert to 亿元, the unit of 地区生产总值');
  });

  it('refuses a second row for the same figure and a stored figure it would change, unless replacing', () => {
    const stored: CheckContext['existing'] = (ind, place, year) => (ind === 'gdp' && place === '440800' && year === 2015 ? { value: 2380.02, unit: '亿元' } : undefined);
    const table = [
      ['指标', '地区', '年份', '数值', '单位'],
      ['地区生产总值', '湛江市', '2015', '2400', '亿元'],
      ['地区生产总值', '湛江市', '2016', '2584.78', '亿元'],
      ['地区生产总值', '湛江', '2016', '2600', '亿元'],
      ['地区生产总值', '湛江市', '2015', '23800200', '万元'],
    ];
    const r = checkRows(table, ctx(stored));
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, '数值'],
      [4, '数值'],
      [5, '数值'],
    ]);
    expect(r.errors[1].message).toContain('line 3 already gives');
    const again = checkRows([table[0], table[1], table[2]], ctx(stored, true));
    expect(again.errors).toEqual([]);
    expect(again.rows[0].replaces).toEqual({ value: 2380.02, unit: '亿元' });
    // the same figure in another unit is not a change
    expect(checkRows([table[0], ['地区生产总值', '湛江市', '2015', '23800200', '万元']], ctx(stored)).errors).toEqual([]);
  });

  it('says what is wrong with the header or an empty file', () => {
    expect(checkRows([], ctx()).errors[0].message).toMatch(/no rows/);
    const h = checkRows([['指标', '地区', '数值']], ctx());
    expect(h.errors.map((e) => e.column)).toEqual(['年份', '单位']);
    expect(checkRows([['指标', '地区', '年份', '数值', '单位']], ctx()).errors[0].message).toMatch(/no data rows/);
  });

  it('parses numbers as tables write them, and nothing else', () => {
    expect(parseNumber('6,340.5')).toBe(6340.5);
    expect(parseNumber('－3.2')).toBe(-3.2);
    expect(parseNumber('１２．５')).toBe(12.5);
    expect(parseNumber('12.5%')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1,23')).toBeNull();
  });
});
