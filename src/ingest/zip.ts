// Just enough ZIP reading to decide whether a file is a DOCX and whether it is safe to unzip:
// the central directory gives names and declared sizes; a bounded inflate measures the real
// sizes without ever holding more than a small window of output (declared sizes can lie).
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  localOffset: number;
}

export class ZipFormatError extends Error {}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

export function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 size out of range');
  return Number(v);
}

/** Entries listed in the central directory. Throws ZipFormatError on a damaged archive. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  if (n < 22) throw new ZipFormatError('too short to be a ZIP archive');
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end-of-central-directory record (truncated?)');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdOffset === U32_MAX || cdSize === U32_MAX) && eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) {
    const at = u64(view, eocd - 20 + 8);
    if (at + 56 > n || view.getUint32(at, true) !== SIG_EOCD64) throw new ZipFormatError('bad ZIP64 end record');
    count = u64(view, at + 32);
    cdSize = u64(view, at + 40);
    cdOffset = u64(view, at + 48);
  }
  if (cdOffset + cdSize > n) throw new ZipFormatError('central directory lies outside the file (truncated?)');
  const entries: ZipEntry[] = [];
  const dec = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== SIG_CENTRAL) throw new ZipFormatError(`bad central directory entry ${k}`);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > n) throw new ZipFormatError(`central directory entry ${k} runs past the end`);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field: the 64-bit values present are those whose 32-bit field is saturated.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === U32_MAX && q + 8 <= e + 4 + len) {
          size = u64(view, q);
          q += 8;
        }
        if (compressedSize === U32_MAX && q + 8 <= e + 4 + len) {
          compressedSize = u64(view, q);
          q += 8;
        }
        if (localOffset === U32_MAX && q + 8 <= e + 4 + len) localOffset = u64(view, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export class ExpansionLimitError extends Error {
  constructor(
    public entry: string,
    public produced: number,
  ) {
    super(`expansion limit reached in ${entry}`);
  }
}

/**
 * Inflate every entry without keeping the output, counting real uncompressed bytes.
 * Stops as soon as the running total passes `limit` (throws ExpansionLimitError); throws
 * ZipFormatError when an entry's data is damaged.
 */
export function measureExpandedSize(bytes: Uint8Array, entries: readonly ZipEntry[], limit: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  // Feed compressed input in small slices so one inflate step cannot produce a huge buffer
  // (deflate expands at most ~1032:1, so 16 KB in gives at most ~16 MB out).
  const SLICE = 16 * 1024;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new ZipFormatError(`data of ${entry.name} runs past the end of the file (truncated?)`);
    if (entry.method === 0) {
      total += entry.compressedSize;
      if (total > limit) throw new ExpansionLimitError(entry.name, total);
      continue;
    }
    if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses unsupported compression method ${entry.method}`);
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (final) done = true;
      if (total > limit) throw new ExpansionLimitError(entry.name, total);
    });
    try {
      for (let q = start; q < end; q += SLICE) {
        const stop = Math.min(end, q + SLICE);
        inflater.push(bytes.subarray(q, stop), stop === end);
        if (done) break;
      }
      if (start === end) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ExpansionLimitError) throw err;
      throw new ZipFormatError(`cannot inflate ${entry.name}: ${(err as Error).message}`);
    }
  }
  return total;
}
