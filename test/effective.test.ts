// effective_findings stays in step with findings and decisions: after ingest, accept / correct /
// reject / add / withdraw, re-extraction and a new version, the stored rows equal a merge from
// scratch (core/curation applyDecisions). And the lists built on it page with totals. (PGlite and PostgreSQL)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { asc, eq, sql } from 'drizzle-orm';
import { addFinding, decideAddition, decideFinding } from '../src/commands/curation';
import { ingestPlan } from '../src/commands/ingest-plan';
import { reextractVersion } from '../src/commands/reextract';
import { applyDecisions, type EffectiveFinding, type ExtractedRecord, type MergeResult } from '../src/core/curation';
import { loadGazetteer } from '../src/places/index';
import { queryRows } from '../src/store/db';
import { getDecisions, getEffectiveFindings } from '../src/store/findings';
import { getPlaceView } from '../src/store/place-views';
import { listPlanCards } from '../src/store/plan-views';
import { findPlan, getVersion } from '../src/store/queries';
import { findings, planVersions } from '../src/store/schema';
import { backends, type TestStore } from './helpers/stores';

const dir = path.resolve(__dirname, '../data/plans');
const original = fs.readFileSync(path.join(dir, '000_dde77a566d45a381.txt'), 'utf8');

for (const backend of backends) {
  describe(`effective findings on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await backend.create();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    /** The merge computed now from the findings and decisions tables. */
    const fromScratch = async (versionId: number): Promise<MergeResult> => {
      const [v] = await t.store.db.select().from(planVersions).where(eq(planVersions.id, versionId));
      const rows = await t.store.db.select().from(findings).where(eq(findings.versionId, versionId)).orderBy(asc(findings.start), asc(findings.id));
      return applyDecisions(v.text, rows as unknown as ExtractedRecord[], await getDecisions(t.store, v.planId));
    };
    const inStep = async (versionId: number, label: string) => {
      const stored = await getEffectiveFindings(t.store, versionId);
      const merged = await fromScratch(versionId);
      expect(stored.findings.length, label).toBe(merged.findings.length);
      expect(stored, label).toEqual(merged);
      return stored;
    };

    it('equals a merge from scratch after ingest, every kind of decision, re-extraction and a new version', async () => {
      const v1 = await ingestPlan(t.store, { bytes: strToU8(original), fileName: '000_dde77a566d45a381.txt' });
      let now = await inStep(v1.versionId, 'after ingest');
      expect(now.findings.every((f) => f.status === 'pending')).toBe(true);
      const text = (await getVersion(t.store, v1.versionId)).text;
      const targets = now.findings.filter((f) => f.kind === 'target');
      const a = targets.find((f) => text.slice(f.start!, f.end!).includes('超过3亿吨'))!;
      const [b, c] = targets.filter((f) => f !== a);

      await decideFinding(t.store, { findingId: a.id!, action: 'accept' });
      now = await inStep(v1.versionId, 'after accept');
      expect(now.findings.find((f) => f.identity === a.identity)?.status).toBe('accepted');

      await decideFinding(t.store, { findingId: b.id!, action: 'correct', fields: { year: 2016 } });
      now = await inStep(v1.versionId, 'after correct');
      expect((now.findings.find((f) => f.identity === b.identity) as EffectiveFinding<'target'> | undefined)?.data.year).toBe(2016);

      await decideFinding(t.store, { findingId: c.id!, action: 'reject' });
      now = await inStep(v1.versionId, 'after reject');
      expect(now.findings.find((f) => f.identity === c.identity)?.status).toBe('rejected');

      const quote = '县域经济焕发生机与活力';
      await addFinding(t.store, { planId: v1.planId, kind: 'target', quote, fields: { indicator: '县域经济活力', year: 2015 } });
      now = await inStep(v1.versionId, 'after add');
      const added = now.findings.find((f) => f.status === 'added')!;
      expect(text.slice(added.start!, added.end!)).toBe(quote);

      await decideAddition(t.store, { planId: v1.planId, identity: added.identity, action: 'reject' });
      now = await inStep(v1.versionId, 'after withdrawing the addition');
      expect(now.findings.some((f) => f.status === 'added')).toBe(false);

      await reextractVersion(t.store, v1.versionId);
      now = await inStep(v1.versionId, 'after re-extraction');
      expect(now.findings.find((f) => f.identity === c.identity)?.status).toBe('rejected');

      // a new version where the accepted target's sentence changed: its decision becomes an orphan there
      const changed = original.replace('港口货物吞吐能力超过3亿吨', '港口货物吞吐能力超过3.5亿吨');
      const v2 = await ingestPlan(t.store, { bytes: strToU8(changed), fileName: '000_dde77a566d45a381.txt' });
      expect(v2.status).toBe('new-version');
      const there = await inStep(v2.versionId, 'new version');
      expect(there.orphans.map((d) => d.action)).toEqual(['accept']);
      await inStep(v1.versionId, 'old version after the new one');
      // a decision made now is applied to the old version's rows as well
      const v2rows = (await getEffectiveFindings(t.store, v2.versionId)).findings.filter((f) => f.kind === 'place' && f.status === 'pending');
      await decideFinding(t.store, { findingId: v2rows[0].id!, action: 'reject' });
      await inStep(v2.versionId, 'new version after a decision');
      await inStep(v1.versionId, 'old version after a decision on the new one');
      expect((await getEffectiveFindings(t.store, v2.versionId)).findings.find((f) => f.identity === v2rows[0].identity)?.status).toBe('rejected');
    });

    it('pages the plan list and the place page with totals', async () => {
      for (const f of ['002_cf5822304d6f3ba0.txt', '004_9800aaef9fdee07f.txt']) await ingestPlan(t.store, { bytes: fs.readFileSync(path.join(dir, f)), fileName: f });
      const all = await listPlanCards(t.store);
      expect(all.total).toBe(3);
      const page = await listPlanCards(t.store, { page: { limit: 1, offset: 1 } });
      expect(page.total).toBe(3);
      expect(page.cards.map((c) => c.slug)).toEqual([all.cards[1].slug]);
      expect(page.cards[0]).toEqual(all.cards[1]);
      expect((await listPlanCards(t.store, { page: { limit: 5, offset: 10 } })).total).toBe(3);

      const gaz = loadGazetteer();
      const place = gaz.byCode('440800')!;
      const full = await getPlaceView(t.store, gaz, place, { limit: 1000, offset: 0 });
      expect(full.targets.length).toBeGreaterThan(2);
      expect(full.totals).toEqual({
        plans: full.plans.length,
        targets: full.targets.length,
        projects: full.projects.length,
        duties: full.duties.length,
        facts: full.facts.length,
      });
      const second = await getPlaceView(t.store, gaz, place, { limit: 2, offset: 1 });
      expect(second.totals).toEqual(full.totals);
      expect(second.targets).toEqual(full.targets.slice(1, 3));
      expect(second.plans).toEqual(full.plans.slice(1, 3));
      const past = await getPlaceView(t.store, gaz, place, { limit: 2, offset: 500 });
      expect(past.targets).toEqual([]);
      expect(past.totals).toEqual(full.totals);
    });

    it('fills the table for versions stored before it existed when the store opens', async () => {
      const plan = await findPlan(t.store, '粤西');
      const before = await getEffectiveFindings(t.store, plan.currentVersionId!);
      await t.store.db.execute(sql`delete from effective_findings where version_id = ${plan.currentVersionId!}`);
      await t.store.db.execute(sql`update plan_versions set effective_ready = false where id = ${plan.currentVersionId!}`);
      const { backfillEffectiveFindings } = await import('../src/store/effective');
      expect(await backfillEffectiveFindings(t.store)).toBe(1);
      expect(await getEffectiveFindings(t.store, plan.currentVersionId!)).toEqual(before);
      const [n] = await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from plan_versions where not effective_ready`);
      expect(n.n).toBe(0);
    });
  });
}
