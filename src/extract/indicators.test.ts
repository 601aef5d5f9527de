// The indicator lexicon (data/lexicons/indicators.csv) and how phrases map onto it.
import { describe, expect, it } from 'vitest';
import { matchIndicator } from './indicators';
import { loadLexicons } from './lexicons';

const lex = loadLexicons().indicators;
const id = (phrase: string) => matchIndicator(phrase, lex)?.entry.id ?? null;

describe('indicators.csv', () => {
  it('is a real lexicon: many entries, unique ids, no alias claimed twice', () => {
    expect(lex.length).toBeGreaterThanOrEqual(80);
    expect(new Set(lex.map((e) => e.id)).size).toBe(lex.length);
    const seen = new Map<string, string>();
    for (const e of lex) {
      for (const a of [e.name, ...e.aliases]) {
        expect(seen.get(a), `${a} in ${e.id} and ${seen.get(a)}`).toBeUndefined();
        seen.set(a, e.id);
      }
    }
  });

  it('units and directions are stated', () => {
    const gdp = lex.find((e) => e.id === 'gdp');
    expect(gdp).toMatchObject({ name: '地区生产总值', unit: '亿元', higherIsBetter: true });
    expect(lex.find((e) => e.id === 'energy_intensity')?.higherIsBetter).toBe(false);
  });
});

describe('matchIndicator', () => {
  it('exact names and aliases', () => {
    expect(id('地区生产总值')).toBe('gdp');
    expect(id('GDP')).toBe('gdp');
    expect(id('gdp')).toBe('gdp');
    expect(id('城镇化水平')).toBe('urbanization');
    expect(id('常住人口城镇化率')).toBe('urbanization');
    expect(id('单位地区生产总值能源消耗')).toBe('energy_intensity');
    expect(id('单位生产总值能耗')).toBe('energy_intensity');
    expect(id('单位GDP能耗')).toBe('energy_intensity');
    expect(matchIndicator('城镇化水平', lex)?.exact).toBe(true);
  });

  it('户籍人口城镇化率 is not 常住人口城镇化率; 人均地区生产总值 is not 地区生产总值', () => {
    expect(id('户籍人口城镇化率')).toBe('hukou_urbanization');
    expect(id('人均地区生产总值')).toBe('gdp_per_capita');
    expect(id('人均生产总值')).toBe('gdp_per_capita');
  });

  it('the longest alias the phrase contains, with its place in the phrase', () => {
    const m = matchIndicator('粤西地区生产总值', lex);
    expect(m?.entry.id).toBe('gdp');
    expect(m && '粤西地区生产总值'.slice(m.start, m.end)).toBe('地区生产总值');
    expect(id('城镇生活垃圾无害化处理率')).toBe('garbage_treatment');
    expect(id('城乡三项医疗保险参保率')).toBe('medical_insurance_coverage');
    expect(id('地区生产总值年均增长率')).toBe('gdp_growth');
    expect(id('干线内河港口吞吐能力')).toBe('port_capacity');
    expect(id('地级以上城市空气质量优良天数比例')).toBe('air_quality');
    expect(id('每千人口执业（助理）医师数')).toBe('doctors');
    expect(id('每千人口执业(助理)医师数')).toBe('doctors');
    expect(id('研究与试验发展经费投入强度')).toBe('rd_intensity');
    expect(id('R&D经费投入强度')).toBe('rd_intensity');
    expect(id('5G基站数')).toBe('base_stations_5g');
  });

  it('nothing for phrases that are not indicators', () => {
    expect(id('标准化特殊教育学校')).toBeNull();
    expect(id('')).toBeNull();
  });
});
