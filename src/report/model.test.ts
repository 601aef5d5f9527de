// The evaluation report of the 粤西 plan judged in 2015 on the shipped statistics: the model's
// numbers and sources, and the same report as HTML and XLSX.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../monitor/plan-monitor';
import { assess } from '../monitor/progress';
import { renderHtml } from './html';
import { renderReport } from './index';
import { buildReportModel, NONE } from './model';
import { yuexiReportInput } from './testing/yuexi';
import { XLSX_TARGET_HEADERS, renderXlsx } from './xlsx';

const input = await yuexiReportInput(2015);
const model = buildReportModel(input);
const row = (indicator: string) => model.targets.find((t) => t.indicator === indicator)!;

describe('the report model of the 粤西 plan in 2015', () => {
  it('sums up with the monitor’s sentence and counts every target once, in the order a report lists statuses', () => {
    expect(model.summary).toBe(summarize(input.targets, 2015));
    expect(model.summary).toContain('2项滞后');
    expect(model.counts.map((c) => c.label)).toEqual(['已实现', '快于预期', '基本符合预期', '滞后', '严重滞后', '无数据', '无法比较']);
    expect(model.counts.reduce((a, c) => a + c.count, 0)).toBe(model.targets.length);
    expect(model.targets.length).toBe(input.targets.length);
    expect(model.title).toBe('《粤西地区经济社会发展规划纲要（2011—2015年）》实施情况评估报告');
    expect(model.date).toBe('2026年12月7日');
  });

  it('writes each number as planners do: 6075.66亿元, no thousands separators, growth over the period', () => {
    const gdp = row('地区生产总值');
    expect(gdp).toMatchObject({ statusLabel: '滞后', baselineText: '2010年3536.99亿元', targetText: '2015年6340亿元', latestText: '2015年6075.66亿元', expectedText: '6340亿元' });
    expect(gdp).toMatchObject({ baselineValue: 3536.9876, latestValue: 6075.662, targetValue: 6340, unit: '亿元' });
    const growth = row('地区生产总值年均增长率');
    expect(growth.targetText).toBe('2011—2015年年均增长12.5%以上');
    expect(growth.latestText).toBe('2011—2015年年均10.74%');
    expect(growth).toMatchObject({ unit: '%', latestValue: 10.74, expectedValue: 12.5, baselineUnit: '亿元' });
    // lagging first
    expect(model.targets[0].statusLabel).toBe('滞后');
  });

  it('cites for every target its plan passage, and for every observed number the statistics it came from', () => {
    const sources = new Map(model.sources.map((s) => [s.id, s]));
    for (const t of model.targets) {
      expect(t.sources.length).toBeGreaterThan(0);
      expect(sources.get(t.sources[0])!.kind).toBe('plan');
    }
    const gdp = row('地区生产总值').sources.map((id) => sources.get(id)!.text);
    expect(gdp[0]).toContain('粤西地区生产总值达到6340亿元');
    expect(gdp[0]).toContain('发展目标');
    expect(gdp.some((s) => s.includes('统计年鉴') && s.includes('3个单元之和'))).toBe(true);
    const urban = row('城镇化水平').sources.map((id) => sources.get(id)!.text);
    expect(urban.some((s) => s.includes('人口普查'))).toBe(true);
    // one entry per distinct text
    expect(new Set(model.sources.map((s) => s.text)).size).toBe(model.sources.length);
  });

  it('lists the data gaps with why, and charts only the targets that have figures', () => {
    const c = Object.fromEntries(model.counts.map((x) => [x.status, x.count]));
    expect(model.gaps.length).toBe(c['no-data'] + c['not-comparable']);
    expect(model.gaps.find((g) => g.indicator === '城镇化水平')!.reason).toContain('只有2010年');
    expect(model.gaps.find((g) => g.indicator === '三次产业比例')!.statusLabel).toBe('无法比较');
    const gdp = model.charts.find((ch) => ch.title === '地区生产总值（粤西地区）')!;
    expect(gdp.path[0]).toEqual([2010, 3536.99]);
    expect(gdp.path.at(-1)).toEqual([2015, 6340]);
    expect(gdp.actual.at(-1)).toEqual([2015, 6075.66]);
    expect(model.charts.every((ch) => ch.actual.length > 0)).toBe(true);
    // a rate target: the real growth chained into an index, as the judgement reads it (10.74% a year)
    const growth = model.charts.find((ch) => ch.title.startsWith('地区生产总值年均增长率'))!;
    expect(growth.unit).toBe('指数（2010年=100）');
    expect(growth.path.at(-1)).toEqual([2015, 180.2]); // 100 × 1.125⁵
    expect(growth.actual.at(-1)![1]).toBeCloseTo(100 * 1.1074 ** 5, 0);
    expect(model.charts.length).toBeLessThan(model.targets.length);
  });
});

describe('the report as HTML', () => {
  const tasks = [{ task: '推进<script>alert(1)</script>湛江钢铁基地建设', lead: ['省发展改革委'], support: [], deadline: '2015年', status: '推进中', percent: 60, text: null, overdue: true }];
  const html = renderHtml(buildReportModel({ ...input, tasks }));
  const plain = renderHtml(model);

  it('is one self-contained A4 page with the summary, the counts and a row for every target', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toContain(model.summary);
    expect(html).toMatch(/<td[^>]*>滞后<\/td><td>2<\/td>/);
    expect(html).not.toMatch(/<link|<script|src="http|url\(http/);
    const table = html.slice(html.indexOf('表2'), html.indexOf('</table>', html.indexOf('表2')));
    expect(table.match(/<tr>/g)!.length).toBe(model.targets.length + 1);
    for (const t of model.targets) expect(table).toContain(t.indicator);
  });

  it('draws a chart per target with figures as inline SVG, with Chinese labels and no thousands separators', () => {
    expect(html.match(/<svg /g)!.length).toBe(model.charts.length);
    expect(html).toContain('单位：亿元');
    expect(html).toContain('规划路径（序时进度）');
    const text = html.replace(/<[^>]*>/g, ' '); // what a reader sees, in the tables and in the charts
    expect(text).toContain('6340');
    expect(text).not.toMatch(/\d,\d{3}/);
  });

  it('is what renderReport gives for html; xlsx comes as the bytes of a zip', async () => {
    expect(await renderReport(model, 'html')).toBe(plain);
    const xlsx = await renderReport(model, 'xlsx');
    expect(Buffer.isBuffer(xlsx) && xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('escapes the text it is given, and says （暂无） for empty lists', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('推进&lt;script&gt;alert(1)&lt;/script&gt;湛江钢铁基地建设');
    expect(html).toContain('逾期');
    const tasksPart = plain.slice(plain.indexOf('重点任务推进情况'), plain.indexOf('重大项目进展'));
    expect(tasksPart).toContain(NONE);
    expect(html.slice(html.indexOf('重点任务推进情况'), html.indexOf('重大项目进展'))).not.toContain(NONE);
  });
});

describe('the report as XLSX', async () => {
  const tasks = [{ task: '=HYPERLINK("http://x","点击")', lead: ['湛江市人民政府'], support: ['茂名市人民政府'], deadline: null, status: null, percent: 35.5, text: '+1 完成征地', noUpdate: true }];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(buildReportModel({ ...input, tasks, projects: [{ name: '湛江钢铁基地', category: '工业', investment: 696.8, progress: '一期投产' }] }))) as never);

  it('holds the sheets of the report', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目标进展', '数据缺口', '任务进展', '项目进展', '来源', '总体判断']);
  });

  it('has the same target rows, the numbers stored as numbers', () => {
    const ws = wb.getWorksheet('目标进展')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...XLSX_TARGET_HEADERS]);
    expect(ws.rowCount).toBe(model.targets.length + 1);
    const col = (h: string) => XLSX_TARGET_HEADERS.indexOf(h) + 1;
    model.targets.forEach((t, i) => expect(ws.getRow(i + 2).getCell(col('指标')).value).toBe(t.indicator));
    const gdp = ws.getRow(model.targets.findIndex((t) => t.indicator === '地区生产总值') + 2);
    expect(gdp.getCell(col('基期值')).value).toBe(3536.9876);
    expect(gdp.getCell(col('最新值')).value).toBe(6075.662);
    expect(gdp.getCell(col('目标值')).type).toBe(ExcelJS.ValueType.Number);
    expect(gdp.getCell(col('状态')).value).toBe('滞后');
    expect(wb.getWorksheet('数据缺口')!.rowCount).toBe(model.gaps.length + 1);
    expect(wb.getWorksheet('来源')!.rowCount).toBe(model.sources.length + 1);
  });

  it('keeps text that looks like a formula as plain text', () => {
    const ws = wb.getWorksheet('任务进展')!;
    const task = ws.getRow(2).getCell(2);
    expect(task.type).toBe(ExcelJS.ValueType.String);
    expect(task.value).toBe('=HYPERLINK("http://x","点击")');
    expect(ws.getRow(2).getCell(6).value).toBe(35.5);
    expect(ws.getRow(2).getCell(8).value).toBe('未报送进展');
    expect(wb.getWorksheet('项目进展')!.getRow(2).getCell(4).value).toBe(696.8);
  });
});

describe('an increment target (新增城镇就业, added up from yearly flows)', () => {
  // 新增城镇就业岗位38.4万人 over 2011–2015, judged in 2013 on three years' figures (hand-computed:
  // 7.2 + 7.5 + 7.9 = 22.6万人 against 38.4 × 3/5 = 23.04万人 on the time path).
  const data = { ...input.targets.find((t) => t.target.data.canonical === 'new_jobs')!.target.data };
  const figures = [2011, 2012, 2013].map((year, i) => ({ indicator: 'new_jobs', year, value: [7.2, 7.5, 7.9][i], unit: '万人', origin: 'manual' as const, source: '市人社局报送', caliber: null }));
  const assessment = assess({ target: { ...data, name: data.indicator }, observations: figures, nature: 'flow', asOf: 2013, baseYear: 2010 });
  const status = { key: 'jobs', target: { key: 'jobs', data, flags: [], start: null, end: null }, place: { code: null, name: '粤西地区', region: true }, indicator: null, assessment, figures };
  const m = buildReportModel({ ...input, asOf: 2013, targets: [status], passages: {} });

  it('prints the increment since the base year, and cites the reporting office and the missing passage', () => {
    expect(assessment.latest).toEqual({ year: 2013, value: 22.6 });
    expect(m.targets[0]).toMatchObject({ baselineText: '2010年起算', targetText: '2015年新增38.4万人', latestText: '2011—2013年新增22.6万人', expectedText: '新增23.04万人', statusLabel: '基本符合预期' });
    expect(m.sources.map((s) => s.text)).toEqual(['规划原文：新增城镇就业岗位（原文未提供）', '市人社局报送（人工录入）']);
    expect(m.charts[0].path).toEqual([[2010, 0], [2015, 38.4]]);
    expect(m.charts[0].actual).toEqual([[2010, 0], [2013, 22.6]]);
  });
});
