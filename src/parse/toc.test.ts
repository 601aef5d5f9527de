import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Repair } from '../core/types.js';
import { detectToc } from './toc.js';

const sample = (id: string) =>
  readFileSync(new URL(`../../data/plans/${id}.txt`, import.meta.url), 'utf8');
// 000: web text, several entries per line, no page numbers, body repeats 前言
const TOC_000 = sample('000_dde77a566d45a381').split('\n').slice(8, 20).join('\n');
describe('detectToc', () => {
  it('reads a multi-entry-per-line TOC and stops where the body repeats 前言 (000)', () => {
    const toc = detectToc(TOC_000)!;
    expect(toc).not.toBeNull();
    expect(TOC_000.slice(toc.span.start, toc.span.start + 3)).toBe('目　录');
    expect(TOC_000.slice(toc.span.end - 3, toc.span.end)).toBe('指标表');
    const entries = toc.entries.map((e) => `${e.label ?? ''}|${e.title}|${e.level}`);
    expect(entries.slice(0, 8)).toEqual([
      '|前言|1',
      '一|发展背景|1', '（一）|发展基础|2', '（二）|发展机遇|2',
      '二|总体要求和发展目标|1', '（一）|指导思想|2', '（二）|战略定位|2', '（三）|发展目标|2',
    ]);
    // chapter 九 as the TOC lists it: it skips （二）, which the body has
    const nine = entries.indexOf('九|深化改革开放合作|1');
    expect(entries.slice(nine, nine + 4)).toEqual(['九|深化改革开放合作|1', '（一）|推进体制改革|2', '（三）|加强区域合作|2', '十|建立规划实施的保障机制|1']);
    expect(entries[entries.length - 1]).toBe('附表1|粤西地区“十二五”经济社会发展主要指标表|1');
    expect(entries.filter((e) => /^[一二三四五六七八九十]+\|/.test(e))).toHaveLength(10);
    expect(entries).toHaveLength(1 + 10 + 36 + 1); // 前言, 10 chapters, 37 sections less the skipped one, 附表1
  });

  it('reads dot leaders and page numbers, tabs after 第X节 (001)', () => {
    const text = sample('001_240daae8c4bbf10a');
    const toc = detectToc(text)!;
    const entries = toc.entries.map((e) => [e.label, e.title, e.page]);
    expect(entries.slice(0, 3)).toEqual([[null, '前言', 1], ['第一章', '发展背景', 2], ['第一节', '发展基础', 2]]);
    expect(entries).toContainEqual(['第五章', '构筑区域合作开放新格局', 44]);
    expect(entries).toContainEqual(['第一节', '主动融入粤港澳大湾区建设', 44]);
    expect(entries[entries.length - 1]).toEqual(['附件', '重点任务分工方案', 75]);
    expect(entries.filter((e) => String(e[0]).endsWith('章'))).toHaveLength(9);
    expect(entries.filter((e) => String(e[0]).endsWith('节'))).toHaveLength(38);
    expect(text.slice(toc.span.end - 2, toc.span.end)).toBe('75');
  });

  it('reads a TOC glued on one line with page numbers (002)', () => {
    const text = sample('002_cf5822304d6f3ba0');
    const toc = detectToc(text)!;
    const entries = toc.entries.map((e) => `${e.label ?? ''}${e.title}/${e.page}`);
    expect(entries.slice(0, 6)).toEqual(['前言/1', '第一章发展背景/2', '第一节发展条件/2', '第二节重大意义/3', '第二章总体要求/3', '第一节指导思想/3']);
    expect(entries.slice(-3)).toEqual(['第十章保障措施/36', '第一节强化政策支持/36', '第二节加强组织协调/38']);
    expect(text.slice(toc.span.start, toc.span.start + 9)).toBe('目录前言1第一章发');
    expect(text.slice(toc.span.end - 11, toc.span.end + 4)).toBe('第二节加强组织协调38前言珠江');
  });

  it('does not take 目录 inside a sentence for a TOC (002: 产业转移指导目录。)', () => {
    expect(detectToc('支持地方研究制定区域性产业转移指导目录。支持符合条件的地区创建国家新型工业化产业示范基地。')).toBeNull();
  });

  it('reports the TOC ingest removed, with its entries', () => {
    const before = '目　录\n前　言\n一、发展背景（一）发展基础\n（二）发展机遇\n二、总体要求和发展目标';
    const repair: Repair = {
      rule: 'toc-removed', start: 40, end: 40, sourceStart: 40, sourceEnd: 40 + before.length,
      before, after: '', message: 'table of contents removed',
    };
    const toc = detectToc('粤西地区经济社会发展规划纲要（2011－2015年）\n\n前　言\n粤西地区包括湛江、茂名、阳江三个地级市。', [repair])!;
    expect(toc.removed).toBe(true);
    expect(toc.span).toEqual({ start: 40, end: 40 });
    expect(toc.entries.map((e) => e.title)).toEqual(['前言', '发展背景', '发展基础', '发展机遇', '总体要求和发展目标']);
  });

  const removed = (before: string): Repair => ({
    rule: 'toc-removed', start: 0, end: 0, sourceStart: 0, sourceEnd: before.length, before, after: '', message: 'table of contents removed',
  });

  it('reads a removed TOC kept as HTML source (a web page): tags, entities and escaped markup are not titles', () => {
    const before = '<p>目　录</p>\n<p>&nbsp;</p>\n<p>　　前　言　　</p>\n<p>　　一、发展背景（一）发展基础</p>\n<p>（二）发展机遇&nbsp;&nbsp;二、总体要求和发展目标</p>\n<p>| &lt;b&gt;六、坚持开放引领发展.....&lt;/b&gt; | &lt;b&gt;30&lt;/b&gt; |</p>';
    const toc = detectToc('前言\n粤西地区包括湛江、茂名、阳江三个地级市。', [removed(before)])!;
    expect(toc.entries.map((e) => `${e.label ?? ''}|${e.title}|${e.page ?? ''}`)).toEqual(['|前言|', '一|发展背景|', '（一）|发展基础|', '（二）|发展机遇|', '二|总体要求和发展目标|']);
  });

  it('reads a removed TOC kept as a PDF text layer: radicals, markers and titles broken by the layout, page footers (004, 000)', () => {
    const before = '⽬录第⼀章规划背景3第\n⼀节发展基础3第⼆节突出问题4第三章构建适应资源环境承载能⼒的空间\n格局10第⼀节强化陆海空间功能分区管控10\n- 1 -\n\f\n附\n表1：粤西地区“⼗⼆五”经济社会发展主要指标表';
    const toc = detectToc('北部湾城市群背靠祖国大西南。', [removed(before)])!;
    expect(toc.entries.map((e) => `${e.label ?? ''}|${e.title}|${e.page ?? ''}`)).toEqual([
      '第一章|规划背景|3',
      '第一节|发展基础|3',
      '第二节|突出问题|4',
      '第三章|构建适应资源环境承载能力的空间格局|10',
      '第一节|强化陆海空间功能分区管控|10',
      '附表1|粤西地区“十二五”经济社会发展主要指标表|',
    ]);
  });
});
