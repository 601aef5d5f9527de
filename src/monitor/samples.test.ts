// The shipped statistics load as observations with sources, and add up as the plans say.
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../extract/lexicons';
import { aggregate, loadAggregationRules } from './aggregate';
import { sampleObservations } from './samples';

const obs = sampleObservations();
const find = (indicator: string, place: string, year: number) => obs.find((o) => o.indicator === indicator && o.place === place && o.year === year);

describe('sample statistics', () => {
  it('every observation names a lexicon indicator, a source and a 口径', () => {
    const ids = new Set(loadLexicons().indicators.map((i) => i.id));
    expect(obs.length).toBeGreaterThan(3000);
    expect(obs.filter((o) => !ids.has(o.indicator))).toEqual([]);
    expect(obs.every((o) => o.source && o.caliber)).toBe(true);
  });

  it('holds the yearbook figures the source README verified (湛江 2015 2380.02, 茂名 2015 2445.63 亿元)', () => {
    expect(find('gdp', '440800', 2015)?.value).toBeCloseTo(2380.02, 2);
    expect(find('gdp', '440900', 2015)?.value).toBeCloseTo(2445.63, 2);
    expect(find('gdp', '441700', 2015)?.value).toBeCloseTo(1250.01, 2);
    expect(find('gdp_per_capita', '440800', 2021)).toBeUndefined(); // wrong upstream: left out
  });

  it('粤西 2010 GDP summed from its three cities is the 3537亿元 the 粤西 plan states', () => {
    const look = (ind: string, code: string, year: number) => find(ind, code, year);
    const r = aggregate(loadAggregationRules().get('gdp'), 'gdp', ['440800', '440900', '441700'], 2010, '亿元', look);
    expect(r.value != null && Math.round(r.value)).toBe(3537);
  });

  it('census urbanization is the urban share of the resident population', () => {
    expect(find('urbanization', '440800', 2020)?.value).toBe(45.46); // 3,173,464 ÷ 6,981,236
    expect(find('population', '440800', 2020)?.value).toBe(698.1236);
  });
});
