// Heading patterns, each on a real line from the sample plans.
import { describe, expect, it } from 'vitest';
import { boxTitle, findHeadings, gluedTitle, type HeadingCandidate } from './headings.js';
import { splitLines } from './lines.js';

function heads(text: string): HeadingCandidate[] {
  return findHeadings(text, splitLines(text), { toc: null });
}

function one(text: string) {
  const h = heads(text);
  expect(h).toHaveLength(1);
  const { type, label, ordinal, title } = h[0];
  return { type, label, ordinal, title, quote: text.slice(h[0].start, h[0].end) };
}

describe('line headings', () => {
  it('一、 indented with full-width spaces (000)', () => {
    expect(one('　　　　一、发展背景')).toEqual({ type: 'cn', label: '一', ordinal: 1, title: '发展背景', quote: '一、发展背景' });
  });
  it('（一） with a trailing 。 (000)', () => {
    expect(one('　　（一）发展基础。 ')).toMatchObject({ type: 'cnParen', label: '（一）', ordinal: 1, title: '发展基础' });
  });
  it('十、 and 十二、 ordinals', () => {
    expect(one('　　　十、建立规划实施的保障机制')).toMatchObject({ type: 'cn', ordinal: 10, title: '建立规划实施的保障机制' });
    expect(one('十二、加强组织领导')).toMatchObject({ ordinal: 12 });
  });
  it('第X章 / 第X节 with a space or a tab (001)', () => {
    expect(one('第三章 共建一体高效的现代化基础设施体系')).toMatchObject({ type: 'zhang', label: '第三章', ordinal: 3, title: '共建一体高效的现代化基础设施体系' });
    expect(one('第一节\t主动融入粤港澳大湾区建设')).toMatchObject({ type: 'jie', label: '第一节', ordinal: 1, title: '主动融入粤港澳大湾区建设' });
  });
  it('专栏N with its title (000, 001)', () => {
    expect(one('专栏1　　粤西三市重点发展地区')).toMatchObject({ type: 'box', label: '专栏1', ordinal: 1, title: '粤西三市重点发展地区' });
    expect(one('专栏 2 公路网重点工程')).toMatchObject({ type: 'box', label: '专栏2', ordinal: 2, title: '公路网重点工程' });
  });
  it('附件 whose title is on the next line (001)', () => {
    const h = heads('附件\n\n重点任务分工方案\n\n按照规划建设都市圈的任务安排，各地区各部门为规划实施的责任单位。');
    expect(h.map((x) => [x.type, x.label, x.title])).toEqual([['annex', '附件', '重点任务分工方案']]);
  });
  it('附表1： (000 TOC entry as a line)', () => {
    expect(one('附表1：粤西地区“十二五”经济社会发展主要指标表')).toMatchObject({ type: 'annexTable', label: '附表1', ordinal: 1, title: '粤西地区“十二五”经济社会发展主要指标表' });
  });
  it('1. after a Markdown bullet, title up to 。 (001 专栏11)', () => {
    expect(one('- 1.鉴江生态廊道。**位于北部山林屏障区，连接山林屏障区和罗江生态廊道；加强水源保护涵养，严禁采伐水源涵养林。')).toMatchObject({ type: 'num', label: '1', ordinal: 1, title: '鉴江生态廊道' });
  });
  it('（1） paragraph opening', () => {
    expect(one('（2）三大物流基地：以湛江港区和东海岛为中心的化肥、煤炭、油品、矿石物流基地。')).toMatchObject({ type: 'numParen', label: '（2）', ordinal: 2, title: '三大物流基地' });
  });
  it('一、 with title and content separated by spaces (001 专栏10)', () => {
    expect(one('一、国家级技术产业开发区 湛江高新技术产业开发区、茂名高新技术产业开发区。')).toMatchObject({ type: 'cn', title: '国家级技术产业开发区' });
  });
  it('前言 spaced out, Markdown headings', () => {
    expect(one('前　言')).toMatchObject({ type: 'preface', label: null, title: '前言' });
    expect(one('## 发展目标')).toMatchObject({ type: 'md', title: '发展目标' });
    expect(one('## 第二章 总体要求')).toMatchObject({ type: 'zhang', ordinal: 2, title: '总体要求' });
  });
  it('body lines are not headings', () => {
    expect(heads('2010年，该区域总面积3.17万平方公里，占全省的17.7%。')).toEqual([]);
    expect(heads('3.17万平方公里')).toEqual([]);
    expect(heads('第一产业增加值年均增长4%。')).toEqual([]);
    expect(heads('附件中的重点项目由各市负责实施，省有关部门给予支持。')).toEqual([]);
    expect(heads('　　湛江市：（1）经国家或省批准设立的各类园区。（2）三大物流基地。')).toEqual([]);
  });
});

describe('run-in headings', () => {
  const section = '（一）发展基础。\n“十一五”期间，粤西三市不断解放思想，坚持科学发展。\n';
  it('a short phrase ending in 。 opening a paragraph (000)', () => {
    const h = heads(section + '经济综合实力明显提升。2006－2010年，粤西地区生产总值年均增长12.7%，超过全省平均水平。');
    expect(h.map((x) => [x.type, x.title])).toEqual([['cnParen', '发展基础'], ['runin', '经济综合实力明显提升']]);
    expect(h[1].core).toBe(true);
  });
  it('with a dash bullet and bold markup (000, 001)', () => {
    const h = heads(section + '——全国重化工业基地。依托粤西沿海岸线和深水良港等资源。\n——**协作共赢的现代产业体系更加完善。**产业基础高级化。');
    expect(h.filter((x) => x.type === 'runin').map((x) => x.title)).toEqual(['全国重化工业基地', '协作共赢的现代产业体系更加完善']);
  });
  it('not a sentence with a comma or a number, nor a sentence standing alone', () => {
    const h = heads(section + '到2015年，粤西地区振兴发展取得明显成效。\n加强能源供应安全保障能力建设，积极推进能源结构优化调整。\n内外纵深拓展能力较弱。');
    expect(h.filter((x) => x.type === 'runin')).toEqual([]);
  });
  it('not the continuation of a paragraph broken by a page break (001 raw text)', () => {
    const h = heads(section + '具备优良的自然资源禀赋。湛茂都市圈北部多山地丘陵，同\n时具备良好的开发建设条件。海洋资源优势突出。');
    expect(h.filter((x) => x.type === 'runin').map((x) => x.title)).toEqual(['具备优良的自然资源禀赋']);
  });
});

describe('glued headings (one-line text, no table of contents)', () => {
  const at = (s: string) => gluedTitle(s, 0, s.length).title;
  it('ends a title at a page number, not at a year', () => {
    expect(at('基本原则4统筹规划、协同发展。强化规划引领')).toBe('基本原则');
    expect(at('发展目标到2020年，综合实力显著增强')).toBe('发展目标');
  });
  it('ends a title where a title noun meets a body verb (002 sentences)', () => {
    expect(at('建立安全清洁的能源保障体系优化发展火电，重点推进')).toBe('建立安全清洁的能源保障体系');
    expect(at('加强岸线保护与利用按照科学规划、保护优先')).toBe('加强岸线保护与利用');
    expect(at('构建协调联动空间格局根据经济带资源环境承载力')).toBe('构建协调联动空间格局');
    expect(at('保障措施切实加强规划的实施保障，全面深化改革')).toBe('保障措施');
  });
  it('box titles: up to the table, a list noun, or an enumeration of nouns (002)', () => {
    const b = (s: string) => boxTitle(s, 0, s.length).title;
    expect(b('发展目标2020年指标2013年绝对值年均增长')).toBe('发展目标');
    expect(b('交通建设重点工程水运。加快建设广州至梧州段级航道')).toBe('交通建设重点工程');
    expect(b('循环经济产业基地梧州再生资源循环利用园区')).toBe('循环经济产业基地');
    expect(b('重点生态功能区、自然保护区、风景名胜区、森林公园、地质公园、湿地公园国家重点生态功能区。南岭山地')).toBe(
      '重点生态功能区、自然保护区、风景名胜区、森林公园、地质公园、湿地公园',
    );
  });
  it('finds 第X章/第X节 glued in a long line, but not references to them', () => {
    const body = '珠江—西江经济带连接我国东部发达地区与西部欠发达地区，是珠江三角洲地区转型发展的战略腹地。'.repeat(40);
    const line = `规划期为2014至2020年，展望到2030年。1第一章发展背景第一节发展条件${body}按照第三节的要求，见第二章。`;
    const h = heads(line);
    expect(h.map((x) => [x.type, x.label, x.title, x.inline])).toEqual([
      ['zhang', '第一章', '发展背景', true],
      ['jie', '第一节', '发展条件', true],
    ]);
  });
});

describe('titles', () => {
  it('drop layout spaces between Chinese characters, keep those around numbers', () => {
    expect(heads('第一章　总　则')[0].title).toBe('总则');
    expect(heads('（三）到 2030 年主要目标')[0].title).toBe('到 2030 年主要目标');
  });
});
