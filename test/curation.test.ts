// People's review decisions survive re-extraction and a re-ingest of a changed plan (PGlite and PostgreSQL).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { ingestPlan } from '../src/commands/ingest-plan';
import { addFinding, decide, decideFinding } from '../src/commands/curation';
import { reextractVersion } from '../src/commands/reextract';
import { getEffectiveFindings } from '../src/store/findings';
import { findPlan, getVersion, tableCounts } from '../src/store/queries';
import { queryRows } from '../src/store/db';
import { sql } from 'drizzle-orm';
import { FieldError } from '../src/core/finding-fields';
import { NotFoundError } from '../src/core/errors';
import { backends, type TestStore } from './helpers/stores';

const file = path.resolve(__dirname, '../data/plans/000_dde77a566d45a381.txt');
const original = fs.readFileSync(file, 'utf8');

for (const backend of backends) {
  describe(`curation on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await backend.create();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const targets = async () => {
      const plan = await findPlan(t.store, '粤西');
      return getEffectiveFindings(t.store, plan.currentVersionId!, 'target');
    };
    const byQuote = (list: Awaited<ReturnType<typeof targets>>['findings'], text: string, part: string) =>
      list.filter((f) => f.start != null && text.slice(f.start, f.end!).includes(part));

    it('keeps corrections, rejections, acceptances and additions across re-extraction and a new version', async () => {
      const v1 = await ingestPlan(t.store, { bytes: strToU8(original), fileName: '000_dde77a566d45a381.txt' });
      expect(v1.findings.target ?? 0).toBeGreaterThan(10);
      const plan = await findPlan(t.store, '粤西');
      const t1 = (await getVersion(t.store, plan.currentVersionId!)).text;
      const { findings } = await targets();

      const gdp = byQuote(findings, t1, '6340亿元').find((f) => f.data.unit === '亿元');
      const rail = byQuote(findings, t1, '482公里')[0];
      const port = byQuote(findings, t1, '超过3亿吨')[0];
      expect(gdp && rail && port).toBeTruthy();

      await decideFinding(t.store, { findingId: gdp!.id!, action: 'correct', fields: { value: 6400, comparator: 'ge' }, note: '按修订稿', actor: '审核员甲' });
      await decideFinding(t.store, { findingId: rail!.id!, action: 'reject', actor: '审核员甲' });
      await decideFinding(t.store, { findingId: port!.id!, action: 'accept', actor: '审核员乙' });
      const missed = '县域经济焕发生机与活力';
      expect(t1).toContain(missed);
      await addFinding(t.store, {
        planId: plan.id,
        kind: 'target',
        quote: missed,
        fields: { indicator: '县域经济活力', year: 2015, value: null, unit: null },
        actor: '审核员乙',
      });

      const check = async (label: string) => {
        const p = await findPlan(t.store, '粤西');
        const text = (await getVersion(t.store, p.currentVersionId!)).text;
        const { findings: now } = await targets();
        const g = byQuote(now, text, '粤西地区生产总值达到6340亿元').find((f) => f.status === 'corrected');
        expect(g?.data.value, label).toBe(6400);
        expect(g?.data.comparator, label).toBe('ge');
        expect(g?.extracted?.value, label).toBe(6340);
        expect(byQuote(now, text, '482公里')[0]?.status, label).toBe('rejected');
        expect(byQuote(now, text, '超过3亿吨')[0]?.status, label).toBe('accepted');
        const added = now.filter((f) => f.status === 'added');
        expect(added.map((f) => text.slice(f.start!, f.end!)), label).toEqual([missed]);
      };
      await check('as decided');

      await reextractVersion(t.store, plan.currentVersionId!);
      await check('after re-extraction');

      // A changed file of the same plan: text inserted before the targets, another figure changed.
      const changed = original
        .replace('前　言', '前　言\n（本规划纲要根据中期评估作了修订。）')
        .replace('港口货物吞吐能力超过3亿吨', '港口货物吞吐能力超过3.5亿吨');
      const v2 = await ingestPlan(t.store, { bytes: strToU8(changed), fileName: '000_dde77a566d45a381.txt' });
      expect(v2.status).toBe('new-version');
      const p2 = await findPlan(t.store, '粤西');
      const text2 = (await getVersion(t.store, p2.currentVersionId!)).text;
      const { findings: now, orphans } = await targets();
      const g = byQuote(now, text2, '粤西地区生产总值达到6340亿元').find((f) => f.status === 'corrected');
      expect(g?.data.value).toBe(6400);
      expect(byQuote(now, text2, '482公里')[0]?.status).toBe('rejected');
      expect(now.filter((f) => f.status === 'added')).toHaveLength(1);
      // the accepted port target changed in the new text: its decision is kept, shown as an orphan
      expect(byQuote(now, text2, '3.5亿吨')[0]?.status).toBe('pending');
      expect(orphans.map((d) => [d.action, d.quote])).toEqual([['accept', expect.stringContaining('超过3亿吨')]]);
    });

    it('refuses malformed corrections and additions, naming the field, and writes nothing', async () => {
      const { findings } = await targets();
      const some = findings.find((f) => f.id != null)!;
      const before = await tableCounts(t.store);
      await expect(decideFinding(t.store, { findingId: some.id!, action: 'correct', fields: { comparator: 'bigger' } })).rejects.toThrow(/target\.comparator/);
      await expect(decideFinding(t.store, { findingId: some.id!, action: 'correct', fields: { colour: 'red' } })).rejects.toThrow(/unknown field\(s\) colour/);
      await expect(decideFinding(t.store, { findingId: 999999, action: 'accept' })).rejects.toThrow(NotFoundError);
      const plan = await findPlan(t.store, '粤西');
      await expect(addFinding(t.store, { planId: plan.id, kind: 'target', quote: '不在文中的句子', fields: { indicator: 'x' } })).rejects.toThrow(/not in the plan's text/);
      await expect(addFinding(t.store, { planId: plan.id, kind: 'target', quote: '粤西', fields: { indicator: 'x' } })).rejects.toThrow(/occurs \d+ times/);
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('one decide command: a key names an extractor finding or an addition; a correction needs fields; unknown and withdrawn keys are not found', async () => {
      const plan = await findPlan(t.store, '粤西');
      const { findings } = await targets();
      const pending = findings.find((f) => f.id != null && f.status === 'pending')!;
      const before = await tableCounts(t.store);
      const noFields = decide(t.store, { target: { planId: plan.id, key: pending.identity }, action: 'correct', fields: {} });
      await expect(noFields).rejects.toThrow(FieldError);
      await expect(noFields).rejects.toMatchObject({ field: 'fields' });
      await expect(decide(t.store, { target: { planId: plan.id, key: 'no-such-key' }, action: 'accept' })).rejects.toMatchObject({ field: 'key' });
      await expect(decide(t.store, { target: { findingId: 987654 }, action: 'accept' })).rejects.toMatchObject({ field: 'id' });
      expect(await tableCounts(t.store)).toEqual(before);

      const d = await decide(t.store, { target: { planId: plan.id, key: pending.identity }, action: 'accept', actor: '审核员丙' });
      expect([d.kind, d.identity, d.versionId]).toEqual(['target', pending.identity, plan.currentVersionId]);
      expect((await targets()).findings.find((f) => f.identity === pending.identity)?.status).toBe('accepted');

      const added = (await targets()).findings.find((f) => f.status === 'added')!;
      await decide(t.store, { target: { planId: plan.id, key: added.identity }, action: 'correct', fields: { year: 2016 } });
      expect((await targets()).findings.find((f) => f.identity === added.identity)?.data.year).toBe(2016);
      await decide(t.store, { target: { planId: plan.id, key: added.identity }, action: 'reject' });
      expect((await targets()).findings.some((f) => f.identity === added.identity)).toBe(false);
      await expect(decide(t.store, { target: { planId: plan.id, key: added.identity }, action: 'accept' })).rejects.toThrow(NotFoundError);
    });

    it('commands run in the caller’s transaction: two commands commit together or not at all', async () => {
      const plan = await findPlan(t.store, '粤西');
      const decisionCount = async () => (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from decisions`))[0].n;
      const auditCount = async () => (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from audit_log`))[0].n;
      const [n0, a0] = [await decisionCount(), await auditCount()];
      const quote = '具有国际影响力的重化产业基地';
      expect((await getVersion(t.store, plan.currentVersionId!)).text).toContain(quote);

      // An addition and a correction of it in one transaction that then fails: neither is kept.
      await expect(
        t.store.db.transaction(async (tx) => {
          const a = await addFinding(t.store, { planId: plan.id, kind: 'target', quote, fields: { indicator: '重化产业基地' } }, { tx });
          expect(a.decisionId).toBeGreaterThan(0);
          // the second command sees the first one's uncommitted addition through the same transaction
          const [add] = await queryRows<{ identity: string }>(tx, sql`select identity from decisions where id = ${a.decisionId}`);
          await decide(t.store, { target: { planId: plan.id, key: add.identity }, action: 'correct', fields: { year: 2015 } }, { tx });
          throw new Error('the caller changed its mind');
        }),
      ).rejects.toThrow('the caller changed its mind');
      expect([await decisionCount(), await auditCount()]).toEqual([n0, a0]);

      // The same two commands in a transaction that commits: both are kept, with their audit records.
      await t.store.db.transaction(async (tx) => {
        const a = await addFinding(t.store, { planId: plan.id, kind: 'target', quote, fields: { indicator: '重化产业基地' } }, { tx });
        const [add] = await queryRows<{ identity: string }>(tx, sql`select identity from decisions where id = ${a.decisionId}`);
        await decide(t.store, { target: { planId: plan.id, key: add.identity }, action: 'correct', fields: { year: 2015 } }, { tx });
      });
      expect([await decisionCount(), await auditCount()]).toEqual([n0 + 2, a0 + 2]);
      const kept = (await targets()).findings.find((f) => f.status === 'added' && f.data.indicator === '重化产业基地');
      expect(kept?.data.year).toBe(2015);
    });
  });
}
