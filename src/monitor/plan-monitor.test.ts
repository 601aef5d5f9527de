// Monitoring the 粤西 plan (2011–2015) on the shipped statistics: region values computed from its
// three cities, statuses from real numbers where data exists and 无数据 where it does not.
import { describe, expect, it } from 'vitest';
import { countStatuses, monitorPlan, regionPlace, summarize, worstFirst, type StoredObservation } from './plan-monitor';
import { analysedPlan, monitorContext as ctx, sampleStored } from './testing/yuexi';

const observations: StoredObservation[] = sampleStored();

describe('monitoring the 粤西 plan on real statistics', async () => {
  const { scope, targets } = await analysedPlan();
  const rows = monitorPlan(scope, targets, observations, 2015, ctx);
  const row = (canonical: string, measure?: string) => rows.find((r) => r.target.data.canonical === canonical && (!measure || r.target.data.measure === measure))!;

  it('judges 地区生产总值 6340亿元 by the sum of 湛江, 茂名 and 阳江: 6075.66亿元 in 2015, lagging', () => {
    const gdp = row('gdp');
    expect(gdp.place).toMatchObject({ region: true, code: null });
    expect(gdp.assessment.baseline).toEqual({ year: 2010, value: 3536.9876 });
    expect(gdp.assessment.latest).toEqual({ year: 2015, value: 6075.662 });
    expect(gdp.assessment.ratio).toBe(0.906); // 2538.67 ÷ 2803.01
    expect(gdp.assessment.status).toBe('lagging');
    const used = gdp.figures.find((f) => f.year === 2015)!;
    expect(used.origin).toBe('computed');
    expect(used.method).toMatch(/3个单元之和/);
    expect(used.source).toMatch(/统计年鉴/);
  });

  it('judges 年均增长12.5% by the realized real growth, each year weighted by last year’s GDP: 10.74%', () => {
    const g = row('gdp_growth', 'growth');
    expect(g.assessment.realizedRate).toBe(10.74);
    expect(g.assessment.status).toBe('lagging');
    expect(g.assessment.explanation).toContain('2011—2015年地区生产总值年均增长10.74%，低于年均增长12.5%以上的目标');
  });

  it('says 无数据 where the statistics stop: urbanization has only the 2010 census before 2015', () => {
    const u = row('urbanization');
    expect(u.assessment.status).toBe('no-data');
    expect(u.assessment.explanation).toContain('只有2010年');
    // indicators not in the shipped data, and targets for no statistical unit
    expect(row('tourism_visitors').assessment.status).toBe('no-data');
    expect(rows.filter((r) => r.target.data.canonical == null).every((r) => ['no-data', 'not-comparable'].includes(r.assessment.status))).toBe(true);
    expect(rows.find((r) => r.target.data.measure === 'ratio')?.assessment.status).toBe('not-comparable');
  });

  it('a figure given for the region itself wins over the computed one, a person’s over a document’s', () => {
    const mine: StoredObservation[] = [
      ...observations,
      { id: 1, origin: 'document', indicator: 'gdp', place: regionPlace('yuexi'), year: 2015, value: 6100, unit: '亿元', caliber: null, source: '某评估报告' },
      { id: 2, origin: 'manual', indicator: 'gdp', place: regionPlace('yuexi'), year: 2015, value: 6090, unit: '亿元', caliber: null, source: '规划处录入' },
    ];
    const gdp = monitorPlan(scope, targets, mine, 2015, ctx).find((r) => r.target.data.canonical === 'gdp')!;
    expect(gdp.assessment.latest?.value).toBe(6090);
    expect(gdp.figures.find((f) => f.year === 2015)).toMatchObject({ origin: 'manual', observationId: 2 });
  });

  it('counts statuses, lists the worst first and sums them up in one sentence', () => {
    const c = countStatuses(rows);
    expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(c.lagging).toBeGreaterThanOrEqual(2);
    expect(worstFirst(rows)[0].assessment.status).toMatch(/lagging/);
    expect(summarize(rows, 2015)).toMatch(new RegExp(`^截至2015年，${rows.length}项目标中，.*2项滞后`));
  });
});
