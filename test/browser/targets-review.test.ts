// The targets table (sort, filters in the URL, Excel/CSV downloads) and the review queue driven by
// the keyboard (correct with E … Enter, accept with A), with a correction surviving a changed
// version of the plan, in Chromium against the real app.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { hasChromium, launch, pageOverflowsX, shot, startApp, type AppUnderTest } from './harness';

const yuexiFile = '000_dde77a566d45a381.txt';
const yuexi = '000_dde77a566d45a381';
const xijiang = '002_cf5822304d6f3ba0';

interface Row {
  key: string;
  indicator: string;
  year: number | null;
  value: number | string | null;
  unit: string | null;
  quote: string;
  status: string;
}

describe.skipIf(!hasChromium)('targets and review in the browser', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const api = async <T,>(p: string): Promise<T> => {
    const r = await fetch(app.url + p);
    expect(r.status, p).toBe(200);
    return (await r.json()) as T;
  };
  const newPage = async (width = 1280, height = 860): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return page;
  };
  const rowKeys = (page: Page) => page.$$eval('[data-testid="target-row"]', (rs) => rs.map((r) => r.getAttribute('data-key')!));
  /** Waits until the element with this test id has the attribute value (the page updates after the server answers). */
  const attrIs = (page: Page, testid: string, attr: string, value: string) =>
    expect.poll(() => page.locator(`[data-testid="${testid}"]`).first().getAttribute(attr), { timeout: 30_000 }).toBe(value); // not waitForFunction: its string predicates are polled with eval, which the CSP forbids
  const texts = (page: Page, sel: string) => page.$$eval(sel, (els) => els.map((e) => (e.textContent ?? '').trim()));

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the targets table, sorts by clicking headers, keeps filters in the URL, and downloads Excel and CSV', async () => {
    const api0 = await api<{ targets: Row[] }>(`/api/plans/${yuexi}/targets`);
    const page = await newPage();
    await page.goto(`${app.url}/plans/${yuexi}/targets`);
    await page.waitForSelector('[data-testid="target-row"]');
    const before = await rowKeys(page);
    expect(before).toEqual(api0.targets.map((r) => r.key));
    expect(await page.textContent('h1')).toContain('粤西');
    const values = await texts(page, '[data-testid="target-value"]');
    expect(values).toContain('6340亿元');
    expect(values.some((v) => v.startsWith('≥') && v.endsWith('%'))).toBe(true);
    expect(await page.getAttribute('[data-testid="target-row"] a', 'href')).toBe(`/plans/${yuexi}?f=${before[0]}`);

    // 粤西's targets are all for 2015; sorting by 数值 reorders them, by 年份 is tried on 珠江—西江 below.
    await page.click('[data-testid="sort-value"]');
    await page.waitForURL(/sort=value/);
    const byValue = await rowKeys(page);
    expect(byValue).not.toEqual(before);
    expect(byValue.slice().sort()).toEqual(before.slice().sort());

    // filters live in the URL and in the export links
    await page.selectOption('[data-testid="targets-measure"]', 'growth');
    await page.waitForURL(/measure=growth/);
    const growth = await rowKeys(page);
    expect(growth.length).toBeGreaterThan(0);
    expect(growth.length).toBeLessThan(before.length);
    const xlsxHref = (await page.getAttribute('[data-testid="export-xlsx"]', 'href'))!;
    expect(xlsxHref).toContain('measure=growth');
    expect(xlsxHref).toContain('sort=value');
    const x = await fetch(app.url + xlsxHref);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    expect((await x.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    expect(download.suggestedFilename()).toMatch(/目标指标\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trimEnd().split('\r\n').length - 1).toBe(growth.length);
    await page.close();

    const p2 = await newPage();
    await p2.goto(`${app.url}/plans/${xijiang}/targets`);
    await p2.waitForSelector('[data-testid="target-row"]');
    const unsorted = await rowKeys(p2);
    await p2.click('[data-testid="sort-year"]');
    await p2.waitForURL(/sort=year&dir=asc/);
    const asc = await texts(p2, '[data-testid="target-year"]');
    expect(await rowKeys(p2)).not.toEqual(unsorted);
    const years = asc.filter(Boolean).map((y) => parseInt(y, 10));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(new Set(years).size).toBeGreaterThan(1);
    await p2.click('[data-testid="sort-year"]');
    await p2.waitForURL(/dir=desc/);
    const desc = (await texts(p2, '[data-testid="target-year"]')).filter(Boolean).map((y) => parseInt(y, 10));
    expect(desc).toEqual([...years].sort((a, b) => b - a));
    await p2.close();
  });

  it('shows the rule with its measured precision and the year evidence beside the sentence; the evidence opens the reader at it', async () => {
    const rows = (await api<{ targets: Row[] }>(`/api/plans/${yuexi}/targets`)).targets;
    const gdp = rows.find((r) => r.quote.includes('粤西地区生产总值达到6340亿元') && r.unit === '亿元')!;
    const page = await newPage();
    await page.goto(`${app.url}/review?plan=${yuexi}&kind=target&f=${gdp.key}`);
    await page.waitForSelector(`[data-testid="review-current"][data-key="${gdp.key}"]`);
    expect(await page.textContent('[data-testid="finding-rule"]')).toMatch(/^规则 指标句 clause\.standard · 实测精确率 \d+%（基于 \d+ 条）$/);
    expect(await page.textContent('[data-testid="review-evidence"]')).toBe('2015年'); // the year, marked in the sentence
    expect(await page.textContent('[data-testid="finding-evidence"]')).toBe('年份依据 「2015年」');
    await page.click('[data-testid="evidence-link"]');
    await page.waitForSelector('[data-testid="reader"]');
    expect(new URL(page.url()).searchParams.get('f')).toBe(gdp.key);
    await expect.poll(() => page.getByTestId('evidence-mark').innerText()).toBe('2015年');
    expect(await page.getByTestId('finding-panel').getAttribute('data-key')).toBe(gdp.key);

    // English
    await page.goto(`${app.url}/review?plan=${yuexi}&kind=target&f=${gdp.key}&lang=en`);
    await page.waitForSelector(`[data-testid="review-current"][data-key="${gdp.key}"]`);
    expect(await page.textContent('[data-testid="finding-rule"]')).toMatch(/^Rule Indicator clause clause\.standard · measured precision \d+% \(on \d+ findings\)$/);
    expect(await page.textContent('[data-testid="finding-evidence"]')).toBe('Year read from 「2015年」');
    await page.close();
  });

  it('corrects a target with the keyboard; the correction survives a changed version; A accepts and the stats move', async () => {
    const rows = (await api<{ targets: Row[] }>(`/api/plans/${yuexi}/targets`)).targets;
    const gdp = rows.find((r) => r.quote.includes('粤西地区生产总值达到6340亿元') && r.unit === '亿元')!;
    expect(gdp.value).toBe(6340);
    const page = await newPage();
    await page.goto(`${app.url}/review?plan=${yuexi}&kind=target&f=${gdp.key}`);
    await page.waitForSelector(`[data-testid="review-current"][data-key="${gdp.key}"]`);
    expect(await page.textContent('[data-testid="review-sentence"] mark')).toContain('6340亿元');
    expect(await page.textContent('[data-testid="review-shortcuts"]')).toContain('快捷键');
    const reviewed0 = Number(await page.getAttribute('[data-testid="review-reviewed"]', 'data-reviewed'));
    expect(reviewed0).toBe(0);
    expect(await page.textContent('[data-testid="review-precision"]')).toContain('尚无审核结果');

    // a bad value is refused by the server, and the message sits next to the field
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid="review-editor"]');
    await page.fill('[data-testid="field-baselineYear"]', '去年');
    await page.press('[data-testid="field-baselineYear"]', 'Enter');
    await page.waitForSelector('[data-testid="field-error-baselineYear"]');
    expect(await page.textContent('[data-testid="field-error-baselineYear"]')).toContain('baselineYear');
    await page.fill('[data-testid="field-baselineYear"]', '');
    await page.fill('[data-testid="field-value"]', '7000');
    await page.press('[data-testid="field-value"]', 'Enter');
    const item = `[data-testid="review-item"][data-key="${gdp.key}"]`;
    await page.waitForSelector(`${item}[data-status="corrected"]`);
    expect(await page.textContent(`${item} [data-testid="review-item-status"]`)).toBe('已更正');
    await page.waitForURL((u) => u.searchParams.get('f') !== gdp.key); // moved on to the next pending item
    await attrIs(page, 'review-reviewed', 'data-reviewed', '1');

    // a changed file of the same plan (a paragraph appended), ingested in-process under the same name
    const original = fs.readFileSync(path.resolve('data/plans', yuexiFile), 'utf8');
    const v2 = await ingestPlan(app.running.store, {
      bytes: new TextEncoder().encode(original + '\n\n（本规划纲要根据中期评估作了修订，增补本段。）\n'),
      fileName: yuexiFile,
    });
    expect(v2.status).toBe('new-version');

    await page.goto(`${app.url}/review?plan=${yuexi}&kind=target&status=corrected`);
    await page.waitForSelector(`[data-testid="review-current"][data-key="${gdp.key}"][data-status="corrected"]`);
    expect(await page.textContent('[data-testid="review-field-value"]')).toContain('7000');
    expect(await page.textContent('[data-testid="review-field-value"]')).toContain('6340'); // what was extracted, struck through
    expect(await page.textContent('[data-testid="review-target-value"]')).toContain('7000亿元');

    await page.goto(`${app.url}/plans/${yuexi}/targets?status=corrected`);
    await page.waitForSelector('[data-testid="target-row"]');
    expect(await rowKeys(page)).toEqual([gdp.key]);
    expect(await page.textContent('[data-testid="target-value"]')).toMatch(/^7000亿元/);

    // accept one with A: the reviewed count and the precision change
    await page.goto(`${app.url}/review?plan=${yuexi}&kind=target`);
    await page.waitForSelector('[data-testid="review-current"][data-status="pending"]');
    await attrIs(page, 'review-reviewed', 'data-reviewed', '1');
    expect(await page.getAttribute('[data-testid="review-precision"]', 'data-precision')).toBe('0');
    const accepted = await page.getAttribute('[data-testid="review-current"]', 'data-key');
    await page.keyboard.press('a');
    await page.waitForSelector(`[data-testid="review-item"][data-key="${accepted}"][data-status="accepted"]`);
    await attrIs(page, 'review-reviewed', 'data-reviewed', '2');
    await attrIs(page, 'review-precision', 'data-precision', '0.5');
    expect(await page.textContent('[data-testid="review-reviewed"]')).toMatch(/^已审核 2 \/ 共 \d+$/);
    expect(await page.textContent('[data-testid="review-precision"]')).toContain('50%');
    const stats = await api<{ accepted: number; corrected: number; precision: number }>(`/api/review/stats?plan=${yuexi}`);
    expect(stats).toMatchObject({ accepted: 1, corrected: 1, precision: 0.5 });

    // J moves down the list and puts the item in the URL
    const cur = await page.getAttribute('[data-testid="review-current"]', 'data-key');
    await page.keyboard.press('j');
    await page.waitForURL((u) => !!u.searchParams.get('f') && u.searchParams.get('f') !== cur);
    await shot(page, 'review');

    // N adds a missed target: a quote not in the text is refused next to the quote field, then the right one is added
    await page.keyboard.press('n');
    await page.waitForSelector('[data-testid="review-add-form"]');
    expect(await page.getAttribute('[data-testid="add-plan"]', 'data-value')).toBe(yuexi);
    await page.fill('[data-testid="add-quote"]', '不在文中的句子');
    await page.fill('[data-testid="field-indicator"]', '县域经济活力');
    await page.press('[data-testid="field-indicator"]', 'Enter');
    await page.waitForSelector('[data-testid="field-error-quote"]');
    await page.fill('[data-testid="add-quote"]', '县域经济焕发生机与活力');
    await page.fill('[data-testid="field-year"]', '2015');
    await page.press('[data-testid="add-quote"]', 'Enter');
    await page.waitForSelector('[data-testid="review-current"][data-status="added"]');
    expect(await page.textContent('[data-testid="review-sentence"] mark')).toBe('县域经济焕发生机与活力');
    expect(await page.textContent('[data-testid="review-field-indicator"]')).toBe('县域经济活力');
    expect((await api<{ added: number }>(`/api/review/stats?plan=${yuexi}`)).added).toBe(1);

    // the addition can be corrected (E) and withdrawn (R) like any finding
    const addedKey = (await page.getAttribute('[data-testid="review-current"]', 'data-key'))!;
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid="review-editor"]');
    await page.fill('[data-testid="field-year"]', '2020');
    await page.press('[data-testid="field-year"]', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('f') !== addedKey); // saved, moved on
    await page.goto(`${app.url}/review?plan=${yuexi}&kind=target&f=${addedKey}`);
    await page.waitForSelector(`[data-testid="review-current"][data-key="${addedKey}"][data-status="added"]`);
    expect(await page.textContent('[data-testid="review-field-year"]')).toContain('2020');
    expect(await page.textContent('[data-testid="review-field-indicator"]')).toBe('县域经济活力');
    await page.keyboard.press('r');
    await page.waitForSelector('[data-testid="review-flash"]');
    await expect.poll(() => page.textContent('[data-testid="review-flash"]')).toContain('已撤销补录');
    await page.waitForSelector(`[data-testid="review-item"][data-key="${addedKey}"]`, { state: 'detached' });
    expect((await api<{ added: number; orphans: number }>(`/api/review/stats?plan=${yuexi}`))).toMatchObject({ added: 0, orphans: 0 });
    await page.close();
  });

  it('shows decisions whose sentence changed in a new version as kept for re-checking', async () => {
    const original = fs.readFileSync(path.resolve('data/plans', yuexiFile), 'utf8');
    const v3 = await ingestPlan(app.running.store, { bytes: new TextEncoder().encode(original.replaceAll('6340亿元', '6500亿元')), fileName: yuexiFile });
    expect(v3.status).toBe('new-version');
    const page = await newPage();
    await page.goto(`${app.url}/review?plan=${yuexi}`);
    const box = page.getByTestId('review-orphans');
    await box.waitFor();
    expect(await box.locator('summary').innerText()).toMatch(/^\d+ 条审核决定已对不上提取结果/);
    await box.locator('summary').click();
    const lost = page.getByTestId('review-orphan').filter({ hasText: '6340亿元' });
    await expect.poll(() => lost.count()).toBe(1);
    expect(await lost.innerText()).toContain('更正');
    expect(await lost.innerText()).toContain('7000'); // the corrected value, kept
    await shot(page, 'review-orphans');
    await lost.getByRole('link').click();
    await page.waitForURL(/\/search\?/);
    expect(new URL(page.url()).searchParams.get('plan')).toBe(yuexi);
    await page.close();
  });

  it('fits a 390 px phone without sideways page scrolling', async () => {
    const page = await newPage(390, 844);
    await page.goto(`${app.url}/plans/${yuexi}/targets`);
    await page.waitForSelector('[data-testid="target-row"]');
    expect(await pageOverflowsX(page)).toBe(false);
    await page.goto(`${app.url}/review?plan=${yuexi}&kind=target`);
    await page.waitForSelector('[data-testid="review-current"]');
    expect(await pageOverflowsX(page)).toBe(false);
    await shot(page, 'review-390');
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid="review-editor"]');
    expect(await pageOverflowsX(page)).toBe(false);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="review-editor"]', { state: 'detached' });
    await page.close();

    const wide = await newPage();
    await wide.goto(`${app.url}/plans/${yuexi}/targets?sort=confidence`);
    await wide.waitForSelector('[data-testid="target-row"]');
    await shot(wide, 'targets');
    await wide.close();
  });
});
