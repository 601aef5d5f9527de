// The time frame of documents of several kinds: the sample plans (000–004) and texts written for
// this test in the style of a district 十五五 plan, a work report and an action document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../places/index';
import { parsePlan, planTextFromString } from './index';
import { partAt, readDocType } from './timeframe';

const gazetteer = loadGazetteer();
const parse = (lines: string[], name = 'doc.txt') => parsePlan(planTextFromString(lines.join('\n'), name), gazetteer);
const sample = (id: string) => parsePlan(planTextFromString(readFileSync(new URL(`../../data/plans/${id}.txt`, import.meta.url), 'utf8'), `${id}.md`), gazetteer);

describe('kind of document', () => {
  it('by the last words of its title', () => {
    expect(readDocType('', '粤西地区经济社会发展规划纲要（2011—2015年）')).toBe('plan');
    expect(readDocType('', '陕西省2026年政府工作报告')).toBe('report');
    expect(readDocType('', '某省关于加快发展先进制造业的实施意见')).toBe('policy');
    expect(readDocType('', '某省制造业数字化转型行动计划（2024—2026年）')).toBe('policy');
  });
  it('a report without a title line, by its opening', () => {
    expect(readDocType('各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。', null)).toBe('report');
    expect(readDocType('为加快发展，制定本方案。', null)).toBe('unknown');
  });
});

describe('plans', () => {
  it('the period stated in the body, the outlook after it (001 湛茂: 规划期为 2023—2030 年，展望至 2035 年)', () => {
    const f = sample('001_240daae8c4bbf10a').meta.frame;
    expect([f.docType, f.period, f.horizon]).toEqual(['plan', [2023, 2030], 2035]);
    expect(f.milestones).toEqual(expect.arrayContaining([2025, 2030]));
  });

  it('a title split over two headings (003 江门西部: # … / ## （2019—2035年）)', () => {
    const doc = sample('003_ca6215b141ec9a21');
    expect(doc.meta.period).toEqual([2019, 2035]);
    expect(doc.meta.horizon).toBeNull();
    const ev = doc.meta.evidence.find((e) => e.field === 'period')!;
    expect(doc.text.text.slice(ev.start, ev.end)).toContain('2019—2035');
  });

  it('a 十五五 plan whose period is only in the body, and a goal year after it as the outlook (other plans)', () => {
    const doc = parse(['某区国民经济和社会发展规划纲要', '“十五五”时期(2026-2030年)是全区高质量发展的关键时期。', '一、发展目标', '到2030年，全区经济实力明显提升。到2035年，基本建成国际化城区。', '二、重点任务', '加快发展。']);
    expect([doc.meta.frame.docType, doc.meta.period, doc.meta.horizon]).toEqual(['plan', [2026, 2030], 2035]);
  });

  it('the five-year plan named in the title (第十五个五年)', () => {
    const doc = parse(['某市国民经济和社会发展第十五个五年规划纲要', '第一章 发展目标', '经济实力明显增强。']);
    expect(doc.meta.period).toEqual([2026, 2030]);
  });
});

describe('work reports', () => {
  const doc = parse([
    '某省2026年政府工作报告',
    '——2026年1月20日在某省第十四届人民代表大会第五次会议上',
    '各位代表：',
    '现在，我代表省人民政府向大会报告工作，请予审议。',
    '一、2025年工作回顾',
    '全省经济平稳运行。',
    '二、“十五五”时期主要目标任务',
    '到2030年，研发经费投入强度达到2.8%。',
    '三、2026年重点工作',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。',
  ]);
  const f = doc.meta.frame;
  const at = (s: string) => partAt(f, doc.text.text.indexOf(s));

  it('its own year from the title, its period to the last goal year', () => {
    expect([f.docType, f.currentYear, f.period, f.horizon]).toEqual(['report', 2026, [2026, 2030], null]);
  });

  it('parts looking back and forward, each with its year and the heading that says so', () => {
    expect(at('全省经济平稳运行')).toMatchObject({ tense: 'past', year: 2025 });
    expect(at('研发经费投入强度')).toMatchObject({ tense: 'future', year: 2030 });
    const p = at('地区生产总值增长')!;
    expect(p).toMatchObject({ tense: 'future', year: 2026 });
    expect(doc.text.text.slice(p.evidence.start, p.evidence.end)).toBe('2026年');
  });
});

describe('action documents', () => {
  it('from the issue year to the goal year the document names (a 实施意见 wrapped in its notice)', () => {
    const doc = parse([
      '某省人民政府办公厅关于印发某省推进跨境贸易便利化实施意见的通知',
      '各市人民政府，省政府各部门：',
      '现将《某省推进跨境贸易便利化实施意见》印发给你们，请认真贯彻执行。',
      '某省人民政府办公厅',
      '2022年3月23日',
      '一、发展目标',
      '到2024年，进出口整体通关时间压缩三分之一。',
      '二、重点任务',
      '（一）优化通关流程。',
    ]);
    expect(doc.meta.frame.docType).toBe('policy');
    expect(doc.meta.period).toEqual([2022, 2024]);
    expect(partAt(doc.meta.frame, doc.text.text.indexOf('优化通关流程'))).toMatchObject({ tense: 'future' });
  });

  it('a document for one year (某市2025年度…考评办法) runs through that year', () => {
    const doc = parse(['某市2025年度高质量发展考评办法', '第一条 为推动高质量发展，制定本办法。', '第二条 考评内容包括经济发展、创新驱动两个方面。']);
    expect([doc.meta.frame.docType, doc.meta.frame.currentYear, doc.meta.period]).toEqual(['policy', 2025, [2025, 2025]]);
  });

  it('a title period wins: （2024—2026年）', () => {
    const doc = parse(['某省制造业数字化转型行动计划（2024—2026年）', '一、总体目标', '到2025年，培育5家工业互联网平台。']);
    expect(doc.meta.period).toEqual([2024, 2026]);
  });
});

describe('headings that name a task are not looks back', () => {
  it('打好新兴产业发展基础 looks forward; 发展基础 looks back', () => {
    const doc = parse(['某市发展规划（2021—2035年）', '一、发展基础', '经济总量稳步增长。', '二、重点任务', '（一）打好新兴产业发展基础', '培育龙头企业。']);
    const f = doc.meta.frame;
    expect(partAt(f, doc.text.text.indexOf('经济总量'))?.tense).toBe('past');
    expect(partAt(f, doc.text.text.indexOf('培育龙头企业'))?.tense).toBe('future');
  });
});
