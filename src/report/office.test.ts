// The 粤西 report opened by an office suite: LibreOffice (headless, Debian's libreoffice-writer-nogui
// and -calc-nogui, which .ci/run installs) reads the DOCX and prints it to PDF, and reads the XLSX
// and saves its first sheet as CSV. The printed pages must hold the report's Chinese (drawn with
// CJK faces, every font embedded) on A4; the sheet must hold the targets' figures. Skipped where
// LibreOffice or poppler-utils is missing, except in CI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx';
import { buildReportModel } from './model';
import { yuexiReportInput } from './testing/yuexi';
import { renderXlsx } from './xlsx';
import { hasPoppler, run } from './testing/pdf-check';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => fs.existsSync(f));
if (process.env.CI && (!soffice || !hasPoppler)) throw new Error('CI must open the reports in LibreOffice: .ci/run installs libreoffice-writer-nogui, libreoffice-calc-nogui and poppler-utils');

/** Converts `file` with LibreOffice into `dir`, with a profile of its own (parallel runs do not share a lock). */
function convert(file: string, to: string, dir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(dir, path.basename(file).replace(/\.[^.]+$/, '.' + to.split(':')[0]));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  return out;
}

describe.skipIf(!soffice || !hasPoppler)('the report in an office suite (LibreOffice)', async () => {
  const model = buildReportModel(await yuexiReportInput(2015));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-office-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens the DOCX and prints it on A4 with the report in Chinese, CJK faces embedded', async () => {
    const docx = path.join(dir, 'report.docx');
    fs.writeFileSync(docx, await renderDocx(model, { charts: false }));
    const pdf = convert(docx, 'pdf', dir);
    const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, '');
    expect(text).toContain('实施情况评估报告');
    expect(text).toContain('一、总体判断');
    expect(text).toContain(model.summary.replace(/\s+/g, ''));
    expect(text).toContain(model.targets[0].indicator.replace(/\s+/g, ''));
    const info = run('pdfinfo', [pdf]);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(3);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(Math.round(w)).toBe(595); // A4 in points
    expect(Math.round(h)).toBe(842);
    const fonts = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.some((f) => /CJK|Song|Hei|Fang|Kai/i.test(f))).toBe(true);
    expect(fonts.every((f) => / yes +yes +yes /.test(f))).toBe(true); // embedded, subset, with a Unicode map
  }, 180_000);

  it('opens the XLSX: the first sheet holds every target with its figures', async () => {
    const xlsx = path.join(dir, 'report.xlsx');
    fs.writeFileSync(xlsx, await renderXlsx(model));
    // filter options 44,34,76: comma, double quote, UTF-8
    const csv = fs.readFileSync(convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76', dir), 'utf8');
    expect(csv.split('\n').filter((l) => /^\d+,/.test(l)).length).toBe(model.targets.length); // one row per target, numbered
    for (const t of model.targets.slice(0, 5)) expect(csv).toContain(t.indicator);
    const first = model.targets.find((t) => t.latestValue != null)!;
    expect(csv).toContain(String(first.latestValue).slice(0, 6));
  }, 180_000);
});
