// The whole understanding of one plan text: parse, then every extractor. Pure.
import type { AnyFinding, Lexicons } from '../core/findings';
import type { Gazetteer, PlanDoc, PlanText } from '../core/types';
import { parsePlan } from '../parse/index';
import { extractAll } from './index';

export interface Analysis {
  doc: PlanDoc;
  findings: AnyFinding[];
}

export function analyze(text: PlanText, gazetteer: Gazetteer, lexicons: Lexicons): Analysis {
  const doc = parsePlan(text, gazetteer);
  return { doc, findings: extractAll(doc, { gazetteer, lexicons }) };
}
