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
import { observationsFromFacts } from './from-documents';

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
