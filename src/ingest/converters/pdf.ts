// PDF → text from the text layer (pdfjs). Text items are grouped into lines by their y
// position and ordered by x; pages are separated by a form feed, which the normalizer uses to
// find running headers and then removes. Scanned PDFs (no text layer) are refused: no OCR here.
import { createRequire } from 'node:module';
import path from 'node:path';
import { IngestError } from '../errors';

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
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function isTextItem(x: unknown): x is PdfTextItem {
  return typeof x === 'object' && x !== null && 'str' in x && 'transform' in x;
}

const wide = (ch: string | undefined): boolean => !!ch && ch.charCodeAt(0) >= 0x2e80;

/** Join the items of one page into lines: same baseline (within half a glyph) → same line. */
export function itemsToLines(items: readonly PdfTextItem[]): string[] {
  const glyphs = items
    .filter((it) => it.str.length > 0)
    .map((it) => ({
      str: it.str,
      x: it.transform[4],
      y: it.transform[5],
      size: Math.max(1, Math.hypot(it.transform[2], it.transform[3]) || it.height || 10),
      width: it.width,
    }));
  glyphs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<typeof glyphs> = [];
  for (const g of glyphs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - g.y) <= Math.max(line[0].size, g.size) * 0.5) line.push(g);
    else lines.push([g]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    const parts: string[] = [];
    let end = -Infinity;
    let last = '';
    for (const g of line) {
      const gap = g.x - end;
      if (parts.length > 0) {
        const first = g.str[0];
        if (gap > g.size * 2.5) parts.push('\t'); // separate table cells
        else if (gap > g.size * 0.25 && last !== ' ' && first !== ' ' && !(wide(last) && wide(first))) parts.push(' ');
      }
      parts.push(g.str);
      last = g.str[g.str.length - 1];
      end = Math.max(end, g.x + g.width);
    }
    return parts.join('');
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
    const pages: string[] = [];
    const emptyPages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      let lines: string[];
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
      const text = lines.join('\n');
      if (text.trim() === '') emptyPages.push(p);
      pages.push(text);
    }
    if (emptyPages.length === doc.numPages) {
      throw new IngestError(
        fileName,
        'no-text-layer',
        `the PDF has no text layer on any of its ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} (scanned images?). OCR is not supported; convert it to text first.`,
      );
    }
    // Form feed between pages; the normalizer turns page breaks into line breaks.
    return { text: pages.join('\n\f\n'), pages: doc.numPages, emptyPages };
  } finally {
    await doc.destroy();
  }
}
