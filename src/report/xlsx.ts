// The report's tables as a workbook: 目标进展 (numbers as numbers, each in its own column, with
// its unit), 数据缺口, 任务进展, 项目进展, 来源 and 总体判断. No formulas anywhere: text that looks
// like one stays a plain string (core/sheets.ts).
import ExcelJS from 'exceljs';
import { addSheet, type Cell } from '../core/sheets';
import { taskCells } from './layout';
import type { ReportModel } from './model';

export const XLSX_TARGET_HEADERS = ['序号', '指标', '范围', '属性', '状态', '基期年份', '基期值', '基期单位', '目标年份', '目标值', '单位', '目标表述', '最新年份', '最新值', '序时进度应达', '说明', '来源'];
const TARGET_WIDTHS = [6, 26, 14, 8, 12, 9, 12, 9, 9, 10, 10, 24, 9, 12, 12, 60, 10];

export async function renderXlsx(m: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanAtlas 规划图谱';
  wb.title = m.title;
  wb.subject = m.plan.title;
  const cite = (ids: number[]) => ids.map((i) => `[${i}]`).join('');

  const targets: Cell[][] = m.targets.map((t, i) => [
    i + 1,
    t.indicator,
    t.scope,
    t.binding || null,
    t.statusLabel,
    t.baselineYear,
    t.baselineValue,
    t.baselineUnit || null,
    t.targetYear,
    t.targetValue,
    t.unit || null,
    t.targetText,
    t.latestYear,
    t.latestValue,
    t.expectedValue,
    t.explanation,
    cite(t.sources),
  ]);
  addSheet(wb, '目标进展', XLSX_TARGET_HEADERS, targets, TARGET_WIDTHS, [12, 16]);
  addSheet(wb, '数据缺口', ['序号', '指标', '范围', '状态', '原因'], m.gaps.map((g, i) => [i + 1, g.indicator, g.scope, g.statusLabel, g.reason]), [6, 26, 14, 10, 70]);
  addSheet(
    wb,
    '任务进展',
    ['序号', '任务', '牵头单位', '配合单位', '完成时限', '完成百分比', '最新进展', '提示'],
    m.tasks.map((t, i) => {
      const c = taskCells(t, i);
      return [i + 1, c[1], c[2], c[3], c[4], t.percent, c[5], c[6]];
    }),
    [6, 40, 16, 16, 10, 10, 50, 12],
    [2, 7],
  );
  addSheet(
    wb,
    '项目进展',
    ['序号', '项目名称', '类别', '总投资（亿元）', '进展'],
    m.projects.map((p, i) => [i + 1, p.name, p.category, p.investment, p.progress]),
    [6, 40, 14, 14, 60],
  );
  addSheet(wb, '来源', ['编号', '类别', '来源'], m.sources.map((s) => [s.id, s.kind === 'plan' ? '规划原文' : '观测数据', s.text]), [8, 10, 100]);
  addSheet(wb, '总体判断', ['状态', '项数'], [...m.counts.map((c): Cell[] => [c.label, c.count]), ['合计', m.targets.length], [m.summary, null]], [60, 10], [1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
