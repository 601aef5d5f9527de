// Metadata rules on real sentences (the three sample plans are checked in samples.test.ts).
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../places/index.js';
import { parsePlan, planTextFromString } from './index.js';
import { inferIssuer, readPeriod, readScope, readSignature, readTitle } from './meta.js';
import { fakeGazetteer } from './testing/fake-gazetteer.js';

const gaz = loadGazetteer();
const meta = (text: string) => parsePlan(planTextFromString(text), gaz).meta;

describe('title', () => {
  it('from the 《》 of the notice, not the title line written with another dash', () => {
    const text = '印发粤西地区经济社会发展规划纲要（2011—2015年）的通知\n现将《粤西地区经济社会发展规划纲要（2011—2015年）》印发给你们，请认真组织实施。\n粤西地区经济社会发展规划纲要（2011－2015年）\n';
    expect(readTitle(text, text.length, null)?.text).toBe('粤西地区经济社会发展规划纲要（2011—2015年）');
  });
  it('from the 附件 header of a one-line text, before the date', () => {
    const text = '附件珠江—西江经济带发展规划2014年7月-2-目录前言1第一章发展背景2';
    expect(readTitle(text, text.length, null)?.text).toBe('珠江—西江经济带发展规划');
  });
  it('from a title line', () => {
    expect(readTitle('\n\n湛茂都市圈发展规划\n\n目 录\n', 20, null)?.text).toBe('湛茂都市圈发展规划');
  });
  it('from a Markdown heading line, without its # mark (003; also what heading styles of HTML and DOCX become)', () => {
    const text = '\n\n# 江门市西部发展区发展战略规划\n\n## （2019—2035年）\n';
    expect(readTitle(text, text.length, null)?.text).toBe('江门市西部发展区发展战略规划');
  });
});

describe('signature, document number, issue date', () => {
  const front = [
    '印发粤西地区经济社会发展规划纲要（2011—2015年）的通知', '发布日期:2018-01-13 ', '', '粤府〔2011〕152号 ',
    '现将《粤西地区经济社会发展规划纲要（2011—2015年）》印发给你们，请认真组织实施。实施中遇到的问题，请径向省发展改革委反映。',
    '　　　　　　　　　　广东省人民政府　　　　　　　　　　二○一一年十二月三十一日',
    '粤西地区经济社会发展规划纲要（2011－2015年）', '二○一一年十二月', '前　言',
    '为落实省委、省政府《关于促进粤西地区振兴发展的指导意见》（粤发〔2009〕15号）的部署，制定本规划纲要。',
  ].join('\n');
  it('reads the signature line: issuer and date (not the web 发布日期)', () => {
    const sig = readSignature(front, front.indexOf('前　言'), null)!;
    expect(sig.orgs.map((o) => o.name)).toEqual(['广东省人民政府']);
    expect(sig.date).toBe('2011-12-31');
  });
  it('takes the document number of the header, not one cited in the body', () => {
    const m = meta(front);
    expect(m.docNumber).toBe('粤府〔2011〕152号');
    expect(m.issued).toBe('2011-12-31');
  });
  it('without a signature, the date under the title; never a 发布日期', () => {
    expect(meta('附件珠江—西江经济带发展规划2014年7月-2-前言珠江—西江经济带横贯广东、广西。').issued).toBe('2014-07');
    expect(meta('发布日期:\n2018年1月13日\n湛茂都市圈发展规划\n前　言\n湛茂都市圈位于广东省西南部沿海。').issued).toBeNull();
  });
  it('a signature naming two issuers', () => {
    const text = '国家发展改革委　自然资源部\n2021年10月8日\n前言\n';
    expect(readSignature(text, text.indexOf('前言'), null)?.orgs.map((o) => o.name)).toEqual(['国家发展改革委', '自然资源部']);
  });
});

describe('period and horizon', () => {
  it.each([
    ['本规划纲要规划期从2011至2015年，属我省“十二五”区域规划。', [2011, 2015], null],
    ['规划期为 2023—2030 年，展望至 2035 年。', [2023, 2030], 2035],
    ['规划期为2014至2020年，展望到2030年。1第一章发展背景', [2014, 2020], 2030],
    ['本规划的期限为2021年至2025年，远景展望到2035年。', [2021, 2025], 2035],
  ])('%s', (sentence, period, horizon) => {
    const m = meta(`前言\n${sentence}\n`);
    expect(m.period).toEqual(period);
    expect(m.horizon).toBe(horizon);
  });
  it('from the title when the text states no period: （2011—2015年）, “十四五”', () => {
    expect(readPeriod('', { text: '粤西地区经济社会发展规划纲要（2011—2015年）', start: 0, end: 0 })).toMatchObject({ from: 2011, to: 2015 });
    expect(readPeriod('', { text: '广东省“十四五”海洋经济发展规划', start: 0, end: 0 })).toMatchObject({ from: 2021, to: 2025 });
  });
});

describe('scope and extension', () => {
  it('粤西地区包括湛江、茂名、阳江三个地级市 → full names', () => {
    const text = '粤西地区包括湛江、茂名、阳江三个地级市。2010年，该区域总面积3.17万平方公里。';
    expect(readScope(text, text.length, '粤西地区经济社会发展规划纲要（2011—2015年）', gaz)?.places.map((p) => p.name)).toEqual(['湛江市', '茂名市', '阳江市']);
  });
  it('规划范围包括广东省的…和广西壮族自治区的…: the prefectures, not the provinces', () => {
    const text = '规划范围包括广东省的广州、佛山、肇庆、云浮4市和广西壮族自治区的南宁、柳州、梧州、贵港、百色、来宾、崇左7市，区域面积165万平方公里。';
    expect(readScope(text, text.length, null, gaz)?.places.map((p) => p.name)).toEqual([
      '广州市', '佛山市', '肇庆市', '云浮市', '南宁市', '柳州市', '梧州市', '贵港市', '百色市', '来宾市', '崇左市',
    ]);
  });
  it('ignores a 包括 clause whose subject is not the plan area', () => {
    const text = '一轴。以珠江—西江主干流区域为轴带，包括广州、佛山、肇庆、云浮、梧州、贵港、南宁7市。';
    expect(readScope(text, text.length, '珠江—西江经济带发展规划', gaz)).toBeNull();
  });
  it('延伸区: provinces set the context of the short names after them', () => {
    const m = meta('前言\n同时，根据流域特点，将广西桂林、玉林、贺州、河池等市以及西江上游贵州黔东南、黔南、黔西南、安顺，云南文山、曲靖的沿江部分地区作为规划延伸区。\n');
    expect(m.extension).toEqual([
      '桂林市', '玉林市', '贺州市', '河池市', '黔东南苗族侗族自治州', '黔南布依族苗族自治州', '黔西南布依族苗族自治州', '安顺市', '文山壮族苗族自治州', '曲靖市',
    ]);
  });
  it('works with any Gazetteer implementation (a small fake here)', () => {
    const text = '湛茂都市圈包括湛江、茂名两市全域，土地总面积 2.47 万平方公里。';
    expect(readScope(text, text.length, '湛茂都市圈发展规划', fakeGazetteer())?.places.map((p) => p.code)).toEqual(['440800', '440900']);
  });
});

describe('issuer inferred from the text', () => {
  it('a central agency reporting to the State Council (002)', () => {
    const text = '发展改革委要会同有关部门加强对本规划实施情况的跟踪分析和督促检查，及时向国务院报告重大问题。';
    expect(inferIssuer(text, [], gaz)?.name).toBe('国家发展改革委');
  });
  it('a provincial agency reporting to the provincial government is not a national issuer', () => {
    const text = '省发展改革委要会同有关部门加强对本规划实施情况的跟踪分析，并将实施情况向省政府报告。';
    expect(inferIssuer(text, [], gaz)).toBeNull();
  });
  it('我省 + tasks for 省有关部门 → the province\'s government, province from the covered units (001)', () => {
    const text = '将为我省在推进中国式现代化建设中走在前列提供重要支撑。本分工方案重点对省有关部门的实施责任进行分工。';
    const scope = [gaz.resolve('湛江')!, gaz.resolve('茂名')!];
    expect(inferIssuer(text, scope, gaz)?.name).toBe('广东省人民政府');
  });
});

// Not from the sample plans: the title pattern every prefecture's 十四五 outline uses.
describe('metadata from a 十四五 outline title (other-plan style)', () => {
  it('reads period, outlook, covered unit and level from the title alone', () => {
    const text = '茂名市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n第一章 发展基础\n\n“十三五”时期，全市经济平稳发展。\n';
    const meta = parsePlan(planTextFromString(text), loadGazetteer()).meta;
    expect(meta.period).toEqual([2021, 2025]);
    expect(meta.horizon).toBe(2035);
    expect(meta.scope).toEqual(['茂名市']);
    expect(meta.level).toBe('prefectural');
    const t12 = parsePlan(planTextFromString('粤西地区“十二五”发展规划\n\n一、发展背景\n\n正文。\n'), loadGazetteer()).meta;
    expect(t12.period).toEqual([2011, 2015]);
  });
});
