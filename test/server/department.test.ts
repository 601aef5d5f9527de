// A department's page (GET /api/departments/{unit}): the lagging targets it lists are the lagging
// targets of its plans that a task it leads names — the same judgement as the plan's own monitor.
// (PGlite and PostgreSQL)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { loadGazetteer } from '../../src/places/index';
import { loadLexicons } from '../../src/extract/lexicons';
import { backends, type TestStore } from '../helpers/stores';

const PLAN = [
  '湛江市国民经济和社会发展第十二个五年规划纲要',
  '',
  '第一章 发展目标',
  '',
  '2010年，全市地区生产总值达到1400亿元。到2015年，全市地区生产总值达到2800亿元，森林覆盖率达到30%。',
  '',
  '第二章 保障措施',
  '',
  '（一）做大地区生产总值。推动经济持续较快增长，壮大实体经济。（牵头单位：市经济统筹局；参加单位：市财政局）',
  '',
  '（二）扩大对外开放。推进港口建设，发展临港产业。（牵头单位：市港务统筹局；参加单位：市经济统筹局）',
].join('\n');

for (const backend of backends) {
  describe(`department page on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let slug: string;
    beforeAll(async () => {
      t = await backend.create();
      slug = (await ingestPlan(t.store, { bytes: new TextEncoder().encode(PLAN), fileName: 'zhanjiang-12.txt' })).slug;
      app = await buildApp({ store: t.store, gazetteer: loadGazetteer(), lexicons: loadLexicons(), maxFileBytes: 50 * 1024 * 1024, actor: 'test' }, { webDir: null });
      // 2015 actual: far short of the 2800亿元 target
      const obs = await app.inject({ method: 'POST', url: '/api/observations', payload: { indicator: 'gdp', place: '440800', year: 2015, value: 1500, unit: '亿元', source: '测试' } });
      expect(obs.statusCode, obs.body).toBe(201);
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };

    it('lists a lagging target when a task the unit leads names its indicator, judged as the plan monitor judges it', async () => {
      const monitor = await get(`/api/plans/${slug}/monitor?asOf=2015`);
      type Row = { canonical: string | null; status: string };
      const gdp = monitor.rows.find((r: Row) => r.canonical === 'gdp');
      expect(['lagging', 'severely-lagging']).toContain(gdp.status);
      // the forest target has no figure: it is not lagging
      expect(monitor.rows.filter((r: Row) => r.canonical !== 'gdp').map((r: Row) => r.status)).not.toContain('lagging');

      const lead = await get(`/api/departments/${encodeURIComponent('市经济统筹局')}?asOf=2015&today=2016-03-01`);
      expect(lead.tasks.map((x: { role: string }) => x.role)).toEqual(['lead', 'support']);
      expect(lead.lagging).toHaveLength(1);
      expect(lead.lagging[0].task).toContain('地区生产总值');
      expect(lead.lagging[0].plan.slug).toBe(slug);
      expect(lead.lagging[0].target).toEqual(gdp);

      // a unit that leads only a task naming no lagging indicator, or only supports the GDP task, lists none
      expect((await get(`/api/departments/${encodeURIComponent('市港务统筹局')}?asOf=2015&today=2016-03-01`)).lagging).toEqual([]);
      expect((await get(`/api/departments/${encodeURIComponent('市财政局')}?asOf=2015&today=2016-03-01`)).lagging).toEqual([]);
    });

    it('an indicator page judges each plan’s target of that indicator as the plan monitor does', async () => {
      const monitor = await get(`/api/plans/${slug}/monitor`);
      const view = await get('/api/indicators/gdp');
      expect(view.totals.plans).toBe(1);
      expect(view.targets.map((x: { target: unknown }) => x.target)).toEqual(monitor.rows.filter((r: { canonical: string | null }) => r.canonical === 'gdp'));
    });
  });
}
