// /api/search (检索): jieba words and literal substrings over the sample plans, filters, the
// findings inside a passage, hostile queries, re-ingest replacing a plan's passages, and data
// stored before the search index existed.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { SearchHit, SearchResult } from '../../src/core/api-types';
import { HIT_FINDINGS } from '../../src/search/query';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { samplePlanFiles } from '../../src/commands/samples';
import { indexMissingVersions } from '../../src/commands/search-index';
import { loadGazetteer } from '../../src/places/index';
import { loadLexicons } from '../../src/extract/lexicons';
import { getSegmenter } from '../../src/search/segmenter';
import { queryRows } from '../../src/store/db';
import { backends, type TestStore } from '../helpers/stores';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();
const seg = getSegmenter(gazetteer, lexicons);

type Hit = SearchHit;
type Result = SearchResult;

const plan = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const TITLE = '测试市国民经济和社会发展第十四个五年规划纲要';

for (const backend of backends) {
  describe(`/api/search on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let slugs: string[];

    beforeAll(async () => {
      t = await backend.create();
      slugs = [];
      for (const f of samplePlanFiles()) {
        const r = await ingestPlan(t.store, { bytes: fs.readFileSync(f), fileName: f.split('/').pop()! }, gazetteer, lexicons);
        slugs.push(r.slug);
      }
      app = await buildApp({ store: t.store, gazetteer, lexicons, maxFileBytes: 5 * 1024 * 1024, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    const search = async (params: Record<string, string | number>): Promise<Result> => {
      const r = await app.inject({ method: 'GET', url: '/api/search?' + new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])) });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const planText = async (slug: string): Promise<string> => {
      const r = await app.inject({ method: 'GET', url: `/api/plans/${encodeURIComponent(slug)}/text` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().text;
    };

    it('城镇化率 finds passages of at least two plans, with highlights on the query terms', async () => {
      const r = await search({ q: '城镇化率', limit: 100 });
      expect(r.terms).toContain('城镇化率');
      expect(r.total).toBe(r.hits.length);
      expect(new Set(r.hits.map((h) => h.plan.slug)).size).toBeGreaterThanOrEqual(2);
      for (const h of r.hits) {
        expect(h.text).toContain('城镇化率');
        expect(h.highlights.length).toBeGreaterThan(0);
        for (const [s, e] of h.highlights) expect(r.terms).toContain(h.text.slice(s, e).toLowerCase());
      }
    });

    it('finds a literal string that jieba cuts differently (across word boundaries)', async () => {
      // 口城镇化 straddles 常住人口|城镇化率: its jieba words are not among the passage's tokens.
      const q = '口城镇化';
      const r = await search({ q });
      expect(r.hits.length).toBeGreaterThan(0);
      for (const h of r.hits) {
        expect(h.text).toContain(q);
        const tokens = new Set(seg.indexTokens(h.text));
        expect(seg.queryTerms(q).every((w) => tokens.has(w))).toBe(false);
        expect(h.highlights.some(([s, e]) => h.text.slice(s, e) === q)).toBe(true);
      }
    });

    it('ranks passages and pages through them', async () => {
      const all = await search({ q: '港口', limit: 100 });
      expect(all.total).toBeGreaterThan(10);
      const page2 = await search({ q: '港口', limit: 5, offset: 5 });
      expect(page2.total).toBe(all.total);
      expect(page2.hits.map((h) => h.start + h.plan.slug)).toEqual(all.hits.slice(5, 10).map((h) => h.start + h.plan.slug));
      const beyond = await search({ q: '港口', offset: all.total + 10 });
      expect(beyond.hits).toEqual([]);
      expect(beyond.total).toBe(all.total);
    });

    it('filters by plan, section, kind and year, each narrowing the results', async () => {
      const all = await search({ q: '港口', limit: 100 });
      const plans = new Set(all.hits.map((h) => h.plan.slug));
      // every sample plan speaks of ports
      expect(plans.size).toBe(slugs.length);

      const one = await search({ q: '港口', plan: slugs[1], limit: 100 });
      expect(one.total).toBeGreaterThan(0);
      expect(one.total).toBeLessThan(all.total);
      expect(one.hits.every((h) => h.plan.slug === slugs[1])).toBe(true);

      const top = all.hits.find((h) => h.section?.path.includes('.'))!.section!.path.split('.')[0];
      const inSection = await search({ q: '港口', section: top, limit: 100 });
      expect(inSection.total).toBeGreaterThan(0);
      expect(inSection.total).toBeLessThan(all.total);
      expect(inSection.hits.every((h) => h.section && (h.section.path === top || h.section.path.startsWith(top + '.')) || h.section?.title.includes(top))).toBe(true);

      const byTitle = await search({ q: '港口', section: '发展目标', limit: 100 });
      expect(byTitle.total).toBeLessThan(all.total);

      const targets = await search({ q: '港口', kind: 'target', limit: 100 });
      expect(targets.total).toBeGreaterThan(0);
      expect(targets.total).toBeLessThan(all.total);
      expect(targets.hits.every((h) => h.findings.some((f) => f.kind === 'target'))).toBe(true);

      const projects = await search({ q: '港口', kind: 'project', limit: 100 });
      expect(projects.total).toBeLessThan(all.total);
      expect(projects.hits.every((h) => h.findings.some((f) => f.kind === 'project'))).toBe(true);

      const y2020 = await search({ q: '港口', year: 2020, limit: 100 });
      expect(y2020.total).toBeGreaterThan(0);
      expect(y2020.total).toBeLessThan(all.total);
      for (const h of y2020.hits) {
        expect(h.text.includes('2020') || h.findings.some((f) => /\| 2020年 \|/.test(f.summary))).toBe(true);
      }
    });

    it('kind and year filters follow review decisions: a rejected project no longer counts, an added one does', async () => {
      const projects = await search({ q: '港口', kind: 'project', limit: 100 });
      const lone = projects.hits[0];
      for (const f of lone.findings.filter((x) => x.kind === 'project')) {
        const rej = await app.inject({ method: 'POST', url: `/api/plans/${lone.plan.slug}/decisions`, payload: { key: f.key, action: 'reject' } });
        expect(rej.statusCode, rej.body).toBe(200);
      }
      const same = (h: Hit) => h.plan.slug === lone.plan.slug && h.start === lone.start;
      const after = await search({ q: '港口', kind: 'project', limit: 100 });
      expect(after.total).toBe(projects.total - 1);
      expect(after.hits.some(same)).toBe(false);

      // a passage about 港口 without a project: once a person adds one there, the filter finds it
      const all = await search({ q: '港口', limit: 100 });
      const bare = all.hits.find((h) => !h.findings.some((f) => f.kind === 'project') && h.text.includes('港口'))!;
      const quote = bare.text.slice(bare.text.indexOf('港口'), bare.text.indexOf('港口') + 4);
      const text = (await app.inject({ method: 'GET', url: `/api/plans/${bare.plan.slug}/text` })).json().text as string;
      let occurrence = 0;
      for (let i = text.indexOf(quote); i >= 0 && i < bare.start + bare.text.indexOf('港口') + 1; i = text.indexOf(quote, i + 1)) occurrence++;
      const add = await app.inject({ method: 'POST', url: `/api/plans/${bare.plan.slug}/findings`, payload: { kind: 'project', quote, occurrence, fields: { name: quote } } });
      expect(add.statusCode, add.body).toBe(201);
      expect(add.json().start).toBe(bare.start + bare.text.indexOf('港口'));
      const withAdded = await search({ q: '港口', kind: 'project', limit: 100 });
      expect(withAdded.total).toBe(after.total + 1);
      expect(withAdded.hits.some((h) => h.plan.slug === bare.plan.slug && h.start === bare.start)).toBe(true);
    });

    it("returns the findings whose span overlaps each passage", async () => {
      const r = await search({ q: '城镇化率', limit: 100 });
      const found = r.hits.flatMap((h) => h.findings.map((f) => ({ h, f })));
      expect(found.length).toBeGreaterThan(0);
      for (const { h, f } of found) {
        expect(f.start).toBeLessThan(h.end);
        expect(f.end).toBeGreaterThan(h.start);
        expect(f.key).toMatch(/^[0-9a-f]{20}(#\d+)?$/);
        expect(f.summary.length).toBeGreaterThan(0);
      }
      expect(found.some(({ f }) => f.kind === 'target' && f.summary.includes('城镇化率'))).toBe(true);
    });

    it('sends the first findings of a passage, those holding the query first, and all of them on demand', async () => {
      const r = await search({ q: '城镇化率', limit: 100 });
      // A table passage holds more findings than a hit carries.
      const big = r.hits.find((h) => h.findingTotal > HIT_FINDINGS);
      expect(big, 'a hit with more findings than are sent').toBeDefined();
      expect(big!.findings).toHaveLength(HIT_FINDINGS);
      const rest = await app.inject({ method: 'GET', url: `/api/search/findings?plan=${encodeURIComponent(big!.plan.slug)}&start=${big!.start}&end=${big!.end}` });
      expect(rest.statusCode, rest.body).toBe(200);
      const all = rest.json().findings as Hit['findings'];
      expect(all).toHaveLength(big!.findingTotal);
      expect(all.map((f) => f.start)).toEqual([...all.map((f) => f.start)].sort((a, b) => a - b));
      const keys = new Set(all.map((f) => f.key));
      for (const f of big!.findings) expect(keys.has(f.key)).toBe(true);
      // The findings whose text holds the query come first: none sent lacks it while one left out has it.
      const text = await planText(big!.plan.slug);
      const holds = (f: { start: number; end: number }) => text.slice(f.start, f.end).includes('城镇化率');
      const sentHolding = big!.findings.filter(holds).length;
      expect(sentHolding).toBe(Math.min(HIT_FINDINGS, all.filter(holds).length));
      expect(big!.findings.slice(0, sentHolding).every(holds)).toBe(true);
      // Every hit's count is the count of that passage's findings.
      for (const h of r.hits.slice(0, 5)) {
        const one = await app.inject({ method: 'GET', url: `/api/search/findings?plan=${encodeURIComponent(h.plan.slug)}&start=${h.start}&end=${h.end}` });
        expect(one.json().findings).toHaveLength(h.findingTotal);
      }
      const bad = await app.inject({ method: 'GET', url: `/api/search/findings?plan=${encodeURIComponent(big!.plan.slug)}&start=10&end=5` });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('end');
      const none = await app.inject({ method: 'GET', url: '/api/search/findings?plan=no-such-plan&start=0&end=5' });
      expect(none.statusCode).toBe(404);
    });

    it('a hit’s findings follow review decisions: a rejected one leaves the hit and its count, an accepted one comes back', async () => {
      const same = (a: Hit) => (b: Hit) => b.plan.slug === a.plan.slug && b.start === a.start;
      const before = (await search({ q: '城镇化率', limit: 100 })).hits.find((h) => h.findings.length > 1)!;
      const gone = before.findings[0];
      const decide = async (action: string) => {
        const r = await app.inject({ method: 'POST', url: `/api/plans/${before.plan.slug}/decisions`, payload: { key: gone.key, action } });
        expect(r.statusCode, r.body).toBe(200);
      };
      const now = async () => {
        const h = (await search({ q: '城镇化率', limit: 100 })).hits.find(same(before))!;
        const all = (await app.inject({ method: 'GET', url: `/api/search/findings?plan=${encodeURIComponent(h.plan.slug)}&start=${h.start}&end=${h.end}` })).json().findings as Hit['findings'];
        expect(all).toHaveLength(h.findingTotal);
        return { h, all };
      };
      await decide('reject');
      const rejected = await now();
      expect(rejected.h.findingTotal).toBe(before.findingTotal - 1);
      expect(rejected.h.findings.some((f) => f.key === gone.key)).toBe(false);
      expect(rejected.all.some((f) => f.key === gone.key)).toBe(false);
      await decide('accept');
      const accepted = await now();
      expect(accepted.h.findingTotal).toBe(before.findingTotal);
      expect(accepted.h.findings.map((f) => f.key)).toEqual(before.findings.map((f) => f.key));
    });

    it('answers hostile queries with 200 and leaves the data alone', async () => {
      for (const q of ["'); drop table plans; --", 'a & | !', "城镇化率' | '港口", '\\', '%', '_', ':*', '(((', '<-> !!']) {
        const r = await search({ q });
        expect(Array.isArray(r.hits)).toBe(true);
      }
      // % and _ are no wildcards: a literal 3-character run of them matches nothing
      expect((await search({ q: '%%%' })).total).toBe(0);
      expect((await search({ q: '___' })).total).toBe(0);
      const still = await search({ q: '港口' });
      expect(still.total).toBeGreaterThan(0);
      const rows = await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from plans`);
      expect(rows[0].n).toBeGreaterThanOrEqual(3);
    });

    it('refuses an empty query and bad filters with a clear error', async () => {
      for (const url of ['/api/search', '/api/search?q=', '/api/search?q=%20%20']) {
        const r = await app.inject({ method: 'GET', url });
        expect(r.statusCode).toBe(400);
        expect(r.json().error.field).toBe('q');
        expect(r.json().error.message).toMatch(/^q: /);
      }
      const kind = await app.inject({ method: 'GET', url: '/api/search?q=港口&kind=nonsense' });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.message).toMatch(/kind/);
      const year = await app.inject({ method: 'GET', url: '/api/search?q=港口&year=20x' });
      expect(year.statusCode).toBe(400);
      const unknown = await app.inject({ method: 'GET', url: '/api/search?q=港口&plan=no-such-plan' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toMatch(/no-such-plan/);
    });

    it('re-ingesting a changed plan replaces its passages: only the new text is found', async () => {
      const v1 = await ingestPlan(
        t.store,
        { bytes: plan([TITLE, '', '第一章 发展目标', '', '到2025年，建成甲乙丙港区综合枢纽。']), fileName: 'test-city.txt' },
        gazetteer,
        lexicons,
      );
      expect((await search({ q: '甲乙丙港区' })).hits.map((h) => h.plan.slug)).toEqual([v1.slug]);
      const v2 = await ingestPlan(
        t.store,
        { bytes: plan([TITLE, '', '第一章 发展目标', '', '到2025年，建成丁戊己港区综合枢纽。']), fileName: 'test-city.txt' },
        gazetteer,
        lexicons,
      );
      expect(v2.status).toBe('new-version');
      expect(v2.planId).toBe(v1.planId);
      expect((await search({ q: '甲乙丙港区' })).total).toBe(0);
      const now = await search({ q: '丁戊己港区' });
      expect(now.hits.map((h) => h.plan.slug)).toEqual([v2.slug]);
      const rows = await queryRows<{ version_id: number }>(
        t.store.db,
        sql`select distinct version_id from passages where plan_id = ${v2.planId}`,
      );
      expect(rows.map((r) => Number(r.version_id))).toEqual([v2.versionId]);
    });

    it('a search never writes; plans stored before the search index existed are indexed by the start-up command', async () => {
      await t.store.db.execute(sql`delete from passages`);
      const passageCount = async () => (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from passages`))[0].n;
      expect(await passageCount()).toBe(0);
      expect((await search({ q: '城镇化率' })).total).toBe(0); // a GET leaves the index as it is
      expect(await passageCount()).toBe(0);
      expect(await indexMissingVersions(t.store, getSegmenter(gazetteer, lexicons))).toBe(slugs.length + 1);
      expect(await indexMissingVersions(t.store, getSegmenter(gazetteer, lexicons))).toBe(0); // nothing left to do
      const r = await search({ q: '城镇化率' });
      expect(new Set(r.hits.map((h) => h.plan.slug)).size).toBeGreaterThanOrEqual(2);
      const n = (await queryRows<{ n: number }>(t.store.db, sql`select count(distinct plan_id)::int as n from passages`))[0].n;
      // the sample plans and the plan the re-ingest test added, all indexed again
      expect(n).toBe(slugs.length + 1);
    });
  });
}
