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
  });
}
