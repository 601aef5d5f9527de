// Charts as PNG for the DOCX (Word before 2016 and older WPS draw no SVG, and docx wants a PNG
// fallback beside an SVG): the SVGs screenshotted by Chromium at twice their size.
import type { Browser } from 'playwright-core';
import { ensureBrowser, offlinePage } from './pdf';

/** One PNG per SVG, in order; with the given browser, or one launched (and closed) for the call. */
export async function svgsToPng(svgs: readonly string[], browser?: Browser): Promise<Buffer[]> {
  if (!svgs.length) return [];
  const own = await ensureBrowser(browser, 'Charts in a DOCX report');
  try {
    const page = await offlinePage(own, 2);
    try {
      // All charts on one page, each shot on its own: one page load for the lot.
      const body = svgs.map((svg, i) => `<div id="c${i}" style="display:inline-block;line-height:0">${svg}</div>`).join('');
      await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${body}</body></html>`, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)'); // local fonts are loaded before the shots
      const out: Buffer[] = [];
      for (let i = 0; i < svgs.length; i++) out.push(await page.locator(`#c${i} > svg`).screenshot({ type: 'png', scale: 'device' }));
      return out;
    } finally {
      await page.close();
    }
  } finally {
    if (!browser) await own.close();
  }
}
