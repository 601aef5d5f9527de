// Small plans for extractor tests: real lines from the sample plans (or lines in the style of
// other plans) under the headings that give them their context, and the sample plans themselves.
import fs from 'node:fs';
import type { ExtractContext } from '../../core/findings';
import type { PlanDoc, PlanText } from '../../core/types';
import { ingestBytes } from '../../ingest/index';
import { parsePlan, planTextFromString } from '../../parse/index';
import { readDocType } from '../../parse/timeframe';
import type { ExampleContext } from '../rules';
import { loadGazetteer } from '../../places/index';
import { loadLexicons } from '../lexicons';

export const gazetteer = loadGazetteer();
export const ctx: ExtractContext = { gazetteer, lexicons: loadLexicons() };

export const SAMPLE_IDS = ['000_dde77a566d45a381', '001_240daae8c4bbf10a', '002_cf5822304d6f3ba0'] as const;

/** The metadata of the three sample plans, as their gold files give it. */
export const META = {
  yuexi: { title: '粤西地区经济社会发展规划纲要（2011—2015年）', period: [2011, 2015] as [number, number], horizon: null, scope: ['湛江市', '茂名市', '阳江市'] },
  zhanmao: { title: '湛茂都市圈发展规划', period: [2023, 2030] as [number, number], horizon: 2035, scope: ['湛江市', '茂名市'] },
  xijiang: { title: '珠江—西江经济带发展规划', period: [2014, 2020] as [number, number], horizon: 2030, scope: [] as string[] },
};
export type MetaOf = { title: string; period: [number, number] | null; horizon: number | null; scope: string[] };

/** A plan of these lines, with title, period and scope set as given (so each test says its context). */
export function planOf(lines: readonly string[], meta: MetaOf): PlanDoc {
  const doc = parsePlan(planTextFromString(lines.join('\n')), gazetteer);
  const frame = { ...doc.meta.frame, docType: readDocType('', meta.title), period: meta.period, horizon: meta.horizon };
  return { ...doc, meta: { ...doc.meta, title: meta.title, period: meta.period, horizon: meta.horizon, scope: meta.scope, frame } };
}

/** Goal lines under 二、总体要求和发展目标 > （三）发展目标 (the headings of 000). */
export const inGoals = (lines: readonly string[]) => [
  '二、总体要求和发展目标',
  '（一）指导思想。',
  '坚持科学发展。',
  '（二）战略定位。',
  '建设全国重化工业基地。',
  '（三）发展目标。',
  ...lines,
  '三、空间布局',
  '按照主体功能区定位，科学规划发展布局。',
];

/** Task lines under a chapter of tasks (四、建设现代产业体系 > （一）…). */
export const inTasks = (lines: readonly string[]) => [
  '四、建设现代产业体系',
  '坚持走新型工业化道路。',
  '（一）大力发展临海重化工业。',
  ...lines,
  '（二）做强地方特色工业。',
  '发展提升优势传统工业。',
];

/** Background lines under 一、发展背景 > （一）发展基础. */
export const inBackground = (lines: readonly string[]) => [
  '一、发展背景',
  '（一）发展基础。',
  ...lines,
  '（二）发展机遇。',
  '统筹区域协调发展。',
];

const samples = new Map<string, Promise<{ text: PlanText; doc: PlanDoc }>>();

/** A sample plan from data/plans, through ingest and parse (cached). */
export function samplePlan(id: string): Promise<{ text: PlanText; doc: PlanDoc }> {
  let p = samples.get(id);
  if (!p) {
    const file = new URL(`../../../data/plans/${id}.txt`, import.meta.url);
    p = ingestBytes(new Uint8Array(fs.readFileSync(file)), `${id}.txt`).then((text) => ({ text, doc: parsePlan(text, gazetteer) }));
    samples.set(id, p);
  }
  return p;
}

const PLAN_TITLE = '某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';
const REPORT_TITLE = '某省2026年政府工作报告';
const POLICY_TITLE = '某省关于加快发展先进制造业的实施意见';

/**
 * Lines under the headings of a context (a plan's tasks, goals or background; a work report's
 * forward or review part; a 实施意见's tasks), parsed, with the frame of that kind of document.
 */
export function docIn(lines: readonly string[], c: ExampleContext = 'plan', planPeriod?: [number, number]): PlanDoc {
  const body: Record<ExampleContext, string[]> = {
    plan: [PLAN_TITLE, '第一章 发展基础', '全市经济稳步增长。', '第二章 发展目标', '经济实力明显增强。', '第三章 重点任务', '加快发展现代产业。', ...lines, '第四章 保障措施', '加强组织领导。'],
    goals: [PLAN_TITLE, '第一章 发展基础', '全市经济稳步增长。', '第二章 发展目标', ...lines, '第三章 重点任务', '加快发展现代产业。'],
    background: [PLAN_TITLE, '第一章 发展基础', ...lines, '第二章 发展目标', '经济实力明显增强。'],
    report: [REPORT_TITLE, '各位代表：', '现在，我代表省人民政府向大会报告工作，请予审议。', '一、2025年工作回顾', '全省经济平稳运行。', '二、“十五五”时期主要目标', '经济实力明显增强。', '三、2026年重点工作', ...lines],
    policy: [POLICY_TITLE, '一、总体要求', '到2025年，全省制造业增加值占地区生产总值比重稳定在30%以上。', '二、重点任务', '（一）培育优质企业。', ...lines, '三、保障措施', '加强组织领导。'],
    'report-review': [REPORT_TITLE, '各位代表：', '现在，我代表省人民政府向大会报告工作，请予审议。', '一、2025年工作回顾', ...lines, '二、“十五五”时期主要目标', '经济实力明显增强。', '三、2026年重点工作', '扩大有效投资。'],
  };
  const doc = parsePlan(planTextFromString(body[c].join('\n')), gazetteer);
  // the frame the title gives (the examples do not depend on the metadata reader's title rules)
  const report = c === 'report' || c === 'report-review';
  const period = planPeriod ?? [2021, 2025];
  const frame = report
    ? { ...doc.meta.frame, docType: 'report' as const, currentYear: 2026, period: [2026, 2030] as [number, number], horizon: null }
    : c === 'policy'
      ? { ...doc.meta.frame, docType: 'policy' as const, currentYear: 2023, period: [2023, 2025] as [number, number], horizon: null }
      : { ...doc.meta.frame, docType: 'plan' as const, currentYear: period[0], period, horizon: period[1] + 10 };
  return { ...doc, meta: { ...doc.meta, title: report ? REPORT_TITLE : c === 'policy' ? POLICY_TITLE : PLAN_TITLE, period: frame.period, horizon: frame.horizon, frame } };
}

