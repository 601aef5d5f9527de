// Indicator tables: 002's 专栏1 flattened by the PDF conversion (cells glued, % and decimal points
// lost), and tables with separated cells in the style of other plans (marked "other plans").
import { describe, expect, it } from 'vitest';
import { extractFacts } from './facts';
import { findTables, readHeader, readValues, segments } from './tables';
import { extractTargets } from './targets';
import { ctx, META, planOf } from './testing/plans';

// 002 专栏1 as stored: one run of text.
const BOX002 =
  '专栏1：发展目标2020年指标2013年绝对值年均增长人均地区生产总值（元、）63100>11530090进出口总额（亿美元、）2117>4980130常住人口城镇化率（）61566—户籍人口城镇化率（）3746左右—城镇居民人均可支配收入（元、）30010>5486090农民人均纯收入（元、）12050>2274095森林覆盖率（）56>60—水功能区水质达标率（）8090—城镇生活污水处理率（）80>90—城镇垃圾无害化处理率（）856>95—注：人均地区生产总值和城乡居民收入绝对数按2013年价格计算，增长速度按可比价格计算。';

const money = { cells: 3, years: 7, rate: false, higherIsBetter: true };
const rate = { cells: 3, years: 7, rate: true, higherIsBetter: true };
const v = (blob: string, opts: Parameters<typeof readValues>[1]) => {
  const r = readValues(blob, opts);
  return r && [r.base?.value ?? null, r.target?.value ?? null, r.target?.comparator ?? null, r.growth?.value ?? null, r.split];
};

describe('002 专栏1: glued cells split by the arithmetic', () => {
  it('63100>11530090 = 63100 | >115300 | 9.0 (63100 × 1.09^7 ≈ 115350)', () => {
    expect(v('63100>11530090', money)).toEqual([63100, 115300, 'gt', 9, true]);
  });
  it('the other rows with a growth column', () => {
    expect(v('2117>4980130', money)).toEqual([2117, 4980, 'gt', 13, true]);
    expect(v('30010>5486090', money)).toEqual([30010, 54860, 'gt', 9, true]);
    expect(v('12050>2274095', money)).toEqual([12050, 22740, 'gt', 9.5, true]);
  });
  it('rows without growth: the split a rate allows (61566 = 61.5 | 66, not 61.56 | 6 or 6.15 | 66)', () => {
    expect(v('61566—', rate)).toEqual([61.5, 66, 'eq', null, true]);
    expect(v('3746左右—', rate)).toEqual([37, 46, 'approx', null, true]);
    expect(v('8090—', rate)).toEqual([80, 90, 'eq', null, true]);
  });
  it('cells already apart are kept as written; a lost decimal point only where the value cannot be', () => {
    expect(v('56>60—', rate)).toEqual([56, 60, 'gt', null, false]);
    expect(v('80>90—', rate)).toEqual([80, 90, 'gt', null, false]);
    expect(v('856>95—', rate)).toEqual([85.6, 95, 'gt', null, false]);
    expect(readValues('856>95—', rate)?.base?.restored).toBe(true);
  });
  it('segments: comparators, 左右 and dashes make cells', () => {
    expect(segments('3746左右—').map((s) => [s.digits, s.suffix])).toEqual([['3746', 'approx'], ['', null]]);
    expect(segments('63100>11530090').map((s) => [s.digits, s.prefix])).toEqual([['63100', null], ['11530090', 'gt']]);
  });

  it('the header gives the years and the growth column', () => {
    expect(readHeader('专栏1：发展目标2020年指标2013年绝对值年均增长')).toEqual({ baseYear: 2013, targetYear: 2020, hasGrowth: true });
  });

  it('finds the ten rows, the first without the header words glued to it', () => {
    const [t] = findTables(BOX002);
    expect(t.rows.map((r) => r.name)).toEqual([
      '人均地区生产总值', '进出口总额', '常住人口城镇化率', '户籍人口城镇化率', '城镇居民人均可支配收入',
      '农民人均纯收入', '森林覆盖率', '水功能区水质达标率', '城镇生活污水处理率', '城镇垃圾无害化处理率',
    ]);
    expect(BOX002.slice(t.rows[0].start, t.rows[0].end)).toBe('人均地区生产总值（元、）63100>11530090');
    expect(BOX002.slice(t.rows[2].start, t.rows[2].end)).toBe('常住人口城镇化率（）61566');
  });

  const doc = planOf(['第二章总体要求', '第四节发展目标', '到2020年，综合实力显著增强。', BOX002, '第三章构建协调联动空间格局', '统筹空间布局。'], META.xijiang);
  const targets = extractTargets(doc, ctx);

  it('targets: level with base year and value, growth with %, flags for every repair', () => {
    const gdp = targets.filter((t) => t.data.indicator.startsWith('人均地区生产总值'));
    expect(gdp.map((t) => [t.data.indicator, t.data.year, t.data.value, t.data.unit, t.data.comparator, t.data.measure, t.data.baselineValue, t.data.baselineYear])).toEqual([
      ['人均地区生产总值', 2020, 115300, '元', 'gt', 'level', 63100, 2013],
      ['人均地区生产总值年均增长率', 2020, 9, '%', 'eq', 'growth', null, null],
    ]);
    expect(gdp[0].flags).toContain('table_cells_split');
    expect(gdp[1].flags).toEqual(expect.arrayContaining(['table_cells_split', 'decimal_restored']));
    const city = targets.find((t) => t.data.indicator === '常住人口城镇化率');
    expect(city?.data).toMatchObject({ value: 66, unit: '%', baselineValue: 61.5, canonical: 'urbanization' });
    expect(city?.flags).toEqual(expect.arrayContaining(['percent_restored', 'decimal_restored', 'table_cells_split']));
    expect(targets.find((t) => t.data.indicator === '户籍人口城镇化率')?.data).toMatchObject({ value: 46, comparator: 'approx', baselineValue: 37 });
    expect(targets).toHaveLength(14);
  });

  it('facts: the base-year column', () => {
    const facts = extractFacts(doc, ctx);
    expect(facts.map((f) => [f.data.indicator, f.data.year, f.data.value])).toContainEqual(['城镇垃圾无害化处理率', 2013, 85.6]);
    expect(facts.filter((f) => f.data.year === 2013)).toHaveLength(10);
  });
});

describe('tables with separated cells (other plans, written for this test)', () => {
  const doc = planOf(
    [
      '第二章 发展目标',
      '到2025年，经济实力明显增强。',
      '表1 “十四五”时期经济社会发展主要指标',
      '指标 2020年 2025年 年均增长 属性',
      '地区生产总值（亿元） 1353 1800 6 预期性',
      '常住人口城镇化率（%） 57.8 62 — 预期性',
      '森林覆盖率（%） 74.4 74.5 — 约束性',
      '单位地区生产总值能耗降低（%） — 〔14〕 — 约束性',
      '全员劳动生产率增长（%） — — — 预期性',
      '单位地区生产总值二氧化碳排放降低（%） — 〔18〕 — 约束性',
      '第三章 重点任务',
      '加快发展。',
    ],
    { title: '韶关市国民经济和社会发展第十四个五年规划和2035年远景目标纲要', period: [2021, 2025], horizon: 2035, scope: ['韶关市'] },
  );
  const targets = extractTargets(doc, ctx);

  it('years from the header line, binding from the 属性 column, growth checked by the arithmetic', () => {
    expect(targets.map((t) => [t.data.indicator, t.data.year, t.data.value, t.data.unit, t.data.measure, t.data.binding])).toEqual([
      ['地区生产总值', 2025, 1800, '亿元', 'level', 'expected'],
      ['地区生产总值年均增长率', 2025, 6, '%', 'growth', 'expected'],
      ['常住人口城镇化率', 2025, 62, '%', 'level', 'expected'],
      ['森林覆盖率', 2025, 74.5, '%', 'level', 'constraint'],
      ['单位地区生产总值能耗降低', 2025, 14, '%', 'increment', 'constraint'],
      ['单位地区生产总值二氧化碳排放降低', 2025, 18, '%', 'increment', 'constraint'],
    ]);
    expect(targets[0].flags).not.toContain('table_cells_split');
    expect(targets[0].data.scope).toBe('韶关市');
  });
});

describe('figures that do not add up exactly (other plans, written for this test)', () => {
  it('cells written apart are read as written even when base × (1+g)^n misses the target', () => {
    // 1353 × 1.065^5 ≈ 1854, not 1800: current-price targets and comparable-price growth differ
    expect(v('1353 1800 6.5', { cells: 3, years: 5, rate: false, higherIsBetter: true })).toEqual([1353, 1800, 'eq', 6.5, false]);
  });
  it('glued cells without a growth column: the split whose values are alike (1353 | 1800, not 1353180 | 0)', () => {
    expect(v('13531800', { cells: 2, years: 5, rate: false, higherIsBetter: true })).toEqual([1353, 1800, 'eq', null, true]);
  });
});

describe('tables with tab-separated cells, as ingest makes of HTML/DOCX tables (other plans, written for this test)', () => {
  const doc = planOf(
    [
      '第二章 发展目标',
      '表1 “十四五”时期经济社会发展主要指标',
      '类别\t序号\t指标\t单位\t2020年\t2025年\t年均增长/累计\t属性',
      '经济发展\t1\t地区生产总值增长\t%\t2.3\t6左右\t—\t预期性',
      '2\t全员劳动生产率增长\t%\t2.5\t高于GDP增长\t—\t预期性',
      '创新驱动\t3\t研发经费投入增长\t%\t—\t—\t>7\t预期性',
      '绿色生态\t4\t单位地区生产总值能源消耗降低\t%\t—\t—\t〔14〕\t约束性',
      '5\t森林覆盖率\t%\t58.5\t59\t—\t约束性',
      '安全保障\t6\t粮食综合生产能力\t万吨\t120\t>120\t—\t约束性',
      '第三章 重点任务',
      '加快发展。',
    ],
    { title: '某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', period: [2021, 2025], horizon: 2035, scope: [] },
  );
  const targets = extractTargets(doc, ctx);

  it('columns by the header, rows short of the merged 类别 cell aligned from the right, words in value cells skipped', () => {
    expect(targets.map((t) => [t.data.indicator, t.data.value, t.data.unit, t.data.comparator, t.data.measure, t.data.binding, t.data.baselineValue])).toEqual([
      ['地区生产总值增长', 6, '%', 'approx', 'growth', 'expected', null],
      ['研发经费投入增长', 7, '%', 'gt', 'growth', 'expected', null],
      ['单位地区生产总值能源消耗降低', 14, '%', 'eq', 'increment', 'constraint', null],
      ['森林覆盖率', 59, '%', 'eq', 'level', 'constraint', 58.5],
      ['粮食综合生产能力', 120, '万吨', 'gt', 'level', 'constraint', 120],
    ]);
    expect(targets[0].data.canonical).toBe('gdp_growth');
    expect(targets[2].data.direction).toBe('down');
    expect(doc.text.text.slice(targets[3].start, targets[3].end)).toBe('森林覆盖率\t%\t58.5\t59\t—\t约束性');
  });

  it('the base-year column gives facts', () => {
    expect(extractFacts(doc, ctx).map((f) => [f.data.indicator, f.data.year, f.data.value])).toContainEqual(['森林覆盖率', 2020, 58.5]);
  });
});

describe('a 考评 table with a 目标值 column and no unit column (other plans, written for this test)', () => {
  const doc = planOf(
    [
      '附件',
      '某市2025年度高质量发展考评指标及分工表',
      '序号\t考评指标\t目标值\t分值\t牵头考核单位\t配合单位',
      '一、经济发展（40分）',
      '1\t地区生产总值增速\t6%左右\t10\t市发展改革委\t市统计局',
      '2\t城镇新增就业\t5万人\t10\t市人力资源社会保障局\t各区人民政府',
      '3\t研发经费投入强度\t3.2%\t10\t市科技局\t市统计局',
    ],
    { title: '某市2025年度高质量发展考评办法', period: [2025, 2025], horizon: null, scope: [] },
  );
  it('the target column without a year is the period’s end; a % in the cell makes 增速 a growth rate; 新增 an increment', () => {
    expect(extractTargets(doc, ctx).map((t) => [t.data.indicator, t.data.year, t.data.value, t.data.unit, t.data.comparator, t.data.measure])).toEqual([
      ['地区生产总值增速', 2025, 6, '%', 'approx', 'growth'],
      ['城镇新增就业', 2025, 5, '万人', 'eq', 'increment'],
      ['研发经费投入强度', 2025, 3.2, '%', 'eq', 'level'],
    ]);
  });
});
