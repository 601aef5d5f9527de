// The faces cut for printing: two @font-face rules under the system Noto CJK names, each an
// OpenType font holding the text's characters, cut from the common cut kept on disk, or from the
// whole collection for a character outside it. Skipped without fonts-noto-cjk or fontconfig.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMON, EMBEDDED_FAMILIES, reportFontFaces } from './fonts';

const hasNoto = (() => {
  try {
    return EMBEDDED_FAMILIES.every((f) => execFileSync('fc-list', [f], { encoding: 'utf8' }).includes(f));
  } catch {
    return false;
  }
})();

/** The rules' fonts written to files, with the code points each maps (fontconfig's charset). */
function faces(css: string, dir: string): Array<{ family: string; file: string; chars: (c: string) => boolean }> {
  return [...css.matchAll(/font-family:"([^"]+)";[^}]*base64,([A-Za-z0-9+/=]+)/g)].map((m, i) => {
    const file = path.join(dir, `face${i}-${Date.now()}.otf`);
    fs.writeFileSync(file, Buffer.from(m[2], 'base64'));
    const ranges = execFileSync('fc-query', ['-i', '0', '-f', '%{charset}', file], { encoding: 'utf8' })
      .trim()
      .split(/\s+/)
      .map((r) => r.split('-').map((h) => parseInt(h, 16)));
    return { family: m[1], file, chars: (c: string) => ranges.some(([a, b = a]) => c.codePointAt(0)! >= a && c.codePointAt(0)! <= b) };
  });
}

describe.skipIf(!hasNoto)('the faces cut for printing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-fonts-'));
  process.env.PLANATLAS_FONT_CACHE = path.join(dir, 'cache'); // read when the fonts are first loaded
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the common characters: GB 2312 with its 6,763 hanzi, and the punctuation reports use', () => {
    expect([...COMMON].filter((c) => /\p{Script=Han}/u.test(String.fromCodePoint(c))).length).toBeGreaterThanOrEqual(6763);
    for (const c of '粤西（）《》、—…“”·０１') expect(COMMON.has(c.codePointAt(0)!)).toBe(true);
  });

  it('are the two Noto CJK SC faces with the text’s characters and the page numbers’ digits, and only those', async () => {
    const css = await reportFontFaces('粤西地区 2011—2015年（截至）');
    const got = faces(css, dir);
    expect(got.map((f) => f.family)).toEqual([...EMBEDDED_FAMILIES]);
    for (const f of got) {
      expect(fs.readFileSync(f.file).subarray(0, 4).toString('latin1')).toBe('OTTO'); // OpenType/CFF
      for (const c of '粤西地区年截至（）—-9') expect(f.chars(c)).toBe(true);
      expect(f.chars('海')).toBe(false);
    }
    // the common cuts were made and kept for the next process
    expect(fs.readdirSync(path.join(dir, 'cache')).filter((f) => f.endsWith('.otf'))).toHaveLength(2);
  });

  it('cuts a character outside the common ones from the whole collection', async () => {
    expect(COMMON.has('堃'.codePointAt(0)!)).toBe(false);
    for (const f of faces(await reportFontFaces('王堃'), dir)) {
      expect(f.chars('堃')).toBe(true);
      expect(f.chars('王')).toBe(true);
    }
  });
});
