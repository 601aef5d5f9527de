// Charts as PNG for the DOCX (Word before 2016 and older WPS draw no SVG, and docx wants a PNG
// fallback beside an SVG): each SVG screenshotted by Chromium at twice its size.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/chromium';
import { offlinePage } from './pdf';

/** One PNG per SVG, in order; with the given browser, or one launched (and closed) for the call. */
export async function svgsToPng(svgs: readonly string[], browser?: Browser): Promise<Buffer[]> {
  if (!svgs.length) return [];
  const own = browser ?? (await launchChromium());
  try {
    const page = await offlinePage(own, 2);
    try {
      await page.setViewportSize({ width: 800, height: 600 });
      const out: Buffer[] = [];
      for (const svg of svgs) {
        await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => true)'); // local fonts are loaded before printing
        out.push(await page.locator('svg').first().screenshot({ type: 'png', scale: 'device' }));
      }
      return out;
    } finally {
      await page.close();
    }
  } finally {
    if (!browser) await own.close();
  }
}
