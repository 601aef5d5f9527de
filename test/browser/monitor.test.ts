// 监测 in the browser: the plan dashboard (红黄绿 counts, the GDP target lagging at 2015 with its
// explanation, English labels, report links), a figure typed into the 实际值 form changing the
// dashboard, a CSV import refused for one bad row then imported with that row skipped, and undone,
// a task progress report clearing the 本期未报送 flag, and the department page listing it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launch, pageOverflowsX, shot, startApp, type AppUnderTest } from './harness';
import { glyphsCoverChinese, hasPoppler, pagesToPng, run } from '../../src/report/testing/pdf-check';

const yuexi = '000_dde77a566d45a381';

interface MonitorRow {
  key: string;
  canonical: string | null;
  status: string;
  binding: string | null;
  explanation: string;
  explanationEn: string;
  figures: Array<{ year: number; value: number; origin: string; source: string }>;
}
interface Monitor {
  summary: string;
  counts: Record<string, number>;
  rows: MonitorRow[];
}
interface Task {
  key: string;
  lead: string[];
  support: string[];
  updates: Array<{ id: number; unit: string; period: string; percent: number | null; text: string; attachmentFileId: number | null }>;
  flags: { overdue: boolean; noUpdate: boolean; current: { key: string } };
}

describe.skipIf(!hasChromium)('监测 in the browser', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const api = async <T,>(p: string): Promise<T> => {
    const r = await fetch(app.url + p);
    expect(r.status, p).toBe(200);
    return (await r.json()) as T;
  };
  const newPage = async (width = 1280, height = 900): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return page;
  };
  const gdpRow = (page: Page) => page.locator('[data-testid="monitor-row"][data-canonical="gdp"]');
  const tileCount = (page: Page, status: string) => page.getAttribute(`[data-testid="status-tile"][data-status="${status}"]`, 'data-count');

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the dashboard: the summary, 红黄绿 counts, the lagging GDP target first with its explanation and sources; the year and language switch', async () => {
    const m = await api<Monitor>(`/api/plans/${yuexi}/monitor?asOf=2015`);
    const gdp = m.rows.find((r) => r.canonical === 'gdp')!;
    expect(gdp.status).toBe('lagging');
    const page = await newPage();
    await page.goto(`${app.url}/plans/${yuexi}/monitor?asOf=2015`);
    await page.waitForSelector('[data-testid="monitor-row"]');
    expect(await page.textContent('h1')).toContain('粤西');
    expect(await page.textContent('[data-testid="monitor-summary"]')).toBe(m.summary);
    expect(m.summary).toMatch(/^截至2015年，\d+项目标中/);
    for (const [status, n] of Object.entries(m.counts)) expect(await tileCount(page, status), status).toBe(String(n));
    expect(await tileCount(page, 'lagging')).not.toBe('0');
    expect(await page.getAttribute('[data-testid="status-tile"][data-status="lagging"]', 'class')).toContain('tone-amber');
    expect(await page.getAttribute('[data-testid="status-tile"][data-status="severely-lagging"]', 'class')).toContain('tone-red');
    expect(await page.getAttribute('[data-testid="status-tile"][data-status="achieved"]', 'class')).toContain('tone-green');
    expect(await page.getAttribute('[data-testid="status-tile"][data-status="no-data"]', 'class')).toContain('tone-grey');

    // lagging targets first, then the rest; every target listed once
    const statuses = await page.$$eval('[data-testid="monitor-row"]', (rs) => rs.map((r) => r.getAttribute('data-status')!));
    expect(statuses.length).toBe(m.rows.length);
    const firstOther = statuses.findIndex((s) => s !== 'lagging' && s !== 'severely-lagging');
    expect(statuses.slice(0, firstOther).length).toBe((m.counts.lagging ?? 0) + (m.counts['severely-lagging'] ?? 0));
    expect(statuses.slice(firstOther)).not.toContain('lagging');

    expect(await gdpRow(page).getAttribute('data-status')).toBe('lagging');
    expect(await gdpRow(page).getByTestId('monitor-status').innerText()).toBe('滞后');
    const explanation = await gdpRow(page).getByTestId('monitor-explanation').innerText();
    expect(explanation).toBe(gdp.explanation);
    expect(explanation).toContain('6340亿元');
    expect(await gdpRow(page).getByTestId('sparkline').count()).toBe(1);
    // the sources of its figures: computed from the three prefectures, and the plan's own text for 2010
    await gdpRow(page).locator('[data-testid="monitor-sources"] summary').click();
    const origins = await gdpRow(page).getByTestId('monitor-source').evaluateAll((els) => els.map((e) => e.getAttribute('data-origin')));
    expect(origins).toEqual(expect.arrayContaining(['computed', 'document']));
    expect(await gdpRow(page).getByTestId('monitor-sources').innerText()).toContain('由下级单元计算');
    expect(await gdpRow(page).getByTestId('monitor-sources').innerText()).toContain('文件摘录');
    // the plan's own 2010 figure links to its passage in the reader
    expect(await gdpRow(page).locator('[data-testid="figure-passage"]').first().getAttribute('href')).toMatch(new RegExp(`^/plans/${yuexi}\\?f=`));

    // report downloads for the chosen year
    for (const f of ['docx', 'pdf', 'html', 'xlsx']) expect(await page.getAttribute(`[data-testid="report-${f}"]`, 'href')).toBe(`/api/plans/${yuexi}/report.${f}?asOf=2015`);

    // another year: the URL, the summary and the report links follow
    await page.selectOption('[data-testid="monitor-asof"]', '2013');
    await page.waitForURL(/asOf=2013/);
    await expect.poll(() => page.textContent('[data-testid="monitor-summary"]')).toMatch(/^截至2013年/);
    expect(await page.getAttribute('[data-testid="report-pdf"]', 'href')).toBe(`/api/plans/${yuexi}/report.pdf?asOf=2013`);

    // a tile filters the table
    await page.selectOption('[data-testid="monitor-asof"]', '2015');
    await page.waitForURL(/asOf=2015/);
    await page.click('[data-testid="status-tile"][data-status="lagging"]');
    await page.waitForURL(/status=lagging/);
    await expect.poll(() => page.locator('[data-testid="monitor-row"]').count()).toBe(m.counts.lagging);
    await shot(page, 'monitor');

    // English
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.locator('[data-testid="status-tile"][data-status="lagging"]').innerText()).toContain('Lagging');
    expect(await page.textContent('[data-testid="monitor-summary"]')).toMatch(/^As of 2015, of \d+ targets: .*lagging/);
    expect(await gdpRow(page).getByTestId('monitor-status').innerText()).toBe('Lagging');
    // the explanation in English, as the API gives it
    expect(gdp.explanationEn).toMatch(/^地区生产总值 was [\d.]+亿元 in 2015; .*: lagging$/);
    expect(await gdpRow(page).getByTestId('monitor-explanation').innerText()).toBe(gdp.explanationEn);
    expect(await page.textContent('[data-testid="monitor-table"] thead')).toContain('Explanation');
    expect(await page.textContent('[data-testid="report-docx"]')).toBe('Word');
    await page.close();
  });

  it.skipIf(!hasPoppler)('downloads the evaluation report in all four formats from the dashboard; the PDF’s pages render to PNG with Chinese text and no empty boxes', { timeout: 240_000 }, async () => {
    const page = await newPage();
    await page.goto(`${app.url}/plans/${yuexi}/monitor?asOf=2015`);
    await page.waitForSelector('[data-testid="report-pdf"]');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-report-dl-'));
    try {
      const saved: Record<string, string> = {};
      for (const f of ['html', 'xlsx', 'docx', 'pdf']) {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`[data-testid="report-${f}"]`)]);
        expect(download.suggestedFilename()).toBe(`粤西地区经济社会发展规划纲要（2011—2015年）-评估报告-2015.${f}`);
        saved[f] = path.join(dir, `report.${f}`);
        await download.saveAs(saved[f]);
      }
      expect(fs.readFileSync(saved.html, 'utf8')).toContain('地区生产总值');
      for (const f of ['xlsx', 'docx']) expect(fs.readFileSync(saved[f]).subarray(0, 2).toString('latin1')).toBe('PK');
      const pdf = saved.pdf;
      expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
      const pngs = pagesToPng(pdf, dir);
      expect(pngs).toHaveLength(pages);
      for (const png of pngs) expect(fs.readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
      const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, '');
      expect(text).toContain('地区生产总值');
      expect(text).toMatch(/截至2015年，\d+项目标中/);
      expect(glyphsCoverChinese(pdf).ok).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links the dashboard from the library card, the reader and the targets page; the indicator page charts GDP with the target', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/`);
    const card = page.locator(`[data-testid="card-monitor"][href="/plans/${yuexi}/monitor"]`);
    await card.waitFor();
    await card.click();
    await page.waitForSelector('[data-testid="monitor-row"]');
    await page.goto(`${app.url}/plans/${yuexi}`);
    expect(await page.locator('[data-testid="reader-monitor"]').getAttribute('href')).toBe(`/plans/${yuexi}/monitor`);
    await page.goto(`${app.url}/plans/${yuexi}/targets`);
    expect(await page.locator('[data-testid="targets-monitor"]').getAttribute('href')).toBe(`/plans/${yuexi}/monitor`);

    await page.goto(`${app.url}/plans/${yuexi}/monitor?asOf=2015`);
    await gdpRow(page).getByRole('link', { name: '地区生产总值', exact: true }).click();
    await page.waitForURL(/\/indicators\/gdp\?place=plan%3A/);
    await page.waitForSelector('[data-testid="indicator-target"]');
    expect(await page.textContent('[data-testid="indicator-name"]')).toContain('地区生产总值');
    expect(await page.getAttribute(`[data-testid="indicator-target"][data-plan="${yuexi}"]`, 'data-status')).toBe('lagging');
    await page.waitForSelector('[data-testid="indicator-chart"] canvas');
    expect(await page.locator('[data-testid="indicator-figure"]').count()).toBeGreaterThan(5);
    await page.goto(`${app.url}/indicators`);
    await page.fill('[data-testid="indicator-filter"]', 'GDP');
    await expect.poll(() => page.locator('[data-testid="indicator-item"][data-id="gdp"]').count()).toBe(1);
    await page.close();
  });

  it('records a figure through the form (a wrong field is shown at the field) and the dashboard changes', async () => {
    const before = await api<Monitor>(`/api/plans/${yuexi}/monitor?asOf=2015`);
    const page = await newPage();
    await page.goto(`${app.url}/observations`);
    await page.waitForSelector('[data-testid="obs-form"]');
    // required fields, checked before sending
    await page.click('[data-testid="obs-save"]');
    await page.waitForSelector('[data-testid="obs-error-source"]');
    expect(await page.textContent('[data-testid="obs-error-indicator"]')).toBe('必填');
    // an unknown indicator is refused by the server, at the indicator field
    await page.fill('[data-testid="obs-indicator"]', '不存在的指标');
    await page.fill('[data-testid="obs-place"]', `plan:${yuexi}`);
    await page.fill('[data-testid="obs-year"]', '2015');
    await page.fill('[data-testid="obs-value"]', '6500');
    await page.fill('[data-testid="obs-unit"]', '亿元');
    await page.fill('[data-testid="obs-caliber"]', '现价');
    await page.fill('[data-testid="obs-source"]', '2015年粤西三市统计公报（测试）');
    await page.click('[data-testid="obs-save"]');
    await page.waitForSelector('[data-testid="obs-error-indicator"]');
    expect(await page.textContent('[data-testid="obs-error-indicator"]')).toContain('unknown indicator');
    expect(await page.getAttribute('[data-testid="obs-indicator"]', 'aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid="obs-error-place"]').count()).toBe(0);
    // the datalist offers the lexicon's indicators
    expect(await page.locator('#obs-indicators option[value="地区生产总值"]').count()).toBe(1);
    await page.fill('[data-testid="obs-indicator"]', '地区生产总值');
    await page.click('[data-testid="obs-save"]');
    await page.waitForSelector('[data-testid="obs-saved"]');
    expect(await page.textContent('[data-testid="obs-saved"]')).toContain('6500亿元');
    await page.close();

    const after = await api<Monitor>(`/api/plans/${yuexi}/monitor?asOf=2015`);
    const gdp = after.rows.find((r) => r.canonical === 'gdp')!;
    expect(gdp.status).toBe('achieved');
    const dash = await newPage();
    await dash.goto(`${app.url}/plans/${yuexi}/monitor?asOf=2015`);
    await dash.waitForSelector('[data-testid="monitor-row"]');
    expect(await gdpRow(dash).getAttribute('data-status')).toBe('achieved');
    expect(await gdpRow(dash).getByTestId('monitor-status').innerText()).toBe('已实现');
    expect(await gdpRow(dash).getByTestId('monitor-explanation').innerText()).toContain('6500亿元');
    expect(await gdpRow(dash).getByTestId('monitor-latest').innerText()).toContain('6500亿元');
    expect(await tileCount(dash, 'achieved')).toBe(String((before.counts.achieved ?? 0) + 1));
    expect(await tileCount(dash, 'lagging')).toBe(String((before.counts.lagging ?? 0) - 1));
    await gdpRow(dash).locator('[data-testid="monitor-sources"] summary').click();
    const manual = gdpRow(dash).locator('[data-testid="monitor-source"][data-origin="manual"]');
    expect(await manual.innerText()).toContain('人工录入');
    expect(await manual.innerText()).toContain('2015年粤西三市统计公报（测试）');
    expect(await manual.innerText()).toContain('口径：现价');
    await dash.close();
  });

  it('imports a CSV: one bad row shows its line, column and reason and nothing is stored; skipped, the rest imports; undo removes it', async () => {
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-monitor-')), '湛江城镇化率.csv');
    fs.writeFileSync(csv, '\ufeff指标,地区,年份,数值,单位,口径,来源\r\n城镇化率,440800,2014,41.3,%,常住人口,湛江市统计年鉴2015（测试）\r\n城镇化率,不存在的地方,2014,45.1,%,常住人口,测试\r\n');
    const q = `/api/observations?indicator=urbanization&place=440800`;
    const has2014 = async () => (await api<{ observations: Array<{ year: number; value: number }> }>(q)).observations.some((o) => o.year === 2014);
    expect(await has2014()).toBe(false);
    const imports0 = (await api<{ imports: unknown[] }>('/api/observations/imports')).imports.length;

    const page = await newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.url}/observations`);
    await page.waitForSelector('[data-testid="import-form"]');
    await page.setInputFiles('[data-testid="import-file"]', csv);
    await page.waitForSelector('[data-testid="import-preview"]');
    const bad = page.locator('[data-testid="import-error-line"]');
    expect(await bad.count()).toBe(1);
    expect(await bad.getAttribute('data-line')).toBe('3');
    expect(await bad.innerText()).toContain('地区');
    expect(await bad.innerText()).toContain('不存在的地方');
    expect(await page.locator('[data-testid="import-row"]').count()).toBe(1);

    // importing without skipping is refused, and lists the row
    await page.click('[data-testid="import-run"]');
    await page.waitForSelector('[data-testid="import-error"]');
    expect(await page.textContent('[data-testid="import-error"]')).toContain('未导入任何数据');
    expect(await page.textContent('[data-testid="import-error-row"]')).toMatch(/行 3 · 地区: unknown place "不存在的地方"/);
    expect(await has2014()).toBe(false);
    expect((await api<{ imports: unknown[] }>('/api/observations/imports')).imports.length).toBe(imports0);

    // skip line 3: the good row is imported
    await page.check('[data-testid="import-skip"][data-line="3"]');
    await page.click('[data-testid="import-run"]');
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await page.textContent('[data-testid="import-done"]')).toMatch(/^已导入 1 行/);
    expect(await has2014()).toBe(true);
    const imports = (await api<{ imports: Array<{ id: number; skipped: number[] }> }>('/api/observations/imports')).imports;
    expect(imports.length).toBe(imports0 + 1);
    const newest = imports[0];
    expect(newest.skipped).toEqual([3]);
    const item = page.locator(`[data-testid="import-item"][data-id="${newest.id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('湛江城镇化率.csv');

    // the list, filtered by indicator and place, shows it
    await page.selectOption('[data-testid="obs-filter-indicator"]', 'urbanization');
    await page.fill('[data-testid="obs-filter-place"]', '440800');
    await page.press('[data-testid="obs-filter-place"]', 'Enter');
    await page.waitForURL(/indicator=urbanization.*place=440800|place=440800.*indicator=urbanization/);
    await expect.poll(() => page.locator('[data-testid="obs-row"][data-year="2014"]').count()).toBe(1);
    expect(await page.textContent('[data-testid="obs-row"][data-year="2014"] [data-testid="obs-value"]')).toBe('41.3%');
    await shot(page, 'observations');

    // undo
    await item.getByTestId('import-undo').click();
    await page.waitForSelector('[data-testid="undo-done"]');
    expect(await page.textContent('[data-testid="undo-done"]')).toContain('删除 1 个数值');
    await page.waitForSelector(`[data-testid="import-item"][data-id="${newest.id}"][data-undone="true"]`);
    expect(await has2014()).toBe(false);
    await expect.poll(() => page.locator('[data-testid="obs-row"][data-year="2014"]').count()).toBe(0);
    // the sample statistics' import is still in force
    expect(await page.getAttribute(`[data-testid="import-item"][data-id="${imports[imports.length - 1].id}"]`, 'data-undone')).toBe('false');
    await page.close();
  });

  it('posts a task progress report through the ledger form; its flag clears and the department page lists it', async () => {
    const ledger = await api<{ tasks: Task[] }>(`/api/plans/${yuexi}/tasks`);
    const task = ledger.tasks.find((t) => t.lead.includes('省发展改革委'))!;
    expect(task.flags.noUpdate).toBe(true);
    const dept0 = await api<{ noUpdate: number }>(`/api/departments/${encodeURIComponent('省发展改革委')}`);

    const page = await newPage();
    await page.goto(`${app.url}/plans/${yuexi}/tasks`);
    const row = page.locator(`[data-testid="task-row"][data-key="${task.key}"]`);
    await row.waitFor();
    expect(await row.getByTestId('flag-noupdate').innerText()).toBe('本期未报送');
    expect(await row.getByTestId('flag-reported').count()).toBe(0);
    await row.getByTestId('task-report').click();
    const form = page.locator(`[data-testid="task-form"][data-key="${task.key}"]`);
    await form.waitFor();
    expect(await form.getByTestId('task-period').inputValue()).toBe(task.flags.current.key);
    const units = await form.locator('[data-testid="task-unit"] option').allInnerTexts();
    expect(units).toEqual([...task.lead, ...task.support]);

    // a wrong period is refused at the field
    await form.getByTestId('task-period').fill('2025年');
    await form.getByTestId('task-text').fill('已完成年度跟踪分析报告初稿');
    await form.getByTestId('task-submit').click();
    await form.getByTestId('task-error-period').waitFor();
    expect(await form.getByTestId('task-error-period').innerText()).toContain('period');

    await form.getByTestId('task-period').fill(task.flags.current.key);
    await form.getByTestId('task-unit').selectOption('省发展改革委');
    await form.getByTestId('task-status').selectOption('in-progress');
    await form.getByTestId('task-percent').fill('40');
    await form.getByTestId('task-attachment').setInputFiles({ name: '跟踪分析报告.txt', mimeType: 'text/plain', buffer: Buffer.from('粤西规划实施跟踪分析（初稿）') });
    await form.getByTestId('task-submit').click();
    await page.waitForSelector('[data-testid="task-saved"]');
    await row.getByTestId('flag-reported').waitFor();
    expect(await row.getByTestId('flag-noupdate').count()).toBe(0);
    const latest = await row.getByTestId('task-latest').innerText();
    expect(latest).toContain('已完成年度跟踪分析报告初稿');
    expect(latest).toContain('40%');
    expect(latest).toContain('推进中');
    expect(latest).toContain(task.flags.current.key);
    const link = row.getByTestId('task-attachment-note');
    expect(await link.innerText()).toBe('下载附件');
    const href = (await link.getAttribute('href'))!;
    const fetched = await page.evaluate(async (u) => (await fetch(u)).text(), href);
    const stored = (await api<{ tasks: Task[] }>(`/api/plans/${yuexi}/tasks`)).tasks.find((t) => t.key === task.key)!;
    expect(stored.flags.noUpdate).toBe(false);
    expect(stored.updates).toHaveLength(1);
    expect(stored.updates[0]).toMatchObject({ unit: '省发展改革委', percent: 40, period: task.flags.current.key });
    expect(stored.updates[0].attachmentFileId).not.toBeNull();
    expect(href).toBe(`/api/plans/${yuexi}/tasks/updates/${stored.updates[0].id}/attachment`);
    expect(fetched).toBe('粤西规划实施跟踪分析（初稿）');

    // the matrix below names the units, each linking to its department page
    const matrixLink = page.locator('[data-testid="matrix-unit"]', { hasText: '省发展改革委' });
    expect(await matrixLink.getAttribute('href')).toBe(`/departments/${encodeURIComponent('省发展改革委')}`);
    expect(await page.getAttribute('[data-testid="matrix-xlsx"]', 'href')).toBe(`/api/plans/${yuexi}/matrix.xlsx`);
    expect(await page.locator(`[data-testid="matrix-row"][data-key="${task.key}"] .role-lead`).count()).toBe(1);
    await shot(page, 'tasks');

    // the unit's name in the ledger opens its department page
    await row.getByTestId('unit-link').filter({ hasText: '省发展改革委' }).click();
    await page.waitForURL(/\/departments\//);
    await page.waitForSelector('[data-testid="department-task"]');
    expect(await page.textContent('[data-testid="department-unit"]')).toBe('省发展改革委');
    const mine = page.locator(`[data-testid="department-task"][data-key="${task.key}"][data-plan="${yuexi}"]`);
    expect(await mine.getAttribute('data-role')).toBe('lead');
    expect(await mine.getByTestId('task-latest').innerText()).toContain('已完成年度跟踪分析报告初稿');
    expect(await mine.getByTestId('flag-reported').count()).toBe(1);
    expect(await page.getAttribute('[data-testid="department-noupdate"]', 'data-count')).toBe(String(dept0.noUpdate - 1));
    await shot(page, 'department');
    await page.close();
  });

  it('fits a 390 px phone without sideways page scrolling', async () => {
    const page = await newPage(390, 844);
    for (const [url, sel] of [
      [`/plans/${yuexi}/monitor?asOf=2015`, 'monitor-row'],
      [`/plans/${yuexi}/tasks`, 'task-row'],
      ['/observations', 'obs-form'],
      [`/departments/${encodeURIComponent('省发展改革委')}`, 'department-task'],
      [`/indicators/gdp?place=plan:${yuexi}`, 'indicator-target'],
    ]) {
      await page.goto(app.url + url);
      await page.waitForSelector(`[data-testid="${sel}"]`);
      expect(await pageOverflowsX(page), url).toBe(false);
    }
    await page.close();
  });
});
