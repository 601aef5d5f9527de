// Monitoring stored plans on PGlite and PostgreSQL: the sample statistics loaded once, the 粤西 plan
// judged on them and on its own base-year figures, the 湛茂 plan's tasks reported on by units.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { loadSampleObservations, recordObservation } from '../../src/commands/observations';
import { samplePlanFiles } from '../../src/commands/samples';
import { reportTaskProgress } from '../../src/commands/tasks';
import { loadLexicons } from '../../src/extract/lexicons';
import { loadGazetteer } from '../../src/places/index';
import { getPlanMonitor, getTaskLedger, taskDay } from '../../src/store/monitor-views';
import { getReportInput } from '../../src/store/report-input';
import { buildReportModel } from '../../src/report/model';
import { layout as layoutReport } from '../../src/report/layout';
import { findPlan } from '../../src/store/queries';
import { backends, type TestStore } from '../helpers/stores';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();

for (const backend of backends) {
  describe(`monitoring stored plans on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await backend.create();
      for (const f of samplePlanFiles().filter((f) => /00[01]_/.test(f))) await ingestPlan(t.store, { bytes: fs.readFileSync(f), fileName: f.split('/').pop()! }, gazetteer, lexicons);
    });
    afterAll(async () => {
      await t?.dispose();
    });
    const ref = async (q: string) => {
      const p = await findPlan(t.store, q);
      return { id: p.id, slug: p.slug, title: p.title, currentVersionId: p.currentVersionId! };
    };

    it('loads the sample statistics once', async () => {
      expect(await loadSampleObservations(t.store)).toBeGreaterThan(3000);
      expect(await loadSampleObservations(t.store)).toBe(0);
    });

    it('judges the 粤西 plan on real numbers and on the 2010 figures its text states', async () => {
      const m = await getPlanMonitor(t.store, gazetteer, lexicons.indicators, await ref('粤西'), 2015);
      const gdp = m.rows.find((r) => r.target.data.canonical === 'gdp')!;
      expect(gdp.assessment.baseline).toEqual({ year: 2010, value: 3537 }); // the plan's own figure wins over the computed 3536.99
      expect(gdp.figures.find((f) => f.year === 2010)).toMatchObject({ origin: 'document' });
      expect(gdp.figures.find((f) => f.year === 2010)?.source).toContain('3537');
      expect(gdp.assessment.latest).toEqual({ year: 2015, value: 6075.662 });
      expect(gdp.assessment.status).toBe('lagging');
      expect(m.rows.find((r) => r.target.data.canonical === 'gdp_growth')?.assessment.realizedRate).toBe(10.74);
      expect(m.counts['no-data']).toBeGreaterThan(10);
      expect(m.summary).toMatch(/^截至2015年，\d+项目标中/);
      expect(m.documentFigures).toBeGreaterThan(5);
    });

    it('a person’s figure for the region changes the judgement', async () => {
      const plan = await ref('粤西');
      await recordObservation(t.store, { indicator: 'gdp', place: `plan:${plan.slug}`, year: 2015, value: 6400, unit: '亿元', source: '省统计局快报' }, { gazetteer, lexicons });
      const gdp = (await getPlanMonitor(t.store, gazetteer, lexicons.indicators, plan, 2015)).rows.find((r) => r.target.data.canonical === 'gdp')!;
      expect(gdp.assessment.status).toBe('achieved');
      expect(gdp.figures.find((f) => f.year === 2015)).toMatchObject({ origin: 'manual', source: '省统计局快报' });
    });

    it('keeps the 湛茂 plan’s task ledger: updates by the task’s units, overdue and no-update flags', async () => {
      const plan = await ref('湛茂');
      const ledger = await getTaskLedger(t.store, plan, '2025-08-01');
      const traffic = ledger.find((x) => x.task.startsWith('构建互联互通综合交通运输体系'))!;
      expect(traffic.lead).toContain('省交通运输厅');
      expect(traffic.flags.noUpdate).toBe(true);
      await expect(reportTaskProgress(t.store, { planId: plan.id, taskKey: traffic.key, unit: '省教育厅', period: '2025H2', status: 'in-progress' })).rejects.toMatchObject({ field: 'unit' });
      await expect(reportTaskProgress(t.store, { planId: plan.id, taskKey: traffic.key, unit: '省交通运输厅', period: '2025年', status: 'in-progress' })).rejects.toMatchObject({ field: 'period' });
      await expect(reportTaskProgress(t.store, { planId: plan.id, taskKey: 'nope', unit: '省交通运输厅', period: '2025H2', status: 'in-progress' })).rejects.toMatchObject({ field: 'taskKey' });
      await reportTaskProgress(t.store, {
        planId: plan.id,
        taskKey: traffic.key,
        unit: '省交通运输厅',
        period: '2025H2',
        status: 'in-progress',
        percent: 40,
        text: '湛江至茂名城际铁路前期工作推进中',
        attachment: { fileName: '进展.txt', bytes: new TextEncoder().encode('附件') },
      });
      const after = (await getTaskLedger(t.store, plan, '2025-08-01')).find((x) => x.key === traffic.key)!;
      expect(after.flags.noUpdate).toBe(false);
      expect(after.updates.map((u) => [u.unit, u.percent, u.attachmentFileId != null])).toEqual([['省交通运输厅', 40, true]]);
      expect((await getTaskLedger(t.store, plan, '2026-02-01')).find((x) => x.key === traffic.key)!.flags.noUpdate).toBe(true); // a new period
    });

    it('judges a report’s tasks at the end of the year asked (or the day it is made, if earlier), not on the server’s date', async () => {
      const plan = await ref('湛茂');
      const key = (await getTaskLedger(t.store, plan, '2025-08-01')).find((x) => x.task.startsWith('构建互联互通综合交通运输体系'))!.key;
      const made = new Date('2026-03-01T00:00:00Z');
      const at2025 = await getReportInput(t.store, gazetteer, lexicons, plan, 2025, made);
      expect(at2025.tasksAsOf).toBe('2025-12-31');
      const traffic = (i: typeof at2025) => i.tasks!.find((x) => x.task.startsWith('构建互联互通综合交通运输体系'))!;
      expect(traffic(at2025).noUpdate).toBe(false); // the 2025H2 report counts at 2025-12-31
      expect(traffic(await getReportInput(t.store, gazetteer, lexicons, plan, 2024, made))).toMatchObject({ noUpdate: true, status: null }); // not yet reported in 2024
      expect((await getReportInput(t.store, gazetteer, lexicons, plan, 2030, made)).tasksAsOf).toBe('2026-03-01'); // a later year: the day the report is made
      const now = await getReportInput(t.store, gazetteer, lexicons, plan, undefined, made);
      expect(now.tasksAsOf).toBe('2026-03-01');
      expect(traffic(now).noUpdate).toBe(true); // 2026H1: a new period with no report
      expect((await getTaskLedger(t.store, plan, '2026-03-01')).find((x) => x.key === key)!.flags.noUpdate).toBe(true);
      const blocks = layoutReport(buildReportModel(at2025));
      expect(JSON.stringify(blocks)).toContain('重点任务推进情况（截至2025年12月31日）');
    });
  });
}

describe('the day tasks are judged on', () => {
  const today = new Date('2026-12-07T10:00:00Z');
  it('is the end of the year asked, or today if that is earlier, or today', () => {
    expect(taskDay(2015, today)).toBe('2015-12-31');
    expect(taskDay(2026, today)).toBe('2026-12-07');
    expect(taskDay(2030, today)).toBe('2026-12-07');
    expect(taskDay(undefined, today)).toBe('2026-12-07');
  });
});
