// Every target rule's examples (src/extract/rules.ts): each positive sentence gives a target made by
// that rule with the fields it names; no negative sentence gives a target made by it. Each rule has
// examples from at least two documents.
import { describe, expect, it } from 'vitest';
import { ctx, docIn } from './testing/plans';
import { NOT_TARGET_RULES, TARGET_RULES, type RuleExample } from './rules';
import { planStatements } from './statements';

const statementsOf = (ex: RuleExample, tense: 'future' | 'past' = 'future') => {
  const doc = docIn(ex.text.split('\n'), ex.context ?? 'plan', ex.period);
  const start = doc.text.text.indexOf(ex.text.split('\n')[0]);
  return planStatements(doc, ctx).filter((s) => s.tense === tense && s.end > start && s.start < start + ex.text.length);
};

describe.each(TARGET_RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
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
