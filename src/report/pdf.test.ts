// The 粤西 report printed by Chromium: the PDF's text is the report's Chinese, page 1 renders
// with ink on it, and every font is embedded with its glyphs — no empty boxes. Skipped without
// Chromium or poppler-utils (pdftotext, pdftoppm, pdffonts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../browser/chromium';
import { renderHtml } from './html';
import { buildReportModel } from './model';
import { printPdf } from './pdf';
import { yuexiReportInput } from './testing/yuexi';
import { glyphsCoverChinese, hasPoppler, run } from './testing/pdf-check';

describe.skipIf(!hasChromium || !hasPoppler)('the report as PDF', async () => {
  const model = buildReportModel(await yuexiReportInput(2015));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
  const file = path.join(dir, 'report.pdf');
  const pdf = hasChromium && hasPoppler ? await printPdf(renderHtml(model)) : Buffer.alloc(0);
  fs.writeFileSync(file, pdf);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a PDF whose text is the report in Chinese', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = run('pdftotext', ['-layout', file, '-']).replace(/\s+/g, '');
    expect(text).toContain('实施情况评估报告');
    expect(text).toContain('一、总体判断');
    expect(text).toContain(model.summary.replace(/\s+/g, ''));
    expect(text).toContain('6075.66亿元');
    expect(text).toContain('地区生产总值');
    expect(text).toContain('-1-'); // page number
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1])).toBeGreaterThan(3);
  });

  it('renders page 1 to PNG at 50 dpi, with text on it', () => {
    run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const png = fs.readFileSync(fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).map((f) => path.join(dir, f))[0]);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A4 at 50 dpi: 413 × 585 pixels (IHDR width and height)
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([414, 585]);
    // ink: share of dark pixels in a grey render of the same page
    run('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'grey')]);
    const pgm = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('grey'))!));
    const pixels = pgm.subarray(pgm.length - 414 * 585);
    const dark = pixels.filter((v) => v < 128).length / pixels.length;
    expect(dark).toBeGreaterThan(0.01);
    expect(dark).toBeLessThan(0.3);
  });

  it('embeds every font, and draws every Chinese character with its own glyph (no empty boxes)', () => {
    const c = glyphsCoverChinese(file);
    expect(c.chinese).toBeGreaterThan(300);
    expect(c.ok).toBe(true);
  });
});
