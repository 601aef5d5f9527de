// Numbers as the sample plans write them (and as other plans do): values, units, ranges, ratios,
// and the numbers that only name things.
import { describe, expect, it } from 'vitest';
import { matchUnit, parseNumber, scanQuantities, type Quantity } from './numbers';

const scan = (s: string) => scanQuantities(s).map((q) => ({ raw: q.raw, value: q.value, range: q.range, unit: q.unit, role: q.role }));
const measures = (s: string): Quantity[] => scanQuantities(s).filter((q) => q.role === 'measure');

describe('parseNumber', () => {
  it('Arabic with thousands separators and decimals, full-width digits', () => {
    expect(parseNumber('6340')).toBe(6340);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1，200')).toBe(1200);
    expect(parseNumber('１２３４５')).toBe(12345);
    expect(parseNumber('４７．２')).toBe(47.2);
  });
  it('Chinese numerals', () => {
    expect(parseNumber('一')).toBe(1);
    expect(parseNumber('两')).toBe(2);
    expect(parseNumber('十二')).toBe(12);
    expect(parseNumber('一百')).toBe(100);
    expect(parseNumber('零')).toBe(0);
  });
  it('not numbers', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('三核')).toBeNull();
    expect(parseNumber('12a')).toBeNull();
  });
});

describe('scanQuantities: values and units (000, 001, 002)', () => {
  it('万/亿 stay inside the unit; %, ‰; compound units', () => {
    expect(scan('粤西地区生产总值达到6340亿元，年均增长12.5%以上')).toEqual([
      { raw: '6340亿元', value: 6340, range: null, unit: '亿元', role: 'measure' },
      { raw: '12.5%', value: 12.5, range: null, unit: '%', role: 'measure' },
    ]);
    expect(measures('集装箱吞吐量达到1000万标箱')[0]).toMatchObject({ value: 1000, unit: '万标箱' });
    expect(measures('新增城镇就业岗位38.4万人')[0]).toMatchObject({ value: 38.4, unit: '万人' });
    expect(measures('电源装机达531万千瓦')[0]).toMatchObject({ value: 531, unit: '万千瓦' });
    expect(measures('港口货物吞吐能力超过3亿吨')[0]).toMatchObject({ value: 3, unit: '亿吨' });
    expect(measures('人口自然增长率控制在8.5‰以内')[0]).toMatchObject({ value: 8.5, unit: '‰' });
    expect(measures('形成2300万吨/年炼油')[0]).toMatchObject({ value: 2300, unit: '万吨/年' });
    expect(measures('年专利授权量达到230件/百万人')[0]).toMatchObject({ value: 230, unit: '件/百万人' });
    expect(measures('防洪防潮标准达到100年一遇')[0]).toMatchObject({ value: 100, unit: '年一遇', role: 'measure' });
    expect(measures('比2015年提高5.5个百分点')[0]).toMatchObject({ value: 5.5, unit: '个百分点' });
  });

  it('spaces around numbers (001 from PDF)', () => {
    expect(measures('常住人口城镇化率达到约 57%')[0]).toMatchObject({ value: 57, unit: '%' });
    expect(measures('主线长 601.35 公里')[0]).toMatchObject({ value: 601.35, unit: '公里' });
    expect(measures('控制在 1.6 以内')[0]).toMatchObject({ value: 1.6, unit: null });
  });

  it('ratios with U+2236, : and ：', () => {
    expect(measures('三次产业比例达到13∶47∶40')[0]).toMatchObject({ value: '13:47:40', unit: 'ratio' });
    expect(measures('从2005年的23.8∶40.0∶37.2')[0]).toMatchObject({ value: '23.8:40.0:37.2' });
    expect(measures('轻重工业比例为31:69，城乡收入比2.1：1')).toMatchObject([{ value: '31:69' }, { value: '2.1:1' }]);
  });

  it('ranges: 1－2个, 5-10家, 6.5%－7%, 3—5个, 一至两个', () => {
    expect(measures('建设1－2个大型修造船项目')[0]).toMatchObject({ value: 1, range: [1, 2], unit: '个' });
    expect(measures('培育5-10家龙头企业')[0]).toMatchObject({ range: [5, 10], unit: '家' });
    expect(measures('年均增长6.5%－7%')[0]).toMatchObject({ value: 6.5, range: [6.5, 7], unit: '%' });
    expect(measures('新建3—5个产业园')[0]).toMatchObject({ range: [3, 5], unit: '个' });
    expect(measures('建设一至两个物流基地')[0]).toMatchObject({ value: 1, range: [1, 2], unit: '个', written: 'chinese' });
  });

  it('Chinese numerals before a counting unit only (一所, 七个), and 多/余 as about', () => {
    expect(measures('每个市最少有一所标准化特殊教育学校')[0]).toMatchObject({ value: 1, unit: '所', written: 'chinese' });
    expect(measures('拥有七个投资超百亿美元的重大临港产业项目')[0]).toMatchObject({ value: 7, unit: '个' });
    expect(measures('引进企业300多家')[0]).toMatchObject({ value: 300, unit: '家', approx: true });
    expect(scan('构建“三核、四轴、两屏”的国土开发格局')).toEqual([]);
    expect(scan('属我省“十二五”区域规划')).toEqual([]);
    expect(scan('加快破除城乡二元结构，走进千家万户')).toEqual([]);
  });
});

describe('scanQuantities: numbers that name things', () => {
  const roles = (s: string) => scanQuantities(s).map((q) => q.role);
  it('years and periods', () => {
    expect(roles('到2015年，')).toEqual(['year']);
    expect(roles('到 2030 年，')).toEqual(['year']);
    expect(roles('2013年末常住人口5228万人')).toEqual(['year', 'measure']);
    expect(roles('2006－2010年，粤西地区')).toEqual(['period']);
    expect(roles('规划期为 2023—2030 年')).toEqual(['period']);
    expect(roles('规划期为2014至2020年')).toEqual(['period']);
    expect(roles('2014年7月20日')).toEqual(['year', 'date', 'date']);
  });
  it('ordinals, ranks, labels, classes', () => {
    expect(roles('支持湛江办好第14届省运会')).toEqual(['ordinal']);
    expect(roles('发挥湛江作为 21 世纪海上丝绸之路战略支点城市')).toEqual(['ordinal']);
    expect(roles('大力引进世界500强、中国100强')).toEqual(['rank', 'rank']);
    expect(roles('茂名博贺电厂3、4号2×1000MW机组工程')).toEqual(['label', 'label', 'label', 'label']);
    expect(roles('有序推进5G网络建设，G207、F5G、4E干线机场、2#EVA')).toEqual(['label', 'label', 'label', 'label', 'label']);
    expect(roles('可吸入颗粒物（10）、细颗粒物（PM2.5）')).toEqual(['label', 'label']);
    expect(roles('国发〔2009〕42号')).toEqual(['label', 'label']);
    expect(roles('湛江港30万吨级航道、千万吨级现代化绿色钢铁生产基地')).toEqual(['class', 'class']);
    expect(roles('打通人才服务基层“最后一公里”，落实“1310”具体部署')).toEqual(['label', 'label']);
  });
});

describe('matchUnit', () => {
  it('longest unit, magnitude kept, denominators', () => {
    expect(matchUnit('万平方公里', 0)?.unit).toBe('万平方公里');
    expect(matchUnit('千米', 0)?.unit).toBe('千米');
    expect(matchUnit(' 万人次', 0)?.unit).toBe('万人次');
    expect(matchUnit('亿千瓦时', 0)?.unit).toBe('亿千瓦时');
    expect(matchUnit('微克/立方米', 0)?.unit).toBe('微克/立方米');
    expect(matchUnit('个百分点', 0)?.unit).toBe('个百分点');
    expect(matchUnit('发展', 0)).toBeNull();
  });
});
