// Paging of the list endpoints over HTTP: /api/plans (limit, offset, total) and the place page's
// lists (limit, offset, totals); without paging parameters the answers are as before. (PGlite and PostgreSQL)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { PLACE_LISTS, PLACE_PAGE_DEFAULT } from '../../src/store/place-views';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { samplePlanFiles } from '../../src/commands/samples';
import { loadGazetteer } from '../../src/places/index';
import { loadLexicons } from '../../src/extract/lexicons';
import { backends, type TestStore } from '../helpers/stores';

const files = samplePlanFiles().filter((f) => !path.basename(f).startsWith('001_')); // the largest left out: faster

for (const backend of backends) {
  describe(`paging on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await backend.create();
      for (const f of files) await ingestPlan(t.store, { bytes: fs.readFileSync(f), fileName: path.basename(f) });
      app = await buildApp({ store: t.store, gazetteer: loadGazetteer(), lexicons: loadLexicons(), maxFileBytes: 50 * 1024 * 1024, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.json() };
    };

    it('/api/plans answers every plan with its total by default, and one page when asked', async () => {
      const all = await get('/api/plans');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(files.length);
      expect(all.body.plans).toHaveLength(files.length);
      const page = await get('/api/plans?limit=2&offset=1');
      expect(page.body.total).toBe(files.length);
      expect(page.body.plans).toEqual(all.body.plans.slice(1, 3));
      const filtered = await get(`/api/plans?place=${encodeURIComponent('湛江市')}&limit=1`);
      expect(filtered.body.plans).toHaveLength(1);
      expect(filtered.body.total).toBeGreaterThan(1);
      expect((await get('/api/plans?limit=0')).status).toBe(400);
    });

    it('the place page pages each list and gives the totals', async () => {
      const full = await get('/api/places/440800?limit=500');
      expect(full.status).toBe(200);
      const { totals } = full.body;
      expect(totals.plans).toBe(full.body.plans.length);
      expect(totals.targets).toBe(full.body.targets.length);
      expect(totals.targets).toBeGreaterThan(2);
      const page = await get('/api/places/440800?limit=1&offset=1');
      expect(page.body.totals).toEqual(totals);
      expect(page.body.targets).toEqual(full.body.targets.slice(1, 2));
      expect(page.body.plans).toEqual(full.body.plans.slice(1, 2));
      // By default each list answers its first PLACE_PAGE_DEFAULT rows.
      const first = await get('/api/places/440800');
      for (const list of PLACE_LISTS) expect(first.body[list]).toEqual(full.body[list].slice(0, PLACE_PAGE_DEFAULT));
      expect(first.body.totals).toEqual(totals);
      // One list's next page: only its rows, the totals complete.
      for (const list of PLACE_LISTS) {
        const next = await get(`/api/places/440800?list=${list}&limit=3&offset=2`);
        expect(next.status).toBe(200);
        expect(next.body[list]).toEqual(full.body[list].slice(2, 5));
        for (const other of PLACE_LISTS) if (other !== list) expect(next.body[other]).toEqual([]);
        expect(next.body.totals).toEqual(totals);
      }
      expect((await get('/api/places/440800?list=nothing')).status).toBe(400);
      const byName = await app.inject({ method: 'GET', url: `/api/places/${encodeURIComponent('湛江市')}?limit=1` });
      expect(byName.statusCode).toBe(301);
      expect(byName.headers.location).toBe('/api/places/440800?limit=1');
    });

    it('a department page pages by plan; its totals and flag counts cover every plan', async () => {
      // a unit that tasks of two or more plans name
      const slugs = (await get('/api/plans')).body.plans.map((p: { slug: string }) => p.slug) as string[];
      const plansOf = new Map<string, Set<string>>();
      for (const slug of slugs) {
        for (const task of (await get(`/api/plans/${slug}/tasks?today=2016-03-01`)).body.tasks as Array<{ lead: string[]; support: string[] }>) {
          for (const u of [...task.lead, ...task.support]) plansOf.set(u, new Set([...(plansOf.get(u) ?? []), slug]));
        }
      }
      const [unit, plans] = [...plansOf].sort((a, b) => b[1].size - a[1].size)[0];
      expect(plans.size).toBeGreaterThanOrEqual(2);
      const url = `/api/departments/${encodeURIComponent(unit)}?today=2016-03-01`;
      const all = await get(url);
      expect(all.status).toBe(200);
      expect(all.body.totals.plans).toBe(plans.size);
      expect(all.body.totals.tasks).toBe(all.body.tasks.length);
      expect(all.body.totals.lead).toBe(all.body.tasks.filter((t: { role: string }) => t.role === 'lead').length);
      const pages = [];
      const lagging = [];
      for (let offset = 0; offset < plans.size; offset++) {
        const one = await get(`${url}&limit=1&offset=${offset}`);
        expect(one.status).toBe(200);
        expect(new Set(one.body.tasks.map((t: { plan: { slug: string } }) => t.plan.slug)).size).toBe(1);
        // totals and flag counts are over all plans whatever the page
        expect(one.body.totals).toEqual(all.body.totals);
        expect([one.body.overdue, one.body.noUpdate]).toEqual([all.body.overdue, all.body.noUpdate]);
        pages.push(...one.body.tasks);
        lagging.push(...one.body.lagging);
      }
      expect(pages).toEqual(all.body.tasks);
      expect(lagging).toEqual(all.body.lagging);
      expect((await get(`${url}&limit=0`)).status).toBe(400);
    });

    it('an indicator page judges one page of plans; the total counts every plan with a target of it', async () => {
      let id = '';
      let all: { status: number; body: { totals: { plans: number }; targets: Array<{ plan: { slug: string } }> } } | null = null;
      for (const candidate of ['gdp', 'urbanization', 'population']) {
        const r = await get(`/api/indicators/${candidate}?limit=200`);
        expect(r.status).toBe(200);
        if (r.body.totals.plans >= 2) [id, all] = [candidate, r];
        if (id) break;
      }
      expect(id, 'an indicator that two sample plans set targets for').not.toBe('');
      expect(new Set(all!.body.targets.map((t) => t.plan.slug)).size).toBe(all!.body.totals.plans);
      const pages = [];
      for (let offset = 0; offset < all!.body.totals.plans; offset++) {
        const one = await get(`/api/indicators/${id}?limit=1&offset=${offset}`);
        expect(one.body.totals).toEqual(all!.body.totals);
        expect(new Set(one.body.targets.map((t: { plan: { slug: string } }) => t.plan.slug)).size).toBe(1);
        pages.push(...one.body.targets);
      }
      expect(pages).toEqual(all!.body.targets);
    });
  });
}
