// Work reports (政府工作报告) and action documents, written for this test in the style of national and
// provincial reports: their numbers without a year belong to the report's own year or to the part they
// stand in (一、2025年工作回顾 looks back, 三、2026年重点工作 forward), 今年 is the report's year, and a
// difference from last year restates the level just read.
import { describe, expect, it } from 'vitest';
import { parsePlan, planTextFromString } from '../parse/index';
import { planStatements } from './statements';
import { ctx, docIn, gazetteer } from './testing/plans';

const row = (s: { indicator: string; year: number | null; value: number | string | null; unit: string | null; comparator: string }) => [s.indicator, s.year, s.value, s.unit, s.comparator];

describe('a work report parsed whole: frame from the document itself', () => {
  const text = [
    '某省2026年政府工作报告',
    '——2026年1月20日在某省第十四届人民代表大会第五次会议上',
    '某省省长 王某',
    '各位代表：',
    '现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员提出意见。',
    '一、2025年工作回顾',
    '过去一年，全省地区生产总值增长5.2%，城镇新增就业52万人，粮食产量1300万吨。',
    '二、“十五五”时期主要目标任务',
    '力争“十五五”时期地区生产总值年均增长5%左右，到2030年研发经费投入强度达到2.8%。',
    '三、2026年重点工作',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上，居民消费价格涨幅2%左右。',
    '（一）扩大有效投资。实施省级重点项目500个，完成年度投资3000亿元以上。新增规模以上工业企业800家。',
  ].join('\n');
  const doc = parsePlan(planTextFromString(text, '某省2026年政府工作报告.txt'), gazetteer);
  const st = planStatements(doc, ctx);
  const future = st.filter((s) => s.tense === 'future').map(row);
  const past = st.filter((s) => s.tense === 'past').map(row);

  it('reads the report year from the title and the frame from the parts', () => {
    expect(doc.meta.frame.docType).toBe('report');
    expect(doc.meta.frame.currentYear).toBe(2026);
    expect(doc.meta.period).toEqual([2026, 2030]);
  });

  it('the review part gives facts of 2025, the forward parts targets of 2026 and 2030', () => {
    expect(past).toEqual(expect.arrayContaining([['城镇新增就业', 2025, 52, '万人', 'eq']]));
    expect(future).not.toContainEqual(expect.arrayContaining([52]));
    expect(future).toEqual(
      expect.arrayContaining([
        ['地区生产总值年均增长率', 2030, 5, '%', 'approx'],
        ['研发经费投入强度', 2030, 2.8, '%', 'eq'],
        ['地区生产总值增长率', 2026, 5, '%', 'approx'],
        ['城镇新增就业', 2026, 50, '万人', 'ge'],
        ['实施省级重点项目', 2026, 500, '个', 'eq'],
        ['新增规模以上工业企业', 2026, 800, '家', 'eq'],
      ]),
    );
  });

  it('no time word in an indicator (今年…)', () => {
    expect(st.map((s) => s.indicator).filter((i) => /今年|明年/.test(i))).toEqual([]);
  });
});

describe('a difference from last year restates the level just read', () => {
  it('赤字规模…，比上年增加…: one target, the level', () => {
    const doc = docIn(['赤字规模5.2万亿元，比上年增加1.1万亿元；一般公共预算收入比上年增长3%。'], 'report');
    const t = planStatements(doc, ctx).filter((s) => s.tense === 'future').map(row);
    expect(t).toContainEqual(['赤字规模', 2026, 5.2, '万亿元', 'eq']);
    expect(t.filter((r) => r[2] === 1.1)).toEqual([]);
    // a growth rate against last year is a target of its own
    expect(t.map((r) => r[2])).toContain(3);
  });
});

describe('policy parameters in an action document', () => {
  it('a reward or a subsidy cap is no target; the goal beside it is', () => {
    const line = '到2025年，新培育省级专精特新中小企业1000家以上，对新认定的企业给予一次性奖励20万元。';
    const doc = docIn([line], 'policy');
    const at = doc.text.text.indexOf(line);
    const t = planStatements(doc, ctx).filter((s) => s.tense === 'future' && s.start >= at);
    expect(t.map((s) => [s.value, s.unit])).toEqual([[1000, '家']]);
  });
});

describe('evidence: where each target’s year was read', () => {
  const text = ['某省2026年政府工作报告', '各位代表：', '现在，我代表省人民政府向大会报告工作，请予审议。', '一、2025年工作回顾', '全省经济平稳运行。', '二、“十五五”时期主要目标', '到2030年，研发经费投入强度达到2.8%。', '三、2026年重点工作', '城镇新增就业50万人以上。'].join('\n');
  const doc = parsePlan(planTextFromString(text), gazetteer);
  const st = planStatements(doc, ctx).filter((s) => s.tense === 'future');
  const yearQuote = (value: number) => {
    const s = st.find((x) => x.value === value)!;
    return s.evidence.filter((e) => e.role === 'year').map((e) => text.slice(e.start, e.end));
  };
  it('the year in the sentence, or the heading of the part the sentence stands in', () => {
    expect(yearQuote(2.8)).toEqual(['2030年']);
    expect(yearQuote(50)).toEqual(['2026年']);
    expect(st.find((x) => x.value === 50)!.flags).toContain('year_implied');
  });
});

describe('past results in a forward part', () => {
  it('去年… in 2026年重点工作 is a fact; 比上年增长 is not a past marker', () => {
    const line = '去年全省地区生产总值增长5.2%。今年一般公共预算收入比上年增长3%左右。';
    const doc = docIn([line], 'report');
    const at = doc.text.text.indexOf(line);
    const st = planStatements(doc, ctx).filter((s) => s.start >= at);
    expect(st.filter((s) => s.tense === 'future').map((s) => s.value)).toEqual([3]);
    expect(st.filter((s) => s.tense === 'past').map((s) => [s.value, s.year])).toEqual([[5.2, 2025]]);
    expect(st.find((s) => s.value === 3)!.year).toBe(2026);
  });
});
