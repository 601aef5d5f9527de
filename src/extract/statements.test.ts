// The sentence analysis under targets and facts: clause splitting, plan context, and rules that
// are not tied to one sample sentence (marked "other plans" where the sentence is written for the test).
import { describe, expect, it } from 'vitest';
import { extractTargets } from './targets';
import { clauses } from './plan-context';
import { planRegionName, sentences } from './text';
import { ctx, META, planOf, type MetaOf } from './testing/plans';

const spans = (t: string, ss: Array<{ start: number; end: number }>) => ss.map((s) => t.slice(s.start, s.end));

describe('text units', () => {
  it('clauses split at ，；： but not inside brackets or in 13:47', () => {
    const t = '湛江段：主线长 601.35 公里，支线长 107.54 公里；跨省界（市界，含县界）河流达标率不低于90，比例为13:47:40';
    expect(spans(t, clauses(t, 0, t.length))).toEqual(['湛江段', '主线长 601.35 公里', '支线长 107.54 公里', '跨省界（市界，含县界）河流达标率不低于90', '比例为13:47:40']);
  });
  it('an ASCII full stop after a non-digit ends a sentence (000: 超过90%.实施), not in 12.5', () => {
    const t = '到2015年，农村自来水普及率超过90%.实施农村清洁工程，年均增长12.5%。';
    expect(spans(t, sentences(t, 0, t.length, { semicolons: false }))).toEqual(['到2015年，农村自来水普及率超过90%', '实施农村清洁工程，年均增长12.5%']);
  });
  it('the region of a plan from its title, 十四五 titles included', () => {
    expect(planRegionName({ title: '粤西地区经济社会发展规划纲要（2011—2015年）', scope: [] })).toBe('粤西地区');
    expect(planRegionName({ title: '茂名市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', scope: [] })).toBe('茂名市');
    expect(planRegionName({ title: '广东省新型城镇化规划（2021—2035年）', scope: [] })).toBe('广东省');
  });
});

const OTHER: MetaOf = { title: '某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', period: [2021, 2025], horizon: 2035, scope: [] };
const goals = (lines: string[]) => extractTargets(planOf(['第二章 发展目标', ...lines, '第三章 重点任务', '加快发展。'], OTHER), ctx);

describe('rules checked on sentences in the style of other plans (written for this test)', () => {
  it('a rate above 100 lost its decimal point: restored only when one reading fits (655 → 65.5)', () => {
    const [t] = goals(['到2025年，常住人口城镇化率达到655。']);
    expect(t.data).toMatchObject({ value: 65.5, unit: '%' });
    expect(t.flags).toEqual(expect.arrayContaining(['decimal_restored', 'percent_restored']));
  });
  it('a rate that no reading makes possible is kept as written and flagged doubtful', () => {
    const [t] = goals(['到2025年，森林覆盖率达到6555%。']);
    expect(t.data.value).toBe(6555);
    expect(t.flags).toContain('doubtful_value');
    // a flag the gold never saw makes a coin toss of it (src/extract/confidence.ts)
    const [sure] = goals(['到2025年，森林覆盖率达到65%。']);
    expect(t.confidence).toBeLessThan(0.6);
    expect(t.confidence).toBeLessThan(sure.confidence);
  });
  it('约束性/预期性 said in the sentence is the binding', () => {
    const [t] = goals(['单位地区生产总值能耗降低13.5%，为约束性指标。']);
    expect(t.data).toMatchObject({ value: 13.5, binding: 'constraint', direction: 'down' });
  });
  it('实现100%的行政村通5G: a share of units meeting a standard', () => {
    const [t] = goals(['到2025年，实现100%的行政村通5G网络。']);
    expect(t.data).toMatchObject({ indicator: '行政村通5G网络的比例', value: 100, unit: '%' });
  });
  it('健全城乡15分钟健身圈: a travel-time circle (001 style)', () => {
    const [t] = extractTargets(planOf(['第七章 共建共享优质公共服务', '第一节 推进教育医疗设施共建共享', '完善全民健身公共服务体系，健全城乡15分钟健身圈。', '第二节 推进文化共建', '加强合作。'], META.zhanmao), ctx);
    expect(t.data).toMatchObject({ indicator: '健身圈', value: 15, unit: '分钟', comparator: 'le', year: 2030 });
  });
  it('numbers in a 专栏 of projects describe projects unless a goal year is written (001 专栏 2 style)', () => {
    const doc = planOf(
      [
        '第三章 共建一体高效的现代化基础设施体系',
        '第一节 构建互联互通综合交通运输体系',
        '积极打造高快速公路网络。',
        '专栏 2 公路网重点工程',
        '一、高速公路',
        '沈海高速茂湛段改扩建工程，全长约110公里，设计时速达到120公里。',
        '二、快速路',
        '到2030年，都市圈快速路里程达到500公里。',
        '第二节 建设绿色低碳能源保障体系',
        '加快推进能源项目。',
      ],
      META.zhanmao,
    );
    expect(extractTargets(doc, ctx).map((t) => [t.data.indicator, t.data.value])).toEqual([['都市圈快速路里程', 500]]);
  });
  it('拥有 states what is: without a goal year or a comparator it is not a goal', () => {
    expect(goals(['']).length).toBe(0);
    const doc = planOf(['第三章 重点任务', '我市拥有A级景区50家，建成5G基站1.2万个。', '第四章 保障措施', '加强领导。'], OTHER);
    expect(extractTargets(doc, ctx).map((t) => [t.data.indicator, t.data.value])).toEqual([['5G基站', 1.2]]);
  });
});
