// Observations taken from other documents, on PGlite and PostgreSQL: a later report states the 粤西
// region's 2015 GDP and its three cities' 2014 GDP; the earlier 粤西 plan (2011–2015) is judged on
// them, each figure naming the document and passage it came from, as reviewed (a rejected fact is
// left out, a corrected one counts as corrected), and a person's figure still wins.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { decide } from '../../src/commands/curation';
import { recordObservation } from '../../src/commands/observations';
import { samplePlansDir } from '../../src/commands/samples';
import { loadLexicons } from '../../src/extract/lexicons';
import { loadGazetteer } from '../../src/places/index';
import { buildReportModel } from '../../src/report/model';
import { getEffectiveFindings } from '../../src/store/findings';
import { getIndicatorView, getPlanMonitor } from '../../src/store/monitor-views';
import { findPlan } from '../../src/store/queries';
import { getReportInput } from '../../src/store/report-input';
import { backends, type TestStore } from '../helpers/stores';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();

const TITLE = '粤西地区经济社会发展情况报告（2016年）';
const LATER = `${TITLE}

广东省发展和改革委员会
2016年3月

粤西地区包括湛江、茂名、阳江三个地级市。

一、发展回顾

2015年，粤西地区生产总值6180亿元。2014年，湛江市地区生产总值2258.99亿元，茂名市地区生产总值2349亿元，阳江市地区生产总值1202.6亿元。
`;

for (const backend of backends) {
  describe(`observations from other documents on ${backend.name}`, () => {
    let t: TestStore;
    let later = '';
    beforeAll(async () => {
      t = await backend.create();
      const f = path.join(samplePlansDir, '000_dde77a566d45a381.txt');
      await ingestPlan(t.store, { bytes: fs.readFileSync(f), fileName: path.basename(f) }, gazetteer, lexicons);
      later = (await ingestPlan(t.store, { bytes: new TextEncoder().encode(LATER), fileName: '粤西情况报告2016.txt' }, gazetteer, lexicons)).slug;
    });
    afterAll(async () => {
      await t?.dispose();
    });
    const ref = async (q: string) => {
      const p = await findPlan(t.store, q);
      return { id: p.id, slug: p.slug, title: p.title, currentVersionId: p.currentVersionId! };
    };

    it('judges the earlier plan on the later document’s figures, each naming its document and passage', async () => {
      const plan = await ref('000_dde77a566d45a381');
      const m = await getPlanMonitor(t.store, gazetteer, lexicons.indicators, plan, 2015);
      expect(m.otherDocumentFigures).toBe(4);
      const gdp = m.rows.find((r) => r.target.data.canonical === 'gdp')!;
      const y2015 = gdp.figures.find((f) => f.year === 2015)!;
      expect(y2015).toMatchObject({ origin: 'document', value: 6180, unit: '亿元' });
      expect(y2015.source).toContain(`《${TITLE}》`);
      expect(y2015.passage).toMatchObject({ plan: later, title: TITLE, version: 1 });
      expect(y2015.passage!.quote).toContain('6180亿元');
      expect(LATER.replace(/\r/g, '')).toContain(y2015.passage!.quote);
      // the region's 2014 figure is computed from the three cities' figures the report states
      const y2014 = gdp.figures.find((f) => f.year === 2014)!;
      expect(y2014).toMatchObject({ origin: 'computed' });
      expect(y2014.value).toBeCloseTo(2258.99 + 2349 + 1202.6, 6);
      expect(y2014.source).toContain(`《${TITLE}》`);
      // the plan's own base-year figure still comes from its own text
      expect(gdp.figures.find((f) => f.year === 2010)).toMatchObject({ origin: 'document', value: 3537, passage: { plan: plan.slug } });
      expect(gdp.assessment.latest).toEqual({ year: 2015, value: 6180 });
    });

    it('shows the document as the source in the report and on the indicator page', async () => {
      const plan = await ref('000_dde77a566d45a381');
      const model = buildReportModel(await getReportInput(t.store, gazetteer, lexicons, plan, 2015, new Date('2016-06-30T00:00:00Z')));
      expect(model.sources.some((s) => s.text.includes(`《${TITLE}》`) && s.text.includes('6180亿元') && s.text.includes('文件摘录'))).toBe(true);
      const v = await getIndicatorView(t.store, gazetteer, lexicons.indicators, 'gdp', '440800');
      expect(v.series.find((f) => f.year === 2014)).toMatchObject({ origin: 'document', value: 2258.99, passage: { plan: later } });
    });

    it('reads the document’s facts as reviewed: a rejected fact is left out, a corrected one gives its corrected value', async () => {
      const plan = await ref('000_dde77a566d45a381');
      const doc = await ref(later);
      const facts = (await getEffectiveFindings(t.store, doc.currentVersionId, 'fact')).findings;
      const region = facts.find((f) => (f.data as { value?: unknown }).value === 6180)!;
      const maoming = facts.find((f) => (f.data as { scopeCode?: unknown }).scopeCode === '440900')!;
      await decide(t.store, { target: { planId: doc.id, key: region.identity }, action: 'reject' });
      await decide(t.store, { target: { planId: doc.id, key: maoming.identity }, action: 'correct', fields: { value: 2350 } });
      const m = await getPlanMonitor(t.store, gazetteer, lexicons.indicators, plan, 2015);
      expect(m.otherDocumentFigures).toBe(3);
      const gdp = m.rows.find((r) => r.target.data.canonical === 'gdp')!;
      expect(gdp.figures.find((f) => f.year === 2015)).toBeUndefined();
      expect(gdp.figures.find((f) => f.year === 2014)!.value).toBeCloseTo(2258.99 + 2350 + 1202.6, 6);
    });

    it('a person’s figure for the same indicator, place and year wins over the document’s', async () => {
      const plan = await ref('000_dde77a566d45a381');
      await recordObservation(t.store, { indicator: 'gdp', place: `plan:${plan.slug}`, year: 2015, value: 6200, unit: '亿元', source: '省统计局快报' }, { gazetteer, lexicons });
      await recordObservation(t.store, { indicator: 'gdp', place: '440800', year: 2014, value: 2259, unit: '亿元', source: '湛江统计年鉴' }, { gazetteer, lexicons });
      const gdp = (await getPlanMonitor(t.store, gazetteer, lexicons.indicators, plan, 2015)).rows.find((r) => r.target.data.canonical === 'gdp')!;
      expect(gdp.figures.find((f) => f.year === 2015)).toMatchObject({ origin: 'manual', value: 6200, source: '省统计局快报', passage: null });
      expect(gdp.figures.find((f) => f.year === 2014)!.value).toBeCloseTo(2259 + 2350 + 1202.6, 6);
      const v = await getIndicatorView(t.store, gazetteer, lexicons.indicators, 'gdp', '440800');
      expect(v.series.find((f) => f.year === 2014)).toMatchObject({ origin: 'manual', value: 2259 });
    });
  });
}
