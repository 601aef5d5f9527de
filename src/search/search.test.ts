// 检索 building blocks: the dictionary keeps planning terms whole, query text cannot break out of
// tsquery/LIKE syntax, passages follow paragraphs and sections, highlights are term occurrences.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../places/index';
import { loadLexicons } from '../extract/lexicons';
import { buildDictionary, readSearchTerms } from './dictionary';
import { getSegmenter } from './segmenter';
import { containsPattern, quoteLexeme, tsqueryText, tsvectorText } from './syntax';
import { MAX_PASSAGE, splitPassages } from './passages';
import { highlightRanges } from './highlight';
import { HIT_FINDINGS, hitFindings } from './query';

const seg = getSegmenter(loadGazetteer(), loadLexicons());

describe('segmentation dictionary', () => {
  it('keeps 湛茂都市圈, 粤港澳大湾区 and 常住人口城镇化率 whole in a real sentence', () => {
    const words = seg.words('推进湛茂都市圈与粤港澳大湾区深度融合，到2025年常住人口城镇化率达到65%。');
    expect(words).toContain('湛茂都市圈');
    expect(words).toContain('粤港澳大湾区');
    expect(words).toContain('常住人口城镇化率');
    expect(words).not.toContain('湛');
  });

  it('draws on the indicator lexicon, the gazetteer and search-terms.txt', () => {
    const dict = new Set(buildDictionary(loadGazetteer(), loadLexicons()).map((e) => e.word));
    expect(dict.has('常住人口城镇化率')).toBe(true); // indicators.csv
    expect(dict.has('湛江市')).toBe(true); // gazetteer full name
    expect(dict.has('茂名')).toBe(true); // gazetteer short name
    expect(readSearchTerms()).toContain('北部湾城市群');
    expect(dict.has('北部湾城市群')).toBe(true);
  });

  it('indexes the words inside long terms, so a query for a part finds the whole', () => {
    const tokens = seg.indexTokens('常住人口城镇化率达到60%');
    expect(tokens).toContain('常住人口城镇化率');
    expect(tokens).toContain('城镇化率');
    expect(seg.queryTerms('城镇化率')).toEqual(['城镇化率']);
  });

  it('drops punctuation and function words from queries, lower-cases latin', () => {
    expect(seg.queryTerms('粤西地区的港口！')).toEqual(['粤西地区', '港口']);
    expect(seg.queryTerms('GDP')).toEqual(['gdp']);
    expect(seg.queryTerms('的')).toEqual(['的']);
  });
});

describe('tsquery / tsvector / LIKE text', () => {
  it('quotes every lexeme so tsquery operators are plain characters', () => {
    for (const evil of ["a'b", 'a\\b', 'a & b', 'x | y', '!z', '(p)', 'w:*', "');drop table plans;--", '<->']) {
      const q = quoteLexeme(evil);
      expect(q.startsWith("'") && q.endsWith("'")).toBe(true);
      const inner = q.slice(1, -1);
      // no lone quote or backslash is left inside: quotes come doubled, backslashes escaped
      expect(inner.replace(/''/g, '').replace(/\\\\/g, '')).not.toMatch(/['\\]/);
    }
    expect(tsqueryText(["it's", '&'])).toBe("'it''s' & '&'");
    expect(tsqueryText([])).toBe('');
  });

  it('writes positions into the tsvector text', () => {
    expect(tsvectorText(['湛茂都市圈', '都市', "o'k"])).toBe("'湛茂都市圈':1 '都市':2 'o''k':3");
  });

  it('escapes LIKE wildcards', () => {
    expect(containsPattern('12.5%')).toBe('%12.5\\%%');
    expect(containsPattern('a_b\\c')).toBe('%a\\_b\\\\c%');
  });
});

describe('passages', () => {
  // Like the 珠江—西江 sample: headings run on inside one line (…第二章重点任务第一节港口…).
  const text = '第一章 发展目标\n\n到2025年，常住人口城镇化率达到60%。\n第二章重点任务第一节港口' + '推进港口建设。'.repeat(80);
  const c2 = text.indexOf('第二章');
  const c21 = text.indexOf('第一节');
  const secs = [
    { path: '1', label: '第一章', title: '发展目标', start: 0, end: c2 },
    { path: '2', label: '第二章', title: '重点任务', start: c2, end: text.length },
    { path: '2.1', label: '第一节', title: '港口', start: c21, end: text.length },
  ];
  const ps = splitPassages(text, secs);

  it('follows lines and section starts, tagging the deepest section', () => {
    expect(ps[0].text).toBe('第一章 发展目标');
    expect(ps[1].text).toBe('到2025年，常住人口城镇化率达到60%。');
    expect(ps[1].sectionPath).toBe('1');
    expect(ps[1].sectionTitle).toBe('第一章 发展目标');
    expect(ps[2].text).toBe('第二章重点任务');
    expect(ps[3].text.startsWith('第一节港口推进港口建设。')).toBe(true);
    expect(ps[3].sectionPath).toBe('2.1');
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('splits long paragraphs at sentence ends', () => {
    const long = ps.slice(3);
    expect(long.length).toBeGreaterThan(1);
    for (const p of long) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE);
      expect(p.text.endsWith('。')).toBe(true);
      expect(p.sectionTrail).toBe('第二章 重点任务 › 第一节 港口');
    }
  });

  it('leaves out the table of contents', () => {
    const withToc = splitPassages(text, secs, { start: 0, end: 9 });
    expect(withToc[0].text).toBe('到2025年，常住人口城镇化率达到60%。');
  });
});

describe('highlights', () => {
  it('are occurrences of the terms, longest first, never overlapping', () => {
    const t = '常住人口城镇化率和城镇化率，GDP增长';
    const hs = highlightRanges(t, ['城镇化率', '常住人口城镇化率', 'gdp']);
    expect(hs.map(([s, e]) => t.slice(s, e))).toEqual(['常住人口城镇化率', '城镇化率', 'GDP']);
  });
});

describe('the findings a hit sends', () => {
  // A passage at offset 100 of its plan: a table row of 城镇化率 between two other rows.
  const text = '人均地区生产总值（元）63100 115300；常住人口城镇化率（%）61.5 66；GDP增速（%）8 7';
  const passage = { start: 100, end: 100 + text.length, text };
  const at = (s: string) => 100 + text.indexOf(s);
  type F = [string, string, string, number, number, number | null];
  const f = (key: string, kind: string, s: string, year: number | null = null): F => [key, kind, `${kind} ${s}`, at(s), at(s) + s.length, year];
  const list: F[] = [
    f('a', 'fact', '人均地区生产总值（元）63100', 2013),
    f('b', 'target', '人均地区生产总值（元）63100 115300', 2020),
    f('c', 'fact', '常住人口城镇化率（%）61.5', 2013),
    f('d', 'target', '常住人口城镇化率（%）61.5 66', 2020),
    f('e', 'target', 'GDP增速（%）8 7', 2020),
    // begins before the passage: only its part inside (the first row) is looked at
    ['long', 'structure', 'structure', 40, at('115300'), null],
  ];
  const keys = (terms: string[], filter: { kind?: string; year?: number } = {}) => hitFindings(passage, list, terms, filter).map((x) => x.key);

  it('puts those holding a query term first, the rest in text order', () => {
    expect(keys(['城镇化率'])).toEqual(['c', 'd', 'a', 'b', 'e', 'long']);
    expect(keys(['人均地区生产总值'])).toEqual(['a', 'b', 'long', 'c', 'd', 'e']);
    expect(keys(['无此词'])).toEqual(['a', 'b', 'c', 'd', 'e', 'long']);
  });

  it('matches terms case-insensitively and only inside the passage', () => {
    expect(keys(['gdp'])[0]).toBe('e');
    // '115300' lies outside the long finding's part inside the passage (it ends where 115300 starts)
    expect(keys(['115300'])).toEqual(['b', 'a', 'c', 'd', 'e', 'long']);
  });

  it('puts what a kind or year filter asked for before what holds a term', () => {
    expect(keys(['城镇化率'], { kind: 'target' })).toEqual(['d', 'b', 'e', 'c', 'a', 'long']);
    expect(keys(['城镇化率'], { year: 2013 })).toEqual(['c', 'a', 'd', 'b', 'e', 'long']);
  });

  it(`sends at most ${HIT_FINDINGS}, each with its span`, () => {
    const many = Array.from({ length: 20 }, (_, i): F => [`k${i}`, 'place', 'x', 100 + i, 101 + i, null]);
    const sent = hitFindings(passage, many, [], {});
    expect(sent).toHaveLength(HIT_FINDINGS);
    expect(sent[0]).toEqual({ key: 'k0', kind: 'place', summary: 'x', start: 100, end: 101 });
  });
});
