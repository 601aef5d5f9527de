// Places on real sentences from the sample plans (marked 000, 001, 002) and lines written in the
// style of other plans (marked "other plans").
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings';
import type { Span } from '../core/types';
import { parsePlan, planTextFromString } from '../parse/index';
import { loadGazetteer } from '../places/index';
import { loadLexicons } from './lexicons';
import { extractPlaces } from './places';

const gazetteer = loadGazetteer();
const ctx = { gazetteer, lexicons: loadLexicons() };

function places(lines: string[], toc: Span | null = null): Array<Finding<'place'>> {
  const doc = parsePlan(planTextFromString(lines.join('\n')), gazetteer);
  return extractPlaces({ ...doc, toc }, ctx);
}
const brief = (fs: Array<Finding<'place'>>) => fs.map((f) => [f.data.name, f.data.code, f.data.level, f.confidence, f.flags]);

describe('places', () => {
  it('one finding per mention, with code, level and the span of the mention (000)', () => {
    const text = '粤西地区包括湛江、茂名、阳江三个地级市，湛江市发展为全国重要的沿海开放城市。';
    const found = places([text]);
    expect(found.map((f) => [f.data.name, f.data.code, f.data.level, text.slice(f.start, f.end)])).toEqual([
      ['湛江市', '440800', 'prefecture', '湛江'],
      ['茂名市', '440900', 'prefecture', '茂名'],
      ['阳江市', '441700', 'prefecture', '阳江'],
      ['湛江市', '440800', 'prefecture', '湛江市'],
    ]);
  });

  it('is surer of a full name than of a short name, and of a prefecture short name than of a county one (001)', () => {
    const found = places(['湛江市、茂名市两市，依托沈海高速公路等交通线路，串联化州、高州、廉江、遂溪和雷州等市（县），广东省与广西壮族自治区合作。']);
    expect(brief(found)).toEqual([
      ['湛江市', '440800', 'prefecture', 0.95, []],
      ['茂名市', '440900', 'prefecture', 0.95, []],
      ['化州市', '440982', 'county', 0.7, ['short_form']],
      ['高州市', '440981', 'county', 0.7, ['short_form']],
      ['廉江市', '440881', 'county', 0.7, ['short_form']],
      ['遂溪县', '440823', 'county', 0.7, ['short_form']],
      ['雷州市', '440882', 'county', 0.7, ['short_form']],
      ['广东省', '440000', 'province', 0.95, []],
      ['广西壮族自治区', '450000', 'province', 0.95, []],
    ]);
  });

  it('is less sure of a two-character county name (other plans)', () => {
    expect(brief(places(['梧州市藤县加快承接产业转移。']))).toEqual([
      ['梧州市', '450400', 'prefecture', 0.95, []],
      ['藤县', '450422', 'county', 0.8, ['two_character_name']],
    ]);
  });

  it('flags an old name (alias) (other plans)', () => {
    expect(brief(places(['茂名市茂港区加快滨海新区建设。']))).toEqual([
      ['茂名市', '440900', 'prefecture', 0.95, []],
      ['电白区', '440904', 'county', 0.75, ['alias']], // 茂港区 merged into 电白区 (2014)
    ]);
  });

  it('leaves out mentions inside the table of contents', () => {
    const lines = ['目录', '第一章 湛江发展基础', '正文', '第一章 湛江发展基础', '湛江市发展为全国重要的沿海开放城市。'];
    const text = lines.join('\n');
    const tocEnd = text.indexOf('正文');
    const found = places(lines, { start: 0, end: tocEnd });
    expect(found.every((f) => f.start >= tocEnd)).toBe(true);
    expect(found.map((f) => f.data.name)).toEqual(['湛江市', '湛江市']);
  });

  it('finds no place in generic words (000)', () => {
    expect(places(['以三市中心城区为核心，提升县城和示范县的综合承载能力。'])).toEqual([]);
  });
});
