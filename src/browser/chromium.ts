// Debian's Chromium driven by playwright-core (never a downloaded browser): reports are printed to
// PDF and charts rasterised with it, and the browser tests drive it. PLANATLAS_CHROMIUM points elsewhere.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.PLANATLAS_CHROMIUM || '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);

/** Headless, no sandbox (containers), nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}
