// The map (ECharts canvas of Guangdong, Guangxi and Hainan) and a place page in Chromium against the
// real app: clicking 湛江市 on the canvas leads to /places/440800, which shows its plans and roles;
// the indicator colouring and a plan's structure overlay; no sideways scrolling at 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launch, pageOverflowsX, shot, startApp, type AppUnderTest } from './harness';

const ZHANJIANG = '440800';

describe.skipIf(!hasChromium)('map and place pages', () => {
  let app: AppUnderTest;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openMap(page: Page, query = '') {
    await page.goto(`${app.url}/map${query}`);
    await page.waitForSelector('[data-testid="map-chart"] canvas');
    await page.waitForSelector('[data-testid="map-units"] tbody tr');
    // the chart has drawn the units: the test hook answers with a pixel inside the chart
    // polled from here: a string predicate of waitForFunction is polled with eval, which the app's CSP forbids
    await expect.poll(() => page.evaluate(`!!window.__planatlasMap && !!window.__planatlasMap.pixelOf('${ZHANJIANG}')`), { timeout: 30_000 }).toBe(true);
  }

  /**
   * Where a unit's label point is on the page, from the chart itself, once the canvas shows the
   * latest size and options and the point stays put (the page may still be laying out on a slow machine).
   */
  async function pointOf(page: Page, code: string): Promise<{ x: number; y: number }> {
    let last = '';
    for (let i = 0; i < 40; i++) {
      await expect.poll(() => page.evaluate('window.__planatlasMap.settled'), { timeout: 30_000 }).toBe(true);
      const px = (await page.evaluate(`window.__planatlasMap.pixelOf('${code}')`)) as [number, number];
      const box = (await page.locator('[data-testid="map-chart"]').boundingBox())!;
      expect(px[0]).toBeGreaterThan(0);
      expect(px[0]).toBeLessThan(box.width);
      expect(px[1]).toBeGreaterThan(0);
      expect(px[1]).toBeLessThan(box.height);
      const at = { x: box.x + px[0], y: box.y + px[1] };
      if (JSON.stringify(at) === last) return at;
      last = JSON.stringify(at);
      await page.waitForTimeout(200);
    }
    throw new Error(`the map did not settle: ${code} kept moving`);
  }

  it('clicking 湛江市 on the map opens its place page with its plans and roles', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openMap(page);
    const units = await (await page.request.get(`${app.url}/api/map/units?color=plans`)).json();
    const zj = units.units.find((u: { code: string }) => u.code === ZHANJIANG);
    expect(zj.plans.length).toBeGreaterThanOrEqual(2);
    // the unit list under the map agrees with the API
    const row = page.locator(`[data-testid="map-units"] tr[data-code="${ZHANJIANG}"]`);
    await expect.poll(() => row.locator('td.num').textContent()).toBe(String(zj.value));
    await expect.poll(() => page.getByTestId('map-schematic').textContent()).toContain('示意图');
    await shot(page, 'map');

    const { x, y } = await pointOf(page, ZHANJIANG);
    await page.mouse.click(x, y);
    await page.waitForURL(`**/places/${ZHANJIANG}`);
    await page.waitForSelector('[data-testid="place-plans"]');
    expect(await page.getByTestId('place-name').textContent()).toBe('湛江市');
    const planRows = page.locator('[data-testid="place-plans"] li.place-plan');
    const slugs = await planRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')));
    expect(slugs.sort()).toEqual(zj.plans.map((p: { slug: string }) => p.slug).sort());
    for (const p of zj.plans) await expect.poll(() => page.locator('[data-testid="place-plans"]').textContent()).toContain(p.title);
    expect(await page.locator('[data-testid="place-roles"] li').count()).toBeGreaterThan(0);
    // a role links to the plan reader at the sentence
    const href = await page.locator('[data-testid="place-roles"] li a').first().getAttribute('href');
    expect(href).toMatch(/^\/plans\/[^?]+\?f=[0-9a-f]{20}/);
    expect(await page.locator('[data-testid="place-targets"] li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('place-census').textContent()).toContain('常住人口');
    await shot(page, 'place');
    // each list shows its first page; "show more" appends the next page of that list only
    const view = await (await page.request.get(`${app.url}/api/places/${ZHANJIANG}`)).json();
    const long = (['targets', 'projects', 'duties'] as const).find((l) => view.totals[l] > view[l].length);
    expect(long, 'a list of 湛江市 longer than one page').toBeDefined();
    const items = page.locator(`[data-testid="place-${long}"] li`);
    expect(await items.count()).toBe(view[long!].length);
    const projectsBefore = await page.locator('[data-testid="place-projects"] li').count();
    await page.getByTestId(`place-more-${long}`).click();
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(Math.min(view.totals[long!], 2 * view[long!].length));
    if (long !== 'projects') expect(await page.locator('[data-testid="place-projects"] li').count()).toBe(projectsBefore);
    await page.close();
  });

  it('colours by a census indicator and draws a plan structure', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openMap(page, '?color=indicator&indicator=census-urbanization-2020&plan=' + encodeURIComponent('湛茂都市圈'));
    const api = await (await page.request.get(`${app.url}/api/map/units?color=indicator&indicator=census-urbanization-2020`)).json();
    const zj = api.units.find((u: { code: string }) => u.code === ZHANJIANG);
    const cell = page.locator(`[data-testid="map-units"] tr[data-code="${ZHANJIANG}"] td.num`);
    await expect.poll(() => cell.textContent()).toMatch(/%$/);
    // shown as planners write it (one decimal place above 10)
    expect(Math.abs(parseFloat((await cell.textContent())!) - zj.value)).toBeLessThanOrEqual(0.05);
    expect(await page.getByTestId('map-indicator').inputValue()).toBe('census-urbanization-2020');
    await page.waitForSelector('[data-testid="map-structures"] li');
    expect(await page.getByTestId('map-structures').textContent()).toContain('双心');
    const zm = (await (await page.request.get(`${app.url}/api/plans`)).json()).plans.find((p: { title: string }) => p.title.includes('湛茂都市圈'));
    await expect.poll(() => page.getByTestId('map-plan').getAttribute('data-value')).toBe(zm.slug);
    await expect.poll(() => page.getByTestId('map-plan-input').inputValue()).toBe(zm.title);
    await shot(page, 'map-indicator-structure');
    // choosing the colouring changes the URL
    await page.getByTestId('map-color').selectOption('plans');
    await page.waitForURL((u) => !u.search.includes('color=indicator'));
    await page.close();
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openMap(page);
    expect(await pageOverflowsX(page)).toBe(false);
    const box = (await page.locator('[data-testid="map-chart"]').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    await shot(page, 'map-390');
    await page.goto(`${app.url}/places/${ZHANJIANG}`);
    await page.waitForSelector('[data-testid="place-plans"]');
    expect(await pageOverflowsX(page)).toBe(false);
    await shot(page, 'place-390');
    await page.close();
  });
});
