// Small plans for extractor tests: real lines from the sample plans (or lines in the style of
// other plans) under the headings that give them their context, and the sample plans themselves.
import fs from 'node:fs';
import type { ExtractContext } from '../../core/findings';
import type { PlanDoc, PlanText } from '../../core/types';
import { ingestBytes } from '../../ingest/index';
import { parsePlan, planTextFromString } from '../../parse/index';
import { readDocType } from '../../parse/timeframe';
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
