// Reading a printed PDF back with poppler-utils (pdftotext, pdftoppm, pdffonts): its text, its pages
// rendered to PNG, and whether every Chinese character is drawn with a glyph of its own (no empty boxes).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const hasPoppler = ['pdftotext', 'pdftoppm', 'pdffonts'].every((t) => {
  try {
    execFileSync(t, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

export const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Renders every page to PNG at `dpi` in `dir`; returns the files in page order. */
export function pagesToPng(file: string, dir: string, dpi = 30): string[] {
  const prefix = path.join(dir, path.basename(file, '.pdf') + '-page');
  run('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Whether every distinct Chinese character of the text is drawn with a real glyph. A font with a
 * name (TrueType CJK) is taken as is; Chromium's Skia embeds OpenType/CFF fonts (Debian's Noto CJK)
 * as Type 3, one glyph procedure per glyph used, and a missing glyph is glyph 0 (.notdef, the empty
 * box): the distinct glyphs other than g0 must then be at least the distinct characters.
 */
export function glyphsCoverChinese(file: string): { chinese: number; glyphs: number | null; ok: boolean } {
  const rows = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  const chinese = new Set(run('pdftotext', [file, '-']).match(/[\u4e00-\u9fff]/g)).size;
  const embedded = rows.every((r) => {
    const cols = r.split(/\s+/);
    return cols[cols.length - 5] === 'yes' && cols[cols.length - 3] === 'yes';
  });
  if (rows.some((r) => /CJK|Han|Hei|Song|Kai|Fang|WenQuanYi|Droid/i.test(r) && !/Type 3/.test(r))) return { chinese, glyphs: null, ok: embedded };
  const raw = fs.readFileSync(file).toString('latin1');
  const glyphs = new Set<string>();
  for (const m of raw.matchAll(/\/CharProcs\s*<<([^>]*)>>/g)) for (const g of m[1].matchAll(/\/g([0-9a-f]+)\s/gi)) if (g[1] !== '0') glyphs.add(`${m.index}:${g[1]}`);
  return { chinese, glyphs: glyphs.size, ok: embedded && rows.length > 0 && glyphs.size >= chinese };
}
