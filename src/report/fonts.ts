// The report's Chinese faces for printing, cut from fonts-noto-cjk down to the characters the
// report uses. Why: Chromium's PDF backend (Skia) spends about a second per system Noto CJK face on
// every print, however few of its glyphs are drawn — it works through the whole 65,000-glyph
// OpenType/CFF collection (20–26 MB) — while the same face cut to the report's thousand-odd
// characters by HarfBuzz's subsetter (hb-subset, wasm) costs it a few milliseconds. The cut faces
// are handed to the page as @font-face rules under the system family names (Noto Serif CJK SC,
// Noto Sans CJK SC), so the HTML itself is unchanged and the glyphs are fonts-noto-cjk's own.
// The collections are read into the subsetter once per process (0.5–1 s here), then each report's
// cut takes some 30–100 ms. Where the fonts or the subsetter are missing, nothing is embedded and
// Chromium prints with the system fonts as before (slower, same glyphs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** The system families the report asks for (html.ts, charts.ts) that are replaced by cut faces. */
export const EMBEDDED_FAMILIES = ['Noto Serif CJK SC', 'Noto Sans CJK SC'] as const;

/** Where Debian's fonts-noto-cjk puts them (the SC face is number 2 of each collection); fc-match is asked first. */
const DEBIAN: Record<(typeof EMBEDDED_FAMILIES)[number], { file: string; index: number }> = {
  'Noto Serif CJK SC': { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', index: 2 },
  'Noto Sans CJK SC': { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', index: 2 },
};

/** Characters printed by CSS or the page footer rather than written in the HTML: page numbers. */
const ALWAYS = ' -0123456789';

// hb-subset flags (hb-subset.h)
const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1; // CFF hints: nothing for a PDF
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/**
 * The OpenType features kept (with the glyphs they reach): what HarfBuzz applies to Chinese text
 * in Chromium, horizontal and vertical, and the punctuation spacing of text-spacing-trim. Fewer
 * than HarfBuzz's default list, whose closure over the big CJK GSUB takes several times as long;
 * no closure at all loses the full-width forms (the dash in "2011—2015" came out half as wide).
 * With these the pages render pixel for pixel as with the system faces.
 */
const FEATURES = ['rvrn', 'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'liga', 'clig', 'calt', 'rclt', 'curs', 'dist', 'kern', 'frac', 'numr', 'dnom', 'palt', 'halt', 'chws', 'fwid', 'pwid', 'hwid', 'vert', 'vrt2', 'vchw', 'vkrn', 'vpal', 'vhal'];
const tag = (t: string) => [...t].reduce((a, c) => a * 256 + c.charCodeAt(0), 0);

interface Hb {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

/** Node's WebAssembly (its types come with the DOM library, which the project leaves out). */
const wasmApi = (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> } }).WebAssembly;

interface Face {
  family: string;
  face: number;
}

/** The installed file and face index of a family, as fontconfig resolves it; null when it is not installed. */
function locate(family: (typeof EMBEDDED_FAMILIES)[number]): { file: string; index: number } | null {
  try {
    const [file, index, found] = execFileSync('fc-match', ['-f', '%{file}\n%{index}\n%{family}', `${family}:style=Regular`], { encoding: 'utf8', timeout: 5000 }).split('\n');
    if (found?.split(',').includes(family) && fs.existsSync(file)) return { file, index: Number(index) || 0 };
  } catch {
    // no fontconfig: Debian's paths below
  }
  return fs.existsSync(DEBIAN[family].file) ? DEBIAN[family] : null;
}

let loaded: Promise<{ hb: Hb; faces: Face[] } | null> | null = null;

/** The subsetter with the installed collections read into it, once per process; null when either is missing. */
function subsetter(): Promise<{ hb: Hb; faces: Face[] } | null> {
  return (loaded ??= (async () => {
    try {
      const wasm = fs.readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
      const hb = (await wasmApi.instantiate(wasm)).instance.exports as Hb;
      hb._initialize();
      const faces: Face[] = [];
      for (const family of EMBEDDED_FAMILIES) {
        const at = locate(family);
        if (!at) continue;
        // read straight into the subsetter's memory, kept for the life of the process (the face reads from it)
        const fd = fs.openSync(at.file, 'r');
        let ptr = 0;
        let size = 0;
        try {
          size = fs.fstatSync(fd).size;
          ptr = hb.malloc(size);
          if (!ptr) continue;
          for (let done = 0; done < size; ) {
            const n = fs.readSync(fd, new Uint8Array(hb.memory.buffer, ptr + done, size - done), 0, size - done, done);
            if (!n) throw new Error(`${at.file}: short read`);
            done += n;
          }
        } finally {
          fs.closeSync(fd);
        }
        const blob = hb.hb_blob_create(ptr, size, HB_MEMORY_MODE_READONLY, 0, 0);
        faces.push({ family, face: hb.hb_face_create(blob, at.index) });
        hb.hb_blob_destroy(blob);
      }
      return faces.length ? { hb, faces } : null;
    } catch {
      return null;
    }
  })());
}

/** Starts reading the fonts (e.g. while Chromium launches). */
export function preloadReportFonts(): void {
  void subsetter();
}

/** One face cut to the characters (an OpenType/CFF font), or null when HarfBuzz fails. */
function cut(hb: Hb, face: number, chars: Set<number>): Buffer | null {
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) return null;
  try {
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    for (const f of FEATURES) hb.hb_set_add(features, tag(f));
    const set = hb.hb_subset_input_unicode_set(input);
    for (const c of chars) hb.hb_set_add(set, c);
    const sub = hb.hb_subset_or_fail(face, input);
    if (!sub) return null;
    const blob = hb.hb_face_reference_blob(sub);
    try {
      const length = hb.hb_blob_get_length(blob);
      return length ? Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), length)) : null;
    } finally {
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(sub);
    }
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}

/**
 * @font-face rules that give the system Noto CJK families faces cut to the characters of `text`
 * (the whole HTML will do: markup only adds ASCII), as data: URLs; '' when nothing can be cut.
 */
export async function reportFontFaces(text: string): Promise<string> {
  const s = await subsetter();
  if (!s) return '';
  const chars = new Set<number>();
  for (const ch of text + ALWAYS) chars.add(ch.codePointAt(0)!);
  return s.faces
    .map(({ family, face }) => {
      const otf = cut(s.hb, face, chars);
      return otf ? `@font-face{font-family:"${family}";font-style:normal;font-weight:400;src:url(data:font/otf;base64,${otf.toString('base64')}) format("opentype")}` : '';
    })
    .join('\n');
}
