// Decoding text files: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or detected by the
// pattern of NUL bytes), and GB18030/GBK when the bytes are not UTF-8 but read as Chinese.
// Never guess silently: if nothing decodes plausibly, refuse with the offset of the first bad byte.
import iconv from 'iconv-lite';
import type { TextEncoding } from '../core/types';
import { IngestError } from './errors';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 if all valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need > n - 1) return i; // sequence cut off by the end of the file
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Rough character classes for judging whether decoded text is plausible Chinese plan text. */
export interface TextStats {
  total: number;
  ascii: number;
  cjk: number;
  /** Control characters, replacement characters, private-use and unpaired surrogates. */
  bad: number;
}

export function textStats(text: string, limit = 200_000): TextStats {
  const st: TextStats = { total: 0, ascii: 0, cjk: 0, bad: 0 };
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    st.total++;
    if (c < 0x80) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) st.bad++;
      else if (c === 0x7f) st.bad++;
      else st.ascii++;
    } else if (c < 0xa0) st.bad++; // C1 controls: typical of a wrong single-byte decoding
    else if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation “” — …
      (c >= 0x2100 && c <= 0x22ff) || // letterlike, number forms (Ⅱ), arrows, math (∶)
      (c >= 0x2460 && c <= 0x27bf) || // enclosed numbers ①, box drawing ━, shapes ■
      (c >= 0x3200 && c <= 0x33ff) || // enclosed CJK, CJK compatibility (㎡)
      (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
      (c >= 0x00a0 && c <= 0x00ff) // Latin-1 (· × ° ²)
    ) {
      st.cjk++;
    } else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) st.bad++;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        st.cjk++; // supplementary plane (rare ideographs)
      } else st.bad++;
    }
    // Other scripts (Greek, Cyrillic, Hangul …) count as neither good nor bad.
  }
  return st;
}

/** Decoded text looks like text (not mojibake, not binary). */
function plausible(text: string): boolean {
  const st = textStats(text);
  if (st.total === 0) return true;
  const nonAscii = st.total - st.ascii;
  return st.bad <= Math.max(2, st.total * 0.002) && (nonAscii === 0 || st.cjk >= nonAscii * 0.9);
}

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Guess UTF-16 without BOM from where NUL bytes sit (ASCII characters have a zero high byte). */
export function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i & 1) odd++;
      else even++;
    }
  }
  const pairs = n / 2;
  const zeros = even + odd;
  if (zeros < Math.max(2, pairs * 0.005)) return null;
  // Not all zeros sit on one side: 一 (U+4E00) has a zero low byte. Decoding checks the rest.
  if (odd >= zeros * 0.75) return 'utf-16le';
  if (even >= zeros * 0.75) return 'utf-16be';
  return null;
}

/**
 * Whether the double-byte characters of a GB18030/GBK reading are mostly common ones: GB2312
 * symbols (A1–A9 rows) and level-1 hanzi (B0–D7 rows, the 3,755 common characters). Chinese
 * text is; UTF-8 (or anything else) misread as GBK is not — its pairs fall on rare characters.
 */
export function gbkLooksChinese(bytes: Uint8Array, limit = 262_144): boolean {
  const n = Math.min(bytes.length, limit);
  let common = 0;
  let pairs = 0;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return false;
    const c = bytes[i + 1];
    if (c === undefined) return false;
    if (c >= 0x30 && c <= 0x39) {
      i += 4; // four-byte GB18030 sequence: rare characters
      pairs++;
      continue;
    }
    pairs++;
    if (((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xd7)) && c >= 0xa1 && c <= 0xfe) common++;
    i += 2;
  }
  return pairs > 0 && common >= pairs * 0.85;
}

/** Bytes that make a file binary rather than text: NULs and C0 controls other than whitespace. */
export function controlByteRatio(bytes: Uint8Array, limit = 65536): { nul: number; control: number; sampled: number } {
  const n = Math.min(bytes.length, limit);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return { nul, control, sampled: n };
}

function binaryError(fileName: string, why: string): IngestError {
  return new IngestError(
    fileName,
    'binary',
    `the file is not text (${why}) and not a PDF or DOCX. Check that it is the right file; export the plan as .txt, .docx or .pdf.`,
  );
}

/** Decode the bytes of a text file, detecting the encoding. Throws IngestError. */
export function decodeText(bytes: Uint8Array, fileName: string): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (bytes.length >= 4 && b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    throw new IngestError(fileName, 'encoding', 'the file is UTF-32, which is not supported. Save it as UTF-8.');
  }
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = decodeStrict(body, 'utf-8');
    if (text === null) {
      const at = firstInvalidUtf8(body) + 3;
      throw new IngestError(
        fileName,
        'encoding',
        `the file starts with a UTF-8 byte-order mark but has an invalid UTF-8 sequence at byte offset ${at}. Re-save it as UTF-8 (the file is damaged or mixes encodings).`,
      );
    }
    return { text, encoding: 'utf-8', bom: true };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    const text = body.length % 2 === 0 ? decodeStrict(body, encoding) : null;
    if (text === null) {
      throw new IngestError(
        fileName,
        'encoding',
        `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()} (odd length or unpaired surrogate). Re-save it as UTF-8.`,
      );
    }
    return { text, encoding, bom: true };
  }

  const u16 = utf16ByNulPattern(bytes);
  if (u16 && bytes.length % 2 === 0) {
    const text = decodeStrict(bytes, u16);
    if (text !== null && plausible(text)) return { text, encoding: u16, bom: false };
  }

  const { nul, control, sampled } = controlByteRatio(bytes);
  if (nul > 0) throw binaryError(fileName, `${nul} NUL bytes in the first ${sampled} bytes`);
  if (control > Math.max(4, sampled * 0.01)) {
    throw binaryError(fileName, `${control} control bytes in the first ${sampled} bytes`);
  }

  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };

  if (gbkLooksChinese(bytes)) {
    const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
    if (!gb.includes('\uFFFD') && plausible(gb)) return { text: gb, encoding: 'gb18030', bom: false };
  }

  const at = firstInvalidUtf8(bytes);
  throw new IngestError(
    fileName,
    'encoding',
    `cannot tell the text encoding: the bytes are not valid UTF-8 (first invalid sequence at byte offset ${at}) and do not read as GB18030/GBK Chinese text either. Open the file in an editor, check how it displays, and save it as UTF-8.`,
  );
}
