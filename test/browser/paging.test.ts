// Lists beyond the first page in Chromium: with 106 plans (the five samples, 100 copies of one, and
// last a 徐闻县 county plan), the library's filter choices come from the server over every plan (a
// level and a unit only the 106th plan has), and the review page's plan picker finds that plan by
// part of its title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { queryRows } from '../../src/store/db';
import { refreshPlanFindings } from '../../src/store/effective';
import { copyFindings, copyPlan } from '../helpers/copies';
import { hasChromium, launch, shot, startApp, type AppUnderTest } from './harness';

const XUWEN_PLAN = [
  '徐闻县乡村振兴战略规划（2018—2022年）',
  '',
  '第一章 总体要求',
  '',
  '到2022年，徐闻县农村居民人均可支配收入达到2万元。',
  '',
  '第二章 重点任务',
  '',
  '推进徐闻港区建设，发展菠萝产业。',
].join('\n');

describe.skipIf(!hasChromium)('lists beyond the first page in the browser', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let xuwen: { slug: string; title: string; id: number };
  const api = async <T,>(p: string): Promise<T> => {
    const r = await fetch(app.url + p);
    expect(r.status, p).toBe(200);
    return (await r.json()) as T;
  };
  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return page;
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
    const store = app.running.store;
    const [first] = await queryRows<{ id: number }>(store.db, sql`select id from plans order by id limit 1`);
    await copyPlan(store, Number(first.id), 100, (i) => `复制的规划${i}`);
    const r = await ingestPlan(store, { bytes: new TextEncoder().encode(XUWEN_PLAN), fileName: 'xuwen.txt' });
    xuwen = { slug: r.slug, title: r.title, id: r.planId };
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the library offers a level and a unit that only a plan beyond the first 100 cards has', async () => {
    // the setting: the first page of cards has no county plan and does not name 徐闻县
    const firstPage = await api<{ plans: Array<{ level: string; scope: Array<{ code: string }>; extension: Array<{ code: string }> }>; total: number }>('/api/plans');
    expect(firstPage.total).toBe(106);
    expect(firstPage.plans).toHaveLength(100);
    expect(firstPage.plans.some((p) => p.level === 'county')).toBe(false);
    expect(firstPage.plans.some((p) => [...p.scope, ...p.extension].some((u) => u.code === '440825'))).toBe(false);

    const page = await newPage();
    await page.goto(app.url + '/');
    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(100);
    const county = page.locator('[data-testid="filter-level"] option[value="county"]');
    await expect.poll(() => county.count()).toBe(1);
    expect(await county.textContent()).toContain('（1）');
    await expect.poll(() => page.locator('#library-units option[data-code="440825"]').count()).toBe(1);
    expect(await page.locator('#library-units option[data-code="440825"]').getAttribute('value')).toBe('徐闻县');
    expect(await page.locator('#library-years option[value="2018"]').count()).toBe(1);
    await shot(page, 'library-facets');

    // choosing it filters on the server: the one card, and the level's choices still count all plans
    await page.getByTestId('filter-level').selectOption('county');
    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(1);
    expect(await page.getByTestId('plan-cards').innerText()).toContain('徐闻县');
    expect(new URL(page.url()).searchParams.get('level')).toBe('county');
    expect(await page.locator('[data-testid="filter-level"] option').count()).toBeGreaterThan(2);

    // "show more" loads the cards beyond the first page
    await page.goto(app.url + '/');
    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(100);
    await page.getByTestId('library-more').click();
    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(106);
    await page.close();
  });

  it('the review page finds a plan beyond the first 100 by part of its title', async () => {
    const page = await newPage();
    await page.goto(app.url + '/review');
    const input = page.getByTestId('review-plan-input');
    await input.click();
    await input.fill('徐闻');
    const option = page.locator(`[data-testid="review-plan-list"] [data-slug="${xuwen.slug}"]`);
    await option.waitFor();
    expect(await page.locator('[data-testid="review-plan-list"] [role="option"]').count()).toBe(1);
    await option.click();
    await page.waitForURL((u) => u.searchParams.get('plan') === xuwen.slug);
    await expect.poll(() => page.getByTestId('review-plan').getAttribute('data-value')).toBe(xuwen.slug);
    await expect.poll(() => input.inputValue()).toBe(xuwen.title);
    await shot(page, 'review-plan-picker');
    // the queue is that plan's
    await page.getByTestId('review-item').first().waitFor();
    const plans = await page.$$eval('[data-testid="review-item"]', (els) => els.length);
    expect(plans).toBeGreaterThan(0);
    // cleared: all plans again
    await page.getByTestId('review-plan-clear').click();
    await page.waitForURL((u) => !u.searchParams.get('plan'));
    await page.close();
  });

  it('pages the orphaned decisions of a plan: 50 first, the rest on request', async () => {
    const store = app.running.store;
    await store.db.transaction(async (tx) => {
      for (let i = 0; i < 60; i++) {
        await tx.execute(sql`insert into decisions (plan_id, kind, identity, quote_key, action, quote, actor, created_at)
          values (${xuwen.id}, 'target', ${`gone-${i}`}, ${`gone-${i}`}, 'accept', ${`已删去的句子${i}`}, 'test', ${new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()})`);
      }
      await refreshPlanFindings(tx, xuwen.id);
    });
    const page = await newPage();
    await page.goto(`${app.url}/review?plan=${xuwen.slug}`);
    const box = page.getByTestId('review-orphans');
    await box.waitFor();
    expect(await box.locator('summary').innerText()).toMatch(/^60 条审核决定/);
    await box.locator('summary').click();
    await expect.poll(() => page.getByTestId('review-orphan').count()).toBe(50);
    expect(await page.getByTestId('review-orphan').first().innerText()).toContain('已删去的句子59'); // newest first
    await page.getByTestId('review-orphans-more').click();
    await expect.poll(() => page.getByTestId('review-orphan').count()).toBe(60);
    expect(await page.getByTestId('review-orphan').last().innerText()).toContain('已删去的句子0');
    expect(await page.getByTestId('review-orphans-more').count()).toBe(0);
    await page.close();
  });

  it('the monitoring index lists plans a page at a time', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/monitor`);
    await expect.poll(() => page.getByTestId('monitor-plan').count()).toBe(100);
    await page.getByTestId('monitor-more').click();
    await expect.poll(() => page.getByTestId('monitor-plan').count()).toBe(106);
    expect(await page.locator(`[data-testid="monitor-plan"][data-slug="${xuwen.slug}"]`).count()).toBe(1);
    await page.close();
  });

  it('a department named in more than 20 plans pages by plan', async () => {
    // 24 copies get the first plan's findings (the others have none)
    const store = app.running.store;
    const [first0, ...copies] = await queryRows<{ id: number }>(store.db, sql`select id from plans order by id`);
    for (const c of copies.filter((_, i) => i >= 4).slice(0, 24)) await copyFindings(store, Number(first0.id), Number(c.id));
    const plans = await api<{ plans: Array<{ slug: string }> }>('/api/plans?limit=1');
    const tasks = await api<{ tasks: Array<{ lead: string[] }> }>(`/api/plans/${plans.plans[0].slug}/tasks`);
    const unit = tasks.tasks.flatMap((t) => t.lead)[0];
    expect(unit, 'a lead unit in the first plan').toBeTruthy();
    const first = await api<{ totals: { plans: number }; limit: number }>(`/api/departments/${encodeURIComponent(unit)}`);
    expect(first.totals.plans).toBeGreaterThan(first.limit); // the first plan and 24 copies with its findings
    const page = await newPage();
    await page.goto(`${app.url}/departments/${encodeURIComponent(unit)}`);
    const pager = page.getByTestId('department-pager');
    await pager.waitFor();
    expect(await pager.textContent()).toContain(`第 1—${first.limit} 部规划，共 ${first.totals.plans} 部`);
    const plansShown = () => page.locator('[data-testid="department-task"]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-plan')))]);
    const before = await plansShown();
    expect(before).toHaveLength(first.limit);
    await page.getByTestId('department-pager-next').click();
    await expect.poll(() => pager.textContent(), { timeout: 30_000 }).toContain(`第 ${first.limit + 1}—`);
    const after = await plansShown();
    expect(after.some((slug) => before.includes(slug))).toBe(false);
    await page.close();
  });
});
