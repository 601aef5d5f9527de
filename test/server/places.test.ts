// /api/map/*, /api/plans/:slug/structure, /api/places: map units counted from the stored plan
// coverage, census colouring computed from the CSV, the place page of 湛江市, lookups and 404s.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { inArray } from 'drizzle-orm';
import { buildApp } from '../../src/server/app';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { samplePlanFiles } from '../../src/commands/samples';
import { loadGazetteer } from '../../src/places/index';
import { CENSUS_FILE } from '../../src/places/census';
import { loadLexicons } from '../../src/extract/lexicons';
import { listPlans } from '../../src/store/queries';
import { planPlaces } from '../../src/store/schema';
import { backends, type TestStore } from '../helpers/stores';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();
const ZHANJIANG = '440800';

interface MapUnit {
  code: string;
  name: string;
  province: string;
  value: number | null;
  plans: Array<{ slug: string; title: string; relation: string; role: string }>;
}

for (const backend of backends) {
  describe(`places API on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await backend.create();
      for (const f of samplePlanFiles()) await ingestPlan(t.store, { bytes: fs.readFileSync(f), fileName: f.split('/').pop()! });
      app = await buildApp({ store: t.store, gazetteer, lexicons, maxFileBytes: 50 * 1024 * 1024, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, headers: r.headers, body: r.body ? (r.headers['content-type']?.toString().includes('json') ? r.json() : r.body) : null };
    };

    /** Plans whose current version covers `code` per plan_places (the unit, a unit above it, or one inside it). */
    async function coveringFromStore(code: string): Promise<string[]> {
      const plans = await listPlans(t.store);
      const rows = await t.store.db
        .select()
        .from(planPlaces)
        .where(inArray(planPlaces.versionId, plans.map((p) => p.currentVersionId!)));
      const related = (c: string) => c === code || gazetteer.isWithin(code, c) || gazetteer.isWithin(c, code);
      return plans.filter((p) => rows.some((r) => r.versionId === p.currentVersionId && related(r.placeCode))).map((p) => p.slug).sort();
    }

    it('serves the three map shapes', async () => {
      for (const prov of ['guangdong', 'guangxi', 'hainan']) {
        const r = await get(`/api/map/geo/${prov}`);
        expect(r.status).toBe(200);
        const json = r.body as { features: Array<{ id: string; properties: { name: string } }> };
        expect(json.features.length).toBeGreaterThan(10);
      }
      const gd = (await get('/api/map/geo/guangdong')).body as { features: Array<{ id: string; properties: { name: string } }> };
      expect(gd.features.find((f) => f.id === ZHANJIANG)?.properties.name).toBe('湛江市');
      const bad = await get('/api/map/geo/yunnan');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/province/);
    });

    it('counts the plans covering each unit from the stored coverage', async () => {
      const r = await get('/api/map/units?color=plans');
      expect(r.status).toBe(200);
      const units = r.body.units as MapUnit[];
      expect(units.length).toBe(21 + 14 + 19);
      const zj = units.find((u) => u.code === ZHANJIANG)!;
      const expected = await coveringFromStore(ZHANJIANG);
      expect(expected.length).toBeGreaterThanOrEqual(2);
      expect(zj.plans.map((p) => p.slug).sort()).toEqual(expected);
      expect(zj.value).toBe(expected.length);
      // every unit: value = number of plans, and the plans are the stored ones
      for (const u of units.filter((x) => ['440100', '450300', '460100', '441300'].includes(x.code))) {
        expect(u.plans.map((p) => p.slug).sort(), u.name).toEqual(await coveringFromStore(u.code));
        expect(u.value).toBe(u.plans.length);
      }
      expect(r.body.legend.label).toBeTruthy();
    });

    it('colours by a census indicator computed from the CSV', async () => {
      const ind = await get('/api/map/indicators');
      expect(ind.status).toBe(200);
      const ids = (ind.body.indicators as Array<{ id: string; source: string; unit: string }>).map((i) => i.id);
      expect(ids).toContain('census-urbanization-2020');

      const line = fs.readFileSync(CENSUS_FILE, 'utf8').split('\n').find((l) => l.split(',')[1] === ZHANJIANG)!;
      const [, , , pop2020, urban2020] = line.split(',');
      const r = await get('/api/map/units?color=indicator&indicator=census-urbanization-2020');
      expect(r.status).toBe(200);
      const zj = (r.body.units as MapUnit[]).find((u) => u.code === ZHANJIANG)!;
      expect(zj.value).toBeCloseTo((Number(urban2020) / Number(pop2020)) * 100, 2);
      expect(r.body.legend).toMatchObject({ unit: '%', source: '普查' });
      // the same indicator named without its year + year
      const pop = await get('/api/map/units?color=indicator&indicator=census-population&year=2020');
      expect((pop.body.units as MapUnit[]).find((u) => u.code === ZHANJIANG)!.value).toBeCloseTo(Number(pop2020) / 10000, 2);

      const unknown = await get('/api/map/units?color=indicator&indicator=gdp-per-duck');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.field).toBe('indicator');
      const missing = await get('/api/map/units?color=indicator');
      expect(missing.status).toBe(400);
      expect((await get('/api/map/units?color=rainbow')).status).toBe(400);
    });

    it('places the structure of 湛茂都市圈 with coordinates', async () => {
      const r = await get(`/api/plans/${encodeURIComponent('湛茂都市圈')}/structure`);
      expect(r.status).toBe(200);
      type El = { name: string; shape: string; members: Array<{ name: string; places: Array<{ code: string; point: [number, number] | null }> }> };
      const structures = r.body.structures as Array<{ key: string; code: string; elements: El[] }>;
      expect(structures.length).toBeGreaterThan(0);
      const all = structures.flatMap((s) => s.elements);
      const located = all.filter((e) => e.members.some((m) => m.places.some((p) => p.point)));
      expect(located.length).toBeGreaterThan(0);
      const zjPoint = gazetteer.byCode(ZHANJIANG)!.point;
      const withZj = all.flatMap((e) => e.members).flatMap((m) => m.places).find((p) => p.code === ZHANJIANG);
      expect(withZj?.point).toEqual(zjPoint);
      for (const e of all) expect(['point', 'line', 'area', 'other']).toContain(e.shape);
      expect(all.some((e) => e.shape === 'line')).toBe(true);
      expect((await get('/api/plans/no-such-plan/structure')).status).toBe(404);
    });

    it('gives the place page of 湛江市: covering plans, roles, located targets, census', async () => {
      const r = await get(`/api/places/${ZHANJIANG}`);
      expect(r.status).toBe(200);
      const v = r.body;
      expect(v.unit).toMatchObject({ code: ZHANJIANG, name: '湛江市', level: 'prefecture' });
      expect(v.chain.map((c: { name: string }) => c.name)).toEqual(['广东省']);
      const covering = (v.plans as Array<{ slug: string; coverage: unknown; roles: Array<{ role: string; source: string; key: string }> }>).filter((p) => p.coverage);
      expect(covering.map((p) => p.slug).sort()).toEqual(await coveringFromStore(ZHANJIANG));
      // 湛江 lies in 粤西, 湛茂 and the 北部湾城市群 (004, whose scope runs over three provinces)
      const titles = (v.plans as Array<{ title: string; coverage: unknown }>).filter((p) => p.coverage).map((p) => p.title);
      expect(titles).toEqual(expect.arrayContaining([expect.stringContaining('粤西'), expect.stringContaining('湛茂'), expect.stringContaining('北部湾城市群')]));
      const roles = covering.flatMap((p) => p.roles);
      expect(roles.length).toBeGreaterThan(0);
      expect(roles.some((x) => x.source === 'text')).toBe(true);
      expect(roles.some((x) => x.source === 'structure')).toBe(true);
      // the roles quote the plans: each text role is in its plan's text near the unit's name
      const zm = covering.find((p) => p.roles.some((x) => x.role.includes('中心')));
      expect(zm).toBeTruthy();
      expect(v.targets.length).toBeGreaterThan(0);
      for (const f of [...v.targets, ...v.projects]) {
        expect(f.slug).toBeTruthy();
        expect(f.key).toMatch(/^[0-9a-f]{20}/);
      }
      // located findings really name the unit or a unit inside it
      const inside = (q: string) => gazetteer.findMentions('广东省湛江市。' + q).some((m) => m.start >= 7 && gazetteer.isWithin(m.place.code, ZHANJIANG));
      expect(v.targets.every((f: { quote: string; how: string }) => f.how === 'scope' || inside(f.quote))).toBe(true);
      expect(v.projects.length).toBeGreaterThan(0);
      expect(v.census.values.find((x: { id: string }) => x.id === 'census-population-2020').value).toBeGreaterThan(600);
    });

    it('resolves a name to the code, and 404s an unknown unit', async () => {
      const r = await app.inject({ method: 'GET', url: `/api/places/${encodeURIComponent('湛江')}` });
      expect(r.statusCode).toBe(301);
      expect(r.headers.location).toBe(`/api/places/${ZHANJIANG}`);
      const miss = await get('/api/places/999999');
      expect(miss.status).toBe(404);
      expect(miss.body.error).toMatchObject({ code: 'not-found', field: 'code' });
      expect((await get(`/api/places/${encodeURIComponent('不存在市')}`)).status).toBe(404);
    });

    it('looks places up by name', async () => {
      const r = await get(`/api/places?q=${encodeURIComponent('湛江')}`);
      expect(r.status).toBe(200);
      expect(r.body.places[0]).toMatchObject({ code: ZHANJIANG, name: '湛江市' });
      expect((await get('/api/places')).status).toBe(400);
    });
  });
}
