// A new kind of finding is one file and one registry line. This test adds a throw-away kind
// (test/fixtures/kinds/milestone.ts, with its extractor) through the same registerKind the
// built-in kinds use, before anything else loads, and finds it everywhere a kind shows: in
// `planatlas extract --json` and `planatlas kinds`, in GET /api/kinds and the field specs, in the
// CSV / XLSX export of a kind's findings, and in the reader's legend and highlights in Chromium.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { registerKind } from '../src/core/kinds/index';
import { milestone } from './fixtures/kinds/milestone';

registerKind(milestone); // the one registry line

// Everything below is loaded after the kind is registered, as an app with the kind built in would be.
const { main } = await import('../src/cli/main');
const { ingestPlan } = await import('../src/commands/ingest-plan');
const { loadLexicons } = await import('../src/extract/lexicons');
const { loadGazetteer } = await import('../src/places/index');
const { buildApp } = await import('../src/server/app');
const { backends } = await import('./helpers/stores');
const { hasChromium, launch, startApp } = await import('./browser/harness');

const plan = path.resolve(__dirname, '../data/plans/000_dde77a566d45a381.txt');

/** Runs the CLI in this process (where the kind is registered) and returns what it printed. */
async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout };
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
}

const parseCsv = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

describe('a throw-away kind added in one file plus one registry line', () => {
  it('appears in planatlas extract --json with its evaluation shape, and in planatlas kinds', async () => {
    const r = await cli(['extract', plan, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { milestones: Array<{ year: number; phrase: string; quote: string }>; targets: unknown[] };
    expect(json.targets.length).toBeGreaterThan(10);
    expect(json.milestones.length).toBeGreaterThan(0);
    expect(json.milestones[0]).toMatchObject({ year: 2015, phrase: '到2015年', quote: '到2015年' });

    const kinds = JSON.parse((await cli(['kinds', '--json'])).stdout) as Array<{ name: string; zh: string; fields: Array<{ name: string; zh: string }> }>;
    expect(kinds.find((k) => k.name === 'milestone')).toEqual({
      name: 'milestone',
      plural: 'milestones',
      zh: '时间节点',
      en: 'Milestones',
      fields: [
        { name: 'year', zh: '节点年份', en: 'Milestone year' },
        { name: 'phrase', zh: '原文短语', en: 'Phrase' },
      ],
    });
  });

  for (const backend of backends) {
    describe(`API and exports on ${backend.name}`, () => {
      let t: Awaited<ReturnType<typeof backend.create>>;
      let app: Awaited<ReturnType<typeof buildApp>>;
      beforeAll(async () => {
        t = await backend.create();
        await ingestPlan(t.store, { bytes: fs.readFileSync(plan), fileName: path.basename(plan) });
        app = await buildApp({ store: t.store, gazetteer: loadGazetteer(), lexicons: loadLexicons(), maxFileBytes: 10 << 20, actor: 'test' }, { webDir: null });
      });
      afterAll(async () => {
        await app?.close();
        await t?.dispose();
      });
      const get = (url: string) => app.inject({ method: 'GET', url });

      it('lists the kind in GET /api/kinds and describes its fields in GET /api/finding-fields/milestone', async () => {
        const kinds = (await get('/api/kinds')).json() as Array<{ name: string; zh: string; colour: { fill: string } }>;
        expect(kinds.map((k) => k.name)).toContain('milestone');
        expect(kinds.find((k) => k.name === 'milestone')).toMatchObject({ zh: '时间节点', colour: { fill: '#a5f3fc', line: '#0891b2' }, shownByDefault: true });
        const r = await get('/api/finding-fields/milestone');
        expect(r.statusCode).toBe(200);
        expect(r.json()).toEqual({
          kind: 'milestone',
          fields: [
            { name: 'year', type: 'integer', nullable: false, required: true, zh: '节点年份', en: 'Milestone year' },
            { name: 'phrase', type: 'string', nullable: false, required: true, zh: '原文短语', en: 'Phrase' },
          ],
        });
      });

      it('stores its findings, lists them with their summary and exports them as CSV and XLSX with its labels as headers', async () => {
        const listed = (await get('/api/plans/000_dde77a566d45a381/findings?kind=milestone')).json().findings as Array<{ summary: string; data: { year: number } }>;
        expect(listed.length).toBeGreaterThan(0);
        expect(listed[0].summary).toBe(`${listed[0].data.year}年节点`);

        const csv = await get('/api/plans/000_dde77a566d45a381/findings.csv?kind=milestone');
        expect(csv.statusCode).toBe(200);
        expect(decodeURIComponent(String(csv.headers['content-disposition']).split("UTF-8''")[1])).toMatch(/时间节点\.csv$/);
        const rows = parseCsv(csv.body);
        expect(rows[0]).toEqual(['节点年份', '原文短语', '置信度', '审核状态', '原文']);
        expect(rows.length - 1).toBe(listed.length);
        expect(rows[1][1]).toMatch(/^到20\d\d年$/);

        const xlsx = await get('/api/plans/000_dde77a566d45a381/findings.xlsx?kind=milestone');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
        const ws = wb.worksheets[0];
        expect(ws.name).toBe('时间节点');
        expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['节点年份', '原文短语', '置信度', '审核状态', '原文']);
        expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
      });

      it('validates a person’s addition of the kind against its schema', async () => {
        const bad = await app.inject({ method: 'POST', url: '/api/plans/000_dde77a566d45a381/findings', payload: { kind: 'milestone', quote: '到2015年', occurrence: 1, fields: { year: 'soon' } } });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.field).toBe('year');
      });
    });
  }

  describe.skipIf(!hasChromium)('in the browser', () => {
    let running: Awaited<ReturnType<typeof startApp>>;
    let browser: Browser;
    beforeAll(async () => {
      running = await startApp(); // the sample plans are read with the kind registered
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await running?.close();
    });

    it('shows the kind in the reader’s legend with its label and count, and highlights its findings in its colour', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const plans = (await (await fetch(`${running.url}/api/plans`)).json()) as { plans: Array<{ slug: string; title: string; counts: Record<string, number> }> };
      const yuexi = plans.plans.find((p) => p.title.startsWith('粤西'))!;
      expect(yuexi.counts.milestone).toBeGreaterThan(0);
      await page.goto(`${running.url}/plans/${yuexi.slug}`);
      const toggle = page.getByTestId('kind-toggle-milestone');
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(true);
      const legend = page.locator('label.reader-kind', { has: toggle });
      expect(await legend.innerText()).toContain('时间节点');
      expect(await legend.innerText()).toContain(String(yuexi.counts.milestone));
      const mark = page.locator('mark.f-milestone').first();
      await mark.waitFor();
      expect(await mark.innerText()).toMatch(/^到20\d\d年$/);
      expect(await page.evaluate<string>("getComputedStyle(document.querySelector('mark.f-milestone')).backgroundColor")).toBe('rgb(165, 243, 252)');
      await mark.click();
      const panel = page.getByTestId('finding-panel');
      await panel.waitFor();
      expect(await panel.locator('[data-testid="finding-fields"] th').allInnerTexts()).toEqual(['节点年份', '原文短语']);
      await page.close();
    });
  });
});
