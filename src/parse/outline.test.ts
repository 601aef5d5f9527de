// Outline rules on small documents made of real lines from the sample plans.
import { describe, expect, it } from 'vitest';
import type { Section } from '../core/types.js';
import { parsePlan, planTextFromString } from './index.js';
import { flattenSections, outlineToText } from './outline.js';
import { fakeGazetteer } from './testing/fake-gazetteer.js';

const gaz = fakeGazetteer();
const outline = (text: string, runins = true) =>
  outlineToText(parsePlan(planTextFromString(text), gaz).sections, { runins });
const BODY = '坚持走新型工业化道路，积极承接产业转移，依托优良的海岸线、深水港和区位及资源优势，大力发展临海产业。';

describe('outline', () => {
  it('top-level 一、 are chapters; an 一、 list inside a （一） section is an item below it', () => {
    const text = [
      '前　言', BODY,
      '　　　　一、发展背景', '　　（一）发展基础。', BODY,
      '一、加快推进中科合资广东炼化一体化、廉江国家石油储备库等工程建设，延伸产业链条。',
      '二、支持发展核电配套设备制造等新能源装备制造业和核电综合技术服务产业。',
      '　　　二、总体要求和发展目标', '（一）指导思想。', BODY,
      '三、空间布局', BODY,
    ].join('\n');
    expect(outline(text)).toBe([
      '前言',
      '一、发展背景',
      '  （一）发展基础',
      '    一、加快推进中科合资广东炼化一体化、廉江国家石油储备库等工程建设',
      '    二、支持发展核电配套设备制造等新能源装备制造业和核电综合技术服务产业',
      '二、总体要求和发展目标',
      '  （一）指导思想',
      '三、空间布局',
    ].join('\n'));
    const kinds = flattenSections(parsePlan(planTextFromString(text), gaz).sections).map((s) => s.kind);
    expect(kinds).toEqual(['preface', 'chapter', 'subitem', 'item', 'item', 'chapter', 'subitem', 'chapter']);
  });

  it('专栏 nests under the heading it appears in; its list closes when the outer list goes on (001)', () => {
    const text = [
      '第三章 共建一体高效的现代化基础设施体系', BODY, '第一节 构建互联互通综合交通运输体系', BODY,
      '一、打造“两轴五射”的综合交通格局', BODY, '二、加快构建区域轨道交通网络体系', BODY,
      '专栏1 轨道网重点工程', '一、高速铁路', '广湛高铁、合湛高铁新建工程。', '二、普速铁路', '广茂、粤海铁路电气化改造工程。',
      '三、积极打造“环状+放射状”的高快速公路网络', BODY,
      '第二节 建设绿色低碳能源保障体系', BODY, '专栏 4 能源安全保障重点工程', '一、原油加工', '湛江雷州乌石油田群开发项目。',
      '第四章 构建协作共赢的现代产业体系', BODY,
    ].join('\n');
    // 第三章 starting a document without 第一章 is front matter: prepend the first chapter
    const doc = ['第一章 发展背景', BODY, '第二章 总体要求', BODY, text].join('\n');
    expect(outline(doc)).toBe([
      '第一章 发展背景',
      '第二章 总体要求',
      '第三章 共建一体高效的现代化基础设施体系',
      '  第一节 构建互联互通综合交通运输体系',
      '    一、打造“两轴五射”的综合交通格局',
      '    二、加快构建区域轨道交通网络体系',
      '      专栏1 轨道网重点工程',
      '        一、高速铁路',
      '        二、普速铁路',
      '    三、积极打造“环状+放射状”的高快速公路网络',
      '  第二节 建设绿色低碳能源保障体系',
      '    专栏4 能源安全保障重点工程',
      '      一、原油加工',
      '第四章 构建协作共赢的现代产业体系',
    ].join('\n'));
  });

  it('a number out of sequence in the body is not a heading; a skipped number on its own line is', () => {
    const text = [
      '一、发展背景', '（一）发展基础。', BODY,
      '三、其他地区参照执行。', // 三 with no 二 before it: body text
      '（三）发展机遇。', BODY, // （二） missing: accepted, a line of its own that （四） continues
      '（四）面临挑战。', BODY,
      '二、总体要求和发展目标', BODY,
      '（三）发展目标。', BODY, // （一）（二） missing, nothing continues it: body text
    ].join('\n');
    expect(outline(text)).toBe(['一、发展背景', '  （一）发展基础', '  （三）发展机遇', '  （四）面临挑战', '二、总体要求和发展目标'].join('\n'));
  });

  it('run-in headings need siblings: a lone short sentence is body text', () => {
    const lone = ['一、发展背景', '（一）发展基础。', '经济综合实力明显提升。2006－2010年，粤西地区生产总值年均增长12.7%。', BODY].join('\n');
    expect(outline(lone)).toBe('一、发展背景\n  （一）发展基础');
    const group = [
      '一、发展背景', '（一）发展基础。', '经济综合实力明显提升。2006－2010年，粤西地区生产总值年均增长12.7%。',
      '产业结构进一步优化。三次产业结构从2005年的23.8∶40.0∶37.2调整为2010年的19.9∶40.7∶39.4。',
    ].join('\n');
    expect(outline(group)).toBe('一、发展背景\n  （一）发展基础\n    经济综合实力明显提升\n    产业结构进一步优化');
    expect(outline(group, false)).toBe('一、发展背景\n  （一）发展基础');
  });

  it('spans: a section runs to its next sibling, headings span their line', () => {
    const text = ['第一章 发展背景', '第一节 发展基础', BODY, '第二节 存在问题', BODY, '', '第二章 总体要求', BODY, ''].join('\n');
    const doc = parsePlan(planTextFromString(text), gaz);
    const [ch1, ch2] = doc.sections;
    const [s1, s2] = ch1.children;
    const q = (a: number, b: number) => text.slice(a, b);
    expect(q(ch1.headingStart, ch1.headingEnd)).toBe('第一章 发展背景');
    expect(q(s1.start, s1.end)).toBe(`第一节 发展基础\n${BODY}`);
    expect(q(s2.start, s2.end)).toBe(`第二节 存在问题\n${BODY}`); // trailing blank line not included
    expect(ch1.end).toBe(s2.end);
    expect(q(ch2.start, ch2.end)).toBe(`第二章 总体要求\n${BODY}`);
    expect([ch1.id, s1.id, s2.id, ch2.id]).toEqual(['1', '1.1', '1.2', '2']);
    expect([ch1.level, s1.level]).toEqual([1, 2]);
  });

  it('flattenSections lists every section in document order', () => {
    const secs: Section[] = parsePlan(planTextFromString(['第一章 发展背景', '第一节 发展基础', '第二节 存在问题', '第二章 总体要求'].join('\n')), gaz).sections;
    expect(flattenSections(secs).map((s) => s.id)).toEqual(['1', '1.1', '1.2', '2']);
  });
});

describe('top level', () => {
  it('a single 第一章 above 第一节/第二节 is the top level (an excerpt of 001, as test/fixtures has it)', () => {
    const text = ['第一章 发展背景', '第一节 发展基础', BODY, '第二节 存在问题', BODY, '专栏1 轨道网重点工程', '一、高速铁路 广湛高铁、合湛高铁新建工程。'].join('\n');
    expect(outline(text)).toBe(['第一章 发展背景', '  第一节 发展基础', '  第二节 存在问题', '    专栏1 轨道网重点工程', '      一、高速铁路'].join('\n'));
  });
});
