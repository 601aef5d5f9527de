// GENERALITY CHECK — sentences written for this test in the style of other plans (a prefecture's
// 十四五 plan, a provincial 新型城镇化 plan), NOT taken from the sample plans. They check that the
// rules learnt on the three samples hold on the way other plans phrase their targets.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings';
import { extractFacts } from './facts';
import { extractTargets } from './targets';
import { ctx, planOf, type MetaOf } from './testing/plans';

// period as parse/meta reads it from the title (第十四个五年 → 2021–2025)
const PREFECTURE: MetaOf = { title: '某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', period: [2021, 2025], horizon: 2035, scope: [] };
const PROVINCE: MetaOf = { title: '广东省新型城镇化规划（2021—2035年）', period: [2021, 2035], horizon: null, scope: [] };

const row = (f: Finding<'target'>) => [f.data.indicator, f.data.year, f.data.value, f.data.unit, f.data.comparator, f.data.measure];
const goals = (lines: string[], meta = PREFECTURE) =>
  extractTargets(planOf(['第一章 发展基础', '发展取得新成效。', '第二章 发展目标', ...lines, '第三章 重点任务', '加快发展。'], meta), ctx);

describe('other plans (written for this test): a prefecture 十四五 plan', () => {
  it('a goal with no year of its own takes the end of the period read from the title', () => {
    expect(goals(['研究与试验发展经费投入强度达到2.5%。']).map(row)).toEqual([['研究与试验发展经费投入强度', 2025, 2.5, '%', 'eq', 'level']]);
  });

  it('growth then level of one indicator, 到2025年 after the growth clause', () => {
    expect(goals(['全市地区生产总值年均增长6%左右，到2025年达到4000亿元以上。']).map(row)).toEqual([
      ['地区生产总值年均增长率', 2025, 6, '%', 'approx', 'growth'],
      ['地区生产总值', 2025, 4000, '亿元', 'ge', 'level'],
    ]);
  });

  it('突破, 累计达到, 稳定在…左右, 控制在…以内, 不低于', () => {
    const found = goals([
      '到2025年，社会消费品零售总额突破2000亿元。实际利用外资累计达到50亿美元。外贸进出口总额稳定在1500亿元左右。城镇调查失业率控制在5.5%以内，居民人均可支配收入增长与经济增长基本同步。耕地保有量不低于500万亩。',
    ]);
    expect(found.map(row)).toEqual([
      ['社会消费品零售总额', 2025, 2000, '亿元', 'gt', 'level'],
      ['累计实际利用外资', 2025, 50, '亿美元', 'eq', 'increment'],
      ['外贸进出口总额', 2025, 1500, '亿元', 'approx', 'level'],
      ['城镇调查失业率', 2025, 5.5, '%', 'le', 'level'],
      ['耕地保有量', 2025, 500, '万亩', 'ge', 'level'],
    ]);
  });

  it('names with numbers and per-capita denominators stay whole', () => {
    const found = goals(['人均预期寿命达到79岁，每千人口拥有3岁以下婴幼儿托位数达到4.5个。每千人口医疗卫生机构床位数达到6.5张。']);
    expect(found.map((f) => [f.data.indicator, f.data.canonical, f.data.value])).toEqual([
      ['人均预期寿命', 'life_expectancy', 79],
      ['每千人口拥有3岁以下婴幼儿托位数', 'childcare_places', 4.5],
      ['每千人口医疗卫生机构床位数', 'hospital_beds', 6.5],
    ]);
  });

  it('reductions: 降低/下降 X% is a rate going down; 分别下降14%和18% gives two, both per unit of GDP', () => {
    const found = goals(['单位地区生产总值能耗和二氧化碳排放分别下降14%和18%。万元GDP用水量下降16%。']);
    expect(found.map((f) => [f.data.indicator, f.data.value, f.data.measure, f.data.direction])).toEqual([
      ['单位地区生产总值能耗下降率', 14, 'growth', 'down'],
      ['单位地区生产总值二氧化碳排放下降率', 18, 'growth', 'down'],
      ['万元GDP用水量下降率', 16, 'growth', 'down'],
    ]);
    expect(found[0].data.canonical).toBe('energy_intensity');
  });

  it('5G is a name, 2万座 the value; a ratio with 以内', () => {
    const found = goals(['5G基站总数达到2万座，实现城区和乡镇5G网络全覆盖。城乡居民收入比缩小到2.2∶1以内。']);
    expect(found.map(row)).toEqual([
      ['5G基站总数', 2025, 2, '万座', 'eq', 'level'],
      ['城乡居民收入比', 2025, '2.2:1', 'ratio', 'le', 'ratio'],
    ]);
  });

  it('由2020年的X提高到2025年的Y: a target with its baseline, and a fact', () => {
    const doc = planOf(['第二章 发展目标', '城镇居民人均可支配收入由2020年的4.2万元提高到2025年的5.8万元。'], PREFECTURE);
    const [t] = extractTargets(doc, ctx);
    expect(t.data).toMatchObject({ indicator: '城镇居民人均可支配收入', year: 2025, value: 5.8, unit: '万元', baselineValue: 4.2, baselineYear: 2020, direction: 'up' });
    expect(extractFacts(doc, ctx).map((f) => [f.data.indicator, f.data.year, f.data.value])).toEqual([['城镇居民人均可支配收入', 2020, 4.2]]);
  });

  it('past statistics: “十三五”期间, 截至2020年底, a background section', () => {
    const doc = planOf(
      ['第一章 发展基础', '“十三五”期间，累计完成固定资产投资3500亿元，年均增长10.2%。截至2020年底，全市高速公路通车里程达到860公里。', '第二章 发展目标', '加快发展。'],
      PREFECTURE,
    );
    expect(extractTargets(doc, ctx)).toEqual([]);
    expect(extractFacts(doc, ctx).map((f) => [f.data.indicator, f.data.year, f.data.value])).toEqual([
      ['累计固定资产投资', 2020, 3500],
      ['累计固定资产投资年均增长率', 2020, 10.2],
      ['高速公路通车里程', 2020, 860],
    ]);
  });

  it('tasks: counts with a goal year or 左右/以上 are targets; names and classes are not', () => {
    const doc = planOf(
      [
        '第三章 重点任务',
        '推动实施100个重大项目。到2025年，打造10个特色小镇。依托G4京港澳高速，建设1000千伏特高压输变电工程。支持发展壮大20个左右省级现代农业产业园。加快建设30万吨级原油码头。推进3、4号机组建设，引进世界500强企业。2022年3月启动试点。',
        '第四章 保障措施',
        '加强组织领导。',
      ],
      PREFECTURE,
    );
    expect(extractTargets(doc, ctx).map((f) => [f.data.indicator, f.data.value, f.data.unit, f.data.comparator])).toEqual([
      ['特色小镇', 10, '个', 'eq'],
      ['省级现代农业产业园', 20, '个', 'approx'],
    ]);
  });

  it('城乡居民…分别达到X和Y: 城镇 and 农村; 比2020年提高5个百分点 takes the indicator before it', () => {
    const found = goals(['到2025年，城乡居民人均可支配收入分别达到5.5万元和2.8万元。全市城镇化率达到65%，比2020年提高5个百分点。']);
    expect(found.map((f) => [f.data.indicator, f.data.value, f.data.unit, f.data.measure, f.data.baselineYear])).toEqual([
      ['城镇居民人均可支配收入', 5.5, '万元', 'level', null],
      ['农村居民人均可支配收入', 2.8, '万元', 'level', null],
      ['城镇化率', 65, '%', 'level', null],
      ['城镇化率提高百分点', 5, '个百分点', 'growth', 2020],
    ]);
    expect(found[0].data.canonical).toBe('urban_income');
    expect(found[1].data.canonical).toBe('rural_income');
  });

  it('what is, in a task chapter: 为/约/共有 without a goal year or a goal word are facts, 目前/已 too', () => {
    const doc = planOf(
      ['第三章 重点任务', '全市森林覆盖率为58.5%，居全省前列。全市共有各类市场主体30万户，其中企业8万户。目前，全市已建成5G基站8000个。', '第四章 保障措施', '加强领导。'],
      PREFECTURE,
    );
    expect(extractTargets(doc, ctx)).toEqual([]);
    expect(extractFacts(doc, ctx).map((f) => [f.data.indicator, f.data.value])).toEqual([
      ['森林覆盖率', 58.5],
      ['共有各类市场主体', 30],
      ['企业', 8],
      ['5G基站', 8000],
    ]);
  });

  it('scope words: 县级以上城市建成区… (建成区 is a noun, not the verb 建成)', () => {
    const [t] = goals(['县级以上城市建成区黑臭水体消除比例达到100%。']);
    expect(t.data).toMatchObject({ indicator: '建成区黑臭水体消除比例', scope: '县级以上城市', value: 100 });
  });
});

describe('other plans (written for this test): a provincial 新型城镇化 plan', () => {
  const found = goals(
    [
      '到2025年，全省常住人口城镇化率达到77%左右，户籍人口城镇化率力争达到55%。城镇新增就业人数年均保持在110万人以上。地级以上城市公共交通出行分担率达到40%。城市人均公园绿地面积不低于15平方米。城市（县城）燃气普及率达到98%。',
      '到2030年，县城污水处理率达到95%，城市生活垃圾回收利用率达到35%以上。',
    ],
    PROVINCE,
  );

  it('常住 and 户籍 urbanization are different indicators; 全省 is the plan region', () => {
    expect(found.slice(0, 2).map((f) => [f.data.canonical, f.data.value, f.data.comparator, f.data.scope])).toEqual([
      ['urbanization', 77, 'approx', '广东省'],
      ['hukou_urbanization', 55, 'eq', '广东省'],
    ]);
  });

  it('年均保持在110万人以上 is not a growth rate; 新增 names an increment (shared/eval/GUIDE.md)', () => {
    expect(row(found[2])).toEqual(['城镇新增就业人数', 2025, 110, '万人', 'ge', 'increment']);
  });

  it('the goal year of the paragraph holds for its later sentences; a new paragraph has its own', () => {
    expect(found.map((f) => [f.data.indicator, f.data.year])).toEqual([
      ['常住人口城镇化率', 2025],
      ['户籍人口城镇化率', 2025],
      ['城镇新增就业人数', 2025],
      ['地级以上城市公共交通出行分担率', 2025],
      ['城市人均公园绿地面积', 2025],
      ['城市（县城）燃气普及率', 2025],
      ['县城污水处理率', 2030],
      ['城市生活垃圾回收利用率', 2030],
    ]);
  });

  it('an event date (2022年3月) is not the year of a later goal', () => {
    const [t] = goals(['2022年3月启动试点。单位地区生产总值能耗降低14%。'], PROVINCE);
    expect(t.data.year).toBe(2035);
    expect(t.flags).toContain('year_implied');
  });
});

describe('other plans (written for this test): stages named with their year in brackets', () => {
  it('近期（2025年）… 远期（2035年）…: each stage’s goals take its year', () => {
    const found = goals(['近期（2025年）：常住人口城镇化率达到70%，森林覆盖率稳定在45%以上。', '远期（2035年）：常住人口城镇化率达到78%左右。'], PROVINCE);
    expect(found.map(row)).toEqual([
      ['常住人口城镇化率', 2025, 70, '%', 'eq', 'level'],
      ['森林覆盖率', 2025, 45, '%', 'ge', 'level'],
      ['常住人口城镇化率', 2035, 78, '%', 'approx', 'level'],
    ]);
  });
});

describe('other plans (written for this test): a bracket after the value gives its base year', () => {
  it('森林覆盖率达到47%（2020年为45%）: the target, with the bracket as its baseline', () => {
    const [t] = goals(['到2025年，森林覆盖率达到47%（2020年为45%）。']);
    expect(row(t)).toEqual(['森林覆盖率', 2025, 47, '%', 'eq', 'level']);
    expect([t.data.baselineValue, t.data.baselineYear]).toEqual([45, 2020]);
  });
  it('累计建成5G基站15万个: 累计 is how the number counts, not a scope', () => {
    const [t] = goals(['到2025年，累计建成5G基站15万个。']);
    expect([t.data.scope === '累计', t.data.measure, t.data.value, t.data.unit]).toEqual([false, 'increment', 15, '万个']);
  });
});
