// The app's edges: cross-site writes refused, serve beyond loopback refused, a database outage
// answered 503 (not 404, no SQL), errors in one JSON shape naming the field, and simultaneous
// uploads stored once (same bytes) or in order (different files) on PostgreSQL.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { serve } from '../../src/server/serve';
import { openStore } from '../../src/store/db';
import { tableCounts } from '../../src/store/queries';
import { loadGazetteer } from '../../src/places/index';
import { loadLexicons } from '../../src/extract/lexicons';
import { backends, pgUrl, tempDir, type TestStore } from '../helpers/stores';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();

function multipart(fileName: string, text: string) {
  const boundary = '----planatlas' + Math.random().toString(36).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PLAN = ['边界市国民经济和社会发展第十四个五年规划纲要', '', '第一章 发展目标', '', '到2025年，地区生产总值达到1000亿元，常住人口城镇化率达到60%。'].join('\n');
const PLAN_V2 = PLAN + '\n\n第二章 重点任务\n\n到2025年，森林覆盖率达到58%。';

for (const backend of backends) {
  describe(`edges (${backend.name})`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await backend.create();
      app = await buildApp({ store: t.store, gazetteer, lexicons, maxFileBytes: 5 * 1024 * 1024, actor: 'web' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    it('refuses a cross-site write (no-cors form POST) and stores nothing, while a same-origin upload goes through', async () => {
      const forged = await app.inject({
        method: 'POST',
        url: '/api/plans',
        ...multipart('边界市.txt', PLAN),
        headers: { ...multipart('x', '').headers, host: '127.0.0.1:3000', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.code).toBe('cross-site');
      const opaque = await app.inject({ method: 'POST', url: '/api/plans', ...multipart('边界市.txt', PLAN), headers: { ...multipart('x', '').headers, host: '127.0.0.1:3000', origin: 'null' } });
      expect(opaque.statusCode).toBe(403);
      expect((await tableCounts(t.store)).plans).toBe(0);

      const body = multipart('边界市.txt', PLAN);
      const own = await app.inject({ method: 'POST', url: '/api/plans', payload: body.payload, headers: { ...body.headers, host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' } });
      expect(own.statusCode).toBe(201);
      expect(own.json().result.status).toBe('created');
      // Reads are never refused: a link from elsewhere may open a plan.
      const read = await app.inject({ method: 'GET', url: '/api/plans', headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' } });
      expect(read.statusCode).toBe(200);
    });

    it('answers an unknown plan and an unknown finding with 404 not-found in the app JSON shape', async () => {
      const missing = await app.inject({ method: 'GET', url: '/api/plans/no-such-plan' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'not-found' } });
      const noFinding = await app.inject({ method: 'POST', url: '/api/findings/999999/decision', payload: { action: 'accept' } });
      expect(noFinding.statusCode).toBe(404);
      expect(noFinding.json().error.code).toBe('not-found');
    });
  });
}

describe('serve beyond loopback', () => {
  it('refuses to start on 0.0.0.0 while there are no accounts, saying why, and opens nothing', async () => {
    const dataDir = tempDir();
    await expect(serve({ dataDir, port: 0, host: '0.0.0.0', samples: false, maxFileBytes: 1024, out: { write: () => true } as never })).rejects.toThrow(
      /refusing to serve on 0\.0\.0\.0: PlanAtlas has no user accounts/,
    );
    await expect(serve({ dataDir, port: 0, host: '192.168.1.20', samples: false, maxFileBytes: 1024, out: { write: () => true } as never })).rejects.toThrow(/refusing/);
  });
});

describe.skipIf(!pgUrl)('PostgreSQL: outage and simultaneous uploads', () => {
  it('answers 503 with a retry hint and no SQL when the database goes away, and works again when it is back', async () => {
    const t = await backends.find((b) => b.name === 'postgres')!.create();
    // A TCP proxy in front of the server stands in for the network: closing it is the outage.
    const target = new URL(t.databaseUrl!);
    const sockets = new Set<net.Socket>();
    let up = true;
    const proxy = net.createServer((client) => {
      if (!up) return client.destroy();
      const server = net.connect(Number(target.port), target.hostname);
      sockets.add(client).add(server);
      client.pipe(server).pipe(client);
      const drop = () => (client.destroy(), server.destroy());
      client.on('error', drop).on('close', drop);
      server.on('error', drop).on('close', drop);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const via = new URL(t.databaseUrl!);
    via.port = String((proxy.address() as net.AddressInfo).port);
    const store = await openStore({ databaseUrl: via.toString() });
    const app = await buildApp({ store, gazetteer, lexicons, maxFileBytes: 1024 * 1024, actor: 'web' }, { webDir: null });
    const stderr = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect((await app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(200);
      up = false;
      for (const s of sockets) s.destroy();
      for (const url of ['/api/plans', '/api/plans/some-plan', '/api/search?q=港口']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        const body = res.json();
        expect(body.error.code).toBe('database-unavailable');
        expect(body.error.message).not.toMatch(/select|from |where |\$1/i);
      }
      up = true;
      await expect.poll(async () => (await app.inject({ method: 'GET', url: '/api/plans' })).statusCode, { timeout: 10_000 }).toBe(200);
    } finally {
      process.stderr.write = stderr;
      await app.close();
      await store.close().catch(() => {});
      proxy.close();
      for (const s of sockets) s.destroy();
      await t.dispose();
    }
  });

  it('stores five simultaneous uploads of one file as one version, and two different files as versions 1 and 2', async () => {
    const t = await backends.find((b) => b.name === 'postgres')!.create();
    const app = await buildApp({ store: t.store, gazetteer, lexicons, maxFileBytes: 1024 * 1024, actor: 'web' }, { webDir: null });
    try {
      const same = await Promise.all(Array.from({ length: 5 }, () => app.inject({ method: 'POST', url: '/api/plans', ...multipart('边界市.txt', PLAN) })));
      expect(same.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
      expect(same.map((r) => r.json().result.status).sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
      expect(new Set(same.map((r) => r.json().result.versionId)).size).toBe(1);
      expect(await tableCounts(t.store)).toMatchObject({ plans: 1, planVersions: 1 });

      const two = await Promise.all([PLAN_V2, PLAN_V2 + '\n\n到2025年，城镇登记失业率控制在4.5%以内。'].map((text) => app.inject({ method: 'POST', url: '/api/plans', ...multipart('边界市.txt', text) })));
      expect(two.map((r) => r.statusCode)).toEqual([201, 201]);
      expect(two.map((r) => r.json().result.version).sort()).toEqual([2, 3]);
      expect(await tableCounts(t.store)).toMatchObject({ plans: 1, planVersions: 3 });
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});
