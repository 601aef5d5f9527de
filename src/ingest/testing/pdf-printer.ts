// HTML → PDF by Debian's Chromium (playwright-core, never a downloaded browser), the way a
// plan is printed or exported: A4, page numbers "- N -" in the footer. Test-only; callers skip
// their PDF cases when Chromium is missing (hasChromium).
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../browser/chromium';

export { chromiumPath, hasChromium } from '../../browser/chromium';

export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startPrinter(): Promise<PdfPrinter> {
  const browser: Browser = await launchChromium();
  return {
    async print(html: string): Promise<Uint8Array> {
      const page = await browser.newPage();
      try {
        // No network: the page's images and scripts point nowhere reachable.
        await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: false,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: '<div style="width:100%;text-align:center;font-size:9pt;font-family:serif">- <span class="pageNumber"></span> -</div>',
          margin: { top: '25mm', bottom: '25mm', left: '22mm', right: '22mm' },
        });
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
