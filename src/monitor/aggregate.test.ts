// Region values from their units: totals summed, rates recomputed from their parts, growth rates
// weighted by the previous year's level — never a plain average of rates.
import { describe, expect, it } from 'vitest';
import { aggregate, loadAggregationRules, type Lookup } from './aggregate';

const rules = loadAggregationRules();
const 粤西 = ['440800', '440900', '441700'];

// 第七次全国人口普查 (2020), persons: data/stats/census-2010-2020.csv
const census: Record<string, Record<string, number>> = {
  '440800': { population: 6981236, urban_population: 3173464 },
  '440900': { population: 6174050, urban_population: 2689580 },
  '441700': { population: 2602959, urban_population: 1409820 },
};
const lookupCensus: Lookup = (ind, code, year) => (year === 2020 && census[code]?.[ind] != null ? { value: census[code][ind], unit: '人' } : undefined);

describe('aggregation', () => {
  it('sums an additive total, converting units (人 → 万人)', () => {
    const r = aggregate(rules.get('population'), 'population', 粤西, 2020, '万人', lookupCensus);
    expect(r.value).toBe(1575.8245); // 15,758,245 persons
    expect(r.value != null && r.from).toHaveLength(3);
  });

  it('recomputes 城镇化率 from urban and total population, which is not the average of the three rates', () => {
    const r = aggregate(rules.get('urbanization'), 'urbanization', 粤西, 2020, '%', lookupCensus);
    expect(r.value).toBe(46.15); // 7,272,864 ÷ 15,758,245
    const plainAverage = (3173464 / 6981236 + 2689580 / 6174050 + 1409820 / 2602959) / 3 * 100;
    expect(Math.abs(plainAverage - 46.15)).toBeGreaterThan(1); // 47.73: what averaging would have said
    expect(r.value != null && r.method).toMatch(/之和除以/);
  });

  it('computes per-capita GDP from GDP (亿元) and population (万人) as 元 per person', () => {
    const look: Lookup = (ind, code) =>
      ind === 'gdp' ? { value: code === '440800' ? 3100 : 3300, unit: '亿元' } : ind === 'population' ? { value: code === '440800' ? 700 : 600, unit: '万人' } : undefined;
    const r = aggregate(rules.get('gdp_per_capita'), 'gdp_per_capita', ['440800', '440900'], 2020, '元', look);
    expect(r.value).toBe(49230.77); // 6400e8 ÷ 1300e4
  });

  it('weights growth rates by the previous year’s GDP', () => {
    const look: Lookup = (ind, code, year) => {
      if (ind === 'gdp_growth' && year === 2015) return { value: code === 'A' ? 8 : 11, unit: '%' };
      if (ind === 'gdp' && year === 2014) return { value: code === 'A' ? 2000 : 1000, unit: '亿元' };
      return undefined;
    };
    expect(aggregate(rules.get('gdp_growth'), 'gdp_growth', ['A', 'B'], 2015, '%', look).value).toBe(9); // (2000×8 + 1000×11) ÷ 3000, not 9.5
  });

  it('says which units are missing, refuses mixed currencies and indicators with no valid rule', () => {
    const partial = aggregate(rules.get('population'), 'population', [...粤西, '440100'], 2020, '万人', lookupCensus);
    expect(partial.value).toBeNull();
    expect(partial.value == null && partial.missing).toEqual(['440100 population 2020']);
    const mixed: Lookup = (_i, code) => ({ value: 10, unit: code === 'A' ? '亿元' : '亿美元' });
    expect(aggregate(rules.get('gdp'), 'gdp', ['A', 'B'], 2020, '亿元', mixed).value).toBeNull();
    const rate = aggregate(rules.get('forest_coverage'), 'forest_coverage', 粤西, 2020, '%', () => ({ value: 50, unit: '%' }));
    expect(rate.value).toBeNull();
    expect(rate.value == null && rate.reason).toMatch(/not aggregated/);
    expect(aggregate(undefined, 'x', 粤西, 2020, '%', lookupCensus).value).toBeNull();
  });
});
