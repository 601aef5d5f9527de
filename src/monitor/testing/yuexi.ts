// The 粤西 plan (粤府〔2011〕152号, 2011–2015) analysed from data/plans and monitored on the shipped
// statistics: the real-data fixture of the monitor and report tests and of bench/report.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8 } from 'fflate';
import type { Finding, TargetData } from '../../core/findings';
import type { PlanDoc } from '../../core/types';
import { analyze } from '../../extract/analyze';
import { loadLexicons } from '../../extract/lexicons';
import { ingestBytes } from '../../ingest/index';
import { loadGazetteer } from '../../places/index';
import { loadAggregationRules } from '../aggregate';
import type { MonitorContext, MonitoredTarget, PlanScope, StoredObservation } from '../plan-monitor';
import { sampleObservations } from '../samples';

export const YUEXI_FILE = '000_dde77a566d45a381.txt';
const PLANS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'plans');

export const gazetteer = loadGazetteer();
export const lexicons = loadLexicons();
export const monitorContext: MonitorContext = { indicators: lexicons.indicators, rules: loadAggregationRules(), placeName: (c) => gazetteer.byCode(c)?.name };

/** The sample statistics as stored observations (imported from a file). */
export const sampleStored = (): StoredObservation[] => sampleObservations().map((o) => ({ ...o, id: null, origin: 'import' }));

export interface AnalysedPlan {
  doc: PlanDoc;
  /** The normalized text the targets' spans point into. */
  text: string;
  scope: PlanScope;
  targets: MonitoredTarget[];
}

/** A plan from data/plans, analysed, with its targets as the monitor takes them. */
export async function analysedPlan(file = YUEXI_FILE, slug = 'yuexi'): Promise<AnalysedPlan> {
  const text = await ingestBytes(strToU8(fs.readFileSync(path.join(PLANS, file), 'utf8')), file);
  const { doc, findings } = analyze(text, gazetteer, lexicons);
  const targets = findings
    .filter((f): f is Finding<'target'> => f.kind === 'target')
    .map((f, i) => ({ key: `t${i}`, data: f.data as TargetData, flags: f.flags, start: f.start, end: f.end }));
  const scope = { slug, title: doc.meta.title ?? '', period: doc.meta.period, units: doc.meta.scope.map((n) => gazetteer.resolve(n)!.code) };
  return { doc, text: text.text, scope, targets };
}
