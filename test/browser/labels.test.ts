// One registry, one set of labels: walks every kind and field of the registry (src/core/kinds)
// and finds the same labels in the CLI (planatlas kinds), the API, the CSV exports and the
// rendered pages (reader legend and finding panel, review and search filters, library cards,
// targets table headers) in Chromium.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allKinds } from '../../src/core/kinds/index';
import { main } from '../../src/cli/main';
import { hasChromium, launch, startApp, type AppUnderTest } from './harness';

const kinds = allKinds().map((k) => ({ name: k.name, zh: k.label.zh, en: k.label.en, fields: Object.entries(k.fields as Record<string, { zh: string; en: string }>).map(([name, l]) => ({ name, ...l })) }));
const fieldsOf = (kind: string) => kinds.find((k) => k.name === kind)!.fields;

describe('labels of kinds and fields, from the registry', () => {
  it('are what planatlas kinds prints', async () => {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    try {
      expect(await main(['kinds', '--json'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const printed = JSON.parse(out) as Array<{ name: string; zh: string; en: string; fields: Array<{ name: string; zh: string; en: string }> }>;
    expect(printed.map(({ name, zh, en, fields }) => ({ name, zh, en, fields }))).toEqual(kinds);
  });

  describe.skipIf(!hasChromium)('in the API, the exports and every page', () => {
    let app: AppUnderTest;
    let browser: Browser;
    let plans: Array<{ slug: string; title: string; counts: Record<string, number> }>;
    const api = async <T,>(url: string): Promise<T> => (await fetch(app.url + url)).json() as Promise<T>;
    const newPage = (): Promise<Page> => browser.newPage({ viewport: { width: 1280, height: 860 } });

    beforeAll(async () => {
      app = await startApp();
      browser = await launch();
      plans = (await api<{ plans: typeof plans }>('/api/plans')).plans;
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('GET /api/kinds and GET /api/finding-fields/:kind', async () => {
      const got = await api<Array<{ name: string; zh: string; en: string; fields: Array<{ name: string; zh: string; en: string }> }>>('/api/kinds');
      expect(got.map((k) => ({ name: k.name, zh: k.zh, en: k.en, fields: k.fields.map(({ name, zh, en }) => ({ name, zh, en })) }))).toEqual(kinds);
      for (const k of kinds) {
        const specs = (await api<{ fields: Array<{ name: string; zh: string; en: string }> }>(`/api/finding-fields/${k.name}`)).fields;
        expect(specs.map(({ name, zh, en }) => ({ name, zh, en }))).toEqual(k.fields);
      }
    });

    it('the CSV exports: a column per field of the kind, headed by its label; the targets table’s columns too', async () => {
      const slug = plans.find((p) => p.title.startsWith('粤西'))!.slug;
      const headers = async (url: string) => (await (await fetch(app.url + url)).text()).replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
      for (const k of kinds) expect(await headers(`/api/plans/${slug}/findings.csv?kind=${k.name}`)).toEqual([...k.fields.map((f) => f.zh), '置信度', '审核状态', '原文']);
      const target = Object.fromEntries(fieldsOf('target').map((f) => [f.name, f.zh]));
      const cols = ['indicator', 'scope', 'year', 'value', 'unit', 'comparator', 'measure', 'baselineValue', 'baselineYear', 'binding'];
      expect((await headers(`/api/plans/${slug}/targets.csv`)).slice(0, cols.length)).toEqual(cols.map((c) => target[c]));
    });

    for (const lang of ['zh', 'en'] as const) {
      it(`the reader’s legend and the finding panel of a finding of every kind (${lang})`, async () => {
        const page = await newPage();
        const all = kinds.map((k) => k.name).join(',');
        const seen = new Set<string>();
        for (const p of plans) {
          const findings = (await api<{ findings: Array<{ key: string; kind: string }> }>(`/api/plans/${p.slug}/findings`)).findings;
          for (const k of kinds) {
            const f = findings.find((x) => x.kind === k.name);
            if (!f || seen.has(k.name)) continue;
            seen.add(k.name);
            await page.goto(`${app.url}/plans/${p.slug}?kinds=${all}&f=${encodeURIComponent(f.key)}&lang=${lang}`);
            const panel = page.getByTestId('finding-panel');
            await panel.waitFor();
            expect(await panel.locator('.finding-kind').innerText()).toBe(k[lang]);
            expect(await panel.locator('[data-testid="finding-fields"] th').allInnerTexts(), k.name).toEqual(k.fields.map((x) => x[lang]));
            for (const other of kinds) {
              const label = page.locator('label.reader-kind', { has: page.getByTestId(`kind-toggle-${other.name}`) });
              expect(await label.innerText()).toMatch(new RegExp(`^${other[lang]}\\s*\\d+$`));
            }
          }
        }
        expect([...seen].sort()).toEqual(kinds.map((k) => k.name).sort());
        await page.close();
      });
    }

    it('the review and search kind filters, the library cards and the targets table headers', async () => {
      const page = await newPage();
      const labels = kinds.map((k) => k.zh);
      await page.goto(`${app.url}/review`);
      await page.getByTestId('review-kind').waitFor();
      expect((await page.getByTestId('review-kind').locator('option').allInnerTexts()).slice(1)).toEqual(labels);
      await page.goto(`${app.url}/search?q=${encodeURIComponent('城镇化率')}`);
      await page.getByTestId('search-kind').waitFor();
      expect((await page.getByTestId('search-kind').locator('option').allInnerTexts()).slice(1)).toEqual(labels);
      await page.goto(`${app.url}/`);
      await page.getByTestId('plan-card').first().waitFor();
      const counts = await page.evaluate<Array<[string, string]>>(
        '[...document.querySelectorAll(".library-counts li")].map((e) => [e.dataset.kind, e.querySelector(".library-count-k").textContent])',
      );
      expect(counts.length).toBeGreaterThan(0);
      for (const [kind, text] of counts) expect(text).toBe(kinds.find((k) => k.name === kind)!.zh);
      const slug = plans.find((p) => p.title.startsWith('粤西'))!.slug;
      await page.goto(`${app.url}/plans/${slug}/targets`);
      await page.getByTestId('sort-indicator').waitFor();
      const target = Object.fromEntries(fieldsOf('target').map((f) => [f.name, f.zh]));
      for (const [col, field] of [['indicator', 'indicator'], ['scope', 'scope'], ['year', 'year'], ['measure', 'measure'], ['baseline', 'baselineValue'], ['binding', 'binding']]) {
        expect((await page.getByTestId(`sort-${col}`).innerText()).replace(/[▲▼]/g, '').trim()).toBe(target[field]);
      }
      await page.close();
    });
  });
});
