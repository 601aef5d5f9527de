// Progress arithmetic on hand-computed cases: each measure and comparator, the stricter 约束性
// thresholds, unit conversion, and the sentence that explains each status.
import { describe, expect, it } from 'vitest';
import { assess, elapsed, type Point, type TargetSpec } from './progress';

const target = (t: Partial<TargetSpec>): TargetSpec => ({
  name: '常住人口城镇化率',
  measure: 'level',
  comparator: 'ge',
  value: 50,
  unit: '%',
  year: 2015,
  direction: null,
  baselineValue: null,
  baselineYear: null,
  binding: null,
  ...t,
});
const pts = (unit: string, ...yv: Array<[number, number]>): Point[] => yv.map(([year, value]) => ({ year, value, unit }));

describe('level targets on the time-elapsed path (序时进度)', () => {
  const urb = (obs: Point[], t: Partial<TargetSpec> = {}) => assess({ target: target(t), observations: obs, asOf: 2015, baseYear: 2010 });

  it('computes the expected value linearly and the ratio of actual to expected progress', () => {
    // 2010: 40%, 2013: 45%. Expected 2013 = 40 + (50 − 40) × 3/5 = 46; ratio = 5 / 6 = 0.833
    const a = urb(pts('%', [2010, 40], [2013, 45]));
    expect(a.expected).toBe(46);
    expect(a.ratio).toBe(0.833);
    expect(a.status).toBe('lagging');
    expect(a.explanation).toBe('2013年常住人口城镇化率为45%，按序时进度应达46%，低1个百分点（完成序时进度的83.3%），滞后');
    expect(a.explanationEn).toBe('常住人口城镇化率 was 45% in 2013; on the time-elapsed path it should have reached 46%; 1 percentage point lower (83.3% of the expected progress): lagging');
  });

  it('judges 约束性 targets more strictly than 预期性 ones', () => {
    const obs = pts('%', [2010, 40], [2013, 44.5]); // ratio 4.5 / 6 = 0.75
    expect(urb(obs).status).toBe('lagging');
    expect(urb(obs, { binding: 'constraint' }).status).toBe('severely-lagging');
    const close = pts('%', [2010, 40], [2013, 45.6]); // ratio 0.933
    expect(urb(close).status).toBe('on-track');
    expect(urb(close, { binding: 'constraint' }).status).toBe('lagging');
  });

  it('says ahead, achieved early, and behind after the target year', () => {
    expect(urb(pts('%', [2010, 40], [2013, 47])).status).toBe('ahead'); // 7 / 6 = 1.167
    const early = urb(pts('%', [2010, 40], [2014, 50.5]));
    expect(early.status).toBe('achieved');
    expect(early.explanation).toContain('提前1年实现');
    expect(early.explanationEn).toBe('常住人口城镇化率 was 50.5% in 2014, reaching the 2015 target of 50%, 1 year early: achieved');
    const late = urb(pts('%', [2010, 40], [2015, 49]));
    expect([late.status, late.ratio]).toEqual(['lagging', 0.9]);
  });

  it('uses the baseline the target states over an observation', () => {
    const a = urb(pts('%', [2010, 40], [2013, 45]), { baselineValue: 42, baselineYear: 2010 });
    expect(a.expected).toBe(46.8); // 42 + 8 × 0.6
    expect(a.baseline).toEqual({ year: 2010, value: 42 });
  });

  it('converts observations to the target unit (万元 → 亿元) and gives the Open SDG rate ratio', () => {
    const a = assess({
      target: target({ name: '地区生产总值', value: 6340, unit: '亿元', comparator: 'eq' }),
      observations: [...pts('亿元', [2010, 3537]), ...pts('万元', [2013, 50_000_000])],
      asOf: 2015,
      baseYear: 2010,
    });
    expect(a.latest).toEqual({ year: 2013, value: 5000 });
    expect(a.expected).toBe(5218.8); // 3537 + 2803 × 0.6
    expect(a.ratio).toBe(0.87); // 1463 / 1681.8
    expect(a.sdgRatio).toBe(0.988); // 12.23% realized ÷ 12.38% required a year
    expect(a.explanation).toContain('按序时进度应达5218.8亿元，低218.8亿元');
  });

  it('says when there is no baseline to measure progress from, and when there is no data', () => {
    const noBase = urb(pts('%', [2013, 45]));
    expect(noBase.status).toBe('no-data');
    expect(noBase.explanation).toContain('缺少2010年基期值');
    expect(urb([]).status).toBe('no-data');
    expect(urb(pts('%', [2016, 60])).status).toBe('no-data'); // after asOf: ignored
  });

  it('ignores observations after the year judged', () => {
    const a = assess({ target: target({}), observations: pts('%', [2010, 40], [2013, 45], [2014, 51]), asOf: 2013, baseYear: 2010 });
    expect(a.latest?.year).toBe(2013);
  });
});

describe('bounds (控制在…以内, 不低于…)', () => {
  const birth = (obs: Point[], t: Partial<TargetSpec> = {}) =>
    assess({ target: target({ name: '人口自然增长率', comparator: 'le', value: 8.5, unit: '‰', ...t }), observations: obs, asOf: 2015, baseYear: 2010 });

  it('follows the bound: within it is on track, then achieved in the target year', () => {
    expect(birth(pts('‰', [2013, 7.9])).status).toBe('on-track');
    expect(birth(pts('%', [2013, 0.79])).latest?.value).toBe(7.9); // % → ‰
    const done = birth(pts('‰', [2015, 7.9]));
    expect(done.status).toBe('achieved');
    expect(done.explanation).toBe('2015年人口自然增长率为7.9‰，在控制在8.5‰以内的目标之内，已实现');
    expect(done.explanationEn).toBe('人口自然增长率 was 7.9‰ in 2015, within the target of at most 8.5‰: achieved');
  });

  it('past the bound: lagging within the tolerance, and any excess is serious for 约束性 targets', () => {
    const over = pts('‰', [2013, 8.8]); // 3.5% over
    expect(birth(over).status).toBe('lagging');
    expect(birth(over, { binding: 'constraint' }).status).toBe('severely-lagging');
    expect(birth(pts('‰', [2013, 9.5])).status).toBe('severely-lagging'); // 11.8% over
    expect(birth(over).explanation).toContain('超出控制在8.5‰以内的目标0.3个千分点');
    expect(birth(over).explanationEn).toBe('人口自然增长率 was 8.8‰ in 2013, 0.3 per-mille points above the target of at most 8.5‰: lagging');
  });

  it('a reduction target below its baseline (降到…以下) follows the path, not the bound', () => {
    const a = assess({
      target: target({ name: '单位地区生产总值能耗', comparator: 'le', value: 0.6, unit: '吨标准煤/万元' }),
      observations: pts('吨标准煤/万元', [2010, 0.8], [2013, 0.7]),
      asOf: 2015,
      baseYear: 2010,
    });
    expect(a.expected).toBe(0.68); // 0.8 − 0.2 × 0.6
    expect(a.ratio).toBe(0.833); // −0.1 ÷ −0.12
    expect(a.status).toBe('lagging');
  });
});

describe('growth targets: the realized average annual growth since the base year', () => {
  const gdp = (rates: Point[], levels: Point[] = [], t: Partial<TargetSpec> = {}) =>
    assess({
      target: target({ name: '地区生产总值年均增长率', measure: 'growth', comparator: 'ge', value: 12.5, unit: '%', direction: 'up', ...t }),
      observations: rates,
      levels,
      asOf: 2015,
      baseYear: 2010,
    });

  it('compounds the yearly rates: (1.12 × 1.10 × 1.11)^(1/3) − 1 = 11.0%', () => {
    const a = gdp(pts('%', [2011, 12], [2012, 10], [2013, 11]));
    expect(a.realizedRate).toBe(11);
    expect(a.sdgRatio).toBe(0.88);
    expect(a.status).toBe('lagging');
    expect(a.explanation).toBe('2011—2013年地区生产总值年均增长11%，低于年均增长12.5%以上的目标（实际增速为目标增速的88%），滞后');
    expect(a.explanationEn).toBe('地区生产总值 grew by 11% a year on average in 2011–2013, below the target of at least 12.5% average annual growth (the realized rate is 88% of the target rate): lagging');
  });

  it('uses levels when a year’s rate is missing, and says that it did', () => {
    const a = gdp(pts('%', [2011, 12], [2013, 11]), pts('亿元', [2010, 100], [2013, 133.1]), { value: 10 });
    expect(a.realizedRate).toBe(10); // (133.1 / 100)^(1/3) − 1
    expect(a.status).toBe('on-track'); // ratio 1.0
    expect(a.notes.join()).toContain('现价');
    expect(a.expected).toBe(133.1); // 100 × 1.1³ on the target path
    expect(a.projection).toEqual({ year: 2015, value: 161.05, method: '按2011—2013年实际年均增速10%复利外推（亿元）' });
  });

  it('a decline target (年均下降) compares declines', () => {
    const a = gdp(pts('%', [2011, -3.5], [2012, -3.0]), [], { name: '单位地区生产总值能耗', value: 3.2, direction: 'down' });
    expect(a.realizedRate).toBe(-3.25); // (0.965 × 0.97)^(1/2) − 1
    expect(a.sdgRatio).toBe(1.016);
    expect(a.status).toBe('on-track');
    expect(a.explanation).toContain('年均下降3.25%');
  });

  it('is achieved only when the whole period’s rate meets the target', () => {
    const rates = pts('%', [2011, 13], [2012, 13], [2013, 13], [2014, 13], [2015, 13]);
    expect(gdp(rates).status).toBe('achieved');
    expect(gdp(rates.slice(0, 3)).status).toBe('on-track'); // 13 / 12.5 = 1.04 before the end
  });

  it('no rates and no base-year level: no data', () => {
    expect(gdp([]).status).toBe('no-data');
    expect(gdp([], pts('亿元', [2013, 133])).explanation).toContain('缺少2011年以来逐年增速或2010年基期水平');
  });
});

describe('increment targets (新增, 累计, 提高…个百分点)', () => {
  it('adds the yearly flows since the base year (城镇新增就业)', () => {
    const a = assess({
      target: target({ name: '新增城镇就业岗位', measure: 'increment', comparator: 'eq', value: 38.4, unit: '万人', direction: 'up' }),
      observations: pts('万人', [2011, 8], [2012, 7.5], [2013, 7]),
      nature: 'flow',
      asOf: 2015,
      baseYear: 2010,
    });
    expect(a.latest).toEqual({ year: 2013, value: 22.5 });
    expect(a.expected).toBe(23.04); // 38.4 × 0.6
    expect(a.ratio).toBe(0.977);
    expect(a.status).toBe('on-track');
    expect(a.projection?.value).toBe(37.5); // 22.5 + 7.5 × 2
    expect(a.explanationEn).toBe(
      '新增城镇就业岗位 added up over 2011–2013: 22.5万人; on the time-elapsed path 23.04万人 should have been added (target: 38.4万人 more by 2015), 97.7% of the expected progress: on track',
    );
  });

  it('names the missing year of a flow instead of adding what is there', () => {
    const a = assess({
      target: target({ name: '新增城镇就业岗位', measure: 'increment', value: 38.4, unit: '万人' }),
      observations: pts('万人', [2011, 8], [2013, 7]),
      nature: 'flow',
      asOf: 2015,
      baseYear: 2010,
    });
    expect(a.status).toBe('no-data');
    expect(a.explanation).toContain('缺少2012年');
    expect(a.explanationEn).toBe('新增城镇就业岗位 is missing for 2012, so the increase since 2011 cannot be added up');
  });

  it('takes the change of a stock since the base year (新增高速公路通车里程)', () => {
    const a = assess({
      target: target({ name: '新增高速公路通车里程', measure: 'increment', comparator: 'eq', value: 230, unit: '公里' }),
      observations: pts('千米', [2010, 1000], [2013, 1150]),
      nature: 'stock',
      asOf: 2015,
      baseYear: 2010,
    });
    expect([a.latest?.value, a.expected, a.ratio, a.status]).toEqual([150, 138, 1.087, 'on-track']);
  });

  it('a rise in percentage points compares with the change of a share in %', () => {
    const a = assess({
      target: target({ name: '服务业增加值比重', measure: 'increment', comparator: 'eq', value: 3, unit: '个百分点' }),
      observations: pts('%', [2010, 40], [2012, 41.5]),
      nature: 'share',
      asOf: 2015,
      baseYear: 2010,
    });
    expect([a.latest?.value, a.expected, a.ratio, a.status]).toEqual([1.5, 1.2, 1.25, 'ahead']);
  });
});

describe('what cannot be compared is said, never guessed', () => {
  it('a ratio target (三次产业比例 13:47:40)', () => {
    const a = assess({ target: target({ name: '三次产业比例', measure: 'ratio', value: '13:47:40', unit: 'ratio' }), observations: [], asOf: 2015, baseYear: 2010 });
    expect(a.status).toBe('not-comparable');
  });

  it('observations in a unit that does not convert (亿美元 for 亿元)', () => {
    const a = assess({ target: target({ name: '进出口总额', value: 500, unit: '亿元' }), observations: pts('亿美元', [2010, 50], [2013, 70]), asOf: 2015, baseYear: 2010 });
    expect(a.status).toBe('not-comparable');
    expect(a.explanation).toContain('亿美元');
  });
});

describe('elapsed time', () => {
  it('is the share of the period from the base year, clamped to 0–1', () => {
    expect(elapsed(2013, 2010, 2015)).toBe(0.6);
    expect(elapsed(2009, 2010, 2015)).toBe(0);
    expect(elapsed(2017, 2010, 2015)).toBe(1);
  });
});
