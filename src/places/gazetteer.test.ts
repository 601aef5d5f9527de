// lookup / resolve / hierarchy helpers and the short-name rule.
import { describe, expect, it } from 'vitest';
import type { Gazetteer } from '../core/types';
import { ancestors, childrenOf, fullNameOf, loadGazetteer, shortName } from './index';

const gaz = loadGazetteer();

describe('loadGazetteer', () => {
  it('is cached and implements the core Gazetteer interface', () => {
    expect(loadGazetteer()).toBe(gaz);
    const g: Gazetteer = gaz;
    expect(g.places.length).toBeGreaterThan(3000);
  });

  it('does not depend on the working directory', () => {
    const cwd = process.cwd();
    try {
      process.chdir('/');
      expect(loadGazetteer().byCode('440800')?.name).toBe('湛江市');
    } finally {
      process.chdir(cwd);
    }
  });

  it('names the missing file and what to do', () => {
    expect(() => loadGazetteer('/nonexistent/places')).toThrow(/divisions\.csv not found.*build:gazetteer/);
  });
});

describe('short names by rule', () => {
  it.each([
    ['珠海市', 'prefecture', '珠海'],
    ['广西壮族自治区', 'province', '广西'],
    ['内蒙古自治区', 'province', '内蒙古'],
    ['宁夏回族自治区', 'province', '宁夏'],
    ['新疆维吾尔自治区', 'province', '新疆'],
    ['西藏自治区', 'province', '西藏'],
    ['香港特别行政区', 'province', '香港'],
    ['黔东南苗族侗族自治州', 'prefecture', '黔东南'],
    ['黔西南布依族苗族自治州', 'prefecture', '黔西南'],
    ['文山壮族苗族自治州', 'prefecture', '文山'],
    ['伊犁哈萨克自治州', 'prefecture', '伊犁'],
    ['海西蒙古族藏族自治州', 'prefecture', '海西'],
    ['大兴安岭地区', 'prefecture', '大兴安岭'],
    ['锡林郭勒盟', 'prefecture', '锡林郭勒'],
    ['白沙黎族自治县', 'county', '白沙'],
    ['保亭黎族苗族自治县', 'county', '保亭'],
    ['莫力达瓦达斡尔族自治旗', 'county', '莫力达瓦'],
    ['浦东新区', 'county', '浦东'],
    ['神农架林区', 'county', '神农架'],
    ['六枝特区', 'county', '六枝'],
    ['金林区', 'county', '金林'],
    ['雷州市', 'county', '雷州'],
    // one character left: the full name stays the short name
    ['沛县', 'county', '沛县'],
    ['城区', 'county', '城区'],
    ['芒市', 'county', '芒市'],
    // nothing but an ethnic name left
    ['鄂伦春自治旗', 'county', '鄂伦春自治旗'],
  ] as const)('%s → %s', (name, level, short) => {
    expect(shortName(name, level)).toBe(short);
  });

  it('never yields a one-character short name', () => {
    expect(gaz.places.filter((p) => p.short.length < 2)).toEqual([]);
  });
});

describe('lookup', () => {
  it('finds full, short, derived and alias forms', () => {
    expect(gaz.lookup('湛江').map((p) => p.code)).toEqual(['440800']);
    expect(gaz.lookup('湛江市').map((p) => p.code)).toEqual(['440800']);
    expect(gaz.lookup('黔东南州').map((p) => p.code)).toEqual(['522600']);
    expect(gaz.lookup('琼中县').map((p) => p.code)).toEqual(['469030']);
    expect(gaz.lookup('襄樊').map((p) => p.code)).toEqual(['420600']);
    expect(gaz.lookup('鄂伦春旗').map((p) => p.code)).toEqual(['150723']);
  });

  it('returns every unit sharing a form', () => {
    expect(gaz.lookup('吉林').map((p) => p.code).sort()).toEqual(['220000', '220200']);
    expect(gaz.lookup('朝阳区').map((p) => p.code).sort()).toEqual(['110105', '220104']);
    expect(gaz.lookup('不存在')).toEqual([]);
  });
});

describe('resolve', () => {
  it('prefers the province for a name shared with a prefecture (吉林, 海南)', () => {
    expect(gaz.resolve('吉林')?.code).toBe('220000');
    expect(gaz.resolve('海南')?.code).toBe('460000');
  });

  it('finds prefectures by short name', () => {
    expect(gaz.resolve('广州')).toMatchObject({ code: '440100', name: '广州市', level: 'prefecture', parent: '440000' });
    expect(gaz.resolve('湛江')?.parent).toBe('440000');
    expect(gaz.resolve('黔南')?.name).toBe('黔南布依族苗族自治州');
  });

  it('prefers a full-name match (吉林市 is the city)', () => {
    expect(gaz.resolve('吉林市')?.code).toBe('220200');
  });

  it('resolves the county-level city 雷州市 under 湛江', () => {
    const p = gaz.resolve('雷州市');
    expect(p).toMatchObject({ code: '440882', level: 'county', parent: '440800' });
    expect(gaz.resolve('雷州')?.code).toBe('440882');
  });

  it('lets `within` decide between namesakes', () => {
    expect(gaz.resolve('白云区', '440000')?.code).toBe('440111');
    expect(gaz.resolve('白云区', '520100')?.code).toBe('520113');
    expect(gaz.resolve('朝阳区', '220000')?.code).toBe('220104');
    expect(gaz.resolve('海南', '630000')?.code).toBe('632500'); // 海南藏族自治州 in a Qinghai plan
    expect(gaz.resolve('中山', '210200')?.code).toBe('210202'); // 中山区 of 大连
    expect(gaz.resolve('中山')?.code).toBe('442000');
  });

  it('trims and returns undefined for unknown names', () => {
    expect(gaz.resolve(' 茂名 ')?.code).toBe('440900');
    expect(gaz.resolve('粤西')).toBeUndefined();
  });
});

describe('hierarchy helpers', () => {
  it('ancestors: nearest first', () => {
    expect(ancestors('440882').map((p) => p.name)).toEqual(['湛江市', '广东省']);
    expect(ancestors('440000')).toEqual([]);
    expect(ancestors('469005').map((p) => p.code)).toEqual(['460000']);
  });

  it('childrenOf: in code order', () => {
    const zj = childrenOf('440800').map((p) => p.name);
    expect(zj).toEqual(['赤坎区', '霞山区', '坡头区', '麻章区', '遂溪县', '徐闻县', '廉江市', '雷州市', '吴川市']);
    expect(childrenOf('460000').map((p) => p.name)).toContain('文昌市');
  });

  it('fullNameOf', () => {
    expect(fullNameOf('湛江')).toBe('湛江市');
    expect(fullNameOf('广西')).toBe('广西壮族自治区');
    expect(fullNameOf('黔东南')).toBe('黔东南苗族侗族自治州');
    expect(fullNameOf('白云', '440100')).toBe('白云区');
    expect(fullNameOf('无此地')).toBeUndefined();
  });

  it('isWithin follows the parent chain', () => {
    expect(gaz.isWithin('440882', '440000')).toBe(true);
    expect(gaz.isWithin('440882', '440800')).toBe(true);
    expect(gaz.isWithin('440882', '450000')).toBe(false);
  });
});
