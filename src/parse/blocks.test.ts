// Tables of parse's blocks in the layouts of 任务分工表 and 考评表 (written for this test in the style
// of such documents): group rows inside a table, task cells holding sentences.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../places/index';
import { headerRole } from './blocks';
import { parsePlan, planTextFromString } from './index';

const gazetteer = loadGazetteer();
const tablesOf = (lines: string[]) => parsePlan(planTextFromString(lines.join('\n')), gazetteer).blocks.tables;
const T = (...cells: string[]) => cells.join('\t');
const texts = (t: { rows: Array<{ cells: Array<{ text: string }> }> }) => t.rows.map((r) => r.cells.map((c) => c.text));

describe('grid tables', () => {
  it('reads on past a line of one cell that heads a group of rows', () => {
    const [t] = tablesOf([
      T('序号', '考核指标', '分值', '牵头考核单位'),
      '经济发展',
      T('1', '地区生产总值增速', '6', '市统计局'),
      '社会民生',
      T('2', '城镇新增就业人数', '4', '市人社局'),
      '本办法自印发之日起施行。',
    ]);
    expect(t.columns.map((c) => c.role)).toEqual(['seq', 'indicator', 'score', 'lead']);
    expect(texts(t)).toEqual([
      ['1', '地区生产总值增速', '6', '市统计局'],
      ['2', '城镇新增就业人数', '4', '市人社局'],
    ]);
  });

  it('ends at a line of one cell that is a sentence, or before another table’s header', () => {
    const tables = tablesOf([
      T('序号', '重点任务', '牵头单位', '完成时限'),
      T('1', '建成数据平台', '市政务服务数据管理局', '2024年底前'),
      '表2',
      T('序号', '指标名称', '单位', '2025年'),
      T('1', '地区生产总值', '亿元', '6340'),
    ]);
    expect(tables).toHaveLength(2);
    expect(texts(tables[0])).toEqual([['1', '建成数据平台', '市政务服务数据管理局', '2024年底前']]);
  });
});

describe('one cell a paragraph', () => {
  it('reads past group headings between numbered rows, and task cells broken into sentences', () => {
    const [t] = tablesOf([
      '序号', '考核指标', '考核内容', '牵头考核单位',
      '经济发展',
      '1', '一般公共预算收入', '完成年度目标得满分。', '未完成的按比例扣分。', '市财政局',
      '生态环境',
      '2', '森林覆盖率', '达到年度目标得满分。', '市林业局',
    ]);
    expect(texts(t)).toEqual([
      ['1', '一般公共预算收入', '完成年度目标得满分。未完成的按比例扣分。', '市财政局'],
      ['2', '森林覆盖率', '达到年度目标得满分。', '市林业局'],
    ]);
  });

  it('with a 牵头单位 column: rows short of an empty cell (padded on the left), even the last one of the text', () => {
    const [t] = tablesOf([
      '序号', '考评指标', '分值', '牵头考核单位', '配合考核单位',
      '1', '地区生产总值增速', '2', '市统计局', '市发展改革委',
      '2', '实际使用外资', '3', '市商务局',
      '3', '森林覆盖率', '4', '市林业局',
    ]);
    expect(texts(t)).toEqual([
      ['1', '地区生产总值增速', '2', '市统计局', '市发展改革委'],
      ['', '2', '实际使用外资', '3', '市商务局'],
      ['', '3', '森林覆盖率', '4', '市林业局'],
    ]);
  });

  it('without 序号: a task column may hold sentences', () => {
    const [t] = tablesOf([
      '重点任务', '牵头单位', '配合单位',
      '实施“人才强市”工程，引进高层次人才500名。', '市委组织部', '市人社局、市科技局',
      '建设青年人才驿站，提供免费住宿。', '团市委', '市住房城乡建设局',
    ]);
    expect(texts(t)).toEqual([
      ['实施“人才强市”工程，引进高层次人才500名。', '市委组织部', '市人社局、市科技局'],
      ['建设青年人才驿站，提供免费住宿。', '团市委', '市住房城乡建设局'],
    ]);
  });

  it('an indicator table still ends at the body text after it', () => {
    const [t] = tablesOf([
      '序号', '指标名称', '单位', '属性', '“十五五”目标',
      '1', '地区生产总值年均增速', '%', '预期性', '5左右',
      '2', '常住人口城镇化率', '%', '预期性', '75',
      '到2030年，全区经济实力显著增强，人民生活水平明显提高。',
    ]);
    expect(texts(t)).toHaveLength(2);
    expect(t.end).toBeLessThan(t.rows[1].end + 1);
  });
});

describe('header cells and the roles they give their columns', () => {
  it('years with what the column holds, five-year plans, bracketed years, split headers', () => {
    const role = (s: string) => headerRole(s);
    expect(role('2025 年基期')).toEqual({ role: 'base', year: 2025 });
    expect(role('2030年目标')).toEqual({ role: 'target', year: 2030 });
    expect(role('“十五五”目标')).toEqual({ role: 'target', year: 2030 });
    expect(role('目标值（2025年）')).toEqual({ role: 'target', year: 2025 });
    expect(role('年均增长/累计')).toEqual({ role: 'growth', year: null });
    expect(role('指标属性')).toEqual({ role: 'binding', year: null });
    expect(role('牵头考核单位')).toEqual({ role: 'lead', year: null });
    expect(role('地区生产总值')).toBeNull();
  });

  it('two year columns, neither called 基期: the earlier is the base; the group row above a row is kept on it', () => {
    const [t] = tablesOf([
      T('类别', '指标', '单位', '2020年', '2025年', '属性'),
      '一、经济发展',
      T('', '地区生产总值', '亿元', '1200', '1600', '预期性'),
    ]);
    expect(t.columns.map((c) => [c.role, c.year])).toEqual([['category', null], ['indicator', null], ['unit', null], ['base', 2020], ['target', 2025], ['binding', null]]);
    expect(t.rows[0].group).toBe('一、经济发展');
  });

  it('one cell a paragraph with a 序号 column: a cell broken over two paragraphs is joined back', () => {
    const [t] = tablesOf(['主要指标', '序号', '指标名称', '单位', '属性', '目标', '1', '地区生产总值年均增速', '%', '预期性', '与全市经济增速', '保持同步', '2', '森林覆盖率', '%', '约束性', '≥45']);
    expect(t.layout).toBe('cells');
    expect(t.title).toBe('主要指标');
    expect(texts(t)).toEqual([
      ['1', '地区生产总值年均增速', '%', '预期性', '与全市经济增速保持同步'],
      ['2', '森林覆盖率', '%', '约束性', '≥45'],
    ]);
  });
});
