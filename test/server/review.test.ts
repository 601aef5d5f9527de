// The review queue, decisions, additions and review stats over HTTP (PGlite and PostgreSQL),
// and corrections surviving a changed version of the plan and re-extraction.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { loadLexicons } from '../../src/extract/lexicons';
import { loadGazetteer } from '../../src/places/index';
import { buildApp } from '../../src/server/app';
import type { ReviewCounts } from '../../src/core/api-types';
import type { FindingDto } from '../../src/server/dto';
import type { TargetRow } from '../../src/server/export';
import { backends, type TestStore } from '../helpers/stores';

const plansDir = path.resolve(__dirname, '../../data/plans');
const yuexi = '000_dde77a566d45a381.txt';
const xijiang = '002_cf5822304d6f3ba0.txt';

interface ReviewItem {
  plan: { slug: string; title: string };
  finding: FindingDto<'target'>; // the tests read targets' fields (queues asked with kind=target, or narrowed by their quote)
  sentence: { text: string; start: number; end: number };
  mark: { start: number; end: number };
}
type Counts = ReviewCounts;

for (const backend of backends) {
  describe(`review API on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await backend.create();
      for (const f of [yuexi, xijiang]) await ingestPlan(t.store, { bytes: fs.readFileSync(path.join(plansDir, f)), fileName: f });
      app = await buildApp({ store: t.store, gazetteer: loadGazetteer(), lexicons: loadLexicons(), maxFileBytes: 10 << 20, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    const get = async <T,>(url: string): Promise<T> => {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
      return r.json() as T;
    };
    const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
    const queue = (q: string) => get<{ items: ReviewItem[]; total: number }>(`/api/review?${q}`);
    const stats = (plan = yuexi.replace('.txt', '')) => get<Counts & { byKind: Record<string, Counts>; orphans: number }>(`/api/review/stats?plan=${plan}`);

    it('orders the queue by confidence, least sure first, with the sentence around each finding', async () => {
      const all = await queue('limit=500');
      const conf = all.items.map((i) => i.finding.confidence);
      expect(conf.length).toBeGreaterThan(100);
      expect(conf).toEqual([...conf].sort((a, b) => a - b));
      const perPlan = await Promise.all(
        [yuexi, xijiang].map((f) => get<{ findings: FindingDto[] }>(`/api/plans/${f.replace('.txt', '')}/findings?status=pending`)),
      );
      expect(all.total).toBe(perPlan.reduce((n, p) => n + p.findings.length, 0));
      expect(new Set(all.items.map((i) => i.plan.slug)).size).toBe(2);
      for (const i of all.items.slice(0, 50)) {
        expect(i.sentence.text.slice(i.mark.start, i.mark.end)).toBe(i.finding.quote);
        expect(i.finding.status).toBe('pending');
      }
      const targets = await queue(`plan=${encodeURIComponent('粤西')}&kind=target&limit=500`);
      expect(targets.items.every((i) => i.finding.kind === 'target' && i.plan.title.includes('粤西'))).toBe(true);
      expect(targets.total).toBe(targets.items.length);
      const page = await queue(`plan=${encodeURIComponent('粤西')}&kind=target&limit=5&offset=5`);
      expect(page.items.map((i) => i.finding.key)).toEqual(targets.items.slice(5, 10).map((i) => i.finding.key));
      expect(page.total).toBe(targets.total);
      const one = await queue(`plan=${encodeURIComponent('粤西')}&status=all&key=${targets.items[3].finding.key}`);
      expect(one.items.map((i) => i.finding.key)).toEqual([targets.items[3].finding.key]);
      expect((await app.inject({ method: 'GET', url: '/api/review?status=maybe' })).statusCode).toBe(400);
      expect((await app.inject({ method: 'GET', url: '/api/review?plan=nope' })).statusCode).toBe(404);
    });

    it('records accept / reject / correct, changing status and the precision stats', async () => {
      const before = await stats();
      expect(before.reviewed).toBe(0);
      expect(before.precision).toBeNull();
      expect(before.total).toBe(before.pending);
      const { items } = await queue(`plan=${encodeURIComponent('粤西')}&kind=target&limit=500`);
      const gdp = items.find((i) => i.finding.quote.includes('粤西地区生产总值达到6340亿元') && i.finding.data.unit === '亿元')!.finding;
      const others = items.filter((i) => i.finding.id !== gdp.id).map((i) => i.finding);

      const c = await post(`/api/findings/${gdp.id}/decision`, { action: 'correct', fields: { value: 6400, comparator: 'ge' }, note: '按修订稿' });
      expect(c.statusCode, c.body).toBe(200);
      const cj = c.json() as { decision: { action: string; key: string }; finding: FindingDto };
      expect(cj.decision).toMatchObject({ action: 'correct', key: gdp.key });
      expect(cj.finding).toMatchObject({ status: 'corrected', data: { value: 6400, comparator: 'ge' }, extracted: { value: 6340 } });

      for (const [f, action, status] of [
        [others[0], 'accept', 'accepted'],
        [others[1], 'accept', 'accepted'],
        [others[2], 'reject', 'rejected'],
      ] as const) {
        const r = await post(`/api/findings/${f.id}/decision`, { action });
        expect(r.statusCode).toBe(200);
        expect(r.json().finding.status).toBe(status);
      }
      const after = await stats();
      expect(after).toMatchObject({ total: before.total, reviewed: 4, pending: before.pending - 4, accepted: 2, corrected: 1, rejected: 1, added: 0 });
      expect(after.precision).toBeCloseTo(2 / 4);
      expect(after.lenientPrecision).toBeCloseTo(3 / 4);
      expect(after.byKind.target).toMatchObject({ reviewed: 4, accepted: 2 });
      expect(after.byKind.place.reviewed).toBe(0);
      expect(after.byKind.place.precision).toBeNull();
      const allPlans = await get<Counts>('/api/review/stats');
      expect(allPlans.total).toBeGreaterThan(after.total);
      expect(allPlans.reviewed).toBe(4);

      // reviewed items leave the pending queue and show under reviewed
      const pending = await queue(`plan=${encodeURIComponent('粤西')}&kind=target&limit=500`);
      expect(pending.total).toBe(items.length - 4);
      const reviewed = await queue(`plan=${encodeURIComponent('粤西')}&status=reviewed&limit=500`);
      expect(reviewed.items.map((i) => i.finding.status).sort()).toEqual(['accepted', 'accepted', 'corrected', 'rejected']);
    });

    it('refuses a bad field with a 400 naming it, and an unknown finding with a 404', async () => {
      const { items } = await queue(`plan=${encodeURIComponent('粤西')}&kind=target&limit=1`);
      const id = items[0].finding.id;
      const before = await stats();
      const bad = await post(`/api/findings/${id}/decision`, { action: 'correct', fields: { comparator: 'bigger' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'invalid-field', field: 'comparator' });
      expect(bad.json().error.message).toContain('target.comparator');
      const unknown = await post(`/api/findings/${id}/decision`, { action: 'correct', fields: { colour: 'red' } });
      expect(unknown.json().error).toMatchObject({ code: 'invalid-field', field: 'colour' });
      const empty = await post(`/api/findings/${id}/decision`, { action: 'correct' });
      expect(empty.statusCode).toBe(400);
      expect((await post(`/api/findings/${id}/decision`, { action: 'maybe' })).statusCode).toBe(400);
      expect((await post('/api/findings/99999999/decision', { action: 'accept' })).statusCode).toBe(404);
      expect((await stats()).reviewed).toBe(before.reviewed);
    });

    it('adds a missed finding, which then appears as added', async () => {
      const missed = '县域经济焕发生机与活力';
      const notThere = await post(`/api/plans/${yuexi.replace('.txt', '')}/findings`, { kind: 'target', quote: '不在文中的句子', fields: { indicator: 'x' } });
      expect(notThere.statusCode).toBe(400);
      expect(notThere.json().error.field).toBe('quote');
      const badYear = await post(`/api/plans/${yuexi.replace('.txt', '')}/findings`, { kind: 'target', quote: missed, fields: { indicator: '县域经济活力', year: 'soon' } });
      expect(badYear.json().error.field).toBe('year');
      const r = await post(`/api/plans/${yuexi.replace('.txt', '')}/findings`, {
        kind: 'target',
        quote: missed,
        fields: { indicator: '县域经济活力', year: 2015 },
        note: '漏提',
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().finding).toMatchObject({ status: 'added', quote: missed, data: { indicator: '县域经济活力', year: 2015, comparator: 'eq' } });
      const added = await queue(`plan=${encodeURIComponent('粤西')}&status=added`);
      expect(added.items.map((i) => i.finding.quote)).toEqual([missed]);
      expect(added.items[0].sentence.text).toContain(missed);
      const s = await stats();
      expect(s.added).toBe(1);
      expect(s.precision).toBeCloseTo(2 / 4); // additions do not count for the extractor's precision
    });

    it('keeps the correction after a changed version of the plan is ingested, and after re-extraction', async () => {
      const original = fs.readFileSync(path.join(plansDir, yuexi), 'utf8');
      const changed = original + '\n\n（本规划纲要根据中期评估作了修订，增补本段。）\n';
      const v2 = await ingestPlan(t.store, { bytes: new TextEncoder().encode(changed), fileName: yuexi });
      expect(v2.status).toBe('new-version');
      const check = async (label: string) => {
        const rows = (await get<{ targets: TargetRow[] }>(`/api/plans/${yuexi.replace('.txt', '')}/targets`)).targets;
        const gdp = rows.find((x) => x.quote.includes('粤西地区生产总值达到6340亿元') && x.unit === '亿元');
        expect(gdp, label).toMatchObject({ status: 'corrected', value: 6400, comparator: 'ge' });
        const corrected = await queue(`plan=${encodeURIComponent('粤西')}&status=corrected`);
        expect(corrected.items.map((i) => i.finding.data.value), label).toEqual([6400]);
        const s = await stats();
        expect(s, label).toMatchObject({ accepted: 2, corrected: 1, rejected: 1, added: 1 });
      };
      await check('new version');
      const re = await post(`/api/plans/${yuexi.replace('.txt', '')}/reextract`, {});
      expect(re.statusCode, re.body).toBe(200);
      expect(re.json().findings.target).toBeGreaterThan(10);
      await check('re-extracted');
    });
  
    it('corrects and withdraws a person’s addition by its key; decisions by key work on extracted findings too', async () => {
      const slug = yuexi.replace('.txt', '');
      const [item] = (await queue(`plan=${encodeURIComponent('粤西')}&status=added`)).items;
      const key = item.finding.key;
      const fixed = await post(`/api/plans/${slug}/decisions`, { key, action: 'correct', fields: { year: 2020 } });
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(fixed.json().finding).toMatchObject({ key, status: 'added', data: { indicator: '县域经济活力', year: 2020 } });
      const bad = await post(`/api/plans/${slug}/decisions`, { key, action: 'correct', fields: { year: 'soon' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('year');
      const unknown = await post(`/api/plans/${slug}/decisions`, { key: 'no-such-key', action: 'accept' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.field).toBe('key');

      const gone = await post(`/api/plans/${slug}/decisions`, { key, action: 'reject', note: '误录' });
      expect(gone.statusCode, gone.body).toBe(200);
      expect(gone.json().finding).toBeNull();
      expect((await queue(`plan=${encodeURIComponent('粤西')}&status=added`)).total).toBe(0);
      const s = await stats();
      expect(s).toMatchObject({ added: 0, orphans: 0 }); // withdrawn on purpose, not left for re-checking

      // by key on an extractor finding: the same as by id
      const pending = (await queue(`plan=${encodeURIComponent('粤西')}&kind=project&limit=1`)).items[0].finding;
      const ok = await post(`/api/plans/${slug}/decisions`, { key: pending.key, action: 'accept' });
      expect(ok.json().finding).toMatchObject({ key: pending.key, id: pending.id, status: 'accepted' });
      expect((await stats()).accepted).toBe(s.accepted + 1);
    });

    it('lists decisions whose text changed away as orphans, and applies them again when the text comes back', async () => {
      const slug = yuexi.replace('.txt', '');
      const original = fs.readFileSync(path.join(plansDir, yuexi), 'utf8');
      expect(original).toContain('6340亿元');
      await ingestPlan(t.store, { bytes: new TextEncoder().encode(original.replaceAll('6340亿元', '6500亿元')), fileName: yuexi });
      const orphans = await get<{ items: Array<{ plan: { slug: string }; decision: { action: string; quote: string; fields: Record<string, unknown>; actor: string } }>; total: number }>(
        `/api/review/orphans?plan=${slug}`,
      );
      const lost = orphans.items.find((o) => o.decision.action === 'correct');
      expect(lost, JSON.stringify(orphans.items)).toBeDefined();
      expect(lost!.decision.quote).toContain('6340亿元');
      expect(lost!.decision.fields).toMatchObject({ value: 6400 });
      expect(lost!.plan.slug).toBe(slug);
      expect((await stats()).orphans).toBe(orphans.total);
      expect((await stats()).corrected).toBe(0);

      const back = await ingestPlan(t.store, { bytes: new TextEncoder().encode(original), fileName: yuexi });
      expect(back.status).toBe('new-version'); // a reverted file becomes current again
      const after = await get<{ items: Array<{ decision: { quote: string } }> }>(`/api/review/orphans?plan=${slug}`);
      expect(after.items.some((o) => o.decision.quote.includes('6340亿元'))).toBe(false);
      expect((await stats()).corrected).toBe(1);
    });
  });
}
