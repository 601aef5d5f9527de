// The report's HTML printed to PDF by Debian's Chromium (fonts-noto-cjk gives the Chinese its
// glyphs, cut to the report's characters by fonts.ts so that printing stays fast): A4, the page's
// own @page margins, backgrounds printed, "- N -" page numbers in the footer as 公文 number their
// pages. Network requests are refused: the page is self-contained.
//
// Speed (issue #10: a report in under 2 s): a running Chromium keeps one open page (a context of
// its own, requests refused), reused report after report for printing and for the DOCX charts —
// opening a page costs 0.2–1 s on a loaded machine, loading new content into an open one 0.1–0.2 s.
// Calls on one browser take turns on that page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, hasChromium, launchChromium } from '../browser/chromium';
import { preloadReportFonts, reportFontFaces } from './fonts';

interface Warm {
  context: Promise<BrowserContext>;
  page: Promise<Page> | null;
  /** the last call's end: the next waits for it */
  turn: Promise<unknown>;
}
const warm = new WeakMap<Browser, Warm>();

/**
 * Runs `use` on the browser's warm page (opened on first use in a context of its own, with every
 * request but data: URLs refused), one call at a time. A page that fails or crashes is closed and
 * opened anew for the next call.
 */
export function withPage<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  let w = warm.get(browser);
  if (!w) {
    const context = browser.newContext().then(async (c) => {
      await c.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      return c;
    });
    context.catch(() => warm.delete(browser)); // a failed context is not kept
    warm.set(browser, (w = { context, page: null, turn: Promise.resolve() }));
  }
  const slot = w;
  const open = () => {
    const page = slot.context.then((c) => c.newPage());
    page.catch(() => (slot.page = null)); // the next call tries again
    return page;
  };
  const run = slot.turn.then(async () => {
    let page = await (slot.page ??= open());
    if (page.isClosed()) page = await (slot.page = open()); // crashed, or closed by someone else
    try {
      return await use(page);
    } catch (e) {
      slot.page = null;
      await page.close().catch(() => undefined);
      throw e;
    }
  });
  slot.turn = run.catch(() => undefined);
  return run;
}

/** Opens the browser's warm page ahead of the first report (e.g. while the report's model is built); failures are left to that report. */
export function warmUp(browser: Browser): void {
  withPage(browser, async () => undefined).catch(() => undefined);
}

/** A Chromium to print or rasterise with, or an error that says what to install. */
export async function ensureBrowser(browser: Browser | undefined, what: string): Promise<Browser> {
  if (browser) return browser;
  if (!hasChromium) throw new Error(`${what} needs Chromium, and ${chromiumPath} does not exist: apt-get install chromium fonts-noto-cjk, or set PLANATLAS_CHROMIUM to a Chromium binary`);
  return launchChromium();
}

/**
 * The page number "- N -" centred under each page, in a @page margin box: drawn with the page's
 * own (cut) faces, where a header/footer template would be a document of its own and pull the
 * whole system face into the PDF.
 */
export const PAGE_NUMBER_CSS = '@page { @bottom-center { content: "- " counter(page) " -"; font-family: "Noto Serif CJK SC", serif; font-size: 12pt; vertical-align: middle; } }';

/** The HTML with the cut faces and the page numbers added to its head. */
export function printable(html: string, fontFaces: string): string {
  const style = `<style>\n${fontFaces}\n${PAGE_NUMBER_CSS}\n</style>\n`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}

/** Prints with the given browser, or launches (and closes) one — the fonts are cut while it starts and opens its page. */
export async function printPdf(html: string, browser?: Browser): Promise<Buffer> {
  if (!browser) preloadReportFonts();
  const own = await ensureBrowser(browser, 'A PDF report');
  try {
    const faces = reportFontFaces(html).catch(() => ''); // no cut faces: the system ones; runs while the warm page is opened (first call) or waited for
    return await withPage(own, async (page) => {
      await page.setContent(printable(html, await faces), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)'); // the faces are decoded before printing
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    });
  } finally {
    if (!browser) await own.close();
  }
}
