// The report's Chinese faces for printing, cut from fonts-noto-cjk down to the characters the
// report uses. Why: Chromium's PDF backend (Skia) spends about a second per system Noto CJK face on
// every print, however few of its glyphs are drawn — it works through the whole 65,000-glyph
// OpenType/CFF collection (20–26 MB) — while the same face cut to the report's thousand-odd
// characters by HarfBuzz's subsetter (hb-subset, wasm) costs it a few milliseconds. The cut faces
// are handed to the page as @font-face rules under the system family names (Noto Serif CJK SC,
// Noto Sans CJK SC), so the HTML itself is unchanged and the glyphs are fonts-noto-cjk's own: the
// pages render pixel for pixel as with the system faces.
//
// Reading a whole collection into the subsetter takes about a second, so each face is first cut
// to the common characters (COMMON: GB 2312 and symbols, 3–4 MB) and that cut kept on disk
// (fontCacheDir(), made once per machine and fonts-noto-cjk version, 1–2 s); a process then reads
// the two cuts (about 0.1 s) and cuts each report from them (30–100 ms). A report with a character
// outside COMMON is cut from the whole collection. Where the fonts or the subsetter are missing,
// nothing is embedded and Chromium prints with the system faces as before (slower, same glyphs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The system families the report asks for (html.ts, charts.ts) that are replaced by cut faces. */
export const EMBEDDED_FAMILIES = ['Noto Serif CJK SC', 'Noto Sans CJK SC'] as const;

/** Where Debian's fonts-noto-cjk puts them (the SC face is number 2 of each collection); elsewhere fc-match is asked. */
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

/** A family's installed collection and, once cut, its common characters (a small font kept on disk). */
interface Face {
  family: string;
  file: string;
  index: number;
  /** the cut to COMMON, as a face in the subsetter; null when it could not be made */
  common: number | null;
}

/** A face in the subsetter and the memory its font was read into. */
interface Loaded {
  face: number;
  ptr: number;
}

/**
 * The characters of the cached cut: GB 2312 (its 6,763 hanzi, kana, Greek, Cyrillic, symbols) with
 * ASCII, Latin-1, punctuation, letterlike and number forms, arrows, maths, enclosed numbers, CJK
 * symbols and full-width forms — nearly every plan's report. A report with any other character
 * is cut from the whole collection instead (read for it: about a second).
 */
export const COMMON: ReadonlySet<number> = (() => {
  const set = new Set<number>();
  for (const [a, b] of [[0x20, 0x7e], [0xa0, 0xff], [0x2000, 0x206f], [0x2100, 0x22ff], [0x2460, 0x26ff], [0x3000, 0x33ff], [0xff00, 0xffef]]) for (let c = a; c <= b; c++) set.add(c);
  try {
    const gb = new TextDecoder('gb18030');
    for (let hi = 0xa1; hi <= 0xf7; hi++)
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const ch = gb.decode(new Uint8Array([hi, lo]));
        const c = ch.codePointAt(0)!;
        if (ch.length === 1 && c !== 0xfffd && !(c >= 0xe000 && c <= 0xf8ff)) set.add(c); // not the private-use rows
      }
  } catch {
    // a Node without the GB 18030 decoder: the ranges only
  }
  return set;
})();
const COMMON_VERSION = 1; // bump when COMMON, FEATURES or the flags change

/** Where the common cuts are kept: $PLANATLAS_FONT_CACHE, else $XDG_CACHE_HOME/planatlas/fonts (~/.cache/planatlas/fonts). */
export function fontCacheDir(): string {
  return process.env.PLANATLAS_FONT_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'planatlas', 'fonts');
}

/** The installed file and face index of a family: Debian's, else as fontconfig resolves it; null when it is not installed. */
function locate(family: (typeof EMBEDDED_FAMILIES)[number]): { file: string; index: number } | null {
  if (fs.existsSync(DEBIAN[family].file)) return DEBIAN[family];
  try {
    const [file, index, found] = execFileSync('fc-match', ['-f', '%{file}\n%{index}\n%{family}', `${family}:style=Regular`], { encoding: 'utf8', timeout: 5000 }).split('\n');
    if (found?.split(',').includes(family) && fs.existsSync(file)) return { file, index: Number(index) || 0 };
  } catch {
    // no fontconfig
  }
  return null;
}

/**
 * A font file read straight into the subsetter's memory, as a face. The subsetter's memory is
 * fixed at 64 MB: a whole collection (19–26 MB) is released (`release`) as soon as it is cut.
 */
function loadFile(hb: Hb, file: string, index: number): Loaded | null {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const ptr = hb.malloc(size);
    if (!ptr) return null;
    try {
      for (let done = 0; done < size; ) {
        const n = fs.readSync(fd, new Uint8Array(hb.memory.buffer, ptr + done, size - done), 0, size - done, done);
        if (!n) throw new Error(`${file}: short read`);
        done += n;
      }
    } catch (e) {
      hb.free(ptr);
      throw e;
    }
    return faceOf(hb, ptr, size, index);
  } finally {
    fs.closeSync(fd);
  }
}

function loadBytes(hb: Hb, bytes: Uint8Array): Loaded | null {
  const ptr = hb.malloc(bytes.length);
  if (!ptr) return null;
  new Uint8Array(hb.memory.buffer).set(bytes, ptr);
  return faceOf(hb, ptr, bytes.length, 0);
}

function faceOf(hb: Hb, ptr: number, size: number, index: number): Loaded {
  const blob = hb.hb_blob_create(ptr, size, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, index);
  hb.hb_blob_destroy(blob);
  return { face, ptr };
}

function release(hb: Hb, l: Loaded): void {
  hb.hb_face_destroy(l.face);
  hb.free(l.ptr);
}

/** The family's whole collection cut to the characters (read, cut, released). */
function cutFull(hb: Hb, f: Face, chars: Iterable<number>): Buffer | null {
  const full = loadFile(hb, f.file, f.index);
  if (!full) return null;
  try {
    return cut(hb, full.face, chars);
  } finally {
    release(hb, full);
  }
}

/**
 * The family's common cut: read from the cache, or cut from the collection (1–2 s, once per machine
 * and fonts-noto-cjk version) and written there. Whatever fails leaves the collection to cut from.
 */
function loadCommon(hb: Hb, f: Face): void {
  const st = fs.statSync(f.file);
  const key = createHash('sha256').update(JSON.stringify({ v: COMMON_VERSION, file: f.file, index: f.index, size: st.size, mtime: st.mtimeMs, features: FEATURES })).digest('hex').slice(0, 16);
  const cached = path.join(fontCacheDir(), `${f.family.replace(/\W+/g, '-')}-${key}.otf`);
  try {
    f.common = loadBytes(hb, fs.readFileSync(cached))?.face ?? null;
    return;
  } catch {
    // not cached yet
  }
  const otf = cutFull(hb, f, COMMON);
  if (!otf) return;
  f.common = loadBytes(hb, otf)?.face ?? null;
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, otf);
    fs.renameSync(tmp, cached);
  } catch {
    // no cache then: the next process cuts again
  }
}

let loaded: Promise<{ hb: Hb; faces: Face[] } | null> | null = null;

/** The subsetter with each family's common cut in it, once per process; null when the fonts or the subsetter are missing. */
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
        const f: Face = { family, ...at, common: null };
        try {
          loadCommon(hb, f);
        } catch {
          // cut from the collection
        }
        faces.push(f);
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
function cut(hb: Hb, face: number, chars: Iterable<number>): Buffer | null {
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
  for (const ch of text + ALWAYS) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20) chars.add(c); // control characters (line breaks) are never drawn
  }
  const common = [...chars].every((c) => COMMON.has(c));
  return s.faces
    .map((f) => {
      let otf: Buffer | null = null;
      try {
        otf = common && f.common != null ? cut(s.hb, f.common, chars) : cutFull(s.hb, f, chars);
      } catch {
        // this family from the system
      }
      return otf ? `@font-face{font-family:"${f.family}";font-style:normal;font-weight:400;src:url(data:font/otf;base64,${otf.toString('base64')}) format("opentype")}` : '';
    })
    .join('\n');
}
