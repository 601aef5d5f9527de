// PDF → text from the text layer (pdfjs). Text items are grouped into lines by their y
// position and ordered by x; pages are separated by a form feed, which the normalizer uses to
// find running headers and then removes. Scanned PDFs (no text layer) are refused: no OCR here.
import { createRequire } from 'node:module';
import path from 'node:path';
import { IngestError } from '../errors';
import { continuedLines } from './pdf-layout';

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface PdfText {
  text: string;
  pages: number;
  emptyPages: number[];
  /** Offsets in `text` of the line breaks that the layout made inside a paragraph (see pdf-layout.ts). */
  softBreaks: number[];
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function isTextItem(x: unknown): x is PdfTextItem {
  return typeof x === 'object' && x !== null && 'str' in x && 'transform' in x;
}

const wide = (ch: string | undefined): boolean => !!ch && ch.charCodeAt(0) >= 0x2e80;

/** A line of a page: its text and where it sits (PDF units, y upwards). */
export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Where each run of text separated by a gap (a space or a cell boundary) starts, x0 first. */
  starts: number[];
}

interface Glyph {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

/** A run of glyphs without a gap; `gap` is the blank before it (0 for the first). */
interface Segment {
  x: number;
  end: number;
  gap: number;
  parts: string[];
}

/** A gap at least this wide (in glyph sizes) may be a cell boundary; 2.5 always is one. */
const CELL_GAP = 0.6;
const WIDE_GAP = 2.5;

/**
 * Join the items of one page into lines: same baseline (within half a glyph) → same line.
 * Cells of a table are separated by a tab: a wide gap, or a narrower one (cells padded by a few
 * points) where two more lines nearby have a gap ending at the same place — a column. (One
 * neighbour is not enough: 目　录 over 前　言 line up their letter spacing.)
 */
export function itemsToLines(items: readonly PdfTextItem[]): PdfLine[] {
  const glyphs: Glyph[] = items
    .filter((it) => it.str.length > 0)
    .map((it) => ({
      str: it.str,
      x: it.transform[4],
      y: it.transform[5],
      size: Math.max(1, Math.hypot(it.transform[2], it.transform[3]) || it.height || 10),
      width: it.width,
    }));
  glyphs.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Glyph[][] = [];
  for (const g of glyphs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - g.y) <= Math.max(row[0].size, g.size) * 0.5) row.push(g);
    else rows.push([g]);
  }
  const lines = rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const segs: Segment[] = [];
    let inkEnd = -Infinity; // end of the last item that is not whitespace
    let end = -Infinity;
    for (const g of row) {
      const ink = g.str.trim() !== '';
      const seg = segs[segs.length - 1];
      if (!seg || (ink && g.x - inkEnd > g.size * 0.25)) {
        segs.push({ x: g.x, end: g.x + g.width, gap: seg ? g.x - inkEnd : 0, parts: [g.str] });
      } else {
        seg.parts.push(g.str);
        seg.end = Math.max(seg.end, g.x + g.width);
      }
      if (ink) inkEnd = Math.max(inkEnd, g.x + g.width);
      end = Math.max(end, g.x + g.width);
    }
    const sizes = row.map((g) => g.size).sort((a, b) => a - b);
    return { segs, x0: row[0].x, x1: end, y: row[0].y, size: sizes[sizes.length >> 1] };
  });
  const cellStart = (l: (typeof lines)[number], k: number): boolean => k > 0 && l.segs[k].gap >= l.size * CELL_GAP;
  const column = (l: (typeof lines)[number] | undefined, x: number): boolean =>
    !!l && l.segs.some((sg, k) => cellStart(l, k) && Math.abs(sg.x - x) <= 1.5);
  return lines.map((l, i) => {
    const out: string[] = [];
    l.segs.forEach((sg, k) => {
      const text = sg.parts.join('');
      if (k > 0) {
        const last = out[out.length - 1].slice(-1);
        const first = text[0];
        let aligned = 0;
        for (let j = Math.max(0, i - 3); j <= i + 3 && j < lines.length; j++) if (j !== i && column(lines[j], sg.x)) aligned++;
        const tab = sg.gap > l.size * WIDE_GAP || (cellStart(l, k) && aligned >= 2);
        if (tab) {
          out[out.length - 1] = out[out.length - 1].replace(/ +$/, '');
          out.push('\t');
        }
        else if (last !== ' ' && first !== ' ' && !(wide(last) && wide(first))) out.push(' ');
      }
      out.push(text);
    });
    return { text: out.join(''), x0: l.x0, x1: l.x1, y: l.y, size: l.size, starts: l.segs.map((sg) => sg.x) };
  });
}

/** Loose check that the file ends like a PDF (readers require %%EOF in the last 1024 bytes). */
function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return !tail.includes('%%EOF');
}

export async function pdfToText(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  if (looksTruncated(bytes)) {
    throw new IngestError(
      fileName,
      'corrupt-pdf',
      'the PDF is truncated (no %%EOF marker at the end), probably an incomplete download or copy. Get the complete file again.',
    );
  }
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const e = err as Error;
    if (e.name === 'PasswordException') {
      throw new IngestError(fileName, 'unsupported', 'the PDF is password-protected. Remove the password (print to a new PDF) and try again.');
    }
    throw new IngestError(fileName, 'corrupt-pdf', `the PDF is damaged and cannot be read (${e.message}). Get a fresh copy of the file or re-export it.`);
  }
  try {
    const pages: PdfLine[][] = [];
    const emptyPages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      let lines: PdfLine[];
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        const items: PdfTextItem[] = [];
        for (const it of content.items as unknown[]) if (isTextItem(it)) items.push(it);
        lines = itemsToLines(items);
        page.cleanup();
      } catch (err) {
        throw new IngestError(fileName, 'corrupt-pdf', `page ${p} of the PDF is damaged (${(err as Error).message}). Get a fresh copy of the file or re-export it.`);
      }
      if (lines.every((l) => l.text.trim() === '')) emptyPages.push(p);
      pages.push(lines);
    }
    if (emptyPages.length === doc.numPages) {
      throw new IngestError(
        fileName,
        'no-text-layer',
        `the PDF has no text layer on any of its ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} (scanned images?). OCR is not supported; convert it to text first.`,
      );
    }
    // Form feed between pages; the normalizer turns page breaks into line breaks.
    const continued = continuedLines(pages);
    const parts: string[] = [];
    const softBreaks: number[] = [];
    let at = 0;
    pages.forEach((lines, pi) => {
      if (pi > 0) {
        parts.push('\n\f\n');
        at += 3;
      }
      lines.forEach((line, li) => {
        if (li > 0) {
          parts.push('\n');
          at += 1;
        }
        parts.push(line.text);
        at += line.text.length;
        // The break right after the line: the next '\n' (within the page, or before the page break).
        if (continued[pi][li]) softBreaks.push(at);
      });
    });
    return { text: parts.join(''), pages: doc.numPages, emptyPages, softBreaks };
  } finally {
    await doc.destroy();
  }
}
