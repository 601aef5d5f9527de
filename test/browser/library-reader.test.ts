// The library (cards, upload with per-file rows) and the reader (highlights, finding panel, ?f=KEY
// links, repairs, phone width, untrusted text) in Chromium against the real app.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launch, pageOverflowsX, shot, startApp, type AppUnderTest } from './harness';
import { tempDir } from '../helpers/stores';
import measured from '../../data/lexicons/rule-precision.json' with { type: 'json' };

const SMALL_PLAN = [
  '浏览器测试市国民经济和社会发展第十四个五年规划纲要',
  '',
  '第一章 发展目标',
  '',
  '到2025年，地区生产总值达到1000亿元，常住人口城镇化率达到60%。',
  '',
  '第二章 重点任务',
  '',
  '加快建设临港产业园，推进交通基础设施互联互通。',
].join('\n');

const HOSTILE = [
  '恶意标记测试规划',
  '',
  '第一章 总则',
  '',
  '本段包含<img src=x onerror="window.__xss=1">标记和<script>window.__xss=2</script>脚本，应原样显示。',
  '',
  '到2025年，地区生产总值达到<b>500</b>亿元。',
].join('\n');

interface Card {
  slug: string;
  title: string;
}
interface Finding {
  key: string;
  kind: string;
  quote: string;
  start: number | null;
}

describe.skipIf(!hasChromium)('library and reader in the browser', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let dir: string;
  const api = async <T>(p: string): Promise<T> => {
    const r = await fetch(app.url + p);
    expect(r.status, p).toBe(200);
    return (await r.json()) as T;
  };
  const plans = async () => (await api<{ plans: Card[] }>('/api/plans')).plans;
  const slugOf = async (prefix: string) => (await plans()).find((p) => p.title.startsWith(prefix))!.slug;
  const newPage = async (width = 1280, height = 800): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return page;
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
    dir = tempDir('planatlas-upload-');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the sample plans as cards with Chinese levels, periods and counts', async () => {
    const page = await newPage();
    await page.goto(app.url + '/');
    const cards = page.getByTestId('plan-card');
    // the five sample plans of data/plans
    await expect.poll(() => cards.count()).toBe(5);
    const yx = cards.filter({ hasText: '粤西' });
    await expect.poll(() => yx.getByTestId('plan-period').innerText()).toBe('2011—2015年');
    expect(await yx.innerText()).toContain('省级');
    expect(await yx.innerText()).toContain('湛江市');
    expect(await yx.locator('.lc-target .library-count-n').innerText()).toMatch(/^\d+$/);
    const xj = cards.filter({ hasText: '珠江' });
    expect(await xj.getByTestId('plan-period').innerText()).toBe('2014—2020年，展望至2030年');
    expect(await xj.innerText()).toMatch(/等\d+个/);
    expect(await yx.getByTestId('card-targets').getAttribute('href')).toMatch(/^\/plans\/.+\/targets$/);
    expect(await yx.getByTestId('card-review').getAttribute('href')).toMatch(/^\/review\?plan=/);
    expect(await yx.getByTestId('card-progress').innerText()).toMatch(/^已审核 0 \/ [\d,]+$/);
    await shot(page, 'library');

    // Filters live in the URL and filter the cards.
    await page.getByTestId('filter-period').fill('2012');
    await page.getByTestId('filter-period').press('Enter');
    await expect.poll(() => cards.count()).toBe(1);
    expect(page.url()).toContain('period=2012');
    await page.goto(app.url + '/?level=cross-provincial');
    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(2);
    expect(await page.getByTestId('plan-cards').innerText()).toContain('珠江');
    expect(await page.getByTestId('plan-cards').innerText()).toContain('北部湾');
    await page.close();
  });

  it('uploads plan files one by one: a success row with a link and the new card, an error row for an empty file', async () => {
    const page = await newPage();
    await page.goto(app.url + '/');
    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(5);
    const good = path.join(dir, '浏览器测试市规划.txt');
    const empty = path.join(dir, '空文件.txt');
    fs.writeFileSync(good, SMALL_PLAN);
    fs.writeFileSync(empty, '');
    await page.getByTestId('upload-input').setInputFiles([good, empty]);

    const rows = page.getByTestId('upload-row');
    await expect.poll(() => rows.count()).toBe(2);
    const okRow = rows.filter({ hasText: '浏览器测试市规划.txt' });
    const badRow = rows.filter({ hasText: '空文件.txt' });
    await expect.poll(() => okRow.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => badRow.getAttribute('data-state'), { timeout: 30_000 }).toBe('error');
    expect(await okRow.innerText()).toContain('成功');
    expect(await okRow.innerText()).toContain('新建规划');
    const link = okRow.locator('a');
    expect(await link.getAttribute('href')).toMatch(/^\/plans\//);
    const err = await badRow.getByTestId('upload-error').innerText();
    expect(err).toContain('空文件.txt');
    expect(err).toMatch(/empty/);

    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(6);
    expect(await page.getByTestId('plan-cards').innerText()).toContain('浏览器测试市国民经济和社会发展第十四个五年规划纲要');

    // Following the link opens the new plan in the reader with its target highlighted.
    await link.click();
    await expect.poll(() => page.getByTestId('reader-title').innerText()).toContain('浏览器测试市');
    await expect.poll(() => page.locator('mark.f-target').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a finding from a highlight, shows its fields, and keeps it in the URL', async () => {
    const slug = await slugOf('粤西');
    const page = await newPage();
    await page.goto(`${app.url}/plans/${slug}`);
    await expect.poll(() => page.locator('mark.f-target').count()).toBeGreaterThan(10);
    expect(await page.locator('mark.f-place').count()).toBe(0); // places are off by default
    expect(await page.getByTestId('reader-title').innerText()).toContain('粤西地区经济社会发展规划纲要');
    expect(await page.getByTestId('outline').locator('button').count()).toBeGreaterThan(5);

    const gdp = page.locator('mark.f-target', { hasText: '6340亿元' }).first();
    await gdp.click();
    const panel = page.getByTestId('finding-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const text = await panel.innerText();
    for (const label of ['目标', '指标', '范围', '年份', '数值', '单位', '比较', '类型', '约束性/预期性', '置信度', '待审核']) expect(text).toContain(label);
    expect(text).toContain('地区生产总值');
    expect(text).toContain('6340');
    expect(text).toContain('2015年');
    const key = await panel.getAttribute('data-key');
    expect(page.url()).toContain(`f=${key}`);
    expect(await panel.getByTestId('finding-review-link').getAttribute('href')).toBe(`/review?plan=${encodeURIComponent(slug)}&f=${key}`);
    expect(await page.locator('mark.f.selected').count()).toBeGreaterThan(0);
    await page.evaluate('window.scrollTo(0, 0)');
    expect(await page.locator('mark.f.selected').first().isVisible()).toBe(true);
    await shot(page, 'reader');

    // The rule that read it with its measured precision (the registry's text as tooltip), and where its year was read.
    const counts = (measured as unknown as { targets: { rules: Record<string, { tp: number; n: number }> } }).targets.rules['clause.standard'];
    const rule = panel.getByTestId('finding-rule');
    expect(await rule.innerText()).toBe(`规则 指标句 clause.standard · 实测精确率 ${Math.round((counts.tp / counts.n) * 100)}%（基于 ${counts.n} 条）`);
    await expect.poll(() => panel.getByTestId('finding-rule-name').getAttribute('title')).toContain('indicator [operators');
    const evidence = panel.getByTestId('evidence-link');
    expect(await panel.getByTestId('finding-evidence').innerText()).toBe('年份依据 「2015年」');
    expect(await page.getByTestId('evidence-mark').count()).toBe(0);
    await evidence.click();
    await expect.poll(() => page.getByTestId('evidence-mark').count()).toBe(1);
    expect(await page.getByTestId('evidence-mark').innerText()).toBe('2015年');
    expect(page.url()).toContain(`ev=${await evidence.getAttribute('data-start')}-${await evidence.getAttribute('data-end')}`);
    expect(await panel.getAttribute('data-key')).toBe(key); // the finding stays selected
    // 到2015年，粤西地区生产总值达到6340亿元: the year stands just before the selected finding
    const [evBox, selBox] = [await page.getByTestId('evidence-mark').boundingBox(), await page.locator('mark.f.selected').first().boundingBox()];
    expect(Math.abs(evBox!.y - selBox!.y)).toBeLessThan(40);
    await shot(page, 'reader-evidence');

    // The time frame in the header; its period shows where it was read.
    const frame = page.getByTestId('reader-frame');
    expect(await frame.innerText()).toContain('规划');
    expect(await frame.getByTestId('frame-period').innerText()).toBe('规划期 2011—2015年');
    expect(await frame.getByTestId('frame-past').innerText()).toContain('发展基础');
    await frame.getByTestId('frame-period').locator('button').click();
    await expect.poll(() => page.getByTestId('evidence-mark').innerText()).toContain('规划期从2011至2015年');
    // selecting another finding clears the evidence shown
    await page.locator('mark.f-target', { hasText: '39160' }).first().click();
    await expect.poll(() => page.getByTestId('evidence-mark').count()).toBe(0);

    // Outline: clicking a heading scrolls the text (its own column at this width) to it.
    const textTop = () => page.getByTestId('reader-text').evaluate((el) => el.scrollTop);
    await page.getByTestId('reader-text').evaluate((el) => el.scrollTo(0, 0));
    const heading = page.getByTestId('outline').locator('button').nth(8);
    const title = (await heading.getAttribute('title'))!.split(' ').pop()!;
    await heading.click();
    await expect.poll(textTop).toBeGreaterThan(200);
    const top = page.locator('.reader-h', { hasText: title }).first();
    await expect.poll(async () => (await top.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => (await top.boundingBox())!.y).toBeLessThan(400);
    await page.close();
  });

  it('opens /plans/:slug?f=KEY with that finding selected and in view, even of a hidden kind', async () => {
    const slug = await slugOf('湛茂');
    const { findings } = await api<{ findings: Finding[] }>(`/api/plans/${slug}/text`);
    const targets = findings.filter((f) => f.kind === 'target' && f.start != null);
    const target = targets[targets.length - 1];
    const place = findings.filter((f) => f.kind === 'place')[500];
    const page = await newPage();
    for (const f of [target, place]) {
      await page.goto(`${app.url}/plans/${slug}?f=${f.key}`);
      const panel = page.getByTestId('finding-panel');
      await expect.poll(() => panel.getAttribute('data-key')).toBe(f.key);
      const sel = page.locator('mark.f.selected').first();
      await expect.poll(() => sel.isVisible()).toBe(true);
      expect(f.quote).toContain(await sel.innerText());
      // In view: its top lies within the 800 px window (polled, as the page may still be laying out).
      await expect.poll(async () => (await sel.boundingBox())!.y).toBeGreaterThanOrEqual(0);
      await expect.poll(async () => (await sel.boundingBox())!.y).toBeLessThan(800);
    }
    // A place is selected though places are hidden; showing places draws them all.
    expect(await page.locator('mark.f-place').count()).toBe(1);
    await page.getByTestId('kind-toggle-place').check();
    await expect.poll(() => page.locator('mark.f-place').count()).toBeGreaterThan(100);
    expect(page.url()).toContain('kinds=');
    await page.close();
  });

  it('shows repairs on demand with their message', async () => {
    const slug = await slugOf('珠江');
    const page = await newPage();
    await page.goto(`${app.url}/plans/${slug}`);
    await expect.poll(() => page.locator('mark.f').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('repair-marker').count()).toBe(0);
    await page.getByTestId('repairs-toggle').check();
    await expect.poll(() => page.getByTestId('repair-marker').count()).toBeGreaterThan(10);
    const marker = page.getByTestId('repair-marker').nth(3);
    expect(await marker.getAttribute('title')).toContain('删除页码');
    await marker.click();
    expect(await page.getByTestId('repair-note').innerText()).toContain('page number');
    await page.close();
  });

  it('fits a 390 px phone: library and reader do not scroll sideways', async () => {
    const slug = await slugOf('湛茂');
    const { findings } = await api<{ findings: Finding[] }>(`/api/plans/${slug}/text`);
    const page = await newPage(390, 844);
    await page.goto(app.url + '/');
    await expect.poll(() => page.getByTestId('plan-card').count()).toBeGreaterThan(2);
    expect(await pageOverflowsX(page)).toBe(false);
    await shot(page, 'library-phone');
    await page.goto(`${app.url}/plans/${slug}`);
    await expect.poll(() => page.locator('mark.f').count()).toBeGreaterThan(10);
    expect(await pageOverflowsX(page)).toBe(false);
    expect(await page.getByTestId('outline').isVisible()).toBe(false); // folded on phones
    await page.getByTestId('tab-outline').click();
    expect(await page.getByTestId('outline').isVisible()).toBe(true);
    const target = findings.find((f) => f.kind === 'target')!;
    await page.goto(`${app.url}/plans/${slug}?f=${target.key}&repairs=1`);
    await expect.poll(() => page.getByTestId('finding-panel').isVisible()).toBe(true);
    expect(await pageOverflowsX(page)).toBe(false);
    // The selected highlight is above the bottom sheet, not hidden under it.
    const panelTop = (await page.getByTestId('finding-panel-wrap').boundingBox())!.y;
    await expect.poll(async () => (await page.locator('mark.f.selected').first().boundingBox())!.y).toBeLessThan(panelTop - 20);
    await shot(page, 'reader-phone');
    await page.close();
  });

  it('renders markup in plan text literally (no element is created from it)', async () => {
    const form = new FormData();
    form.append('file', new Blob([HOSTILE]), 'hostile.txt');
    const r = await fetch(app.url + '/api/plans', { method: 'POST', body: form });
    expect(r.status).toBe(201);
    const { result } = (await r.json()) as { result: { slug: string } };
    const page = await newPage();
    await page.goto(`${app.url}/plans/${result.slug}`);
    const body = page.getByTestId('reader-text');
    await expect.poll(() => body.innerText()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await body.innerText()).toContain('<script>window.__xss=2</script>');
    expect(await page.locator('[data-testid=reader-text] img, [data-testid=reader-text] b, [data-testid=reader-text] script').count()).toBe(0);
    expect(await page.evaluate('window.__xss ?? null')).toBeNull();
    await page.goto(app.url + '/');
    await expect.poll(() => page.getByTestId('plan-card').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid=plan-cards] img').count()).toBe(0);
    await page.close();
  });
});
