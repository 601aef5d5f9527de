// 检索 in Chromium against the real app: type a query, press Enter, hits from several plans with
// marked terms and finding chips; the URL carries the query; filters narrow; phone width fits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launch, pageOverflowsX, shot, startApp, type AppUnderTest } from './harness';

describe.skipIf(!hasChromium)('search page in the browser', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const errors: string[] = [];

  const newPage = async (width = 1280, height = 800): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('types 城镇化率, presses Enter and shows marked hits from at least two plans', async () => {
    const page = await newPage();
    await page.goto(app.url + '/search');
    const input = page.getByTestId('search-input');
    await input.fill('城镇化率');
    await input.press('Enter');
    await page.getByTestId('search-hit').first().waitFor();

    expect(new URL(page.url()).searchParams.get('q')).toBe('城镇化率');
    const plans = await page.getByTestId('search-hit-plan').allTextContents();
    expect(new Set(plans).size).toBeGreaterThanOrEqual(2);
    const marks = await page.locator('[data-testid="search-hit"] mark.hit').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(plans.length);
    expect(marks.every((m) => m === '城镇化率')).toBe(true);
    const count = await page.getByTestId('search-count').textContent();
    expect(count).toContain(`${plans.length}`);
    // findings inside the passages link to the reader with ?f=KEY
    const chip = page.locator('.search-chip').first();
    expect(await chip.getAttribute('href')).toMatch(/^\/plans\/[^/?]+\?f=[0-9a-f]{20}/);
    expect(await chip.getAttribute('class')).toMatch(/\bf-(target|fact|place|structure|project|duty|reference)\b/);
    await shot(page, 'search');

    // a table passage holds many findings: a few chips first, the rest on request
    const hits = page.getByTestId('search-hit');
    const withMore = await hits.evaluateAll((els) => els.findIndex((el) => !!el.querySelector('.search-chip-more')));
    expect(withMore).toBeGreaterThanOrEqual(0); // the 珠江—西江 indicator table (专栏1) is one passage
    const hit = hits.nth(withMore);
    const before = await hit.locator('.search-chip').count();
    expect(before).toBe(8);
    const more = Number((await hit.locator('.search-chip-more').textContent())!.match(/\d+/)![0]);
    await hit.locator('.search-chip-more').click();
    // the rest comes from /api/search/findings: every finding of the passage, and no button left
    await expect.poll(() => hit.locator('.search-chip').count(), { timeout: 30_000 }).toBe(before + more);
    expect(await hit.locator('.search-chip-more').count()).toBe(0);

    // The URL is linkable: loading it again gives the same hits; a filter narrows them.
    const again = await newPage();
    await again.goto(page.url());
    await again.getByTestId('search-hit').first().waitFor();
    expect(await again.getByTestId('search-hit-plan').allTextContents()).toEqual(plans);
    await again.close();

    await page.getByTestId('search-plan-input').click();
    await page.locator('[data-testid="search-plan-list"] [role="option"]').first().click();
    // waited for from here, not with a string predicate: the page polls those with eval, which the app's CSP forbids
    await page.waitForURL((u) => u.searchParams.has('plan'));
    await expect
      .poll(async () => (await page.getByTestId('search-hit').count()) < plans.length || (await page.locator('.search-results .status').count()) > 0, { timeout: 30_000 })
      .toBe(true);
    const narrowed = await page.getByTestId('search-hit-plan').allTextContents();
    expect(new Set(narrowed).size).toBeLessThanOrEqual(1);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const page = await newPage(390, 844);
    await page.goto(app.url + '/search?q=' + encodeURIComponent('湛茂都市圈 港口'));
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.locator('mark.hit').count()).toBeGreaterThan(0);
    expect(await pageOverflowsX(page)).toBe(false);
    await shot(page, 'search-390');
    await page.close();
    expect(errors).toEqual([]);
  });
});
