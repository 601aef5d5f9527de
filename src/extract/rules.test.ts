// Every target rule's examples (src/extract/rules.ts): each positive sentence gives a target made by
// that rule with the fields it names; no negative sentence gives a target made by it. Each rule has
// examples from at least two documents.
import { describe, expect, it } from 'vitest';
import type { PlanDoc } from '../core/types';
import { parsePlan, planTextFromString } from '../parse/index';
import { ctx, gazetteer } from './testing/plans';
import { NOT_TARGET_RULES, TARGET_RULES, type ExampleContext, type RuleExample } from './rules';
import { planStatements } from './statements';

const PLAN_TITLE = '某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';
const REPORT_TITLE = '某省2026年政府工作报告';
const POLICY_TITLE = '某省关于加快发展先进制造业的实施意见';

/** The example's text under the headings of its context, parsed as a document of that kind. */
function docOf(ex: RuleExample): PlanDoc {
  const lines = ex.text.split('\n');
  const c: ExampleContext = ex.context ?? 'plan';
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
  const period = ex.period ?? [2021, 2025];
  const frame = report
    ? { ...doc.meta.frame, docType: 'report' as const, currentYear: 2026, period: [2026, 2030] as [number, number], horizon: null }
    : c === 'policy'
      ? { ...doc.meta.frame, docType: 'policy' as const, currentYear: 2023, period: [2023, 2025] as [number, number], horizon: null }
      : { ...doc.meta.frame, docType: 'plan' as const, currentYear: period[0], period, horizon: period[1] + 10 };
  return { ...doc, meta: { ...doc.meta, title: report ? REPORT_TITLE : c === 'policy' ? POLICY_TITLE : PLAN_TITLE, period: frame.period, horizon: frame.horizon, frame } };
}

const statementsOf = (ex: RuleExample, tense: 'future' | 'past' = 'future') => {
  const doc = docOf(ex);
  const start = doc.text.text.indexOf(ex.text.split('\n')[0]);
  return planStatements(doc, ctx).filter((s) => s.tense === tense && s.end > start && s.start < start + ex.text.length);
};

describe.each(TARGET_RULES.filter((r) => r.positive.length || r.negative.length).map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('has positive and negative examples from at least two documents', () => {
    const docs = (xs: RuleExample[]) => new Set(xs.map((x) => x.from.replace(/^after /, '').split(/[ (（]/)[0]));
    expect(docs(rule.positive).size).toBeGreaterThanOrEqual(2);
    expect(rule.negative.length).toBeGreaterThan(0);
  });

  it.each(rule.positive.map((x) => [x.text, x] as const))('reads %s', (_t, ex) => {
    const want = ex.reads!;
    const found = statementsOf(ex, want.fact ? 'past' : 'future').filter((s) => s.rule === id);
    const hit = found.find((s) => s.value === want.value && (want.indicator === undefined || s.indicator === want.indicator));
    expect(hit, `${id} found ${found.map((s) => `${s.indicator}=${s.value}`).join(', ') || 'nothing'}`).toBeDefined();
    if (want.indicator !== undefined) expect(hit!.indicator).toBe(want.indicator);
    if (want.unit !== undefined) expect(hit!.unit).toBe(want.unit);
    if (want.comparator !== undefined) expect(hit!.comparator).toBe(want.comparator);
    if (want.measure !== undefined) expect(hit!.measure).toBe(want.measure);
    if (want.year !== undefined) expect(hit!.year).toBe(want.year);
  });

  it.each(rule.negative.map((x) => [x.text, x] as const))('reads no target from %s', (_t, ex) => {
    expect(statementsOf(ex).filter((s) => s.rule === id).map((s) => `${s.indicator}=${s.value}${s.unit ?? ''}`)).toEqual([]);
  });
});

describe.each(NOT_TARGET_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has examples from at least two documents', () => {
    expect(new Set(rule.examples.map((x) => x.from.replace(/^after /, '').split(/[ (（]/)[0])).size).toBeGreaterThanOrEqual(2);
  });
  it.each(rule.examples.map((x) => [x.text, x] as const))('reads no target at all from %s', (_t, ex) => {
    expect(statementsOf(ex).map((s) => `${s.rule}: ${s.indicator}=${s.value}${s.unit ?? ''}`)).toEqual([]);
  });
});
