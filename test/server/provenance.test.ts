// Where a finding comes from, over HTTP on PGlite and PostgreSQL: the rule that made it with its
// measured precision, the spans its year was read from, the plan's time frame; rows stored before
// these were kept; and the review queue putting findings of rules with low measured precision first.
import { backfillEffectiveFindings } from '../../src/store/effective';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { loadPlanText } from '../../src/commands/reextract';
import { writeFindings } from '../../src/commands/store-findings';
import { analyze } from '../../src/extract/analyze';
import { confidenceFrom, type PrecisionTable } from '../../src/extract/confidence';
import { loadLexicons } from '../../src/extract/lexicons';
import { loadGazetteer } from '../../src/places/index';
import { buildApp } from '../../src/server/app';
import type { AnyFinding } from '../../src/core/findings';
import type { FindingDto, RuleInfo, TimeFrameDto } from '../../src/core/api-types';
import measured from '../../data/lexicons/rule-precision.json' with { type: 'json' };
import { backends, type TestStore } from '../helpers/stores';

const plansDir = path.resolve(__dirname, '../../data/plans');
const yuexi = '000_dde77a566d45a381';

/** A work report: its numbers without a year belong to the year of the part they stand in. */
const REPORT = [
  '契约市2026年政府工作报告',
  '',
  '各位代表：',
  '',
  '现在，我代表市人民政府向大会报告工作，请予审议。',
  '',
  '一、2025年工作回顾',
  '',
  '过去一年，全市地区生产总值增长5.2%，城镇新增就业3.1万人。',
  '',
  '二、2026年重点工作',
  '',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人以上。',
  '',
  '力争新培育10家以上专精特新企业。',
].join('\n');

/** Targets of two rules: clause.standard (达到 …) and clause.count (培育/建设 N 家/个). */
const TWO_RULES = [
  '规则市国民经济和社会发展第十四个五年规划纲要',
  '',
  '第一章 发展目标',
  '',
  '到2025年，地区生产总值达到1000亿元，常住人口城镇化率达到60%，居民人均可支配收入达到5万元。',
  '',
  '力争培育10家以上国家级专精特新企业，建设3个省级以上产业园区。',
].join('\n');

type Counts = { tp: number; n: number };
const table = measured as unknown as { targets: { rules: Record<string, Counts> }; facts: { rules: Record<string, Counts> } };
const statsOf = (kind: 'targets' | 'facts', rule: string) => {
  const c = table[kind].rules[rule];
  return { precision: c.tp / c.n, measuredOn: c.n };
};

interface PlanDetail {
  slug: string;
  frame: TimeFrameDto | null;
  metaEvidence: Array<{ field: string; start: number; end: number }>;
}
interface ReviewItem {
  finding: FindingDto;
}

for (const backend of backends) {
  describe(`finding provenance and time frames on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    const gazetteer = loadGazetteer();
    const lexicons = loadLexicons();
    let reportSlug = '';
    let twoRules = { slug: '', planId: 0, versionId: 0 };

    beforeAll(async () => {
      t = await backend.create();
      await ingestPlan(t.store, { bytes: fs.readFileSync(path.join(plansDir, `${yuexi}.txt`)), fileName: `${yuexi}.txt` }, gazetteer, lexicons);
      reportSlug = (await ingestPlan(t.store, { bytes: new TextEncoder().encode(REPORT), fileName: '契约市工作报告.txt' }, gazetteer, lexicons)).slug;
      const r = await ingestPlan(t.store, { bytes: new TextEncoder().encode(TWO_RULES), fileName: '规则市规划.txt' }, gazetteer, lexicons);
      twoRules = { slug: r.slug, planId: r.planId, versionId: r.versionId };
      app = await buildApp({ store: t.store, gazetteer, lexicons, maxFileBytes: 10 << 20, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    const get = async <T,>(url: string): Promise<T> => {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
      return r.json() as T;
    };
    const findings = async (slug: string, kind?: string) =>
      (await get<{ findings: Array<FindingDto<'target' | 'fact'>> }>(`/api/plans/${encodeURIComponent(slug)}/findings${kind ? `?kind=${kind}` : ''}`)).findings;
    const text = async (slug: string) => (await get<{ text: string }>(`/api/plans/${encodeURIComponent(slug)}/text`)).text;

    it('gives each target and fact the rule that made it, its measured precision per kind, and where its year was read', async () => {
      const plan = await text(yuexi);
      const targets = await findings(yuexi, 'target');
      const gdp = targets.find((f) => f.quote === '粤西地区生产总值达到6340亿元')!;
      expect(gdp).toBeDefined();
      expect(gdp.rule).toBe('clause.standard');
      expect(gdp.ruleStats).toEqual(statsOf('targets', 'clause.standard'));
      // 到2015年，粤西地区生产总值达到6340亿元: the year stands before the span, in the same clause
      expect(gdp.evidence).toEqual([{ role: 'year', start: gdp.start! - 6, end: gdp.start! - 1, quote: '2015年' }]);
      expect(plan.slice(gdp.evidence[0].start, gdp.evidence[0].end)).toBe('2015年');
      // 年均增长12.5%以上 inherits the year of the clause before it
      const growth = targets.find((f) => f.quote.startsWith('年均增长12.5%'))!;
      expect(growth.evidence.map((e) => e.start)).toEqual([gdp.evidence[0].start]);
      expect(targets.every((f) => typeof f.rule === 'string' && f.rule.length > 0)).toBe(true);
      expect(targets.every((f) => f.evidence.every((e) => plan.slice(e.start, e.end) === e.quote))).toBe(true);

      // The report: a fact is measured in the facts table, whose clause.standard is less sure than the targets'.
      const report = await text(reportSlug);
      const facts = await findings(reportSlug, 'fact');
      const past = facts.find((f) => f.data.value === 5.2)!;
      expect(past.rule).toBe('clause.standard');
      expect(past.ruleStats).toEqual(statsOf('facts', 'clause.standard'));
      expect(past.ruleStats!.precision).toBeLessThan(statsOf('targets', 'clause.standard').precision);
      // its year (2025) comes from the heading of the part it stands in: 一、2025年工作回顾
      const heading = report.indexOf('一、2025年工作回顾');
      expect(past.data.year).toBe(2025);
      expect(past.evidence).toEqual([{ role: 'year', start: heading + 2, end: heading + 7, quote: '2025年' }]);
      const count = (await findings(reportSlug, 'target')).find((f) => f.rule === 'clause.count')!;
      expect(count.data.year).toBe(2026);
      expect(count.ruleStats).toEqual(statsOf('targets', 'clause.count'));
      expect(count.evidence[0].start).toBe(report.indexOf('二、2026年重点工作') + 2);

      // Kinds no named rule makes carry none.
      const places = await findings(yuexi, 'place');
      expect(places.length).toBeGreaterThan(0);
      expect(places.every((f) => f.rule === null && f.ruleStats === null && f.evidence.length === 0)).toBe(true);
    });

    it('lists the rules with what they match and their measured precision', async () => {
      const { rules } = await get<{ rules: RuleInfo[] }>('/api/rules');
      const standard = rules.find((r) => r.id === 'clause.standard')!;
      expect(standard.matches).toContain('indicator');
      expect(standard.target).toEqual(statsOf('targets', 'clause.standard'));
      expect(standard.fact).toEqual(statsOf('facts', 'clause.standard'));
      // every measured rule is described in the registry, with the name the finding panel shows
      expect(rules.filter((r) => r.matches === null).map((r) => r.id)).toEqual([]);
      expect(rules.find((r) => r.id === 'clause.share')).toMatchObject({ label: { zh: '占比（补回百分号）', en: 'Share of a topic' }, target: statsOf('targets', 'clause.share') });
      expect(standard.label).toEqual({ zh: '指标句', en: 'Indicator clause' });
      // in the registry, measured on nothing yet
      expect(rules.find((r) => r.id === 'clause.zero-growth')).toMatchObject({ target: null, fact: null });
    });

    it('gives the plan its time frame: a plan period with parts looking back, a report year with its parts', async () => {
      const plan = await text(yuexi);
      const d = await get<PlanDetail>(`/api/plans/${yuexi}`);
      expect(d.frame).toMatchObject({ docType: 'plan', period: [2011, 2015] });
      const past = d.frame!.parts.filter((p) => p.tense === 'past');
      expect(past.some((p) => plan.slice(p.evidence.start, p.evidence.end).includes('发展基础'))).toBe(true);
      const period = d.metaEvidence.find((e) => e.field === 'period')!;
      expect(plan.slice(period.start, period.end)).toContain('2011');

      const r = await get<PlanDetail>(`/api/plans/${encodeURIComponent(reportSlug)}`);
      const report = await text(reportSlug);
      expect(r.frame!.docType).toBe('report');
      expect(r.frame!.parts.map((p) => [p.tense, p.year, report.slice(p.evidence.start, p.evidence.end)])).toEqual([
        ['past', 2025, '2025年'],
        ['future', 2026, '2026年'],
      ]);
    });

    it('keeps serving rows stored before rules, evidence and frames were kept; re-extraction fills them', async () => {
      // A plan not read yet in this process (reads are cached per version while its rows stay the same),
      // its rows as the 0003 migration leaves older ones: rule NULL, evidence '[]', frame NULL.
      const old = '002_cf5822304d6f3ba0';
      await ingestPlan(t.store, { bytes: fs.readFileSync(path.join(plansDir, `${old}.txt`)), fileName: `${old}.txt` }, gazetteer, lexicons);
      await t.store.db.execute(sql`update findings set rule = null, evidence = '[]'::jsonb where plan_id = (select id from plans where slug = ${old})`);
      await t.store.db.execute(sql`update plan_versions set frame = null where plan_id = (select id from plans where slug = ${old})`);
      // such a database predates effective_findings too: opening it fills that table from these rows
      await t.store.db.execute(sql`update plan_versions set effective_ready = false where plan_id = (select id from plans where slug = ${old})`);
      expect(await backfillEffectiveFindings(t.store)).toBe(1);
      const before = await findings(old, 'target');
      const key = before[0].key;
      const decided = await app.inject({ method: 'POST', url: `/api/plans/${old}/decisions`, payload: { key, action: 'accept' } });
      expect(decided.statusCode).toBe(200);
      expect(before.length).toBeGreaterThan(5);
      expect(before.every((f) => f.rule === null && f.ruleStats === null && f.evidence.length === 0)).toBe(true);
      expect((await get<PlanDetail>(`/api/plans/${old}`)).frame).toBeNull();
      expect((await get<{ items: ReviewItem[] }>(`/api/review?plan=${old}&status=all&limit=5`)).items.length).toBe(5);

      const re = await app.inject({ method: 'POST', url: `/api/plans/${old}/reextract` });
      expect(re.statusCode).toBe(200);
      const after = await findings(old, 'target');
      expect(after.every((f) => typeof f.rule === 'string' && f.ruleStats !== null)).toBe(true);
      expect(after.filter((f) => f.evidence.length > 0).length).toBeGreaterThan(after.length / 2);
      expect(after.find((f) => f.key === key)!.status).toBe('accepted'); // the decision is kept
      expect((await get<PlanDetail>(`/api/plans/${old}`)).frame).toMatchObject({ period: [2014, 2020], horizon: 2030 });
    });

    it('puts findings of the rule with the lower measured precision first in the review queue', async () => {
      const { findings: found } = analyze(await loadPlanText(t.store.db, twoRules.versionId), gazetteer, lexicons);
      const targets = found.filter((f) => f.kind === 'target');
      const rulesFound = new Set(targets.map((f) => f.rule));
      expect(rulesFound).toEqual(new Set(['clause.standard', 'clause.count']));

      /** A precision table where `low` was right 3 times in 10 and `high` 97 in 100; flags measured at the overall rate (no effect). */
      const tableWith = (low: string, high: string): PrecisionTable => {
        const overall = { tp: 100, n: 110 };
        const flags = Object.fromEntries([...new Set(targets.flatMap((f) => f.flags))].map((f) => [f, { ...overall }]));
        return { overall, rules: { [low]: { tp: 3, n: 10 }, [high]: { tp: 97, n: 100 } }, flags };
      };
      const queueWith = async (tbl: PrecisionTable) => {
        const rescored = found.map((f) => (f.kind === 'target' ? { ...f, confidence: confidenceFrom(tbl, f.rule!, f.flags) } : f)) as AnyFinding[];
        const text = await loadPlanText(t.store.db, twoRules.versionId);
        await t.store.db.transaction((tx) => writeFindings(tx, twoRules.planId, twoRules.versionId, text, rescored));
        return (await get<{ items: ReviewItem[] }>(`/api/review?plan=${encodeURIComponent(twoRules.slug)}&kind=target&limit=50`)).items.map((i) => i.finding);
      };

      for (const [low, high] of [
        ['clause.count', 'clause.standard'],
        ['clause.standard', 'clause.count'],
      ]) {
        const queue = await queueWith(tableWith(low, high));
        expect(queue.length).toBe(targets.length);
        const rules = queue.map((f) => f.rule);
        const lastLow = rules.lastIndexOf(low);
        const firstHigh = rules.indexOf(high);
        expect(lastLow, `${low} (3 of 10) before ${high} (97 of 100): ${rules.join(', ')}`).toBeLessThan(firstHigh);
        expect(Math.max(...queue.filter((f) => f.rule === low).map((f) => f.confidence))).toBeLessThan(
          Math.min(...queue.filter((f) => f.rule === high).map((f) => f.confidence)),
        );
      }
    });
  });
}
