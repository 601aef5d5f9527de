// Targets on real sentences of the sample plans (000 粤西, 001 湛茂, 002 珠江—西江), each under the
// headings that give it its context; negatives (names, ranks, classes, past statistics); spans on
// the sample plans whole; and sentences in the style of other plans (marked "other plans").
import { describe, expect, it } from 'vitest';
import type { Finding, TargetData } from '../core/findings';
import { sourceSpan } from '../ingest/index';
import { extractFacts } from './facts';
import { extractTargets } from './targets';
import { confidenceOf } from './confidence';
import { ctx, inBackground, inGoals, inTasks, META, planOf, SAMPLE_IDS, samplePlan, type MetaOf } from './testing/plans';

const targets = (lines: readonly string[], meta: MetaOf = META.yuexi) => extractTargets(planOf(lines, meta), ctx);
const find = (fs: ReadonlyArray<Finding<'target'>>, indicator: string): Finding<'target'> => {
  const f = fs.find((x) => x.data.indicator === indicator);
  if (!f) throw new Error(`no target ${indicator} in ${fs.map((x) => x.data.indicator).join(', ')}`);
  return f;
};
const pick = (d: TargetData) => ({ year: d.year, value: d.value, unit: d.unit, comparator: d.comparator, measure: d.measure });

describe('000 粤西: the goal paragraphs', () => {
  const found = targets(
    inGoals([
      '到2015年，粤西地区振兴发展取得明显成效，在2012年实现“三年大变化”的基础上，大阔步迈向“十年大跨越”的目标。',
      '——经济实力显著增强。经济增长速度超过全省平均水平。到2015年，粤西地区生产总值达到6340亿元，年均增长12.5%以上；人均生产总值达到39160元。产业结构进一步优化，三次产业比例达到13∶47∶40，轻重工业增加值比重达到31∶69，以钢铁石化为龙头的临港重化工业形成规模。城市集聚和辐射功能明显增强，城镇化水平达50%以上。',
      '——基础设施进一步完善。基本消除区域内省道以上公路“断头路”，新增高速公路通车里程230公里，新增铁路通车里程482公里，港口货物吞吐能力超过3亿吨。初步建立现代化水利支撑保障体系，地级市市区防洪防潮标准达到100年一遇，县城防洪防潮能力达到50年一遇。',
      '——人民生活水平显著提高。城乡居民收入水平进一步提高，实现与经济发展同步，年均增长达到11%。人口自然增长率控制在8.5‰以内。适龄儿童入学率、初中毛入学率均达到100%，高中阶段教育毛入学率超过87%。就业形势保持稳定，新增城镇就业岗位38.4万人。城乡三项医疗保险参保率达到98%。',
      '——生态环境显著改善。完成省下达的单位生产总值能源消耗下降等约束性指标。城镇生活垃圾无害化处理率达到70%，城市人均公园绿地面积达到13平方米，森林覆盖率达到47.2%。',
    ]),
  );

  it('达到 → eq, the place before the indicator is the scope, the year from 到2015年', () => {
    const t = find(found, '地区生产总值');
    expect(pick(t.data)).toEqual({ year: 2015, value: 6340, unit: '亿元', comparator: 'eq', measure: 'level' });
    expect(t.data.scope).toBe('粤西地区');
    expect(t.data.canonical).toBe('gdp');
    expect(t.flags).not.toContain('year_implied');
  });

  it('年均增长12.5%以上 takes the indicator of the clause before it: growth, ge', () => {
    const t = find(found, '地区生产总值年均增长率');
    expect(pick(t.data)).toEqual({ year: 2015, value: 12.5, unit: '%', comparator: 'ge', measure: 'growth' });
    expect(t.data.canonical).toBe('gdp_growth');
    expect(t.flags).toContain('subject_inherited');
  });

  it('ratios 13∶47∶40 (U+2236), the year inherited from the paragraph', () => {
    const t = find(found, '三次产业比例');
    expect(pick(t.data)).toEqual({ year: 2015, value: '13:47:40', unit: 'ratio', comparator: 'eq', measure: 'ratio' });
    expect(t.flags).toContain('year_inherited');
    expect(find(found, '轻重工业增加值比重').data.value).toBe('31:69');
  });

  it('达…以上 → ge; 超过 → gt; 控制在…以内 → le with ‰', () => {
    expect(pick(find(found, '城镇化水平').data)).toMatchObject({ value: 50, unit: '%', comparator: 'ge' });
    expect(find(found, '城镇化水平').data.canonical).toBe('urbanization');
    expect(pick(find(found, '港口货物吞吐能力').data)).toMatchObject({ value: 3, unit: '亿吨', comparator: 'gt' });
    expect(pick(find(found, '人口自然增长率').data)).toMatchObject({ value: 8.5, unit: '‰', comparator: 'le' });
  });

  it('no year in the paragraph: the plan end year, flagged year_implied', () => {
    const t = find(found, '新增高速公路通车里程');
    expect(pick(t.data)).toEqual({ year: 2015, value: 230, unit: '公里', comparator: 'eq', measure: 'increment' });
    expect(t.flags).toContain('year_implied');
    // how sure: what was measured for its rule and flags (data/lexicons/rule-precision.json)
    expect(t.confidence).toBe(confidenceOf('target', t.rule!, t.flags));
  });

  it('scope words in front of the indicator (地级市市区, 县城), unit 年一遇', () => {
    const a = find(found, '防洪防潮标准');
    expect(a.data).toMatchObject({ scope: '地级市市区', value: 100, unit: '年一遇' });
    expect(find(found, '防洪防潮能力').data).toMatchObject({ scope: '县城', value: 50 });
  });

  it('年均增长达到11% after two clauses without numbers: the subject two clauses back', () => {
    const t = find(found, '城乡居民收入年均增长率');
    expect(pick(t.data)).toEqual({ year: 2015, value: 11, unit: '%', comparator: 'eq', measure: 'growth' });
  });

  it('A、B均达到100%: one target each', () => {
    expect(find(found, '适龄儿童入学率').data.value).toBe(100);
    expect(find(found, '初中毛入学率').data.value).toBe(100);
    expect(find(found, '高中阶段教育毛入学率').data.comparator).toBe('gt');
  });

  it('a Chinese count inside a name does not cut it (城乡三项医疗保险参保率)', () => {
    expect(find(found, '城乡三项医疗保险参保率').data.value).toBe(98);
  });

  it('finds every number-bearing goal and nothing else', () => {
    expect(found.map((f) => f.data.indicator).sort()).toEqual(
      [
        '地区生产总值', '地区生产总值年均增长率', '人均生产总值', '三次产业比例', '轻重工业增加值比重', '城镇化水平',
        '新增高速公路通车里程', '新增铁路通车里程', '港口货物吞吐能力', '防洪防潮标准', '防洪防潮能力',
        '城乡居民收入年均增长率', '人口自然增长率', '适龄儿童入学率', '初中毛入学率', '高中阶段教育毛入学率',
        '新增城镇就业岗位', '城乡三项医疗保险参保率', '城镇生活垃圾无害化处理率', '城市人均公园绿地面积', '森林覆盖率',
      ].sort(),
    );
  });
});

describe('000 粤西: goals in the task chapters', () => {
  it('形成2300万吨/年炼油、100万吨乙烯规模生产能力: a capacity per product, the base as scope', () => {
    const found = targets(inTasks(['到2015年，湛江东海岛石化基地（含湛江东兴）形成2300万吨/年炼油、100万吨乙烯规模生产能力；茂名石化基地形成2550万吨/年炼油、100万吨乙烯规模生产能力。']));
    expect(found.map((f) => [f.data.indicator, f.data.value, f.data.unit, f.data.scope])).toEqual([
      ['炼油生产能力', 2300, '万吨/年', '湛江东海岛石化基地（含湛江东兴）'],
      ['乙烯生产能力', 100, '万吨', '湛江东海岛石化基地（含湛江东兴）'],
      ['炼油生产能力', 2550, '万吨/年', '茂名石化基地'],
      ['乙烯生产能力', 100, '万吨', '茂名石化基地'],
    ]);
  });

  it('项目形成年产钢超过500万吨规模: the verb ends the scope, 规模 completes the indicator', () => {
    const [t] = targets(inTasks(['到2015年，广钢环保迁建湛江项目形成年产钢超过500万吨规模。']));
    expect(t.data).toMatchObject({ indicator: '年产钢规模', scope: '广钢环保迁建湛江项目', value: 500, unit: '万吨', comparator: 'gt' });
  });

  it('拥有…10家以上 with no verb before the number', () => {
    const found = targets(inTasks(['到2015年，粤西地区拥有国家产业化重点农业龙头企业10家以上，省级重点农业龙头企业30家以上。']));
    expect(found.map((f) => [f.data.indicator, f.data.value, f.data.comparator])).toEqual([
      ['国家产业化重点农业龙头企业', 10, 'ge'],
      ['省级重点农业龙头企业', 30, 'ge'],
    ]);
  });

  it('90%.实施 (ASCII full stop) and 每年增长…以上 in the next sentence', () => {
    const found = targets(
      inTasks(['加快建设农村自来水工程，确保2013年前完成农村饮水安全工程建设，到2015年，农村自来水普及率超过90%.实施农村清洁工程，确保实行生活污水处理的村庄数量每年增长1%以上，实行生活垃圾集中处理的村庄覆盖率每年增长10%以上，改善农村卫生条件和人居环境。']),
    );
    expect(pick(find(found, '农村自来水普及率').data)).toEqual({ year: 2015, value: 90, unit: '%', comparator: 'gt', measure: 'level' });
    expect(pick(find(found, '实行生活污水处理的村庄数量年增长率').data)).toEqual({ year: 2015, value: 1, unit: '%', comparator: 'ge', measure: 'growth' });
    expect(find(found, '实行生活垃圾集中处理的村庄覆盖率年增长率').data.value).toBe(10);
    expect(found).toHaveLength(3);
  });

  it('学校 100%达到标准 (a share before its verb) and 最少有一所 (a Chinese count)', () => {
    const found = targets(inTasks(['合理建设一批特殊教育学校。到2015年，县级以上城市义务教育学校 100%达到规范化学校标准，每个市最少有一所标准化特殊教育学校。']));
    expect(find(found, '义务教育学校达到规范化学校标准的比例').data).toMatchObject({ scope: '县级以上城市', value: 100, unit: '%' });
    expect(find(found, '标准化特殊教育学校').data).toMatchObject({ scope: '每个市', value: 1, unit: '所', comparator: 'ge' });
    expect(found).toHaveLength(2);
  });

  it('units with a denominator (件/百万人) and 为…以上', () => {
    const found = targets(inTasks(['到2015年，年专利授权量达到230件/百万人，年发明专利申请量达到50件/百万人。', '到2015年，广播电视综合人口覆盖率为99%以上。']));
    expect(find(found, '年专利授权量').data).toMatchObject({ value: 230, unit: '件/百万人', canonical: 'patent_grants' });
    expect(find(found, '广播电视综合人口覆盖率').data.comparator).toBe('ge');
  });
});

describe('001 湛茂: spaces around numbers, travel times, shares', () => {
  const goals = (lines: string[]) => targets(['第二章 总体要求', '第一节 指导思想', '坚持新发展理念。', '第二节 基本原则', '深化改革。', '第三节 发展目标', ...lines, '第三章 共建一体高效的现代化基础设施体系', '推进基础设施互联互通。'], META.zhanmao);

  it('达到约 → approx; 控制在 1.6 以内 with no unit → le, unit null; 1 小时通勤圈…稳步提高 is not a target', () => {
    const found = goals([
      '到 2030 年，湛茂都市圈综合实力显著增强，常住人口城镇化率达到约 57%，城乡居民可支配收入比值控制在 1.6 以内，基本形成功能明确、集约高效、轴带联动、协同发展的空间格局，1 小时通勤圈协同发展水平稳步提高，与粤港澳大湾区和大西南等地区的交通联系更加紧密。',
    ]);
    expect(found.map((f) => [f.data.indicator, f.data.year, f.data.value, f.data.unit, f.data.comparator])).toEqual([
      ['常住人口城镇化率', 2030, 57, '%', 'approx'],
      ['城乡居民可支配收入比值', 2030, 1.6, null, 'le'],
    ]);
  });

  it('2小时高铁交通圈 and 核心圈1小时通达: at most N hours, the plan end year', () => {
    const found = goals([
      '加快推进广湛高铁建设，基本形成与粤港澳大湾区中心城市、广西北部湾经济区、海南自由贸易港2小时高铁交通圈。',
      '构建“一环九射”的都市圈高速公路网络，实现都市圈核心圈1小时通达。',
    ]);
    expect(found.map((f) => [f.data.indicator, f.data.value, f.data.unit, f.data.comparator, f.data.year])).toEqual([
      ['高铁交通圈', 2, '小时', 'le', 2030],
      ['都市圈核心圈通达时间', 1, '小时', 'le', 2030],
    ]);
  });

  it('an indicator with 、 inside (占全部公共汽车、出租汽车比重), 力争到…不低于 → ge', () => {
    const found = goals([
      '加强油路车港联合防控，大力推广公交电动化、绿色化和其他领域新能源汽车，到 2030 年，新能源汽车占全部公共汽车、出租汽车比重达到 87%。',
      '完善绿色出行交通体系，提倡低碳出行，力争到 2030 年，城市绿色出行比例不低于 66%。',
    ]);
    expect(found.map((f) => [f.data.indicator, f.data.value, f.data.comparator])).toEqual([
      ['新能源汽车占全部公共汽车、出租汽车比重', 87, 'eq'],
      ['城市绿色出行比例', 66, 'ge'],
    ]);
  });

  it('推进化肥农药零增长: growth of at most 0', () => {
    const [t] = goals(['夯实土壤污染防治基础，推进化肥农药零增长。']);
    expect(t.data).toMatchObject({ value: 0, unit: '%', comparator: 'le', measure: 'growth' });
  });
});

describe('002 珠江—西江: lost % signs, intermediate years, 其中 items', () => {
  const env = (lines: string[]) => targets(['第五章共建珠江—西江生态廊道', '第四节加强环境保护', ...lines, '第五节健全流域生态环境保护管理体制', '建立流域生态激励和约束机制。'], META.xijiang);

  it('a rate written without % (不低于90): % restored, flagged', () => {
    const found = env(['加强水功能区监督管理。实施最严格的水环境监管和水资源管理制度，确保西江干流水质达到国家标准，跨省界（市界）河流交接断面水质达标率不低于90，城镇集中式饮用水水源地水质达标率不低于95。']);
    expect(found.map((f) => [f.data.indicator, f.data.year, f.data.value, f.data.unit, f.data.comparator])).toEqual([
      ['跨省界（市界）河流交接断面水质达标率', 2020, 90, '%', 'ge'],
      ['城镇集中式饮用水水源地水质达标率', 2020, 95, '%', 'ge'],
    ]);
    expect(found[0].flags).toEqual(expect.arrayContaining(['percent_restored', 'year_implied']));
  });

  it('到2015年 inside a 2014–2020 plan is the year of that goal', () => {
    const found = env(['加强医疗卫生机构和医疗废物集中处置单位管理，到2015年，设市城市医疗废物处理处置率达到100。到2020年，危险废物处理处置率达到100，沿岸所有乡镇及以上城镇生活垃圾无害化处理率达到100。']);
    expect(found.map((f) => [f.data.indicator, f.data.year, f.data.value, f.data.unit])).toEqual([
      ['设市城市医疗废物处理处置率', 2015, 100, '%'],
      ['危险废物处理处置率', 2020, 100, '%'],
      ['沿岸所有乡镇及以上城镇生活垃圾无害化处理率', 2020, 100, '%'],
    ]);
  });

  it('其中…: the items of a goal, without a verb', () => {
    const found = targets(['第四章协同推进重大基础设施建设', '第一节打造互联互通大通道', '航道网络。加快建设广州出海航道拓宽工程和珠江口公共锚地工程。到2020年，级及以上航道超过2017公里，其中级航道502公里，级航道696公里，级航道819公里。'], META.xijiang);
    expect(found.map((f) => [f.data.indicator, f.data.value, f.data.comparator])).toEqual([
      ['级及以上航道', 2017, 'gt'],
      ['级航道', 502, 'eq'],
      ['级航道', 696, 'eq'],
      ['级航道', 819, 'eq'],
    ]);
  });
});

describe('not targets', () => {
  const none = (lines: string[], meta: MetaOf = META.yuexi) => expect(targets(lines, meta).map((f) => f.data.indicator)).toEqual([]);

  it('past statistics in a background section (they are facts)', () => {
    const lines = inBackground(['经济综合实力明显提升。2006－2010年，粤西地区生产总值年均增长12.7%，超过全省平均水平，2010年达3537亿元；人均生产总值年均增长12.0%，2010年达23239元。']);
    none(lines);
    expect(extractFacts(planOf(lines, META.yuexi), ctx).length).toBe(4);
  });

  it('a year before the plan period is the past even outside background sections', () => {
    none(inTasks(['2010年，城镇生活垃圾无害化处理率达65%。']));
  });

  it('numbers that name things: 三核, 十二五, 500强, 3、4号, 2×1000MW, （10）', () => {
    none(inTasks(['构建“三核、四轴、两屏”的国土开发格局和“三区、四带”的产业空间布局。']));
    none(inTasks(['本规划纲要规划期从2011至2015年，属我省“十二五”区域规划。']));
    none(inTasks(['大力引进世界500强、中国100强等大企业的地区性总部或研发中心。']));
    none(inTasks(['湛江京信东海电厂、茂名博贺电厂3、4号2×1000MW机组工程、茂名市天然气热电联产保障电源项目等电厂项目。']));
    none(['第五章共建珠江—西江生态廊道', '第四节加强环境保护', '实施可吸入颗粒物（10）、细颗粒物（25）协同治理。', '第五节健全流域生态环境保护管理体制', '建立机制。'], META.xijiang);
  });

  it('size classes and capacities inside names: 30万吨级, 10万吨以下船舶, 年产30万吨…项目', () => {
    none(inTasks(['湛江港30万吨级航道、阳江港续建工程等重大项目相继建成投产。']));
    none(inTasks(['重点发展修船以及灵便型散货船、油船等10万吨以下船舶。']));
    none(inTasks(['推动湛江东岛（锂电）年产 30 万吨动力与储能电池负极材料项目建设，中捷公司 12 万吨/年电子新材料项目。']));
  });

  it('counts of the things a plan builds, with no goal year or comparator (一个, 两个, 6 条)', () => {
    none(inTasks(['建设一个具有国际先进水平的国家级重化产业基地。']));
    none(inTasks(['形成“一个走廊、两个密集区、三条发展轴、多个节点”的城镇总体发展格局。']));
    none(inTasks(['加快建设鉴江、罗江、沙琅江—袂花江、雷州青年运河、九洲江和南渡河 6 条河流生态廊道。']));
  });

  it('descriptions with no goal word and no year (a footnote’s areas), sayings (“最后一公里”), 已实现', () => {
    none(inTasks(['¹ 五岛一湾：《广东省海岛旅游发展总体规划（2017—2030年）》中提出，含特呈岛、南三岛、东海岛、碇洲岛、南屏岛和湛江湾，总面积1130.68平方公里，海岛面积475平方公里，海域面积约515平方公里，园区海岸线长达241公里。']));
    none(inTasks(['加强人才队伍建设，打通人才服务基层“最后一公里”。']));
    none(inTasks(['都市圈内部虽然已实现湛茂 1 小时通勤，但快速交通网络化程度不高。']));
  });

  it('document numbers and years in titles', () => {
    none(inTasks(['依据《国务院关于珠江三角洲地区改革发展规划纲要（2008—2020年）的批复》（国函〔2008〕129号）等文件。']));
  });

  it('project investments belong to projects, not targets', () => {
    none(inTasks(['加快建设云浮至阳江高速公路，总投资约120亿元。']));
  });
});

describe('the sample plans whole', () => {
  it('every target and fact has a span inside the text, a non-empty quote and a section', async () => {
    for (const id of SAMPLE_IDS) {
      const { text, doc } = await samplePlan(id);
      const all = [...extractTargets(doc, ctx), ...extractFacts(doc, ctx)];
      expect(all.length).toBeGreaterThan(5);
      for (const f of all) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeGreaterThan(f.start);
        expect(f.end).toBeLessThanOrEqual(text.text.length);
        const quote = sourceSpan(text, f.start, f.end).text;
        expect(quote.trim().length).toBeGreaterThan(0);
        expect(f.section).not.toBeNull();
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('the quote of a text target holds its number as written', async () => {
    const { text, doc } = await samplePlan('000_dde77a566d45a381');
    for (const f of extractTargets(doc, ctx)) {
      const quote = sourceSpan(text, f.start, f.end).text.replace(/∶/g, ':');
      const v = f.data.value;
      if (typeof v === 'number' && v > 1) expect(quote).toContain(String(v));
      if (typeof v === 'string') expect(quote).toContain(v);
    }
  });
});
