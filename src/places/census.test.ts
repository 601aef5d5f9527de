// The derived census file and the indicators computed from it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CENSUS_FILE, CENSUS_INDICATORS, censusValue, loadCensus, parseCensus } from './census';

describe('census', () => {
  it('holds the Guangdong, Guangxi and Hainan units only', () => {
    const rows = [...loadCensus().values()];
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((r) => /^4[456]/.test(r.code))).toBe(true);
  });

  it('derives population in 万人 and urbanization in % from the file', () => {
    const line = fs.readFileSync(CENSUS_FILE, 'utf8').split('\n').find((l) => l.includes(',440800,'))!;
    const [, , , p20, u20, p10] = line.split(',').map(Number);
    const zj = loadCensus().get('440800')!;
    expect(censusValue(zj, 'census-population-2020')).toBeCloseTo(p20 / 10000, 2);
    expect(censusValue(zj, 'census-population-2010')).toBeCloseTo(p10 / 10000, 2);
    expect(censusValue(zj, 'census-urbanization-2020')).toBeCloseTo((u20 / p20) * 100, 2);
    expect(censusValue(zj, 'unknown')).toBeNull();
    expect(CENSUS_INDICATORS.map((i) => i.id)).toContain('census-urbanization-2010');
  });

  it('gives null where the source is empty, and names a bad code', () => {
    const [r] = parseCensus('city,city_code,province,popu_2020,popu_urban_2020,popu_2010,popu_urban_2010\n临高县,469024,海南省,420594,,427873,155595\n');
    expect(censusValue(r, 'census-urbanization-2020')).toBeNull();
    expect(censusValue(r, 'census-urbanization-2010')).toBeCloseTo(36.36, 2);
    expect(() => parseCensus('city,city_code\nx,44\n', 'f.csv')).toThrow(/f\.csv:2: field city_code/);
  });
});
