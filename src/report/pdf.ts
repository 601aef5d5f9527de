// The report's HTML printed to PDF by Debian's Chromium (fonts-noto-cjk gives the Chinese its
// glyphs): A4, the page's own @page margins, backgrounds printed, "- N -" page numbers in the
// footer as 公文 number their pages. Network requests are refused: the page is self-contained.
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, hasChromium, launchChromium } from '../browser/chromium';

/** A page with every request but data: URLs refused. */
export async function offlinePage(browser: Browser, deviceScaleFactor = 1): Promise<Page> {
  const page = await browser.newPage({ deviceScaleFactor });
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  return page;
}

/** A Chromium to print or rasterise with, or an error that says what to install. */
export async function ensureBrowser(browser: Browser | undefined, what: string): Promise<Browser> {
  if (browser) return browser;
  if (!hasChromium) throw new Error(`${what} needs Chromium, and ${chromiumPath} does not exist: apt-get install chromium fonts-noto-cjk, or set PLANATLAS_CHROMIUM to a Chromium binary`);
  return launchChromium();
}

/** Prints with the given browser, or launches (and closes) one. */
export async function printPdf(html: string, browser?: Browser): Promise<Buffer> {
  const own = await ensureBrowser(browser, 'A PDF report');
  try {
    const page = await offlinePage(own);
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)'); // local fonts are loaded before printing
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="width:100%;text-align:center;font-size:12pt;font-family:\'Noto Serif CJK SC\',serif">- <span class="pageNumber"></span> -</div>',
      });
    } finally {
      await page.close();
    }
  } finally {
    if (!browser) await own.close();
  }
}
