// /api/plans: the library list with counts and filters, detail, text with findings, upload
// (success, empty file, too large), the original file, and untrusted text coming back as plain data.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { samplePlanFiles } from '../../src/commands/samples';
import { loadGazetteer } from '../../src/places/index';
import { loadLexicons } from '../../src/extract/lexicons';
import { tableCounts } from '../../src/store/queries';
import { backends, type TestStore } from '../helpers/stores';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();

/** A multipart/form-data body with one file part. */
function multipart(fileName: string, bytes: Uint8Array | string, field = 'file') {
  const boundary = '----planatlas' + Math.random().toString(36).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const SMALL_PLAN = [
  '测试市国民经济和社会发展第十四个五年规划纲要',
  '',
  '第一章 发展目标',
  '',
  '到2025年，地区生产总值达到1000亿元，常住人口城镇化率达到60%。',
  '',
  '第二章 重点任务',
  '',
  '加快建设测试港区，推进交通基础设施互联互通。',
].join('\n');

const HOSTILE = [
  '<script>alert(1)</script>规划纲要',
  '',
  '第一章 总则',
  '',
  '到2025年，地区生产总值达到<img src=x onerror=alert(2)>500亿元。',
].join('\n');

interface Card {
  id: number;
  slug: string;
  title: string;
  level: string;
  period: [number, number] | null;
  horizon: number | null;
  scope: Array<{ code: string; name: string }>;
  extension: Array<{ code: string; name: string }>;
  counts: Record<string, number>;
  review: { reviewed: number; total: number };
  status: string;
  issuer: string[];
}

for (const backend of backends) {
  describe(`/api/plans on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let small: FastifyInstance;

    beforeAll(async () => {
      t = await backend.create();
      for (const f of samplePlanFiles()) {
        await ingestPlan(t.store, { bytes: fs.readFileSync(f), fileName: f.split('/').pop()! }, gazetteer, lexicons);
      }
      app = await buildApp({ store: t.store, gazetteer, lexicons, maxFileBytes: 5 * 1024 * 1024, actor: 'test' }, { webDir: null });
      small = await buildApp({ store: t.store, gazetteer, lexicons, maxFileBytes: 1024, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await small?.close();
      await t?.dispose();
    });

    const list = async (query = ''): Promise<Card[]> => {
      const r = await app.inject({ method: 'GET', url: `/api/plans${query}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().plans;
    };

    it('lists the sample plans with covered units, counts and status', async () => {
      const plans = await list();
      expect(plans.length).toBe(samplePlanFiles().length);
      expect(plans.length).toBe(5);
      const yx = plans.find((p) => p.title.startsWith('粤西'))!;
      expect(yx.level).toBe('provincial');
      expect(yx.period).toEqual([2011, 2015]);
      expect(yx.scope.map((s) => s.name)).toEqual(expect.arrayContaining(['湛江市', '茂名市', '阳江市']));
      expect(yx.scope.every((s) => /^\d{6}$/.test(s.code))).toBe(true);
      expect(yx.counts.target).toBeGreaterThan(10);
      expect(yx.counts.place).toBeGreaterThan(yx.counts.target);
      expect(Object.keys(yx.counts)).toEqual(expect.arrayContaining(['target', 'project', 'duty', 'structure', 'place', 'reference', 'fact']));
      expect(yx.status).toBe('ok');
      const xj = plans.find((p) => p.title.startsWith('珠江'))!;
      expect(xj.extension.length).toBeGreaterThan(0);
    });

    it('filters by level, place and period', async () => {
      const all = await list();
      const provincial = await list('?level=provincial');
      expect(provincial.length).toBeGreaterThan(0);
      expect(provincial.length).toBeLessThan(all.length);
      expect(provincial.every((p) => p.level === 'provincial')).toBe(true);

      // 2012 lies only in 粤西's period (2011—2015); 2025 in 湛茂's (2023—2030) and 江门西部's (2019—2035).
      const y2012 = await list('?period=2012');
      expect(y2012.map((p) => p.title.slice(0, 2))).toEqual(['粤西']);
      const y2025 = await list('?period=2025');
      expect(y2025.map((p) => p.title.slice(0, 2)).sort()).toEqual(['江门', '湛茂']);

      // 南宁 is in the 珠江—西江 and 北部湾 plans; a county under 湛江 matches the plans covering 湛江
      // (粤西, 湛茂, 北部湾); 广东省 (above 湛江, 广州, 江门 …) matches every sample plan.
      const nanning = await list('?place=' + encodeURIComponent('南宁市'));
      expect(nanning.map((p) => p.title.slice(0, 2)).sort()).toEqual(['北部', '珠江']);
      const zhanjiang = gazetteer.resolve('湛江市')!;
      const county = gazetteer.places.find((p) => p.parent === zhanjiang.code)!;
      const byCounty = await list('?place=' + county.code);
      expect(byCounty.map((p) => p.title.slice(0, 2)).sort()).toEqual(['北部', '湛茂', '粤西']);
      const gd = await list('?place=' + encodeURIComponent('广东省'));
      expect(gd.length).toBe(5);

      const none = await app.inject({ method: 'GET', url: '/api/plans?place=' + encodeURIComponent('不存在市') });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.message).toContain('不存在市');
      const badLevel = await app.inject({ method: 'GET', url: '/api/plans?level=galactic' });
      expect(badLevel.statusCode).toBe(400);
      expect(badLevel.json().error.message).toContain('level');
    });

    it('gives a plan detail with versions, evidence and outline', async () => {
      const [yx] = (await list()).filter((p) => p.title.startsWith('粤西'));
      const r = await app.inject({ method: 'GET', url: `/api/plans/${yx.slug}` });
      expect(r.statusCode).toBe(200);
      const d = r.json();
      expect(d.title).toBe(yx.title);
      expect(d.versionsList).toHaveLength(1);
      expect(d.versionsList[0].fileName).toMatch(/\.txt$/);
      expect(d.metaEvidence.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['title', 'period']));
      expect(d.outline.length).toBeGreaterThan(3);
      expect(d.outline.some((s: { children: unknown[] }) => s.children.length > 0)).toBe(true);

      const missing = await app.inject({ method: 'GET', url: '/api/plans/no-such-plan' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('not-found');
    });

    it('gives the text with sections, findings whose quote is the text at their span, and repairs', async () => {
      const [zm] = (await list()).filter((p) => p.title.startsWith('湛茂'));
      const r = await app.inject({ method: 'GET', url: `/api/plans/${zm.slug}/text` });
      expect(r.statusCode).toBe(200);
      const { text, sections, findings, repairs } = r.json();
      expect(text.length).toBeGreaterThan(10000);
      expect(sections.length).toBeGreaterThan(10);
      for (const s of sections) expect(text.slice(s.headingStart, s.headingEnd)).toContain(s.title.slice(0, 2));
      expect(findings.length).toBeGreaterThan(100);
      const kinds = new Set(findings.map((f: { kind: string }) => f.kind));
      expect([...kinds]).toEqual(expect.arrayContaining(['target', 'place', 'project']));
      for (const f of findings) {
        if (f.start == null) continue;
        expect(f.quote).toBe(text.slice(f.start, f.end));
        expect(typeof f.key).toBe('string');
      }
      const counted = findings.filter((f: { kind: string }) => f.kind === 'target').length;
      expect(counted).toBe(zm.counts.target);
      expect(repairs.length).toBeGreaterThan(0);
      expect(repairs[0]).toMatchObject({ rule: expect.any(String), message: expect.any(String) });
    });

    it('serves the original file with its name', async () => {
      const [yx] = (await list()).filter((p) => p.title.startsWith('粤西'));
      const r = await app.inject({ method: 'GET', url: `/api/plans/${yx.slug}/original` });
      expect(r.statusCode).toBe(200);
      const original = fs.readFileSync(samplePlanFiles().find((f) => f.endsWith('000_dde77a566d45a381.txt'))!);
      expect(Buffer.compare(r.rawPayload, original)).toBe(0);
      expect(r.headers['content-disposition']).toContain('attachment');
      expect(r.headers['content-disposition']).toContain('000_dde77a566d45a381.txt');
    });

    it('uploads a plan file: 201, then it is in the list; the same bytes again are unchanged', async () => {
      const name = '测试市十四五规划.txt';
      const r = await app.inject({ method: 'POST', url: '/api/plans', ...multipart(name, SMALL_PLAN) });
      expect(r.statusCode, r.body).toBe(201);
      const { result } = r.json();
      expect(result.status).toBe('created');
      expect(result.findings.target).toBeGreaterThan(0);
      const plans = await list();
      expect(plans.map((p) => p.slug)).toContain(result.slug);
      const card = plans.find((p) => p.slug === result.slug)!;
      expect(card.counts.target).toBe(result.findings.target);

      const again = await app.inject({ method: 'POST', url: '/api/plans', ...multipart(name, SMALL_PLAN) });
      expect(again.statusCode).toBe(201);
      expect(again.json().result.status).toBe('unchanged');

      const dl = await app.inject({ method: 'GET', url: `/api/plans/${encodeURIComponent(result.slug)}/original` });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(dl.body).toBe(SMALL_PLAN);
    });

    it('refuses an empty file with 422 naming the file, storing nothing', async () => {
      const before = await tableCounts(t.store);
      const r = await app.inject({ method: 'POST', url: '/api/plans', ...multipart('空白.txt', '') });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('empty');
      expect(r.json().error.message).toContain('空白.txt');
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('refuses a file over the limit with 413 naming the file and the limit, storing nothing', async () => {
      const before = await tableCounts(t.store);
      const big = SMALL_PLAN.repeat(20); // ~5 KB of UTF-8 against a 1 KB limit
      const r = await small.inject({ method: 'POST', url: '/api/plans', ...multipart('大文件.txt', big) });
      expect(r.statusCode).toBe(413);
      const { error } = r.json();
      expect(error.code).toBe('too-large');
      expect(error.message).toContain('大文件.txt');
      expect(error.message).toContain('1.0 KB');
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('answers 400 for a request without the file field', async () => {
      const wrongField = await app.inject({ method: 'POST', url: '/api/plans', ...multipart('a.txt', SMALL_PLAN, 'document') });
      expect(wrongField.statusCode).toBe(400);
      expect(wrongField.json().error.message).toContain('file');
      const json = await app.inject({ method: 'POST', url: '/api/plans', payload: { file: 'x' } });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.message).toContain('multipart');
    });

    it('returns markup in plan titles and text as plain data', async () => {
      const r = await app.inject({ method: 'POST', url: '/api/plans', ...multipart('hostile.txt', HOSTILE) });
      expect(r.statusCode, r.body).toBe(201);
      const slug = r.json().result.slug;
      const card = (await list()).find((p) => p.slug === slug)!;
      expect(card.title).toContain('<script>alert(1)</script>');
      const text = await app.inject({ method: 'GET', url: `/api/plans/${slug}/text` });
      expect(text.headers['content-type']).toMatch(/^application\/json/);
      expect(text.json().text).toContain('<img src=x onerror=alert(2)>');
    });

    it('counts findings as reviewed: a rejected target drops out of the card, an added one counts', async () => {
      const before = (await list()).find((p) => p.title.includes('湛茂'))!;
      const { findings } = (await app.inject({ method: 'GET', url: `/api/plans/${before.slug}/findings?kind=target` })).json() as { findings: Array<{ key: string }> };
      const rej = await app.inject({ method: 'POST', url: `/api/plans/${before.slug}/decisions`, payload: { key: findings[0].key, action: 'reject' } });
      expect(rej.statusCode, rej.body).toBe(200);
      const acc = await app.inject({ method: 'POST', url: `/api/plans/${before.slug}/decisions`, payload: { key: findings[1].key, action: 'accept' } });
      expect(acc.statusCode, acc.body).toBe(200);
      const mid = (await list()).find((p) => p.slug === before.slug)!;
      expect(mid.counts.target).toBe(before.counts.target - 1);
      expect(mid.counts.place).toBe(before.counts.place); // other kinds as before
      expect(before.review).toEqual({ reviewed: 0, total: Object.values(before.counts).reduce((a, b) => a + b, 0) });
      expect(mid.review).toEqual({ reviewed: 2, total: before.review.total });
      const text = (await app.inject({ method: 'GET', url: `/api/plans/${before.slug}/text` })).json().text as string;
      const quote = text.slice(text.indexOf('湛江') , text.indexOf('湛江') + 6);
      const add = await app.inject({ method: 'POST', url: `/api/plans/${before.slug}/findings`, payload: { kind: 'project', quote, occurrence: 1, fields: { name: quote } } });
      expect(add.statusCode, add.body).toBe(201);
      const after = (await list()).find((p) => p.slug === before.slug)!;
      expect(after.counts.project).toBe(before.counts.project + 1);
      expect(after.review).toEqual({ reviewed: 3, total: before.review.total + 1 });
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/docs' })).json();
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/plans', '/api/plans/{slug}', '/api/plans/{slug}/text', '/api/plans/{slug}/original']));
      expect(doc.paths['/api/plans'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['level', 'place', 'period']));
    });
  });
}
