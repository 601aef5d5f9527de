// References on real sentences from the sample plans (marked 000, 001, 002) and lines written in
// the style of other plans (marked "other plans").
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings';
import type { Span } from '../core/types';
import { parsePlan, planTextFromString } from '../parse/index';
import { loadGazetteer } from '../places/index';
import { loadLexicons } from './lexicons';
import { docNumberAt, extractReferences } from './references';

const gazetteer = loadGazetteer();
const ctx = { gazetteer, lexicons: loadLexicons() };

function refs(lines: string[], title: string | null = null, toc: Span | null = null): Array<Finding<'reference'>> {
  const doc = parsePlan(planTextFromString(lines.join('\n')), gazetteer);
  return extractReferences({ ...doc, toc, meta: { ...doc.meta, title } }, ctx);
}
const data = (fs: Array<Finding<'reference'>>) => fs.map((f) => [f.data.title, f.data.docNumber]);

describe('references', () => {
  it('a title with its document number, and one without (000)', () => {
    const line =
      '为贯彻落实省委、省政府《关于促进粤西地区振兴发展的指导意见》（粤发〔2009〕15号）的部署，根据《广东省国民经济和社会发展第十二个五年规划纲要》，结合粤西地区实际，编制粤西地区经济社会发展规划纲要。';
    const found = refs([line]);
    expect(data(found)).toEqual([
      ['关于促进粤西地区振兴发展的指导意见', '粤发〔2009〕15号'],
      ['广东省国民经济和社会发展第十二个五年规划纲要', null],
    ]);
    expect(line.slice(found[0].start, found[0].end)).toBe('《关于促进粤西地区振兴发展的指导意见》（粤发〔2009〕15号）');
    expect(found[0].confidence).toBeGreaterThan(found[1].confidence);
  });

  it('titles in a row, spaces of the PDF conversion taken out (001)', () => {
    expect(
      data(refs(['本规划根据《国家发展改革委关于培育发展现代化都市圈的指导意见》《广东省国民经济和社会发展第十四个五年规划和 2035 年远景目标纲要》制定。'])),
    ).toEqual([
      ['国家发展改革委关于培育发展现代化都市圈的指导意见', null],
      ['广东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要', null],
    ]);
  });

  it('a title holding a period in brackets, numbers after each (002)', () => {
    expect(
      data(
        refs([
          '依据《国务院关于进一步促进广西经济社会发展的若干意见》（国发〔2009〕42号）、《国务院关于珠江三角洲地区改革发展规划纲要（2008—2020年）的批复》（国函〔2008〕129号）等文件，制定本规划。',
        ]),
      ),
    ).toEqual([
      ['国务院关于进一步促进广西经济社会发展的若干意见', '国发〔2009〕42号'],
      ['国务院关于珠江三角洲地区改革发展规划纲要（2008—2020年）的批复', '国函〔2008〕129号'],
    ]);
  });

  it('skips the plan\'s own title, with or without its period (000), and 本《规划》 (other plans)', () => {
    const title = '粤西地区经济社会发展规划纲要（2011—2015年）';
    expect(data(refs(['现将《粤西地区经济社会发展规划纲要（2011—2015年）》印发给你们，请认真组织实施。'], title))).toEqual([]);
    expect(data(refs(['《粤西地区经济社会发展规划纲要》实施中遇到的问题，请径向省发展改革委反映。'], title))).toEqual([]);
    expect(data(refs(['本《规划》由省发展改革委负责解释。']))).toEqual([]);
  });

  it('document numbers in [], 【】, （） and several in one bracket (other plans)', () => {
    expect(
      data(
        refs([
          '按照《国务院关于依托黄金水道推动长江经济带发展的指导意见》(国发[2014]39号)、《广西壮族自治区人民政府关于加快县域经济发展的决定》（桂政发【2010】3号）和《国务院关于印发全国主体功能区规划的通知》（国发（2010）46号），以及《关于推进新型城镇化的意见》（国发〔2016〕8号、国办发〔2016〕3号）的要求。',
        ]),
      ),
    ).toEqual([
      ['国务院关于依托黄金水道推动长江经济带发展的指导意见', '国发[2014]39号'],
      ['广西壮族自治区人民政府关于加快县域经济发展的决定', '桂政发【2010】3号'],
      ['国务院关于印发全国主体功能区规划的通知', '国发（2010）46号'],
      ['关于推进新型城镇化的意见', '国发〔2016〕8号'],
    ]);
  });

  it('reads a number written without brackets after the title (other plans)', () => {
    const text = '《中共中央 国务院关于建立国土空间规划体系并监督实施的若干意见》中发〔2019〕18号';
    expect(docNumberAt(text, text.indexOf('》') + 1)?.number).toBe('中发〔2019〕18号');
    expect(docNumberAt('《全国主体功能区规划》将湛江市纳入国家层面的重点开发区域', 11)).toBeNull();
  });

  it('flags titles that name a kind of document only, and titles broken over a line (other plans)', () => {
    const found = refs(['按照《纲要》要求，落实《广东省国土空间', '规划（2021—2035年）》。']);
    expect(data(found)).toEqual([
      ['纲要', null],
      ['广东省国土空间规划（2021—2035年）', null],
    ]);
    expect(found[0].flags).toContain('generic_title');
    expect(found[1].flags).toContain('title_line_break');
  });

  it('leaves out titles inside the table of contents', () => {
    const lines = ['目录', '附件 《重点任务分工方案》', '正文', '依据《全国主体功能区规划》。'];
    const tocEnd = lines.join('\n').indexOf('正文');
    expect(data(refs(lines, null, { start: 0, end: tocEnd }))).toEqual([['全国主体功能区规划', null]]);
  });
});
