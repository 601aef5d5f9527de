// Charts as PNG for the DOCX (Word before 2016 and older WPS draw no SVG, and docx wants a PNG
// fallback beside an SVG): each SVG drawn by Chromium onto a canvas at twice its size and encoded
// there, all in one call on the browser's warm page (pdf.ts). Screenshotting each chart instead
// took about 0.25 s a chart (scrolling, waiting for a stable frame, capturing).
import type { Browser } from 'playwright-core';
import { ensureBrowser, withPage } from './pdf';

/** Page script (a string: the project compiles without the DOM's types): each SVG of `svgs` as a PNG (base64) at `scale` times its size, on white. */
const DRAW_ALL = `async ({ svgs, scale }) => Promise.all(svgs.map(async (svg) => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
  } finally {
    URL.revokeObjectURL(url);
  }
}))`;

/** One PNG per SVG, in order, at twice the size; with the given browser, or one launched (and closed) for the call. */
export async function svgsToPng(svgs: readonly string[], browser?: Browser): Promise<Buffer[]> {
  if (!svgs.length) return [];
  const own = await ensureBrowser(browser, 'Charts in a DOCX report');
  try {
    const pngs = await withPage(own, (page) => page.evaluate(`(${DRAW_ALL})(${JSON.stringify({ svgs, scale: 2 })})`) as Promise<string[]>);
    return pngs.map((b64) => Buffer.from(b64, 'base64'));
  } finally {
    if (!browser) await own.close();
  }
}
