// Metadata rules on real sentences (the three sample plans are checked in samples.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../ingest/index.js';
import { loadGazetteer } from '../places/index.js';
import { parsePlan, planTextFromString } from './index.js';
import { inferIssuer, readPeriod, readScope, readSignature, readTitle, splitAgencies } from './meta.js';
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
    // (the period on the heading under it is part of the title: 江门市…规划（2019—2035年）)
    expect(readTitle(text, text.length, null)?.text).toBe('江门市西部发展区发展战略规划（2019—2035年）');
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
  it('a list that goes on after a comma with the next province (004 北部湾); the area after it is not a place', () => {
    const text = '规划范围包括广西壮族自治区南宁市、北海市，广东省湛江市、茂名市和海南省海口市、澄迈县，陆域面积11.66万平方公里。';
    expect(readScope(text, text.length, null, gaz)?.places.map((p) => p.name)).toEqual(['南宁市', '北海市', '湛江市', '茂名市', '海口市', '澄迈县']);
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

// ── documents of other shapes (test texts written here in the style of such documents) ──

const ingestMeta = async (text: string, fileName: string) => parsePlan(await ingestBytes(new TextEncoder().encode(text), fileName), gaz).meta;
const fields = (m: ReturnType<typeof meta>) => ({ title: m.title, issuer: m.issuer, docNumber: m.docNumber, issued: m.issued });
const BODY = '坚持以习近平新时代中国特色社会主义思想为指导，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，统筹发展和安全，切实保障和改善民生，为现代化建设作出新的贡献。';

describe('a notice wrapping the document it issues (X关于印发Y的通知)', () => {
  it('web page: title from 《Y》 of the notice, issuer and date from the two-line signature, number on its own line', () => {
    const text = [
      '分享到：', '首页 > 政务公开 > 政策文件',
      '江西省人民政府办公厅关于印发江西省制造业数字化转型行动计划（2024—2026年）的通知',
      '发布时间：2024-04-18 09:30　来源：江西省人民政府办公厅', '赣府厅发〔2024〕9号', '各市、县（区）人民政府，省政府各部门：',
      '《江西省制造业数字化转型行动计划（2024—2026年）》已经省政府同意，现印发给你们，请认真贯彻落实。',
      '江西省人民政府办公厅', '2024年4月12日', '（此件主动公开）', '江西省制造业数字化转型行动计划（2024—2026年）',
      '为加快推进全省制造业数字化转型，制定本行动计划。', '一、总体要求', BODY,
    ].join('\n');
    expect(fields(meta(text))).toEqual({
      title: '江西省制造业数字化转型行动计划（2024—2026年）', issuer: ['江西省人民政府办公厅'], docNumber: '赣府厅发〔2024〕9号', issued: '2024-04-12',
    });
  });
  it('database export: citation header, heading twice without 《》, 〈〉 inside the quoted title, number in brackets', () => {
    const text = [
      '    【法宝引证码】 CLI.13.5551234', '原文链接：https://www.pkulaw.com/lar/0a1b2c3d.html',
      '福建省商务厅关于印发福建省落实外商投资准入特别管理措施(负面清单)工作方案的通知',
      '福建省商务厅关于印发福建省落实外商投资准入特别管理措施（负面清单）工作方案的通知', '', '（闽商务外资〔2023〕15号）', '', '各设区市商务局：', '',
      '　　《福建省落实〈外商投资准入特别管理措施（负面清单）〉 工作方案》现印发给你们，请认真组织实施。', '福建省商务厅', '', '　　2023年6月30日',
      '福建省落实《外商投资准入特别管理措施（负面清单）》工作方案', '', '　　为做好外商投资准入管理工作，制定本方案。', '　　一、工作目标', BODY,
    ].join('\r\n');
    expect(fields(meta(text))).toEqual({
      title: '福建省落实《外商投资准入特别管理措施（负面清单）》工作方案', issuer: ['福建省商务厅'], docNumber: '闽商务外资〔2023〕15号', issued: '2023-06-30',
    });
    // without the formula, the heading's Y as the document's own title line below writes it
    const noFormula = text.split('\r\n').filter((l) => !l.includes('现印发给你们')).join('\r\n');
    expect(meta(noFormula).title).toBe('福建省落实《外商投资准入特别管理措施（负面清单）》工作方案');
  });
  it('heading without 《》 and no quoted title: Y is the title, X the issuer (考评办法 after a municipal notice)', () => {
    const text = [
      '韶关市人民政府办公室关于印发韶关市河长制湖长制工作考评办法的通知', '韶府办〔2022〕15号', '各县（市、区）人民政府，市府直属各单位：',
      '现将韶关市河长制湖长制工作考评办法印发给你们，请认真贯彻执行。', '韶关市人民政府办公室', '2022年6月8日',
      '韶关市河长制湖长制工作考评办法', '第一章　总则', '第一条　为全面推行河长制湖长制，制定本办法。',
    ].join('\n');
    expect(fields(meta(text))).toEqual({ title: '韶关市河长制湖长制工作考评办法', issuer: ['韶关市人民政府办公室'], docNumber: '韶府办〔2022〕15号', issued: '2022-06-08' });
  });
  it('joint notice: issuers glued in the heading, signed one name a line', () => {
    const text = [
      '国家发展改革委国家能源局关于印发《新型电力系统建设行动方案》的通知', '发改能源〔2024〕321号', '各省、自治区、直辖市发展改革委、能源局：',
      '现将《新型电力系统建设行动方案》印发给你们，请结合实际抓好落实。', '国家发展改革委', '国家能源局', '2024年5月20日', '新型电力系统建设行动方案', '一、总体要求', BODY,
    ].join('\n');
    expect(fields(meta(text))).toEqual({ title: '新型电力系统建设行动方案', issuer: ['国家发展改革委', '国家能源局'], docNumber: '发改能源〔2024〕321号', issued: '2024-05-20' });
    const noSignature = text.replace('国家发展改革委\n国家能源局\n2024年5月20日\n', '');
    expect(meta(noSignature).issuer).toEqual(['国家发展改革委', '国家能源局']);
  });
  it('a text flattened to one line: heading glued to its number, signature glued after the last sentence', () => {
    const text = '交通运输部自然资源部关于印发沿海港口布局规划的通知交规划发〔2023〕88号各沿海省、自治区、直辖市交通运输厅（局、委）、自然资源主管部门：现将《沿海港口布局规划》印发给你们，请认真贯彻执行。交通运输部自然资源部2023年9月1日附件沿海港口布局规划目录第一章发展基础1第一章发展基础沿海港口是综合交通运输体系的重要枢纽。';
    expect(fields(meta(text))).toEqual({ title: '沿海港口布局规划', issuer: ['交通运输部', '自然资源部'], docNumber: '交规划发〔2023〕88号', issued: '2023-09-01' });
  });
  it('several issuers in one signature line, names glued together', () => {
    const text = '关于印发《湖南省工业领域碳达峰实施方案》的通知\n湘发改环资〔2024〕118号\n各市州发展改革委、工业和信息化局：\n现将《湖南省工业领域碳达峰实施方案》印发给你们，请认真贯彻落实。\n湖南省发展和改革委员会湖南省工业和信息化厅\n2024年3月5日\n一、总体要求\n';
    expect(meta(text).issuer).toEqual(['湖南省发展和改革委员会', '湖南省工业和信息化厅']);
    const spaced = text.replace('湖南省发展和改革委员会湖南省工业和信息化厅', '湖南省发展和改革委员会　　湖南省工业和信息化厅');
    expect(meta(spaced).issuer).toEqual(['湖南省发展和改革委员会', '湖南省工业和信息化厅']);
  });
  it('a document only cited at the head is not the title; a notice about a 发布 mechanism is its own title', () => {
    const cited = '自《广东省国土空间规划（2021—2035年）》发布实施以来，各地积极推进规划落地。\n广东省国土空间生态修复规划（2021—2035年）\n一、规划背景\n';
    expect(meta(cited).title).toBe('广东省国土空间生态修复规划（2021—2035年）');
    const own = '广东省人民政府关于调整成品油价格发布机制的通知\n粤府〔2023〕5号\n各地级以上市人民政府：\n现就有关事项通知如下。\n广东省人民政府\n2023年4月1日\n一、总体要求\n';
    expect(fields(meta(own))).toEqual({ title: '广东省人民政府关于调整成品油价格发布机制的通知', issuer: ['广东省人民政府'], docNumber: '粤府〔2023〕5号', issued: '2023-04-01' });
  });
  it('a document that is itself an opinion: X关于Y的意见, its date in brackets under the title', () => {
    const text = '中共江西省委 江西省人民政府关于推动农业农村高质量发展的实施意见\n（2023年5月6日）\n为深入贯彻落实党中央决策部署，现提出如下实施意见。\n一、总体要求\n' + BODY;
    expect(fields(meta(text))).toEqual({
      title: '中共江西省委江西省人民政府关于推动农业农村高质量发展的实施意见', issuer: ['中共江西省委', '江西省人民政府'], docNumber: null, issued: '2023-05-06',
    });
  });
});

describe('document number', () => {
  it('one on its own line wins over one cited in the notice', () => {
    const text = '关于印发《成都市公园城市建设实施方案》的通知\n根据《国务院关于支持成都建设践行新发展理念的公园城市示范区的批复》（国函〔2022〕10号），现将《成都市公园城市建设实施方案》印发给你们。\n成府发〔2022〕6号\n一、总体要求\n';
    expect(meta(text).docNumber).toBe('成府发〔2022〕6号');
  });
  it('a cited number is not the document\'s own', () => {
    const text = '成都市公园城市建设实施方案\n为落实《国务院关于支持成都建设践行新发展理念的公园城市示范区的批复》（国函〔2022〕10号），制定本方案。\n一、总体要求\n';
    expect(meta(text).docNumber).toBeNull();
  });
});

describe('web page furniture (分享:, breadcrumbs, 时间：/来源：, photo captions)', () => {
  const report = [
    '分享:', '四川省2026年政府工作报告', '2026年1月20日在四川省第十四届人民代表大会第五次会议上 四川省省长 王某某', '首页', '>', '政务公开', '>', '政府工作报告', '>', '省政府工作报告',
    '四川省2026年政府工作报告', '2026年1月20日在四川省第十四届人民代表大会第五次会议上 四川省省长 王某某', '时间：', '2026-01-28 10:15', '来源：', '四川省人民政府',
    '省长王某某作政府工作报告', '各位代表：', '现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员提出意见。', '一、2025年工作回顾', BODY,
  ];
  it('a provincial report page: title, delivery date and the speaker\'s government', () => {
    expect(fields(meta(report.join('\n')))).toEqual({ title: '四川省2026年政府工作报告', issuer: ['四川省人民政府'], docNumber: null, issued: '2026-01-20' });
  });
  it('the title right under 分享: is read even when the page writes it once', () => {
    const once = [...report.slice(0, 3), ...report.slice(12)].join('\n');
    expect(fields(meta(once))).toEqual({ title: '四川省2026年政府工作报告', issuer: ['四川省人民政府'], docNumber: null, issued: '2026-01-20' });
  });
  it('the breadcrumb before the title is not the title (省政府工作报告)', () => {
    const breadcrumbFirst = [...report.slice(3, 10), ...report.slice(10)].join('\n');
    expect(meta(breadcrumbFirst).title).toBe('四川省2026年政府工作报告');
    const oneLine = ['当前位置：首页 > 政务公开 > 政府工作报告', ...report.slice(10)].join('\n');
    expect(meta(oneLine).title).toBe('四川省2026年政府工作报告');
  });
  it('a web page\'s 发布日期 / 时间 is not the issue date; its 成文日期 is', () => {
    const page = ['首页 > 信息公开 > 规划计划', '规划计划', '发布日期：2022-09-30', '南昌市“十四五”综合交通运输发展规划', '一、发展基础', BODY].join('\n');
    expect(fields(meta(page))).toEqual({ title: '南昌市“十四五”综合交通运输发展规划', issuer: [], docNumber: null, issued: null });
    const table = ['索引号：014500000/2022-00123', '发文机关：南昌市人民政府办公室', '成文日期：2022-09-26', '发文字号：洪府办发〔2022〕88号', '发布日期：2022-09-30', ...page.split('\n').slice(3)].join('\n');
    expect(fields(meta(table))).toEqual({ title: '南昌市“十四五”综合交通运输发展规划', issuer: ['南昌市人民政府办公室'], docNumber: '洪府办发〔2022〕88号', issued: '2022-09-26' });
  });
});

describe('a work report (政府工作报告): issuer from the speaker, issued on the day it was delivered', () => {
  it.each([
    ['national', ['政府工作报告', '——2025年3月5日在第十四届全国人民代表大会第三次会议上', '国务院总理　李强', '各位代表：', '现在，我代表国务院，向大会报告政府工作，请予审议。', '一、2024年工作回顾'], '政府工作报告', '国务院', '2025-03-05'],
    ['provincial, no place before 省长', ['2025年广东省政府工作报告', '——2025年1月14日在广东省第十四届人民代表大会第三次会议上', '省长　王某某', '各位代表：', '一、2024年工作回顾'], '2025年广东省政府工作报告', '广东省人民政府', '2025-01-14'],
    ['municipal', ['广州市2024年政府工作报告', '（2024年1月10日在广州市第十六届人民代表大会第四次会议上）', '广州市市长　郭某某', '各位代表：', '一、2023年工作回顾'], '广州市2024年政府工作报告', '广州市人民政府', '2024-01-10'],
    ['district: the place from the congress', ['政府工作报告', '——2025年1月6日在上海市长宁区第十七届人民代表大会第五次会议上', '区长　张某某', '各位代表：', '一、2024年工作回顾'], '政府工作报告', '上海市长宁区人民政府', '2025-01-06'],
    ['another body: the organisation before the office', ['陕西省人民代表大会常务委员会工作报告', '——2026年1月28日在陕西省第十四届人民代表大会第四次会议上', '陕西省人民代表大会常务委员会主任　某某某', '各位代表：', '一、过去一年的主要工作'], '陕西省人民代表大会常务委员会工作报告', '陕西省人民代表大会常务委员会', '2026-01-28'],
  ])('%s', (_kind, lines, title, issuer, issued) => {
    expect(fields(meta([...lines, BODY].join('\n')))).toEqual({ title, issuer: [issuer], docNumber: null, issued });
  });
  it('no speaker line: the body the report speaks for (我代表省人民政府向大会报告工作), the province from the title', () => {
    const text = ['江西省2025年政府工作报告', '各位代表：', '现在，我代表省人民政府向大会报告工作，请予审议。', '一、2024年工作回顾', BODY].join('\n');
    expect(meta(text).issuer).toEqual(['江西省人民政府']);
    expect(meta(text).scope).toEqual(['江西省']);
  });
});

describe('Markdown and a scraper\'s front matter', () => {
  const district = [
    '---', '标题: 《北京市朝阳区国民经济和社会发展第十五个五年规划纲要》', '文号: -', '发布单位: 北京市朝阳区发展和改革委员会', '发布日期: -', '层级: 区级', '类型: 规划与计划', '官方链接: https://www.example.gov.cn/zhengce/123', '---', '',
    '> 本文由脚本自官方公开页面提取，仅供检索查阅，以官方发布版本为准。', '',
    '# 《北京市朝阳区国民经济和社会发展第十五个五年规划纲要》', '', '“十五五”时期(2026-2030年)是朝阳区全面建设现代化的关键时期。', '', '一、发展基础', '', BODY,
  ].join('\n');
  it('front matter fields are used, - means none; the 类型 line is not the title', () => {
    const m = meta(district);
    expect(fields(m)).toEqual({ title: '北京市朝阳区国民经济和社会发展第十五个五年规划纲要', issuer: ['北京市朝阳区发展和改革委员会'], docNumber: null, issued: null });
    expect(m.scope).toEqual(['朝阳区']);
    expect(m.level).toBe('county');
  });
  it('the same as a .md file through ingest (front matter kept, not read as a rule and a heading)', async () => {
    expect(fields(await ingestMeta(district, 'chaoyang.md'))).toEqual(fields(meta(district)));
  });
  it('a scraper\'s 发布日期 is the date when the text has none; the text\'s signature wins', () => {
    const withDate = district.replace('发布日期: -', '发布日期: 2026-02-10');
    expect(meta(withDate).issued).toBe('2026-02-10');
    const signed = withDate.replace('一、发展基础', '北京市朝阳区人民政府\n2026年1月30日\n\n一、发展基础');
    expect(meta(signed).issued).toBe('2026-01-30');
  });
  it('a title split over two headings: # title / ## （period）', () => {
    const text = '\n\n# 佛山市顺德区产业发展战略规划\n\n## （2021—2035年）\n\n# 目 录\n\n一、发展基础\n\n' + BODY;
    const m = meta(text);
    expect(m.title).toBe('佛山市顺德区产业发展战略规划（2021—2035年）');
    expect(m.period).toEqual([2021, 2035]);
  });
  it('the first # heading is the title even when the outline takes it for a section', async () => {
    const text = `# 成都市锦江区国民经济和社会发展第十五个五年规划纲要\n\n（2026年1月9日成都市锦江区第十九届人民代表大会第七次会议批准）\n\n## 第一章 开启现代化建设新征程\n\n${BODY}\n\n${BODY}\n`;
    const m = await ingestMeta(text, 'jinjiang.md');
    expect(m.title).toBe('成都市锦江区国民经济和社会发展第十五个五年规划纲要');
    expect(m.issued).toBe('2026-01-09');
  });
});

describe('a title broken over a cover', () => {
  it('joins the lines of a 纲要 title and reads the signature below it', () => {
    const text = '\n湛江市国民经济和社会发展\n第十四个五年规划和二〇三五年\n远景目标纲要\n\n湛江市人民政府\n二〇二一年三月\n\n目　录\n\n第一章　发展基础\n' + BODY;
    const m = meta(text);
    expect(m.title).toBe('湛江市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(m.issuer).toEqual(['湛江市人民政府']);
    expect(m.issued).toBe('2021-03');
  });
  it('does not join a menu item, an organisation or 附件 to the title', () => {
    expect(readTitle('附件\n湛茂都市圈发展规划\n\n目 录\n', 30, null)?.text).toBe('湛茂都市圈发展规划');
    expect(readTitle('广东省人民政府\n广东省国土空间规划（2021—2035年）\n前言\n', 40, null, gaz)?.text).toBe('广东省国土空间规划（2021—2035年）');
  });
  it('title words come from the lexicon: 考评办法, 实施方案, 行动计划, 政府工作报告 …; a date in brackets is not a period', () => {
    for (const t of ['湛江市生态环境保护考评办法（试行）', '茂名市乡村振兴实施方案', '广东省数字政府建设三年行动计划（2024—2026年）', '政府工作报告']) {
      expect(readTitle(`\n${t}\n\n一、总体要求\n`, t.length + 3, null)?.text).toBe(t);
    }
    expect(readTitle('\n湛江市乡村振兴实施方案\n（2023年5月6日）\n', 30, null)?.text).toBe('湛江市乡村振兴实施方案');
    // a web page's note after the title is not part of it
    expect(readTitle('\n分享：\n政府工作报告（全文）\n', 20, null)?.text).toBe('政府工作报告');
    expect(readTitle('\n# 2025年广州市政府工作报告(全文)\n', 30, null)?.text).toBe('2025年广州市政府工作报告');
    expect(readTitle('\n市长某某某作政府工作报告\n', 20, null)).toBeNull();
  });
});

describe('issuers written together', () => {
  it.each([
    ['国家发展改革委住房城乡建设部', ['国家发展改革委', '住房城乡建设部']],
    ['中共广东省委广东省人民政府', ['中共广东省委', '广东省人民政府']],
    ['中共中央办公厅国务院办公厅', ['中共中央办公厅', '国务院办公厅']],
    ['国家发展和改革委员会', ['国家发展和改革委员会']],
    ['广东省人民政府办公厅', ['广东省人民政府办公厅']],
    ['广东省人民政府国有资产监督管理委员会', ['广东省人民政府国有资产监督管理委员会']],
    ['安徽省推进长三角一体化发展领导小组办公室', ['安徽省推进长三角一体化发展领导小组办公室']],
  ])('%s', (s, parts) => {
    expect(splitAgencies(s, gaz)).toEqual(parts);
  });
  it('a string that is not organisations is not split', () => {
    expect(splitAgencies('湛茂都市圈发展规划', gaz)).toBeNull();
    expect(splitAgencies('各位代表', gaz)).toBeNull();
  });
});

describe('the sample plans published as attachments (data/plans)', () => {
  const load = async (id: string) => {
    const file = new URL(`../../data/plans/${id}.txt`, import.meta.url);
    return parsePlan(await ingestBytes(new Uint8Array(readFileSync(file)), `${id}.txt`), gaz).meta;
  };
  it('004: issuers on the cover, glued after the 附件 title', async () => {
    const m = await load('004_9800aaef9fdee07f');
    expect(fields(m)).toEqual({ title: '北部湾城市群发展规划', issuer: ['国家发展改革委', '住房城乡建设部'], docNumber: null, issued: null });
  });
  it('003: the title and its period over two Markdown headings; the county-level cities are part of 江门市', async () => {
    const m = await load('003_ca6215b141ec9a21');
    expect(m.title).toBe('江门市西部发展区发展战略规划（2019—2035年）');
    expect(m.issuer).toEqual([]);
    expect(m.scope).toEqual(['江门市']);
  });
});
