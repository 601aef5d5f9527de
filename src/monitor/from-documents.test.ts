// Facts of the 粤西 plan (its 2010 base figures) become observations of its region, each with its passage.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import type { FactData, Finding } from '../core/findings';
import { analyze } from '../extract/analyze';
import { loadLexicons } from '../extract/lexicons';
import { ingestBytes } from '../ingest/index';
import { loadGazetteer } from '../places/index';
import { documentYear, observationsFromFacts, observationsFromOtherDocuments, type FactRef, type OtherDocument } from './from-documents';
import type { FactData as Fact } from '../core/findings';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();

describe('observations from documents', async () => {
  const file = '000_dde77a566d45a381.txt';
  const text = await ingestBytes(strToU8(fs.readFileSync(path.resolve(__dirname, '../../data/plans', file), 'utf8')), file);
  const { doc, findings } = analyze(text, gazetteer, lexicons);
  const facts = findings
    .filter((f): f is Finding<'fact'> => f.kind === 'fact')
    .map((f, i) => ({ key: `f${i}`, data: f.data as FactData, flags: f.flags, start: f.start, end: f.end, quote: text.text.slice(f.start, f.end) }));
  const scope = { slug: 'yuexi', title: doc.meta.title!, period: doc.meta.period, units: doc.meta.scope.map((n) => gazetteer.resolve(n)!.code) };
  const { observations, skipped } = observationsFromFacts(scope, facts, lexicons.indicators, (c) => gazetteer.byCode(c)?.name);
  const get = (ind: string) => observations.filter((o) => o.indicator === ind);

  it('takes the plan’s 2010 figures for its region, each pointing at its passage', () => {
    const gdp = get('gdp');
    expect(gdp.map((o) => [o.place, o.year, o.value, o.unit])).toEqual([['plan:yuexi', 2010, 3537, '亿元']]);
    expect(text.text.slice(gdp[0].passage.start, gdp[0].passage.end)).toBe(gdp[0].passage.quote);
    expect(gdp[0].passage.quote).toContain('3537');
    expect(gdp[0].source).toBe('《粤西地区经济社会发展规划纲要（2011—2015年）》');
    expect(get('population').map((o) => o.value)).toEqual([1526]);
  });

  it('leaves out averages over several years, shares of the province and ratios', () => {
    expect(get('gdp_growth')).toEqual([]); // 年均增长12.7% over 2006–2010 is not 2010's growth
    expect(get('land_area').map((o) => o.unit)).toEqual(['万平方公里']); // not 占全省比重 17.7%
    expect(get('fiscal_revenue').map((o) => o.value)).toEqual([145]);
    expect(skipped.some((s) => /average over several years/.test(s.reason))).toBe(true);
    expect(skipped.some((s) => /is not a unit of/.test(s.reason))).toBe(true);
    expect(get('industry_structure')).toEqual([]);
  });
});

describe('observations from other documents', () => {
  const fact = (key: string, scope: string | null, scopeCode: string | null, year: number, value: number): FactRef => ({
    key,
    data: { indicator: '地区生产总值', canonical: 'gdp', scope, scopeCode, year, value, unit: '亿元' } as unknown as Fact,
    flags: [],
    start: 0,
    end: 10,
    quote: `${year}年地区生产总值${value}亿元`,
  });
  const monitored = { slug: 'yuexi', title: '粤西地区经济社会发展规划纲要（2011—2015年）', period: [2011, 2015] as [number, number], units: ['440800', '440900', '441700'] };
  const doc = (slug: string, title: string, units: string[], year: number, facts: FactRef[]): OtherDocument => ({ scope: { slug, title, period: null, units }, version: 1, year, facts });
  const name = (c: string) => gazetteer.byCode(c)?.name;

  it('keeps figures for the plan’s units, and a region’s only when it covers the same units', () => {
    const out = observationsFromOtherDocuments(
      monitored,
      { year: 2011, observations: [] },
      [
        doc('zm', '湛茂都市圈发展规划', ['440800', '440900'], 2023, [fact('a', '湛茂都市圈', null, 2022, 7617), fact('b', '湛江市', '440800', 2022, 3712.56)]),
        doc('yx2016', '粤西地区经济社会发展情况报告', ['440800', '440900', '441700'], 2016, [fact('c', '粤西地区', null, 2015, 6180)]),
        doc('gz', '广州市政府工作报告', ['440100'], 2016, [fact('d', '全市', null, 2015, 18100)]),
      ],
      lexicons.indicators,
      name,
    );
    expect(out.map((o) => [o.place, o.year, o.value, o.passage.plan])).toEqual([
      ['440800', 2022, 3712.56, 'zm'],
      ['plan:yuexi', 2015, 6180, 'yx2016'],
    ]);
    expect(out[0].source).toBe('《湛茂都市圈发展规划》');
  });

  it('puts the later document first, then the one closer to the place, then the plan’s own text', () => {
    const own = observationsFromFacts(monitored, [fact('own', '湛江市', '440800', 2010, 1400)], lexicons.indicators, name, 1).observations;
    const out = observationsFromOtherDocuments(
      monitored,
      { year: 2011, observations: own },
      [
        doc('region2013', '粤西地区情况报告', ['440800', '440900', '441700'], 2013, [fact('r', '湛江市', '440800', 2010, 1402)]),
        doc('city2012', '湛江市政府工作报告', ['440800'], 2013, [fact('c', null, null, 2010, 1402.8)]),
        doc('old', '湛江市统计公报', ['440800'], 2011, [fact('o', null, null, 2010, 1399)]),
      ],
      lexicons.indicators,
      name,
    );
    expect(out.map((o) => o.passage.plan)).toEqual(['city2012', 'region2013', 'old', 'yuexi']);
    expect(documentYear('2016年3月', 2011)).toBe(2016);
    expect(documentYear(null, 2011)).toBe(2011);
  });
});
