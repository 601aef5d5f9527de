// Facts: past statistics on real sentences of the sample plans (000 前言 and 发展基础, 001 前言).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings';
import { extractFacts } from './facts';
import { extractTargets } from './targets';
import { ctx, inBackground, META, planOf } from './testing/plans';

const row = (f: Finding<'fact'>) => [f.data.indicator, f.data.year, f.data.value, f.data.unit];

describe('000 粤西', () => {
  it('前言: areas and population with their shares of the province (占全省的17.7%)', () => {
    const doc = planOf(['粤西地区经济社会发展规划纲要（2011—2015年）', '前言', '粤西地区包括湛江、茂名、阳江三个地级市。2010年，该区域总面积3.17万平方公里，占全省的17.7%；常住人口1526万人，占全省的14.6%。', '一、发展背景', '（一）发展基础。', '经济综合实力明显提升。'], META.yuexi);
    expect(extractFacts(doc, ctx).map(row)).toEqual([
      ['总面积', 2010, 3.17, '万平方公里'],
      ['总面积占全省比重', 2010, 17.7, '%'],
      ['常住人口', 2010, 1526, '万人'],
      ['常住人口占全省比重', 2010, 14.6, '%'],
    ]);
    expect(extractTargets(doc, ctx)).toEqual([]);
  });

  it('发展基础: growth over 2006－2010 and the 2010 level of the same indicator', () => {
    const facts = extractFacts(planOf(inBackground(['经济综合实力明显提升。2006－2010年，粤西地区生产总值年均增长12.7%，超过全省平均水平，2010年达3537亿元；人均生产总值年均增长12.0%，2010年达23239元。']), META.yuexi), ctx);
    expect(facts.map(row)).toEqual([
      ['地区生产总值年均增长率', 2010, 12.7, '%'],
      ['地区生产总值', 2010, 3537, '亿元'],
      ['人均生产总值年均增长率', 2010, 12, '%'],
      ['人均生产总值', 2010, 23239, '元'],
    ]);
    expect(facts[0].data.scope).toBe('粤西地区');
  });

  it('a ratio history: 从2005年的…调整为2010年的…', () => {
    const facts = extractFacts(planOf(inBackground(['产业结构进一步优化。三次产业结构从2005年的23.8∶40.0∶37.2调整为2010年的 19.9∶40.7∶39.4。']), META.yuexi), ctx);
    expect(facts.map(row)).toEqual([
      ['三次产业结构', 2005, '23.8:40.0:37.2', 'ratio'],
      ['三次产业结构', 2010, '19.9:40.7:39.4', 'ratio'],
    ]);
  });

  it('the year of the paragraph for the sentences after it; 其中 items; 30万吨级 is a name', () => {
    const facts = extractFacts(planOf(inBackground(['基础设施建设取得新突破。2010年，公路通车里程达4.46万公里，其中高速公路513公里。湛江港30万吨级航道、阳江港续建工程等重大项目相继建成投产，集装箱吞吐能力25万标箱。电源装机达531万千瓦，其中清洁电源101万千瓦。']), META.yuexi), ctx);
    expect(facts.map(row)).toEqual([
      ['公路通车里程', 2010, 4.46, '万公里'],
      ['高速公路', 2010, 513, '公里'],
      ['集装箱吞吐能力', 2010, 25, '万标箱'],
      ['电源装机', 2010, 531, '万千瓦'],
      ['清洁电源', 2010, 101, '万千瓦'],
    ]);
    expect(facts[1].data.canonical).toBe('expressway_length');
  });
});

describe('001 湛茂', () => {
  it('前言 with spaces around numbers: a year for what follows it in the sentence, none before it', () => {
    const doc = planOf(['湛茂都市圈发展规划', '前言', '湛茂都市圈包括湛江、茂名两市全域，土地总面积 2.47 万平方公里，2022 年地区生产总值达 7617 亿元，常住人口 1327 万人，具备建设现代化都市圈的基本条件。', '第一章 发展背景', '第一节 发展基础', '区位优势突出。'], META.zhanmao);
    expect(extractFacts(doc, ctx).map(row)).toEqual([
      ['土地总面积', null, 2.47, '万平方公里'],
      ['地区生产总值', 2022, 7617, '亿元'],
      ['常住人口', 2022, 1327, '万人'],
    ]);
  });

  it('发展基础: counts of what the region has (七个, 7 个…和 40 个…), not 之一 or 被列入', () => {
    const doc = planOf(
      [
        '第一章 发展背景',
        '第一节 发展基础',
        '初步建成现代化临港重化产业基地。湛江港是全国沿海 12 个战略枢纽港之一，拥有七个投资超百亿美元的重大临港产业项目，赋予都市圈较强的发展动力。',
        '特色优势农业发展势头良好。建成甘蔗、剑麻、荔枝等 7 个国家现代农业产业园和 40 个省级现代农业产业园。湛江傩舞、雷剧等 12 个文化项目被列入国家非物质文化遗产名录。',
        '第二节 存在问题',
        '产业发展亟待转型升级。',
      ],
      META.zhanmao,
    );
    expect(extractFacts(doc, ctx).map(row)).toEqual([
      ['投资超百亿美元的重大临港产业项目', null, 7, '个'],
      ['国家现代农业产业园', null, 7, '个'],
      ['省级现代农业产业园', null, 40, '个'],
    ]);
    expect(extractTargets(doc, ctx)).toEqual([]);
  });
});
