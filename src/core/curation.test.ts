import { describe, expect, it } from 'vitest';
import { applyDecisions as merge, findingKeys, neighbourhood, quoteKeyOf, type DecisionRecord, type EffectiveFinding, type ExtractedRecord } from './curation';
import type { TargetData } from './findings';

// The records here are targets with only the fields a test looks at.
type Loose = Omit<ExtractedRecord<'target'>, 'kind' | 'data'> & { kind: string; data: Partial<TargetData> };
const applyDecisions = (text: string, extracted: readonly Loose[], decisions: readonly DecisionRecord[]) =>
  merge(text, extracted as ExtractedRecord[], decisions) as { findings: Array<EffectiveFinding<'target'>>; orphans: DecisionRecord[] };

// Real sentences from the 粤西 plan (000).
const V1 = '到2015年，粤西地区生产总值达到6340亿元，年均增长12.5%以上；人均生产总值达到39160元。';
// The same passage in a later version: a sentence inserted before it, lines re-flowed.
const V2 = '（修订）各地要加快发展。\n到2015年，粤西地区生产总值\n达到6340亿元，年均增长12.5%以上；人均生产总值达到39160元。';

const span = (text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`not found: ${quote}`);
  return { start, end: start + quote.length };
};

function extracted(text: string, quotes: string[]): Loose[] {
  const items = quotes.map((q) => ({ kind: 'target', ...span(text, q) }));
  const keys = findingKeys(text, items);
  return items.map((it, i) => ({ id: i + 1, ...it, ...keys[i], confidence: 0.9, flags: [], data: { indicator: quotes[i], value: i } }));
}

let nextId = 1;
function decision(f: Loose, text: string, action: DecisionRecord['action'], fields: Partial<TargetData> = {}, at = 0): DecisionRecord {
  const { before, after } = neighbourhood(text, f.start, f.end);
  return {
    id: nextId++,
    kind: f.kind,
    identity: f.identity,
    quoteKey: f.quoteKey,
    action,
    fields,
    quote: text.slice(f.start, f.end),
    before,
    after,
    note: null,
    actor: 'test',
    createdAt: new Date(1_700_000_000_000 + at),
  } as DecisionRecord;
}

describe('finding identity', () => {
  it('is stable when the text around moves and lines re-flow, and changes when the quote changes', () => {
    const a = extracted(V1, ['人均生产总值达到39160元'])[0];
    const b = extracted(V2, ['人均生产总值达到39160元'])[0];
    expect(b.identity).toBe(a.identity);
    const changed = V1.replace('39160', '40000');
    const c = extracted(changed, ['人均生产总值达到40000元'])[0];
    expect(c.identity).not.toBe(a.identity);
  });

  it('gives ordinals to findings of one span (a table row → level and growth)', () => {
    const text = '人均地区生产总值（元、）63100>11530090';
    const keys = findingKeys(text, [
      { kind: 'target', start: 0, end: text.length },
      { kind: 'target', start: 0, end: text.length },
    ]);
    expect(keys[0].identity).not.toBe(keys[1].identity);
    expect(keys[1].identity).toBe(`${keys[0].identity}#2`);
    expect(keys[0].quoteKey).toBe(quoteKeyOf('target', text));
  });
});

describe('applyDecisions', () => {
  it('applies accept, correct and reject, the latest decision winning', () => {
    const fs = extracted(V1, ['粤西地区生产总值达到6340亿元', '年均增长12.5%以上', '人均生产总值达到39160元']);
    const ds = [
      decision(fs[0], V1, 'reject', {}, 1),
      decision(fs[0], V1, 'correct', { value: 6400 }, 2), // supersedes the rejection
      decision(fs[1], V1, 'accept', {}, 3),
    ];
    const { findings, orphans } = applyDecisions(V1, fs, ds);
    expect(orphans).toEqual([]);
    expect(findings.map((f) => f.status)).toEqual(['corrected', 'accepted', 'pending']);
    expect(findings[0].data.value).toBe(6400);
    expect(findings[0].extracted?.value).toBe(0);
  });

  it('carries decisions to a new version of the text', () => {
    const v1 = extracted(V1, ['粤西地区生产总值达到6340亿元', '人均生产总值达到39160元']);
    const ds = [decision(v1[0], V1, 'correct', { comparator: 'ge' }), decision(v1[1], V1, 'reject')];
    const v2 = extracted(V2, ['粤西地区生产总值\n达到6340亿元', '人均生产总值达到39160元']);
    const { findings, orphans } = applyDecisions(V2, v2, ds);
    expect(orphans).toEqual([]);
    expect(findings.map((f) => f.status)).toEqual(['corrected', 'rejected']);
    expect(findings[0].data.comparator).toBe('ge');
  });

  it('falls back to the quote when the neighbourhood changed, and keeps unmatched decisions as orphans', () => {
    const v1 = extracted(V1, ['人均生产总值达到39160元', '粤西地区生产总值达到6340亿元']);
    const ds = [decision(v1[0], V1, 'accept'), decision(v1[1], V1, 'reject')];
    // the sentence after the first quote changed, and the GDP figure itself changed
    const V3 = '到2015年，粤西地区生产总值达到6500亿元；人均生产总值达到39160元，居全省前列。';
    const v3 = extracted(V3, ['人均生产总值达到39160元', '粤西地区生产总值达到6500亿元']);
    expect(v3[0].identity).not.toBe(v1[0].identity);
    const { findings, orphans } = applyDecisions(V3, v3, ds);
    expect(findings.find((f) => f.data.indicator === '人均生产总值达到39160元')?.status).toBe('accepted');
    expect(orphans.map((d) => d.action)).toEqual(['reject']);
  });

  it('anchors an added finding in a later version at the occurrence with the same neighbourhood', () => {
    const text1 = '新增高速公路通车里程230公里。港口货物吞吐能力超过3亿吨。';
    const add: DecisionRecord = {
      ...decision({ id: 0, kind: 'target', identity: 'added:x', quoteKey: 'q', ...span(text1, '港口货物吞吐能力超过3亿吨'), confidence: 1, flags: [], data: {} }, text1, 'add', {
        indicator: '港口货物吞吐能力',
      }),
    };
    expect(add.quote).toBe('港口货物吞吐能力超过3亿吨');
    const text2 = '港口货物吞吐能力超过3亿吨的目标。\n新增高速公路通车里程230公里。港口货物吞吐能力超过3亿吨。';
    const { findings } = applyDecisions(text2, [], [add]);
    expect(findings).toHaveLength(1);
    expect(findings[0].status).toBe('added');
    expect(findings[0].start).toBe(text2.lastIndexOf('港口货物吞吐能力超过3亿吨'));
    const gone = applyDecisions('新增高速公路通车里程230公里。', [], [add]);
    expect(gone.findings).toHaveLength(0);
    expect(gone.orphans).toHaveLength(1);
  });

  it('lets a person correct or withdraw their own addition; the latest decision wins', () => {
    const text = '新增高速公路通车里程230公里。港口货物吞吐能力超过3亿吨。';
    const base = { id: 0, kind: 'target', identity: 'added:y', quoteKey: 'q', ...span(text, '港口货物吞吐能力超过3亿吨'), confidence: 1, flags: [], data: {} };
    const add = decision(base, text, 'add', { indicator: '港口货物吞吐能力', value: 3 }, 10);
    const fix = decision(base, text, 'correct', { value: 3.5 }, 20);
    const corrected = applyDecisions(text, [], [fix, add]); // order of the records does not matter, their time does
    expect(corrected.orphans).toEqual([]);
    expect(corrected.findings).toHaveLength(1);
    expect(corrected.findings[0].status).toBe('added');
    expect(corrected.findings[0].data).toEqual({ indicator: '港口货物吞吐能力', value: 3.5 });
    expect(corrected.findings[0].decision?.id).toBe(fix.id);

    const withdrawn = applyDecisions(text, [], [add, fix, decision(base, text, 'reject', {}, 30)]);
    expect(withdrawn.findings).toEqual([]);
    expect(withdrawn.orphans).toEqual([]); // withdrawn on purpose: nothing to re-check

    const again = applyDecisions(text, [], [add, decision(base, text, 'reject', {}, 30), decision(base, text, 'add', { indicator: '港口吞吐能力' }, 40)]);
    expect(again.findings.map((f) => f.data.indicator)).toEqual(['港口吞吐能力']);
  });

  it('passes the rule and the year evidence through decisions; additions and rows stored without them have none', () => {
    const [gdp, growth] = extracted(V1, ['粤西地区生产总值达到6340亿元', '年均增长12.5%以上']);
    const year = { role: 'year' as const, ...span(V1, '2015年') };
    const withRule = { ...gdp, rule: 'clause.standard', evidence: [year] };
    const added = { id: 0, kind: 'target', identity: 'added:z', quoteKey: 'q', ...span(V1, '人均生产总值达到39160元'), confidence: 1, flags: [], data: {} };
    const merged = applyDecisions(V1, [withRule, growth], [decision(withRule, V1, 'correct', { year: 2016 }, 1), decision(added, V1, 'add', { indicator: '人均生产总值' }, 2)]);
    const [a, b, c] = merged.findings;
    expect(a).toMatchObject({ status: 'corrected', rule: 'clause.standard', evidence: [year] });
    expect(a.data.year).toBe(2016);
    expect([b.rule, b.evidence]).toEqual([null, []]); // stored before rules and evidence were recorded
    expect([c.status, c.rule, c.evidence]).toEqual(['added', null, []]);
  });
});
