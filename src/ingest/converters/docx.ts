// DOCX → text via mammoth's HTML (so tables keep their rows and cells), after checking the
// ZIP is safe to expand: declared sizes, compression ratios, and the real inflated size.
import mammoth from 'mammoth';
import { formatBytes, IngestError } from '../errors';
import { ExpansionLimitError, measureExpandedSize, readCentralDirectory, ZipFormatError, type ZipEntry } from '../zip';
import { htmlToText } from './html';

export const DOCUMENT_PART = 'word/document.xml';
/** Deflate cannot beat ~1032:1; real DOCX parts stay far below 100:1. */
const MAX_RATIO = 200;
const RATIO_MIN_SIZE = 1024 * 1024;

export function listZip(bytes: Uint8Array, fileName: string): ZipEntry[] {
  try {
    return readCentralDirectory(bytes);
  } catch (err) {
    if (err instanceof ZipFormatError) {
      throw new IngestError(
        fileName,
        'corrupt-docx',
        `the file is a damaged ZIP/DOCX archive (${err.message}). Open it in Word or WPS and save it again, or get a fresh copy.`,
      );
    }
    throw err;
  }
}

/** What a ZIP that is not a DOCX probably is, by its tell-tale entries. */
function zipKind(names: Set<string>): string {
  if (names.has('OFD.xml')) return 'an OFD document (版式文档); export it as PDF';
  if (names.has('xl/workbook.xml')) return 'an Excel workbook; ingest the plan document itself';
  if (names.has('ppt/presentation.xml')) return 'a PowerPoint file; ingest the plan document itself';
  if (names.has('content.xml') && names.has('mimetype')) return 'an OpenDocument file; save it as .docx';
  if (names.has('META-INF/container.xml')) return 'an EPUB book; export it as .docx or PDF';
  return 'a ZIP archive; unpack it and ingest the plan file inside, or save the plan as .docx';
}

export function assertDocx(entries: readonly ZipEntry[], fileName: string): void {
  const names = new Set(entries.map((e) => e.name));
  if (!names.has(DOCUMENT_PART)) {
    const sample = entries
      .slice(0, 3)
      .map((e) => e.name)
      .join(', ');
    throw new IngestError(
      fileName,
      'not-docx',
      `the file is a ZIP archive but not a Word document (no ${DOCUMENT_PART}; it holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${sample ? `: ${sample}` : ''}). It looks like ${zipKind(names)}.`,
    );
  }
}

export function assertSafeZip(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string, maxExpanded: number): void {
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > maxExpanded) {
    throw new IngestError(
      fileName,
      'zip-bomb',
      `the DOCX would expand to ${formatBytes(declared)}, over the ${formatBytes(maxExpanded)} limit (a ZIP bomb, or a document full of large media). Refused; remove the media or raise maxExpandedBytes if the file is trusted.`,
    );
  }
  for (const e of entries) {
    if (e.size >= RATIO_MIN_SIZE && e.size > e.compressedSize * MAX_RATIO) {
      throw new IngestError(
        fileName,
        'zip-bomb',
        `${e.name} inside the DOCX is compressed ${Math.round(e.size / Math.max(1, e.compressedSize))}:1 (${formatBytes(e.compressedSize)} → ${formatBytes(e.size)}), which no real document does (a ZIP bomb). Refused.`,
      );
    }
  }
  try {
    measureExpandedSize(bytes, entries, maxExpanded);
  } catch (err) {
    if (err instanceof ExpansionLimitError) {
      throw new IngestError(
        fileName,
        'zip-bomb',
        `the DOCX expands past the ${formatBytes(maxExpanded)} limit while unpacking ${err.entry}, although it declares ${formatBytes(declared)} in total (sizes in the archive are false: a ZIP bomb). Refused.`,
      );
    }
    if (err instanceof ZipFormatError) {
      throw new IngestError(fileName, 'corrupt-docx', `the DOCX archive is damaged (${err.message}). Open it in Word or WPS and save it again, or get a fresh copy.`);
    }
    throw err;
  }
}

export async function docxToText(bytes: Uint8Array, fileName: string, maxExpanded: number): Promise<{ text: string; warnings: string[] }> {
  const entries = listZip(bytes, fileName);
  assertDocx(entries, fileName);
  assertSafeZip(bytes, entries, fileName, maxExpanded);
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        ignoreEmptyParagraphs: true,
        // Never follow links to files outside the archive; don't inline images as base64.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
    const errors = result.messages.filter((m) => m.type === 'error');
    if (errors.length) warnings.push(`DOCX conversion reported ${errors.length} error(s): ${errors.map((m) => m.message).join('; ')}`);
  } catch (err) {
    throw new IngestError(
      fileName,
      'corrupt-docx',
      `the DOCX cannot be read (${(err as Error).message}). Open it in Word or WPS and save it again as .docx.`,
    );
  }
  // mammoth writes no layout whitespace: every space and tab in its HTML is the document's.
  return { text: htmlToText(html, { keepWhitespace: true }), warnings };
}
