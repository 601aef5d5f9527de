// One test per repair rule, each on real text from the sample plans that the rule changes
// (so each fails without its rule), plus the cases the rule must leave alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Repair } from '../core/types';
import { normalize } from './normalize';
import { markdownEdits } from './converters/md';
import { samplePlan } from './testing/build';

const norm = (source: string, joinLines = true): { text: string; repairs: Repair[] } => normalize({ source, joinLines });
const rules = (repairs: Repair[], rule: string): Repair[] => repairs.filter((r) => r.rule === rule);
const lines = (plan: '000' | '001' | '002' | '003' | '004', from: number, to: number): string => samplePlan(plan).split('\n').slice(from, to).join('\n');

describe('toc-removed', () => {
  it('one-line TOC (002): removed up to where the first entry 前言 reappears as body text', () => {
    const source = samplePlan('002').slice(0, 1400);
    const { text, repairs } = norm(source);
    const [toc] = rules(repairs, 'toc-removed');
    expect(toc.before).toMatch(/^目录前言1第一章发展背景2第一节发展条件2第二节重大意义3/);
    expect(toc.before).toMatch(/第十章保障措施36第一节强化政策支持36第二节加强组织协调38$/);
    expect(text).not.toContain('目录');
    expect(text).toMatch(/^附件珠江—西江经济带发展规划2014年7月\n前言珠江—西江经济带（以下简称经济带）横贯广东、广西/);
  });

  it('dot-leader TOC (001): "前 言.....\\t1" lines removed, the body heading 前言 kept', () => {
    const { text, repairs } = norm(lines('001', 0, 62));
    expect(rules(repairs, 'toc-removed')).toHaveLength(1);
    expect(text).not.toContain('.....');
    expect(text).toMatch(/^湛茂都市圈发展规划\n\n前言\n\n湛茂都市圈位于广东省西南部沿海/);
  });

  it('TOC of headings without page numbers (000, 目　录 with full-width spaces)', () => {
    const { text, repairs } = norm(lines('000', 8, 21));
    const [toc] = rules(repairs, 'toc-removed');
    expect(toc.before).toContain('（一）大力发展临海重化工业（二）做强地方特色工业');
    expect(text).not.toContain('（二）做强地方特色工业');
    expect(text).toMatch(/^粤西地区经济社会发展规划纲要（2011－2015年）\n二○一一年十二月\n\n前言\n粤西地区包括湛江、茂名、阳江三个地级市。/);
  });

  it('a run of headings with page numbers but no 目录 heading (001 without its header line)', () => {
    const source = lines('001', 2, 3) + '\n\n' + lines('001', 6, 62);
    const { text, repairs } = norm(source);
    const [toc] = rules(repairs, 'toc-removed');
    expect(toc.before.startsWith('前 言.....\t1\n第一章 发展背景.....\t2')).toBe(true);
    expect(text).toMatch(/^湛茂都市圈发展规划\n\n前言\n\n湛茂都市圈位于广东省西南部沿海/);
  });

  it('a multi-line TOC followed by an unheaded preamble (003): removed up to the preamble, which stays', () => {
    const md = lines('003', 0, 70);
    const { text, repairs } = normalize({ source: md, joinLines: true, convert: markdownEdits });
    const [toc] = rules(repairs, 'toc-removed');
    expect(toc.before).toMatch(/^# 目 录/);
    expect(toc.before).toContain('(四) 营造浓厚氛围');
    expect(text).not.toContain('.....');
    expect(text).toMatch(/## （2019—2035年）\n\n国际政治经济格局呈现大发展大变革大调整新态势/);
  });

  it('a TOC glued into one line before an unheaded preamble (004): the run of entries goes, the preamble stays', () => {
    const { text, repairs } = norm(samplePlan('004').slice(0, 3000));
    const [toc] = rules(repairs, 'toc-removed');
    expect(toc.before).toMatch(/^目录第一章规划背景3第一节发展基础3/);
    expect(toc.before).toMatch(/第三节营造舆论环境44$/);
    expect(text).toMatch(/^附件北部湾城市群发展规划国家发展改革委住房城乡建设部\n北部湾城市群背靠祖国大西南/);
  });

  it('a sentence inside a TOC does not end it (000 with a note after 前　言)', () => {
    const source = lines('000', 8, 21).replace('前　言', '前　言\n（本规划纲要根据中期评估作了修订。）');
    const [toc] = rules(norm(source).repairs, 'toc-removed');
    expect(toc.before).toContain('（一）大力发展临海重化工业');
  });

  it('leaves 目录 in running text alone (政务信息目录)', () => {
    const source = lines('001', 767, 768);
    expect(source).toContain('政务信息目录');
    const { text, repairs } = norm(source);
    expect(rules(repairs, 'toc-removed')).toHaveLength(0);
    expect(text).toBe(source);
  });
});

describe('page-number-removed', () => {
  it('removes page numbers glued into one-line PDF text by their sequence, keeping real numbers (002)', () => {
    const body = samplePlan('002');
    const start = body.indexOf('前言珠江'); // the body, after the table of contents
    const source = body.slice(start, body.indexOf('第三章构建协调联动空间格局', start) + 20);
    const { text, repairs } = norm(source);
    expect(rules(repairs, 'page-number-removed').map((r) => r.before)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(text).toContain('规划期为2014至2020年，展望到2030年。第一章发展背景第一节发展条件');
    expect(text).toContain('区域整体竞争力有待提升。第二节重大意义');
    expect(text).toContain('西江干线航道为核心的综合交通运输体系基本形成'); // was 综5合
    expect(text).toContain('（国发〔2009〕42号）');
    expect(text).toContain('云浮4市和广西壮族自治区的南宁、柳州、梧州、贵港、百色、来宾、崇左7市，区域面积165万平方公里，2013年末常住人口5228万人');
  });

  it('removes a page number inside a word: 云11浮 → 云浮 (page 11 of 002)', () => {
    const { text, repairs } = norm(samplePlan('002'));
    const eleven = rules(repairs, 'page-number-removed').find((r) => r.before === '11');
    expect(eleven?.message).toMatch(/page sequence 1–38/);
    expect(text.slice(eleven!.start - 6, eleven!.end + 6)).toBe('肇庆德庆、云浮古丰核电项');
  });

  it('removes page-number lines between paragraphs (PDF converted to lines) and rejoins the word they split', () => {
    const p = lines('001', 68, 76).split('\n\n'); // 湛茂都市圈区位… / 服务于… / 具备优良…同 / 时具备…
    const source = [p[0], '7', p[1], '8', p[2], '9', p[3]].join('\n\n');
    const { text, repairs } = norm(source);
    expect(rules(repairs, 'page-number-removed').map((r) => r.before.trim())).toEqual(['7', '8', '9']);
    expect(text).not.toMatch(/^\d+$/m);
    expect(text).toContain('是全省土地资源最为丰富的区域，同时具备良好的开发建设和农业生产条件。');
  });

  it('keeps the 序号 of a table written one cell a line: numbers a row apart are not pages (other plans, written for this test)', () => {
    const rows = [
      ['地区生产总值年均增长', '%', '预期性', '6左右'],
      ['常住人口城镇化率', '%', '预期性', '68'],
      ['森林覆盖率', '%', '约束性', '≥58.5'],
      ['每千人口拥有执业（助理）医师数', '人', '预期性', '3.2'],
    ];
    const source = ['主要指标', '序号', '指标', '单位', '属性', '目标', ...rows.flatMap((r, k) => [String(k + 1), ...r])].join('\n\n');
    const { text, repairs } = norm(source);
    expect(rules(repairs, 'page-number-removed')).toHaveLength(0);
    expect(text).toMatch(/^1$/m);
    expect(text).toMatch(/^4$/m);
  });

  it('keeps ranges and list numbers spread over a long text: 1-2 家 … 专栏 5-6 are not six pages (003)', () => {
    const source = readFileSync(new URL('../../data/plans/003_ca6215b141ec9a21.txt', import.meta.url), 'utf8');
    const { text, repairs } = norm(source);
    expect(rules(repairs, 'page-number-removed')).toHaveLength(0);
    expect(text).toContain('力争创建2-3个省级现代农业产业技术研发中心');
    expect(text).toContain('争取引进 1-2 家智能机器人');
  });

  it('finds no page sequence in a plan that has none (001): 3、4号 and 2×1000MW stay', () => {
    const { text, repairs } = norm(samplePlan('001'));
    expect(rules(repairs, 'page-number-removed')).toHaveLength(0);
    expect(text).toContain('茂名博贺电厂3、4号2×1000MW机组工程');
  });
});

describe('page-number-removed: numbers that are part of a range or label', () => {
  it('keeps 专栏 5-4, 1-2家 and “1+1+9” (003), where a page sequence 1, 2, 3 … would take them', () => {
    const { text } = normalize({ source: samplePlan('003'), joinLines: true, convert: markdownEdits });
    for (const s of ['专栏 5-4 信息基础设施重点项目', '争取引进 1-2 家智能机器人', '力争创建2-3个省级现代农业产业技术研发中心', '“1+1+9”工作部署']) expect(text).toContain(s);
  });

  it('removes the footer of the last page even when the line above was a page number too (…贡献。 / 38 / - 16 -)', () => {
    const { text } = norm('推动经济带科学发展，为全面建成小康社会、实现中华民族伟大复兴的中国梦作出贡献。\n- 15 -\n\f\n推动。\n38\n- 16 -');
    expect(text).not.toMatch(/- 1[56] -/);
  });
});

describe('line-join', () => {
  it('leaves the rows of a tab-separated table apart, however wide (other plans, written for this test)', () => {
    const rows = ['类别\t序号\t指标\t单位\t2025年\t2030年\t年均增长/累计\t属性', '经济发展\t1\t地区生产总值\t亿元\t1200\t1600左右\t6%左右\t预期性', '\t2\t全员劳动生产率\t万元/人\t28\t＞35\t/\t预期性'];
    const source = ['“十五五”时期，全区经济保持平稳增长，人民生活持续改善，城市品质不断提升。', ...rows, '第三章 重点任务'].join('\n');
    const { text, repairs } = norm(source);
    expect(rules(repairs, 'line-join')).toHaveLength(0);
    expect(text.split('\n').filter((l) => l.includes('\t'))).toHaveLength(3);
  });

  it('joins a word split by a page break (001: 同 / 时具备)', () => {
    const [before, after] = [lines('001', 73, 74), lines('001', 75, 76)];
    expect(before.endsWith('是全省土地资源最为丰富的区域，同')).toBe(true);
    const { text, repairs } = norm(`${before}\n\n${after}`);
    expect(text).toBe(before + after);
    expect(text).toContain('最为丰富的区域，同时具备良好的开发建设和农业生产条件。');
    expect(rules(repairs, 'line-join')).toHaveLength(1);
  });

  it('joins a web-text line wrapped inside a word (000: 新材 / 料)', () => {
    const { text } = norm(lines('000', 79, 82));
    expect(text).toContain('培育发展新能源、新材料、节能环保、海洋等新兴产业。');
  });

  it('never joins headings, list items, box titles or finished sentences', () => {
    const source = [
      '第一节 发展基础',
      '湛茂都市圈区位、土地及海洋资源等条件优越，产业发展势头良好，文化多元融合，发展建设基础较好。',
      '一、双心一极点：湛江主中心、茂名副中心、空港经济区极点',
      '湛江主中心。以湛江市城区为主中心，强化湛江市作为省域副中心城市和现代化沿海经济带重要发展极的引领作用',
      '专栏1 轨道网重点工程',
      '一、高速铁路',
      '广湛高铁、合湛高铁、深南高铁与广湛高铁茂名至岑溪连接线、湛江至海口高铁新建工程。',
    ].join('\n\n');
    const { text, repairs } = norm(source);
    expect(rules(repairs, 'line-join')).toHaveLength(0);
    expect(text).toBe(source);
  });

  it('never joins a web page\'s breadcrumb to the title under it, nor the fields of a front matter', () => {
    const title = '江西省制造业数字化转型行动计划（2024—2026年）';
    const para = '为加快推进全省制造业数字化转型，推动制造业高端化、智能化、绿色化发展，结合我省实际，制定本行动计划。';
    for (const crumb of ['当前位置：首页 > 政务公开 > 政策文件', '首页 > 政务公开 > 政策文件']) {
      const source = [crumb, title, para, para].join('\n');
      expect(norm(source).text).toBe(source);
    }
    const yaml = ['---', '标题: 《北京市朝阳区国民经济和社会发展第十五个五年规划纲要》', '文号: -', '发布单位: 北京市朝阳区发展和改革委员会', '---', para].join('\n');
    expect(norm(yaml).text).toBe(yaml);
    const table = ['索引号：014500000/2022-00123', '发文机关：南昌市人民政府办公室', '发文字号：洪府办发〔2022〕88号', '发布时间：2022-09-30 09:30　来源：南昌市人民政府办公室', '洪府办发〔2022〕88号', title, para, para, para].join('\n');
    expect(norm(table).text).toBe(table.replace('　来源', ' 来源'));
  });

  it('is off when the converter says the lines are the author\'s paragraphs (joinLines: false)', () => {
    const { text } = norm(`${lines('001', 73, 74)}\n\n${lines('001', 75, 76)}`, false);
    expect(text).toContain('最为丰富的区域，同\n\n时具备');
  });
});

describe('line-join: breaks the layout made (PDF)', () => {
  it('joins exactly the breaks the converter marks, even after 。 or before 第四节 (002, one paragraph per chapter)', () => {
    const source = '当前，我国发展仍处于可以大有作为的重要战略机遇期。\n第四节发展目标到2020年，综合实力显著增强。\n第三章构建协调联动空间格局';
    const soft = [source.indexOf('\n')];
    const { text, repairs } = normalize({ source, joinLines: true, softBreaks: soft });
    expect(text).toBe('当前，我国发展仍处于可以大有作为的重要战略机遇期。第四节发展目标到2020年，综合实力显著增强。\n第三章构建协调联动空间格局');
    expect(rules(repairs, 'line-join')[0].message).toMatch(/page layout/);
  });

  it('never joins a Markdown heading line to the next, however long', () => {
    const { text } = norm('# 粤西地区经济社会发展规划纲要（2011—2015年）\n粤西地区包括湛江、茂名、阳江三个地级市。');
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('markup-removed', () => {
  it('removes stray ** (001)', () => {
    const source = lines('001', 151, 152);
    expect(source).toContain('——**一体高效的基础设施支撑能力全面增强。**深度参与');
    const { text, repairs } = norm(source);
    expect(text.startsWith('——一体高效的基础设施支撑能力全面增强。深度参与西部陆海新通道建设')).toBe(true);
    expect(rules(repairs, 'markup-removed').map((r) => r.before)).toEqual(['**', '**']);
  });

  it('turns <p>…</p> <p>… into lines (001 专栏3)', () => {
    const { text } = norm(lines('001', 278, 279));
    expect(text).toMatch(/^一、机场 湛江新塘、坡头通用机场迁建工程；雷州、徐闻、信宜、茂名通用机场建设工程。\n二、铁路枢纽 湛江北站/);
    expect(text).not.toMatch(/<\/?p>/);
  });

  it('removes a Markdown bullet before a numbered item and its stray ** (001 专栏11)', () => {
    const { text } = norm(lines('001', 627, 628));
    expect(text).toBe('1.鉴江生态廊道。位于北部山林屏障区，连接山林屏障区和罗江生态廊道；加强水源保护涵养，严禁采伐水源涵养林。');
  });
});

describe('markup-removed: tabs', () => {
  it('keeps the tab between cells that a tag stood next to (003: <b>六、…</b>⇥<b>30</b>)', () => {
    const { text } = normalize({ source: '| <b>六、坚持开放引领发展.....</b>      | <b>30</b> |', joinLines: true, convert: markdownEdits });
    expect(text).toBe('六、坚持开放引领发展.....\t30');
  });
});

describe('width-unified', () => {
  it('full-width digits, letters and ％ → half-width; Chinese punctuation, －, ∶ and 〔〕 kept', () => {
    // 000, as a full-width export would write it.
    const source = '粤西地区包括湛江、茂名、阳江三个地级市。２０１０年，该区域总面积３．１７万平方公里，占全省的１７．７％；（粤发〔２００９〕１５号）。ＣＥＰＡ（内地与港澳更紧密经贸关系安排）。2006－2010年，三次产业结构从2005年的23.8∶40.0∶37.2调整为2010年的19.9∶40.7∶39.4。';
    const { text, repairs } = norm(source);
    expect(text).toBe(
      '粤西地区包括湛江、茂名、阳江三个地级市。2010年，该区域总面积3.17万平方公里，占全省的17.7%；（粤发〔2009〕15号）。CEPA（内地与港澳更紧密经贸关系安排）。2006－2010年，三次产业结构从2005年的23.8∶40.0∶37.2调整为2010年的19.9∶40.7∶39.4。',
    );
    expect(rules(repairs, 'width-unified').map((r) => r.before)).toEqual(['２０１０', '３．１７', '１７．７％', '２００９', '１５', 'ＣＥＰＡ']);
  });

  it('ideographic spaces used as layout become one space (000 专栏1)', () => {
    const { text } = norm(lines('000', 63, 64));
    expect(text).toBe('专栏1 粤西三市重点发展地区');
  });
});

describe('whitespace', () => {
  it('CRLF, indentation with ideographic spaces, trailing spaces and blank-line runs (000)', () => {
    const source = lines('000', 21, 26).replace(/\n/g, '\r\n') + '\r\n\r\n\r\n\r\n' + lines('000', 26, 27);
    const { text, repairs } = norm(source);
    expect(text).toBe(['一、发展背景', '', '（一）发展基础。', lines('000', 25, 26), '', lines('000', 26, 27)].join('\n'));
    const [summary] = rules(repairs, 'whitespace');
    expect(summary.message).toMatch(/CRLF/);
  });

  it('letter-spaced headings read as words: 前　言 → 前言', () => {
    const { text, repairs } = norm(lines('000', 17, 20));
    expect(text.split('\n')[0]).toBe('前言');
    expect(rules(repairs, 'whitespace').some((r) => r.message.includes('letter-spaced heading'))).toBe(true);
  });
});

describe('footnote-marker-removed', () => {
  it('drops the reference mark ¹ from running text, keeps the footnote (001)', () => {
    const { text, repairs } = norm(lines('001', 375, 380));
    expect(text).toContain('共同建设以湛江“五岛一湾”滨海旅游集聚区');
    expect(text).toContain('¹ 五岛一湾：《广东省海岛旅游发展总体规划（2017—2030年）》');
    expect(rules(repairs, 'footnote-marker-removed').map((r) => r.before)).toEqual(['¹']);
  });

  it('keeps exponents of units', () => {
    const { text } = norm('城市人均公园绿地面积达到13m²，森林覆盖率达到47.2%。');
    expect(text).toBe('城市人均公园绿地面积达到13m²，森林覆盖率达到47.2%。');
  });
});

describe('cjk-unified', () => {
  it('Kangxi and supplement radicals from PDF text layers become ideographs (第⼀章, 总⻓)', () => {
    const { text, repairs } = norm('第⼀章 发展背景\n海洋资源优势突出，⼤陆海岸线总⻓ 1425.8 公⾥。');
    expect(text).toBe('第一章 发展背景\n海洋资源优势突出，大陆海岸线总长 1425.8 公里。');
    expect(rules(repairs, 'cjk-unified')[0].message).toMatch(/⼀ \(U\+2F00\) → 一 \(U\+4E00\)/);
  });
});

describe('cjk-unified: glyphs Simplified fonts share with other characters', () => {
  it('⼾ is 户 (not the traditional 戶 of its decomposition), ― is —, 〜 is ～, 㬵 is 胶', () => {
    const { text } = norm('引导农村人口向中心城镇转移，把符合条件的农民工落⼾城镇。中国―东盟自由贸易区。5〜10家。橡㬵');
    expect(text).toBe('引导农村人口向中心城镇转移，把符合条件的农民工落户城镇。中国—东盟自由贸易区。5～10家。橡胶');
  });
});
