// Lists that page over more plans than a page holds (issue #9, reads that scale): 121 copies of a
// small 湛江市 plan and, last, one 徐闻县 plan beyond the first page of 100. The plan list pages
// and searches by title (q), the library facets count every plan (not the first page), the map
// units count every covering plan but list at most perUnit, and the orphaned decisions page with
// their total. (PGlite and PostgreSQL)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { loadGazetteer } from '../../src/places/index';
import { loadLexicons } from '../../src/extract/lexicons';
import { refreshPlanFindings } from '../../src/store/effective';
import { backends, type TestStore } from '../helpers/stores';
import { copyPlan } from '../helpers/copies';

const ZHANJIANG_PLAN = [
  '湛江市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
  '',
  '第一章 发展目标',
  '',
  '到2025年，湛江市地区生产总值达到5000亿元，常住人口城镇化率达到50%。',
  '',
  '第二章 重点任务',
  '',
  '加快建设湛江港，推进交通基础设施互联互通。',
].join('\n');

const XUWEN_PLAN = [
  '徐闻县乡村振兴战略规划（2018—2022年）',
  '',
  '第一章 总体要求',
  '',
  '到2022年，徐闻县农村居民人均可支配收入达到2万元。',
  '',
  '第二章 重点任务',
  '',
  '推进徐闻港区建设，发展菠萝产业。',
].join('\n');

const COPIES = 120;
const XUWEN = '440825';
const ZHANJIANG = '440800';

for (const backend of backends) {
  describe(`paging over more plans than a page on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let zhanjiangId: number;
    let xuwenSlug: string;
    const all = COPIES + 2;
    beforeAll(async () => {
      t = await backend.create();
      const zj = await ingestPlan(t.store, { bytes: new TextEncoder().encode(ZHANJIANG_PLAN), fileName: 'zhanjiang.txt' });
      zhanjiangId = zj.planId;
      await copyPlan(t.store, zj.planId, COPIES, (i) => `湛江市规划副本${i}`);
      const xw = await ingestPlan(t.store, { bytes: new TextEncoder().encode(XUWEN_PLAN), fileName: 'xuwen.txt' });
      xuwenSlug = xw.slug;
      app = await buildApp({ store: t.store, gazetteer: loadGazetteer(), lexicons: loadLexicons(), maxFileBytes: 50 * 1024 * 1024, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
      return r.json();
    };

    it('the plans are what the test needs: 徐闻县 county plan last, 湛江市 prefectural plans before it', async () => {
      const last = (await get(`/api/plans?offset=${all - 1}`)).plans[0];
      expect(last.slug).toBe(xuwenSlug);
      expect(last.level).toBe('county');
      expect(last.scope.map((u: { code: string }) => u.code)).toContain(XUWEN);
      const first = (await get('/api/plans?limit=1')).plans[0];
      expect(first.level).toBe('prefectural');
      expect(first.scope.map((u: { code: string }) => u.code)).toEqual([ZHANJIANG]);
    });

    it('/api/plans pages: 100 by default, page 2 holds the rest, the total counts all', async () => {
      const p1 = await get('/api/plans');
      expect(p1.total).toBe(all);
      expect(p1.plans).toHaveLength(100);
      const p2 = await get('/api/plans?offset=100');
      expect(p2.total).toBe(all);
      expect(p2.plans).toHaveLength(all - 100);
      const ids = [...p1.plans, ...p2.plans].map((p: { id: number }) => p.id);
      expect(new Set(ids).size).toBe(all);
      expect(p2.plans.at(-1).slug).toBe(xuwenSlug);
      expect((await get('/api/plans?offset=500')).total).toBe(all);
    });

    it('/api/plans?q= finds plans by part of the title, slug or id, beyond the first page', async () => {
      const xw = await get(`/api/plans?q=${encodeURIComponent('徐闻')}&limit=20`);
      expect(xw.total).toBe(1);
      expect(xw.plans[0].slug).toBe(xuwenSlug);
      expect((await get(`/api/plans?q=${encodeURIComponent(xuwenSlug)}`)).plans[0].slug).toBe(xuwenSlug);
      // 副本1, 副本10–19, 副本100–119
      const copies = await get(`/api/plans?q=${encodeURIComponent('副本1')}&limit=20`);
      expect(copies.total).toBe(31);
      expect(copies.plans).toHaveLength(20);
      expect((await get(`/api/plans?q=${encodeURIComponent('%')}`)).total).toBe(0); // LIKE characters are literal
      expect((await get(`/api/plans?q=${encodeURIComponent('徐闻')}&level=prefectural`)).total).toBe(0);
    });

    it('/api/plan-facets counts every plan, each facet over the other filters', async () => {
      const f = await get('/api/plan-facets');
      expect(f.total).toBe(all);
      expect(f.levels).toEqual(
        expect.arrayContaining([
          { level: 'county', plans: 1 },
          { level: 'prefectural', plans: all - 1 },
        ]),
      );
      expect(f.places).toContainEqual(expect.objectContaining({ code: XUWEN, plans: 1 }));
      expect(f.places).toContainEqual(expect.objectContaining({ code: ZHANJIANG, name: '湛江市', plans: all - 1 }));
      expect(f.periods).toContainEqual({ start: 2018, end: 2022, plans: 1 });
      expect(f.periods).toContainEqual({ start: 2021, end: 2025, plans: all - 1 });

      // level=county: one plan, but the level facet still counts the other levels
      const county = await get('/api/plan-facets?level=county');
      expect(county.total).toBe(1);
      expect(county.levels).toContainEqual({ level: 'prefectural', plans: all - 1 });
      expect(county.places.map((p: { code: string }) => p.code)).not.toContain(ZHANJIANG);
      expect(county.periods).toEqual([{ start: 2018, end: 2022, plans: 1 }]);

      // place=徐闻县: the 湛江市 plans cover it from above, so every plan matches
      const xw = await get(`/api/plan-facets?place=${encodeURIComponent('徐闻县')}`);
      expect(xw.total).toBe(all);
      const y2019 = await get('/api/plan-facets?period=2019');
      expect(y2019.total).toBe(1);
      expect(y2019.levels).toEqual([{ level: 'county', plans: 1 }]);
      expect(y2019.periods.length).toBe(2); // the period facet leaves out period=
      const sum = (await get('/api/plans?period=2019')).total;
      expect(sum).toBe(1);
    });

    it('/api/map/units counts every covering plan but lists at most perUnit per unit', async () => {
      const r = await get('/api/map/units');
      const zj = r.units.find((u: { code: string }) => u.code === ZHANJIANG);
      expect(zj.planTotal).toBe(all);
      expect(zj.value).toBe(all);
      expect(zj.plans).toHaveLength(20);
      const wide = await get('/api/map/units?perUnit=500');
      const zjAll = wide.units.find((u: { code: string }) => u.code === ZHANJIANG);
      expect(zjAll.plans).toHaveLength(all);
      expect(zjAll.plans.find((p: { slug: string }) => p.slug === xuwenSlug)).toMatchObject({ relation: 'part', role: 'scope' });
      expect(zjAll.plans[0]).toMatchObject({ relation: 'direct', role: 'scope' });
      expect(zjAll.plans.slice(0, 20)).toEqual(zj.plans);
      const none = await get('/api/map/units?perUnit=0');
      expect(none.units.find((u: { code: string }) => u.code === ZHANJIANG)).toMatchObject({ planTotal: all, plans: [] });
      const other = r.units.find((u: { code: string }) => u.code === '460100');
      expect(other).toMatchObject({ planTotal: 0, value: 0, plans: [] });
    });

    it('/api/review/orphans pages the orphaned decisions, newest first, with the total', async () => {
      const N = 60;
      await t.store.db.transaction(async (tx) => {
        for (let i = 0; i < N; i++) {
          await tx.execute(sql`insert into decisions (plan_id, kind, identity, quote_key, action, quote, actor, created_at)
            values (${zhanjiangId}, 'target', ${`gone-${i}`}, ${`gone-${i}`}, 'accept', ${`已删去的句子${i}`}, 'test', ${new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()})`);
        }
        await refreshPlanFindings(tx, zhanjiangId);
      });
      const p1 = await get('/api/review/orphans');
      expect(p1).toMatchObject({ total: N, limit: 50, offset: 0 });
      expect(p1.items).toHaveLength(50);
      expect(p1.items[0].decision.quote).toBe(`已删去的句子${N - 1}`); // newest first
      const p2 = await get('/api/review/orphans?offset=50');
      expect(p2.total).toBe(N);
      expect(p2.items).toHaveLength(N - 50);
      expect(p2.items.at(-1).decision.quote).toBe('已删去的句子0');
      expect(new Set([...p1.items, ...p2.items].map((i: { decision: { id: number } }) => i.decision.id)).size).toBe(N);
      const small = await get('/api/review/orphans?limit=7&offset=3');
      expect(small.items.map((i: { decision: { id: number } }) => i.decision.id)).toEqual(p1.items.slice(3, 10).map((i: { decision: { id: number } }) => i.decision.id));
      expect((await get('/api/review/orphans?offset=1000')).total).toBe(N);
      expect((await get('/api/review/stats')).orphans).toBe(N);
    });
  });
}
