// Browser tests: the real app (API + built web app, sample plans on a fresh PGlite folder)
// driven by Debian's Chromium through playwright-core. Screenshots go to test-output/screenshots.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serve, type Running } from '../../src/server/serve';
import { tempDir } from '../helpers/stores';

import { chromiumPath, hasChromium, launchChromium } from '../../src/browser/chromium';

export { chromiumPath, hasChromium };

if (process.env.CI && !hasChromium) {
  throw new Error(`CI must run the browser tests: ${chromiumPath} is missing (.ci/run installs Debian's chromium)`);
}

export const screenshotDir = path.resolve('test-output', 'screenshots');

class NullStream {
  write() {
    return true;
  }
}

export interface AppUnderTest {
  url: string;
  running: Running;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the app on a free port with the sample plans loaded into a fresh embedded database. */
export async function startApp(): Promise<AppUnderTest> {
  const dataDir = tempDir('planatlas-browser-');
  const sink = new NullStream() as unknown as NodeJS.WritableStream;
  const running = await serve({ dataDir, port: 0, samples: true, maxFileBytes: 50 * 1024 * 1024, out: sink, err: sink });
  return {
    url: running.url.replace(/\/$/, ''),
    running,
    dataDir,
    async close() {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  return launchChromium();
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** True when the page itself scrolls sideways (the 390 px phone check). */
export async function pageOverflowsX(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}
