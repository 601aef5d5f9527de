// The OpenAPI document (/api/docs) as a tested contract: every operation is called with real
// values (two sample plans, a small uploaded plan, decisions, an addition, error cases), and each
// JSON body must validate against the schema the document declares for the status code returned.
// Validation is strict both ways: a wrong type or a missing required property fails, and so does
// a property the document does not describe, so the document stays complete. Non-JSON responses
// (CSV, XLSX, the original file) are checked for a declared status and content type only.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { kindNames } from '../../src/core/kinds/index';
import { loadLexicons } from '../../src/extract/lexicons';
import { loadGazetteer } from '../../src/places/index';
import { buildApp } from '../../src/server/app';
import type { FindingDto } from '../../src/server/dto';
import { backends, type TestStore } from '../helpers/stores';

const plansDir = path.resolve(__dirname, '../../data/plans');
const yuexi = '000_dde77a566d45a381';
const xijiang = '002_cf5822304d6f3ba0';
const MAX_FILE = 1 << 20;

const SMALL_PLAN = [
  '契约市国民经济和社会发展第十四个五年规划纲要',
  '',
  '第一章 发展目标',
  '',
  '到2025年，地区生产总值达到1000亿元，常住人口城镇化率达到60%。',
  '',
  '第二章 重点任务',
  '',
  '加快建设契约港区，推进交通基础设施互联互通。',
].join('\n');

/** A multipart/form-data body with one file part. */
function multipart(fileName: string, bytes: Uint8Array | string, field = 'file') {
  const boundary = '----planatlas' + Math.random().toString(36).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(bytes), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Json = Record<string, unknown>;
interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: Json }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, Json> };
}

const COMPONENTS = '#/components/schemas/';

/**
 * A copy of a schema for validation: refs to components become refs to the schemas added to ajv
 * under their names, and every object schema that lists its properties allows no others.
 */
function forAjv(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forAjv);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENTS)) out[k] = v.slice(COMPONENTS.length);
    else if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Json).map(([name, s]) => [name, forAjv(s)]));
    else out[k] = k === 'enum' || k === 'required' ? v : forAjv(v);
  }
  if (out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** Ajv over the document's components; validators per response schema. */
function contractOf(doc: OpenApiDoc) {
  const ajv = new Ajv({ allErrors: true, strict: true, formats: { 'date-time': ISO_TIME, binary: true } });
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(forAjv(schema) as Json, name);
  const cache = new Map<Json, ValidateFunction>();
  return (schema: Json): ValidateFunction => {
    let v = cache.get(schema);
    if (!v) cache.set(schema, (v = ajv.compile(forAjv(schema) as Json)));
    return v;
  };
}

for (const backend of backends) {
  describe(`OpenAPI contract on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let doc: OpenApiDoc;
    let validatorOf: (schema: Json) => ValidateFunction;
    /** "GET /api/plans/{slug}" → the statuses seen. */
    const seen = new Map<string, Set<number>>();

    beforeAll(async () => {
      t = await backend.create();
      for (const f of [yuexi, xijiang]) await ingestPlan(t.store, { bytes: fs.readFileSync(path.join(plansDir, `${f}.txt`)), fileName: `${f}.txt` });
      app = await buildApp({ store: t.store, gazetteer: loadGazetteer(), lexicons: loadLexicons(), maxFileBytes: MAX_FILE, actor: 'test' }, { webDir: null });
      const r = await app.inject({ method: 'GET', url: '/api/docs' });
      expect(r.statusCode).toBe(200);
      doc = r.json() as OpenApiDoc;
      validatorOf = contractOf(doc);
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    /** The declared response of an operation for a status code. */
    function declared(method: string, template: string, status: number): OpenApiResponse {
      const op = doc.paths[template]?.[method.toLowerCase()];
      expect(op, `${method} ${template} is not in the document`).toBeDefined();
      const res = op.responses[String(status)];
      expect(res, `${method} ${template} returned ${status}, which the document does not declare (declared: ${Object.keys(op.responses).join(', ')})`).toBeDefined();
      return res;
    }

    /**
     * Calls an operation of the document: {name} in the template is filled from params. Checks
     * the status is declared and the body fits the declared schema; returns the response.
     */
    async function call(
      method: 'GET' | 'POST',
      template: string,
      opts: { params?: Record<string, string | number>; query?: Record<string, string | number>; body?: unknown; inject?: Partial<InjectOptions>; status: number },
    ): Promise<LightMyRequestResponse> {
      let url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        expect(opts.params?.[name], `${template}: no value for {${name}}`).toBeDefined();
        return encodeURIComponent(String(opts.params![name]));
      });
      if (opts.query) url += '?' + new URLSearchParams(Object.entries(opts.query).map(([k, v]): [string, string] => [k, String(v)])).toString();
      const r = await app.inject({ method, url, ...(opts.body !== undefined ? { payload: opts.body as object } : {}), ...opts.inject });
      const where = `${method} ${url} → ${r.statusCode}`;
      expect(r.statusCode, `${where}: ${r.body.slice(0, 300)}`).toBe(opts.status);
      const res = declared(method, template, r.statusCode);
      const type = String(r.headers['content-type'] ?? '').split(';')[0].trim();
      if (!res.content) {
        expect(r.body, `${where}: the document declares no body`).toBe('');
      } else if (type === 'application/json') {
        const schema = res.content['application/json']?.schema;
        expect(schema, `${where}: JSON, but the document declares ${Object.keys(res.content).join(', ')}`).toBeDefined();
        const validate = validatorOf(schema);
        const ok = validate(r.json());
        expect(ok, `${where}: the body does not fit the document:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 1)}`).toBe(true);
      } else {
        expect(Object.keys(res.content), `${where}: content type ${type}`).toContain(type);
        expect(r.rawPayload.length, `${where}: empty body`).toBeGreaterThan(0);
      }
      const key = `${method} ${template}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(r.statusCode);
      return r;
    }

    const findingsOf = async (slug: string, query: Record<string, string> = {}) =>
      (await call('GET', '/api/plans/{slug}/findings', { params: { slug }, query, status: 200 })).json().findings as FindingDto[];

    it('describes every operation: a success response with content and errors with the error schema', () => {
      const ops = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ name: `${m.toUpperCase()} ${p}`, op })));
      expect(ops.length).toBeGreaterThanOrEqual(24);
      for (const { name, op } of ops) {
        const codes = Object.keys(op.responses);
        const ok = codes.filter((c) => /^2\d\d$/.test(c));
        expect(ok.length, `${name}: no 2xx response`).toBe(1);
        expect(op.responses[ok[0]].content, `${name}: the success response has no content`).toBeDefined();
        for (const [code, res] of Object.entries(op.responses)) {
          expect(res.description, `${name} ${code}`).not.toBe('Default Response');
          if (/^[45]\d\d$/.test(code)) expect(res.content?.['application/json']?.schema, `${name} ${code}`).toEqual({ $ref: `${COMPONENTS}error` });
        }
        if (name.startsWith('GET /api/plans/{slug}') || name.startsWith('POST /api/plans/{slug}')) expect(codes, name).toContain('404');
      }
    });

    it('plans: list, detail, text, original file, upload', async () => {
      await call('GET', '/api/plans', { status: 200 });
      await call('GET', '/api/plans', { query: { level: 'provincial', period: 2013 }, status: 200 });
      const near = (await call('GET', '/api/plans', { query: { place: '440800' }, status: 200 })).json().plans;
      expect(near.length).toBeGreaterThan(0);
      await call('GET', '/api/plans', { query: { place: '火星' }, status: 400 });
      await call('GET', '/api/plans', { query: { level: 'galactic' }, status: 400 });
      await call('GET', '/api/plans', { query: { q: '粤西', limit: 20, offset: 0 }, status: 200 });
      const facets = (await call('GET', '/api/plan-facets', { status: 200 })).json();
      expect(facets.total).toBeGreaterThan(0);
      await call('GET', '/api/plan-facets', { query: { level: 'provincial', place: '440800', period: 2013, q: '规划' }, status: 200 });
      await call('GET', '/api/plan-facets', { query: { place: '火星' }, status: 400 });
      for (const slug of [yuexi, xijiang]) {
        const d = (await call('GET', '/api/plans/{slug}', { params: { slug }, status: 200 })).json();
        expect(d.outline.length).toBeGreaterThan(0);
        expect(d.frame.parts.length).toBeGreaterThan(0);
        const text = (await call('GET', '/api/plans/{slug}/text', { params: { slug }, status: 200 })).json();
        expect(text.findings.length).toBeGreaterThan(0);
      }
      await call('GET', '/api/plans/{slug}', { params: { slug: '粤西' }, status: 200 }); // a unique part of the title
      for (const p of ['/api/plans/{slug}', '/api/plans/{slug}/text', '/api/plans/{slug}/original']) {
        await call('GET', p, { params: { slug: 'no-such-plan' }, status: 404 });
      }
      const original = await call('GET', '/api/plans/{slug}/original', { params: { slug: yuexi }, status: 200 });
      expect(original.headers['content-type']).toBe('application/octet-stream');

      const created = (await call('POST', '/api/plans', { inject: multipart('契约市规划.txt', SMALL_PLAN), status: 201 })).json();
      expect(created.result.status).toBe('created');
      expect((await call('POST', '/api/plans', { inject: multipart('契约市规划.txt', SMALL_PLAN), status: 201 })).json().result.status).toBe('unchanged');
      await call('POST', '/api/plans', { inject: multipart('空白.txt', ''), status: 422 });
      await call('POST', '/api/plans', { inject: multipart('大文件.txt', '规划'.repeat(MAX_FILE)), status: 413 });
      await call('POST', '/api/plans', { inject: multipart('a.txt', SMALL_PLAN, 'document'), status: 400 });
      await call('POST', '/api/plans', { body: { file: 'x' }, status: 400 });
      await call('POST', '/api/plans', { inject: { payload: '<plan/>', headers: { 'content-type': 'application/xml' } }, status: 415 });
    });

    it('findings: list, targets table and downloads, fields, additions, re-extraction', async () => {
      const all = await findingsOf(yuexi);
      expect(new Set(all.map((f) => f.kind)).size).toBeGreaterThan(3);
      await findingsOf(xijiang, { kind: 'target', status: 'pending' });
      await call('GET', '/api/plans/{slug}/findings', { params: { slug: yuexi }, query: { kind: 'galaxy' }, status: 400 });
      for (const slug of [yuexi, xijiang]) {
        const rows = (await call('GET', '/api/plans/{slug}/targets', { params: { slug }, status: 200 })).json().targets;
        expect(rows.length).toBeGreaterThan(0);
      }
      await call('GET', '/api/plans/{slug}/targets', { params: { slug: yuexi }, query: { year: 2015, sort: 'value', dir: 'desc' }, status: 200 });
      await call('GET', '/api/plans/{slug}/targets', { params: { slug: yuexi }, query: { sort: 'colour' }, status: 400 });
      for (const format of ['csv', 'xlsx']) {
        const p = `/api/plans/{slug}/targets.${format}`;
        const r = await call('GET', p, { params: { slug: yuexi }, status: 200 });
        expect(r.headers['content-disposition']).toMatch(/^attachment;/);
        await call('GET', p, { params: { slug: 'no-such-plan' }, status: 404 });
      }
      for (const format of ['csv', 'xlsx']) {
        const p = `/api/plans/{slug}/findings.${format}`;
        const r = await call('GET', p, { params: { slug: yuexi }, query: { kind: 'duty' }, status: 200 });
        expect(r.headers['content-disposition']).toMatch(/^attachment;/);
        await call('GET', p, { params: { slug: yuexi }, query: { kind: 'galaxy' }, status: 400 });
        await call('GET', p, { params: { slug: 'no-such-plan' }, query: { kind: 'duty' }, status: 404 });
      }
      const kinds = (await call('GET', '/api/kinds', { status: 200 })).json() as Array<{ name: string }>;
      expect(kinds.map((k) => k.name)).toEqual(kindNames());
      for (const kind of kindNames()) await call('GET', '/api/finding-fields/{kind}', { params: { kind }, status: 200 });
      const rules = (await call('GET', '/api/rules', { status: 200 })).json().rules as Array<{ id: string }>;
      expect(rules.map((r) => r.id)).toContain('clause.count');
      const targets = await findingsOf(yuexi, { kind: 'target' });
      expect(targets.some((f) => f.rule && f.ruleStats && f.evidence.length)).toBe(true);
      await call('GET', '/api/finding-fields/{kind}', { params: { kind: 'galaxy' }, status: 404 });

      const text = (await call('GET', '/api/plans/{slug}/text', { params: { slug: xijiang }, status: 200 })).json().text as string;
      const at = text.indexOf('肇庆');
      const quote = text.slice(at, at + 6);
      const added = await call('POST', '/api/plans/{slug}/findings', {
        params: { slug: xijiang },
        body: { kind: 'project', quote, occurrence: 1, fields: { name: quote }, note: 'contract test' },
        status: 201,
      });
      expect(added.json().finding).toMatchObject({ status: 'added', id: null });
      await call('POST', '/api/plans/{slug}/findings', { params: { slug: xijiang }, body: { kind: 'project', quote: '这句话不在规划里', fields: { name: 'x' } }, status: 400 });
      await call('POST', '/api/plans/{slug}/findings', { params: { slug: xijiang }, body: { kind: 'project', quote, occurrence: 1, fields: { colour: 'red' } }, status: 400 });
      await call('POST', '/api/plans/{slug}/findings', { params: { slug: 'no-such-plan' }, body: { kind: 'project', quote, fields: { name: 'x' } }, status: 404 });
      await findingsOf(xijiang, { status: 'added' });

      const re = await call('POST', '/api/plans/{slug}/reextract', { params: { slug: xijiang }, status: 200 });
      expect(re.json().findings.target).toBeGreaterThan(0);
      await call('POST', '/api/plans/{slug}/reextract', { params: { slug: 'no-such-plan' }, status: 404 });
    });

    it('review: queue, decisions by key and by id, stats, orphans', async () => {
      await call('GET', '/api/review/stats', { status: 200 });
      await call('GET', '/api/review', { query: { limit: 500, status: 'all' }, status: 200 });
      const targets = (await call('GET', '/api/review', { query: { plan: yuexi, kind: 'target', limit: 10 }, status: 200 })).json().items;
      expect(targets.length).toBe(10);
      const [a, b, c, d] = targets.map((i: { finding: FindingDto }) => i.finding) as FindingDto[];
      const decide = (key: string, body: Json, status = 200) => call('POST', '/api/plans/{slug}/decisions', { params: { slug: yuexi }, body: { key, ...body }, status });
      expect((await decide(a.key, { action: 'accept', note: '核对无误' })).json().finding.status).toBe('accepted');
      expect((await decide(b.key, { action: 'correct', fields: { indicator: '地区生产总值（更正）' } })).json().finding.extracted).not.toBeNull();
      await decide(c.key, { action: 'reject' });
      await decide(c.key, { action: 'correct', fields: { year: 'soon' } }, 400);
      await decide('no-such-key', { action: 'accept' }, 404);
      await call('POST', '/api/plans/{slug}/decisions', { params: { slug: yuexi }, body: { key: a.key, action: 'maybe' }, status: 400 });
      await call('POST', '/api/plans/{slug}/decisions', { params: { slug: 'no-such-plan' }, body: { key: a.key, action: 'accept' }, status: 404 });
      await call('POST', '/api/plans/{slug}/decisions', {
        params: { slug: yuexi },
        inject: { payload: '<decision/>', headers: { 'content-type': 'application/xml' } },
        status: 415,
      });

      await call('POST', '/api/findings/{id}/decision', { params: { id: d.id! }, body: { action: 'accept' }, status: 200 });
      await call('POST', '/api/findings/{id}/decision', { params: { id: d.id! }, body: { action: 'correct', fields: { measure: 'sideways' } }, status: 400 });
      await call('POST', '/api/findings/{id}/decision', { params: { id: 99999999 }, body: { action: 'accept' }, status: 404 });
      await call('POST', '/api/findings/{id}/decision', { params: { id: 'abc' }, body: { action: 'accept' }, status: 400 });

      // a person's addition, corrected and then withdrawn by key
      const addition = (await findingsOf(xijiang, { status: 'added' }))[0];
      const xDecide = (body: Json) => call('POST', '/api/plans/{slug}/decisions', { params: { slug: xijiang }, body: { key: addition.key, ...body }, status: 200 });
      expect((await xDecide({ action: 'correct', fields: { category: '港口' } })).json().finding).toMatchObject({ id: null, status: 'added' });
      expect((await xDecide({ action: 'reject' })).json().finding).toBeNull();

      const stats = (await call('GET', '/api/review/stats', { query: { plan: yuexi }, status: 200 })).json();
      expect(stats.precision).toBeTypeOf('number');
      await call('GET', '/api/review', { query: { plan: yuexi, status: 'reviewed' }, status: 200 });
      await call('GET', '/api/review', { query: { plan: yuexi, status: 'all', key: b.key }, status: 200 });
      for (const p of ['/api/review', '/api/review/stats', '/api/review/orphans']) await call('GET', p, { query: { plan: 'no-such-plan' }, status: 404 });
      await call('GET', '/api/review', { query: { limit: 0 }, status: 400 });

      // an orphan: the small uploaded plan changes where a decision was made
      const small = (await call('GET', '/api/plans', { status: 200 })).json().plans.find((p: { title: string }) => p.title.startsWith('契约市'));
      expect(small).toBeDefined();
      const target = (await findingsOf(small.slug, { kind: 'target' }))[0];
      await call('POST', '/api/plans/{slug}/decisions', { params: { slug: small.slug }, body: { key: target.key, action: 'correct', fields: { value: 61 } }, status: 200 });
      const changed = SMALL_PLAN.replace('地区生产总值达到1000亿元，常住人口城镇化率达到60%', '地区生产总值达到1200亿元，常住人口城镇化率达到65%');
      expect((await call('POST', '/api/plans', { inject: multipart('契约市规划.txt', changed), status: 201 })).json().result.status).toBe('new-version');
      const orphans = (await call('GET', '/api/review/orphans', { status: 200 })).json();
      expect(orphans.items.length).toBeGreaterThan(0);
      await call('GET', '/api/review/orphans', { query: { plan: yuexi }, status: 200 });
      await call('GET', '/api/review/orphans', { query: { limit: 1, offset: 1 }, status: 200 });
      await call('GET', '/api/review/orphans', { query: { limit: 0 }, status: 400 });
      expect((await call('GET', '/api/review/stats', { status: 200 })).json().orphans).toBe(orphans.total);
    });

    it('monitor: statuses, observations typed in and imported (preview, bad rows, undo), task ledger, matrix, department', async () => {
      const csvFile = (...lines: string[]) => multipart('实际值.csv', '\uFEFF' + ['指标,地区,年份,数值,单位,口径,来源', ...lines].join('\r\n'));
      const rec = (await call('POST', '/api/observations', { body: { indicator: '地区生产总值', place: `plan:${yuexi}`, year: 2015, value: 6100, unit: '亿元', source: '评估报告' }, status: 201 })).json();
      expect(rec.observation.place).toBe(`plan:${yuexi}`);
      const bad = (await call('POST', '/api/observations', { body: { indicator: '地区生产总值', place: '湛江市', year: 2015, value: 1, unit: '亿美元', source: 'x' }, status: 400 })).json();
      expect(bad.error.field).toBe('unit');
      const preview = (await call('POST', '/api/observations/import/preview', { inject: csvFile('地区生产总值,湛江市,2014,2258.99,亿元,,', '地区生产总值,茂名市,2014,两千,亿元,,'), status: 200 })).json();
      expect(preview.errors).toEqual([{ line: 3, column: '数值', message: '"两千" is not a number' }]);
      const refused = (await call('POST', '/api/observations/import', { inject: csvFile('地区生产总值,湛江市,2014,2258.99,亿元,,', '地区生产总值,茂名市,2014,两千,亿元,,'), status: 400 })).json();
      expect([refused.error.code, refused.error.rows.length]).toEqual(['invalid-rows', 1]);
      const imported = (await call('POST', '/api/observations/import', { query: { skip: '3' }, inject: csvFile('地区生产总值,湛江市,2014,2258.99,亿元,,', '地区生产总值,茂名市,2014,两千,亿元,,'), status: 201 })).json();
      expect(imported.rows).toBe(1);
      await call('POST', '/api/observations/import', { inject: multipart('空.csv', ''), status: 422 });
      const list = (await call('GET', '/api/observations', { query: { indicator: 'gdp' }, status: 200 })).json();
      expect(list.total).toBe(2);
      expect((await call('GET', '/api/observations/imports', { status: 200 })).json().imports[0].id).toBe(imported.importId);
      expect((await call('POST', '/api/observations/imports/{id}/undo', { params: { id: imported.importId }, status: 200 })).json()).toEqual({ removed: 1, restored: 0 });
      await call('POST', '/api/observations/imports/{id}/undo', { params: { id: imported.importId }, status: 400 });
      await call('POST', '/api/observations/imports/{id}/undo', { params: { id: 9999 }, status: 404 });

      const m = (await call('GET', '/api/plans/{slug}/monitor', { params: { slug: yuexi }, query: { asOf: 2015 }, status: 200 })).json();
      const gdp = m.rows.find((r: { canonical: string }) => r.canonical === 'gdp');
      expect(gdp.latest).toEqual({ year: 2015, value: 6100 });
      expect(gdp.figures.some((f: { origin: string }) => f.origin === 'document')).toBe(true);
      await call('GET', '/api/plans/{slug}/monitor', { params: { slug: 'no-such-plan' }, status: 404 });

      const tasks = (await call('GET', '/api/plans/{slug}/tasks', { params: { slug: yuexi }, query: { today: '2014-05-01' }, status: 200 })).json().tasks;
      const t1 = tasks.find((t: { lead: string[] }) => t.lead.includes('省发展改革委'));
      expect(t1).toBeDefined();
      await call('POST', '/api/plans/{slug}/tasks/{key}/updates', { params: { slug: yuexi, key: t1.key }, body: { unit: '省发展改革委', period: '2014H1', status: 'in-progress', percent: 50, text: '开展中期评估' }, status: 201 });
      const withFile = multipart('评估提纲.txt', '中期评估提纲', 'attachment');
      const boundary = withFile.headers['content-type'].split('boundary=')[1];
      const fields = ['unit=省发展改革委', 'period=2014H1', 'status=completed', 'percent=100'].map((kv) => { const [k, v] = kv.split('='); return `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`; }).join('');
      const upd = (await call('POST', '/api/plans/{slug}/tasks/{key}/updates', { params: { slug: yuexi, key: t1.key }, inject: { ...withFile, payload: Buffer.concat([Buffer.from(fields), withFile.payload]) }, status: 201 })).json();
      const file = await call('GET', '/api/plans/{slug}/tasks/updates/{id}/attachment', { params: { slug: yuexi, id: upd.id }, status: 200 });
      expect(file.body).toBe('中期评估提纲');
      expect(file.headers['content-disposition']).toContain('attachment');
      await call('GET', '/api/plans/{slug}/tasks/updates/{id}/attachment', { params: { slug: yuexi, id: 1 }, status: 404 });
      await call('POST', '/api/plans/{slug}/tasks/{key}/updates', { params: { slug: yuexi, key: t1.key }, body: { unit: '省教育厅', period: '2014H1', status: 'in-progress' }, status: 400 });
      await call('POST', '/api/plans/{slug}/tasks/{key}/updates', { params: { slug: yuexi, key: 'no-such-task' }, body: { unit: '省发展改革委', period: '2014H1', status: 'in-progress' }, status: 404 });
      const matrix = (await call('GET', '/api/plans/{slug}/matrix', { params: { slug: yuexi }, status: 200 })).json();
      expect(matrix.units).toContain('省发展改革委');
      await call('GET', '/api/plans/{slug}/matrix.xlsx', { params: { slug: yuexi }, status: 200 });
      await call('GET', '/api/plans/{slug}/matrix', { params: { slug: 'no-such-plan' }, status: 404 });
      await call('GET', '/api/plans/{slug}/matrix.xlsx', { params: { slug: 'no-such-plan' }, status: 404 });
      const dept = (await call('GET', '/api/departments/{unit}', { params: { unit: '省发展改革委' }, query: { today: '2014-05-01' }, status: 200 })).json();
      expect(dept.tasks.some((t: { task: { updates: unknown[] } }) => t.task.updates.length === 2)).toBe(true);
      // a past year: tasks flagged as of its last day, the 2014H1 reports not yet made in 2013
      const at2013 = (await call('GET', '/api/plans/{slug}/tasks', { params: { slug: yuexi }, query: { asOf: 2013 }, status: 200 })).json();
      expect(at2013.asOf).toBe('2013-12-31');
      expect(at2013.tasks.find((t: { key: string }) => t.key === t1.key).flags.noUpdate).toBe(true);
      expect((await call('GET', '/api/plans/{slug}/monitor', { params: { slug: yuexi }, query: { asOf: 2014 }, status: 200 })).json().tasks).toMatchObject({ asOf: '2014-12-31' });
      expect((await call('GET', '/api/departments/{unit}', { params: { unit: '省发展改革委' }, query: { asOf: 2014 }, status: 200 })).json().tasks.length).toBeGreaterThan(0);
      await call('GET', '/api/departments/{unit}', { params: { unit: '火星厅' }, status: 404 });
      for (const format of ['html', 'xlsx', 'docx', 'pdf']) {
        const r = await call('GET', `/api/plans/{slug}/report.${format}`, { params: { slug: yuexi }, query: { asOf: 2015 }, status: 200 });
        expect(r.headers['content-disposition']).toContain(`report-2015.${format}`);
        await call('GET', `/api/plans/{slug}/report.${format}`, { params: { slug: 'no-such-plan' }, status: 404 });
      }
      const inds = (await call('GET', '/api/indicators', { status: 200 })).json().indicators;
      expect(inds.find((i: { id: string }) => i.id === 'gdp').name).toBe('地区生产总值');
      const ind = (await call('GET', '/api/indicators/{id}', { params: { id: 'gdp' }, query: { place: `plan:${yuexi}` }, status: 200 })).json();
      expect(ind.targets.map((t: { target: { target: { value: number } } }) => t.target.target.value)).toContain(6340);
      expect(ind.series.find((f: { year: number }) => f.year === 2015)?.value).toBe(6100);
      await call('GET', '/api/indicators/{id}', { params: { id: 'gdp' }, query: { place: '火星' }, status: 400 });
      await call('GET', '/api/indicators/{id}', { params: { id: 'no-such' }, status: 404 });
    });

    it('search', async () => {
      const hits = (await call('GET', '/api/search', { query: { q: '城镇化率' }, status: 200 })).json();
      expect(hits.hits.length).toBeGreaterThan(0);
      expect(hits.hits.some((h: { findings: unknown[] }) => h.findings.length > 0)).toBe(true);
      const h = hits.hits.find((x: { findingTotal: number }) => x.findingTotal > 0);
      const more = (await call('GET', '/api/search/findings', { query: { plan: h.plan.slug, start: h.start, end: h.end }, status: 200 })).json();
      expect(more.findings).toHaveLength(h.findingTotal);
      await call('GET', '/api/search/findings', { query: { plan: h.plan.slug, start: 9, end: 3 }, status: 400 });
      await call('GET', '/api/search/findings', { query: { plan: 'no-such-plan', start: 0, end: 3 }, status: 404 });
      await call('GET', '/api/search', { query: { q: '湛茂都市圈 港口', plan: yuexi, limit: 5 }, status: 200 });
      await call('GET', '/api/search', { query: { q: '发展', section: '发展目标', kind: 'target', year: 2015 }, status: 200 });
      await call('GET', '/api/search', { query: { q: '没有这样的词语组合' }, status: 200 });
      await call('GET', '/api/search', { status: 400 });
      await call('GET', '/api/search', { query: { q: '城镇化率', plan: 'no-such-plan' }, status: 404 });
    });

    it('places and maps', async () => {
      for (const province of ['guangdong', 'guangxi', 'hainan']) await call('GET', '/api/map/geo/{province}', { params: { province }, status: 200 });
      await call('GET', '/api/map/geo/{province}', { params: { province: 'beijing' }, status: 400 });
      const indicators = (await call('GET', '/api/map/indicators', { status: 200 })).json().indicators;
      expect(indicators.length).toBeGreaterThan(0);
      const units = (await call('GET', '/api/map/units', { status: 200 })).json().units;
      expect(units.some((u: { plans: unknown[] }) => u.plans.length > 0)).toBe(true);
      await call('GET', '/api/map/units', { query: { color: 'indicator', indicator: indicators[0].id }, status: 200 });
      await call('GET', '/api/map/units', { query: { color: 'indicator' }, status: 400 });
      await call('GET', '/api/map/units', { query: { perUnit: 1 }, status: 200 });
      await call('GET', '/api/map/units', { query: { perUnit: -1 }, status: 400 });
      await call('GET', '/api/map/units', { query: { color: 'indicator', indicator: 'no-such-indicator' }, status: 404 });
      for (const slug of [yuexi, xijiang]) {
        const s = (await call('GET', '/api/plans/{slug}/structure', { params: { slug }, status: 200 })).json();
        expect(s.structures.length).toBeGreaterThan(0);
      }
      await call('GET', '/api/plans/{slug}/structure', { params: { slug: 'no-such-plan' }, status: 404 });
      await call('GET', '/api/places', { query: { q: '湛江' }, status: 200 });
      await call('GET', '/api/places', { query: { q: '440800' }, status: 200 });
      await call('GET', '/api/places', { status: 400 });
      for (const code of ['440800', '440000', '440882', '441200']) {
        const v = (await call('GET', '/api/places/{code}', { params: { code }, status: 200 })).json();
        expect(v.unit.code).toBe(code);
      }
      const redirect = await call('GET', '/api/places/{code}', { params: { code: '湛江市' }, status: 301 });
      expect(redirect.headers.location).toBe('/api/places/440800');
      await call('GET', '/api/places/{code}', { params: { code: '999999' }, status: 404 });
    });

    it('the contract fails a body with a wrong type, a missing property or an undocumented one', async () => {
      const r = await call('GET', '/api/plans/{slug}/text', { params: { slug: yuexi }, status: 200 });
      const validate = validatorOf(declared('GET', '/api/plans/{slug}/text', 200).content!['application/json'].schema);
      const body = () => r.json() as { findings: Array<Record<string, unknown>>; sections: Array<Record<string, unknown>> };
      expect(validate(body())).toBe(true);
      const wrongType = body();
      wrongType.findings[0].confidence = 'high';
      expect(validate(wrongType)).toBe(false);
      const missing = body();
      delete missing.findings[0].key;
      expect(validate(missing)).toBe(false);
      const extra = body();
      extra.sections[0].colour = 'red';
      expect(validate(extra)).toBe(false);
      const badNull = body();
      badNull.findings[0].status = null;
      expect(validate(badNull)).toBe(false);
      const noEvidenceQuote = body();
      const withEvidence = noEvidenceQuote.findings.find((f) => (f.evidence as unknown[]).length > 0)!;
      delete (withEvidence.evidence as Array<Record<string, unknown>>)[0].quote;
      expect(validate(noEvidenceQuote)).toBe(false);

      // a version stored before frames were kept has frame null; a frame must have its fields
      const d = await call('GET', '/api/plans/{slug}', { params: { slug: yuexi }, status: 200 });
      const validateDetail = validatorOf(declared('GET', '/api/plans/{slug}', 200).content!['application/json'].schema);
      expect(validateDetail({ ...d.json(), frame: null })).toBe(true);
      expect(validateDetail({ ...d.json(), frame: { docType: 'plan' } })).toBe(false);
    });

    it('has called every operation of the document with success', () => {
      const missing: string[] = [];
      for (const [p, methods] of Object.entries(doc.paths)) {
        for (const m of Object.keys(methods)) {
          const key = `${m.toUpperCase()} ${p}`;
          if (![...(seen.get(key) ?? [])].some((s) => s >= 200 && s < 300)) missing.push(key);
        }
      }
      expect(missing, 'operations in /api/docs that this test never called successfully: add them here').toEqual([]);
      expect(Object.keys(doc.paths).filter((p) => doc.paths[p].get).length).toBeGreaterThanOrEqual(19);
    });
  });
}
