// Integration: ingest → parse → store, on PGlite and (when configured) PostgreSQL, same tests.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { eq } from 'drizzle-orm';
import { ingestPlan, sha256 } from '../src/commands/ingest-plan';
import { IngestError } from '../src/ingest/index';
import { buildDocx, fixture, imageOnlyPdf, wPara } from '../src/ingest/testing/build';
import { backfillEffectiveFindings } from '../src/store/effective';
import { appliedMigrations, readMigrations, runMigrations } from '../src/store/migrate';
import { ingestBytes } from '../src/ingest/index';
import { analyze } from '../src/extract/analyze';
import { loadLexicons } from '../src/extract/lexicons';
import { findingKeys, neighbourhood } from '../src/core/curation';
import { reextractVersion } from '../src/commands/reextract';
import { getEffectiveFindings } from '../src/store/findings';
import { queryRows } from '../src/store/db';
import { sql } from 'drizzle-orm';
import { findPlan, getOriginalFile, getOutline, getRepairs, getVersion, listPlans, listVersions, tableCounts } from '../src/store/queries';
import { planPlaces, places } from '../src/store/schema';
import { loadGazetteer } from '../src/places/index';
import type { Gazetteer } from '../src/core/types';
import pg from 'pg';
import { backends, pgUrl, type TestStore } from './helpers/stores';

const plansDir = path.resolve(__dirname, '../data/plans');
const sample = (id: string) => new Uint8Array(fs.readFileSync(path.join(plansDir, `${id}.txt`)));
const YUEXI = '000_dde77a566d45a381';
const ZHANMAO = '001_240daae8c4bbf10a';

for (const backend of backends) {
  describe(`store on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await backend.create();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('applies every migration once', async () => {
      const names = readMigrations().map((m) => m.name);
      expect(await appliedMigrations(t.store.db)).toEqual(names);
    });

    it('stores a plan with its original bytes, outline, repairs and covered places', async () => {
      const bytes = sample(YUEXI);
      const r = await ingestPlan(t.store, { bytes, fileName: `${YUEXI}.txt` });
      expect(r.status).toBe('created');
      expect(r.version).toBe(1);
      expect(r.title).toBe('粤西地区经济社会发展规划纲要（2011—2015年）');

      const file = await getOriginalFile(t.store, r.versionId);
      expect(file.sha256).toBe(sha256(bytes));
      expect(Buffer.from(file.content).equals(Buffer.from(bytes))).toBe(true);

      const outline = await getOutline(t.store, r.versionId);
      const chapters = outline.filter((s) => s.kind === 'chapter');
      expect(chapters.map((c) => c.label)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
      expect(chapters[1].children.map((c) => c.title)).toEqual(['指导思想', '战略定位', '发展目标']);

      const v = await getVersion(t.store, r.versionId);
      expect(v.docNumber).toBe('粤府〔2011〕152号');
      expect(v.issued).toBe('2011-12-31');
      expect([v.periodStart, v.periodEnd]).toEqual([2011, 2015]);
      // section spans point into the stored normalized text
      expect(v.text.slice(chapters[0].headingStart, chapters[0].headingEnd)).toContain('发展背景');

      const covered = await t.store.db
        .select({ name: places.name })
        .from(planPlaces)
        .innerJoin(places, eq(places.code, planPlaces.placeCode))
        .where(eq(planPlaces.versionId, r.versionId));
      expect(covered.map((c) => c.name).sort()).toEqual(['湛江市', '茂名市', '阳江市'].sort());

      const rs = await getRepairs(t.store, r.versionId);
      expect(rs.length).toBe(r.repairs);

      // the time frame its years were read in, and each target's rule and year evidence
      expect(v.frame).toMatchObject({ docType: 'plan', period: [2011, 2015] });
      const { findings } = await getEffectiveFindings(t.store, r.versionId, 'target');
      const gdp = findings.find((f) => v.text.slice(f.start!, f.end!) === '粤西地区生产总值达到6340亿元')!;
      expect(gdp.rule).toBe('clause.standard');
      expect(gdp.evidence.map((e) => [e.role, v.text.slice(e.start, e.end)])).toEqual([['year', '2015年']]);
    });

    it('keeps with each passage the findings it overlaps; migration 0007 fills them the same way for older rows', async () => {
      type P = { id: number; finding_count: number; finding_list: Array<[string, string, string, number, number, number | null]>; start: number; end: number };
      await ingestPlan(t.store, { bytes: sample(YUEXI), fileName: `${YUEXI}.txt` }); // stored already when the tests run in order
      const read = () => queryRows<P>(t.store.db, sql`select id, finding_count, finding_list, start, "end" from passages order by id`);
      const before = await read();
      expect(before.length).toBeGreaterThan(0);
      expect(before.some((p) => p.finding_count > 1)).toBe(true);
      for (const p of before) {
        expect(p.finding_list).toHaveLength(p.finding_count);
        for (const [, , , start, end] of p.finding_list) expect(start < p.end && end > p.start).toBe(true);
      }
      await t.store.db.execute(sql`update passages set finding_count = 0, finding_list = '[]'::jsonb`);
      await t.store.db.execute(sql`delete from planatlas_migrations where name like '0007_%'`);
      expect(await runMigrations(t.store.db)).toEqual(readMigrations().filter((m) => m.name.startsWith('0007_')).map((m) => m.name));
      expect(await read()).toEqual(before);
    });

    it('re-ingesting the same bytes is idempotent', async () => {
      const before = await tableCounts(t.store);
      const r = await ingestPlan(t.store, { bytes: sample(YUEXI), fileName: `copy-of-${YUEXI}.txt` });
      expect(r.status).toBe('unchanged');
      expect(r.version).toBe(1);
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('a changed file becomes a new version and the old one is kept', async () => {
      const original = fs.readFileSync(path.join(plansDir, `${YUEXI}.txt`), 'utf8');
      const changed = original.replace('粤西地区生产总值达到6340亿元', '粤西地区生产总值达到6500亿元');
      expect(changed).not.toBe(original);
      const r = await ingestPlan(t.store, { bytes: strToU8(changed), fileName: `${YUEXI}.txt` });
      expect(r.status).toBe('new-version');
      expect(r.version).toBe(2);
      const plan = await findPlan(t.store, '粤西');
      expect(plan.currentVersionId).toBe(r.versionId);
      const versions = await listVersions(t.store, plan.id);
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
      const v1 = await getVersion(t.store, versions[1].id);
      expect(v1.text).toContain('6340亿元');
      const v2 = await getVersion(t.store, versions[0].id);
      expect(v2.text).toContain('6500亿元');
    });

    it('bad input is refused with the file named, and the database is left as it was', async () => {
      const before = await tableCounts(t.store);
      const notDocx = zipSync({ 'images/a.png': new Uint8Array([1, 2, 3]), 'readme.txt': strToU8('hello') });
      const pdf = fixture('zhanmao-3pages.pdf');
      const bad: Array<[string, Uint8Array, string]> = [
        ['empty.txt', new Uint8Array(0), 'empty'],
        ['junk.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'binary'],
        ['fake.docx', notDocx, 'not-docx'],
        ['bomb.docx', buildDocx(wPara('湛茂都市圈发展规划') + wPara(' '.repeat(4 * 1024 * 1024))), 'zip-bomb'],
        ['broken.pdf', strToU8('%PDF-1.4\n1 0 obj\n<< /Type /Catalog'), 'corrupt-pdf'],
        ['truncated.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)), 'corrupt-pdf'],
        ['scanned.pdf', imageOnlyPdf(), 'no-text-layer'],
        ['huge.txt', sample(YUEXI), 'too-large'],
      ];
      for (const [name, bytes, code] of bad) {
        const options = name === 'huge.txt' ? { maxBytes: 10 * 1024 } : undefined;
        const err = await ingestPlan(t.store, { bytes, fileName: name, options }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, name).toBeInstanceOf(IngestError);
        expect((err as IngestError).code, name).toBe(code);
        expect((err as Error).message, name).toContain(name);
      }
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('a write that fails half-way rolls the whole plan back', async () => {
      // A gazetteer that resolves the scope to a code the places table does not have: the
      // plan_places insert fails after the plan, version and sections were written.
      const real = loadGazetteer();
      const broken: Gazetteer = Object.assign(Object.create(real) as Gazetteer, {
        resolve: (name: string) => ({ ...real.resolve(name)!, code: '999999' }),
      });
      const before = await tableCounts(t.store);
      const text = fs.readFileSync(path.join(plansDir, `${ZHANMAO}.txt`), 'utf8') + '\n（修订稿）';
      await expect(ingestPlan(t.store, { bytes: strToU8(text), fileName: 'revised.txt' }, broken)).rejects.toThrow();
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('lists plans with their metadata and finds them by id, slug or title', async () => {
      await ingestPlan(t.store, { bytes: sample(ZHANMAO), fileName: `${ZHANMAO}.txt` });
      const list = await listPlans(t.store);
      expect(list.map((p) => p.title)).toEqual(['粤西地区经济社会发展规划纲要（2011—2015年）', '湛茂都市圈发展规划']);
      const zm = await findPlan(t.store, '湛茂');
      expect(zm.period).toEqual([2023, 2030]);
      expect(zm.horizon).toBe(2035);
      expect((await findPlan(t.store, String(zm.id))).slug).toBe(zm.slug);
      expect((await findPlan(t.store, zm.slug)).id).toBe(zm.id);
      await expect(findPlan(t.store, '规划')).rejects.toThrow(/matches 2 plans/);
      await expect(findPlan(t.store, '不存在的规划')).rejects.toThrow(/no plan matches/);
    });
  });
}

const OLD_PLAN = ['旧库市国民经济和社会发展第十四个五年规划纲要', '', '第一章 发展目标', '', '到2025年，地区生产总值达到1000亿元，常住人口城镇化率达到60%。'].join('\n');

for (const backend of backends) {
  describe(`upgrading a ${backend.name} database stored before migration 0003`, () => {
    it('adds rule, evidence and frame to the rows there; they read as unknown, decisions still apply, re-extraction fills them', async () => {
      const t = await backend.create({ migrate: false });
      try {
        const all = readMigrations();
        const at = all.findIndex((m) => m.name.startsWith('0003_'));
        expect(at).toBe(3);
        await runMigrations(t.store.db, all.slice(0, at));

        // A plan as the 0002 schema stored it: a version without a frame, a target without rule or evidence, a decision on it.
        const gaz = loadGazetteer();
        const lex = loadLexicons();
        const bytes = strToU8(OLD_PLAN);
        const text = await ingestBytes(bytes, 'old.txt');
        const target = analyze(text, gaz, lex).findings.find((f) => f.kind === 'target')!;
        expect(target.rule).toBe('clause.standard');
        const [key] = findingKeys(text.text, [target]);
        const one = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: number }>(t.store.db, q))[0].id;
        const fileId = await one(sql`insert into files (sha256, file_name, size, content) values (${sha256(bytes)}, 'old.txt', ${bytes.length}, ${Buffer.from(bytes)}) returning id`);
        const planId = await one(sql`insert into plans (plan_key, slug, title) values ('title:旧库市', 'old', '旧库市规划') returning id`);
        const versionId = await one(sql`insert into plan_versions (plan_id, version, file_id, format, encoding, source_text, text, offset_map, level)
          values (${planId}, 1, ${fileId}, 'txt', 'utf-8', ${text.source}, ${text.text}, ${JSON.stringify(text.map)}::jsonb, 'prefectural') returning id`);
        await t.store.db.execute(sql`update plans set current_version_id = ${versionId} where id = ${planId}`);
        const quote = text.text.slice(target.start, target.end);
        await t.store.db.execute(sql`insert into findings (version_id, plan_id, kind, identity, quote_key, start, "end", source_start, source_end, quote, section, confidence, flags, data)
          values (${versionId}, ${planId}, 'target', ${key.identity}, ${key.quoteKey}, ${target.start}, ${target.end}, ${target.start}, ${target.end}, ${quote}, null, 0.9, '[]'::jsonb, ${JSON.stringify(target.data)}::jsonb)`);
        const { before, after } = neighbourhood(text.text, target.start, target.end);
        await t.store.db.execute(sql`insert into decisions (plan_id, kind, identity, quote_key, action, quote, before, after, actor)
          values (${planId}, 'target', ${key.identity}, ${key.quoteKey}, 'accept', ${quote}, ${before}, ${after}, 'reviewer')`);

        expect(await runMigrations(t.store.db)).toEqual(all.slice(at).map((m) => m.name));
        // opening the store fills effective_findings once for versions stored before it existed
        expect(await backfillEffectiveFindings(t.store)).toBe(1);
        expect(await backfillEffectiveFindings(t.store)).toBe(0);
        const rows = await queryRows<{ rule: string | null; evidence: unknown }>(t.store.db, sql`select rule, evidence from findings`);
        expect(rows).toEqual([{ rule: null, evidence: [] }]);
        expect((await getVersion(t.store, versionId)).frame).toBeNull();
        const old = (await getEffectiveFindings(t.store, versionId)).findings;
        expect(old.map((f) => [f.rule, f.evidence, f.status])).toEqual([[null, [], 'accepted']]);

        await reextractVersion(t.store, versionId, 'test', gaz, lex);
        const now = (await getEffectiveFindings(t.store, versionId, 'target')).findings.find((f) => f.identity === key.identity)!;
        expect(now.rule).toBe('clause.standard');
        expect(now.evidence.map((e) => text.text.slice(e.start, e.end))).toEqual(['2025年']);
        expect(now.status).toBe('accepted');
        expect((await getVersion(t.store, versionId)).frame).toMatchObject({ docType: 'plan', period: [2021, 2025] });
      } finally {
        await t.dispose();
      }
    });
  });
}

describe.skipIf(!pgUrl)('PostgreSQL connection loss', () => {
  it('keeps running when the server drops an idle connection, and the next query reconnects', async () => {
    const t = await backends.find((b) => b.name === 'postgres')!.create();
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => (errors.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await tableCounts(t.store)).toMatchObject({ plans: 0 }); // opens pooled connections
      const db = new URL(t.databaseUrl!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      const killed = await admin.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [db]);
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await expect.poll(() => errors.join('')).toMatch(/PostgreSQL connection lost .*reconnecting/);
      expect(await tableCounts(t.store)).toMatchObject({ plans: 0 });
    } finally {
      process.stderr.write = write;
      await t.dispose();
    }
  });
});
