// Format sniffing by content first; the file name's extension is only a hint.
import type { SourceFormat } from '../core/types';
import { assertDocx, listZip } from './converters/docx';
import { decodeText } from './encoding';
import { IngestError } from './errors';
import { hasZipMagic } from './zip';

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);

function indexOfAscii(bytes: Uint8Array, needle: string, limit: number): number {
  const n = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= n; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Binary formats we know by their magic bytes, and what to tell the user about each. */
const OTHER_BINARIES: Array<{ sig: number[]; what: string; code: 'unsupported' | 'binary'; todo: string }> = [
  {
    sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old binary Office document (.doc, .wps or .xls)',
    code: 'unsupported',
    todo: 'Open it in Word or WPS and save it as .docx (or export a PDF).',
  },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document', code: 'unsupported', todo: 'Open it in Word or WPS and save it as .docx.' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', code: 'binary', todo: 'OCR is not supported; ingest the text of the plan instead.' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image', code: 'binary', todo: 'OCR is not supported; ingest the text of the plan instead.' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', code: 'binary', todo: 'OCR is not supported; ingest the text of the plan instead.' },
  { sig: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image', code: 'binary', todo: 'OCR is not supported; ingest the text of the plan instead.' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image', code: 'binary', todo: 'OCR is not supported; ingest the text of the plan instead.' },
  { sig: [0x1f, 0x8b], what: 'a gzip archive', code: 'binary', todo: 'Unpack it and ingest the plan file inside.' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive', code: 'binary', todo: 'Unpack it and ingest the plan file inside.' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', code: 'binary', todo: 'Unpack it and ingest the plan file inside.' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)', code: 'binary', todo: 'Check that it is the right file.' },
];

/**
 * PDF and DOCX by their magic bytes (a ZIP counts as DOCX only if it holds word/document.xml);
 * other known binaries are refused; null means "treat as text".
 */
export function sniffContainer(bytes: Uint8Array, fileName: string): 'pdf' | 'docx' | null {
  // The PDF header may follow some junk, within the first 1024 bytes.
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  if (hasZipMagic(bytes)) {
    assertDocx(listZip(bytes, fileName), fileName);
    return 'docx';
  }
  for (const b of OTHER_BINARIES) {
    if (startsWith(bytes, b.sig)) throw new IngestError(fileName, b.code, `the file is ${b.what}, not a plan text, PDF or DOCX. ${b.todo}`);
  }
  return null;
}

const BLOCK_TAG = /<(?:p|div|br|table|tr|td|h[1-6]|li|span|font)[\s>/]/gi;

/** Which text format: HTML by its document tags or by tag density; Markdown by extension or # headings. */
export function sniffTextFormat(text: string, fileName: string): 'txt' | 'md' | 'html' {
  const ext = extensionOf(fileName);
  const head = text.slice(0, 65536);
  const start = head.trimStart().slice(0, 2048).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(?:html|head|body)[\s>]/i.test(head.slice(0, 4096))) return 'html';
  const tags = head.match(BLOCK_TAG)?.length ?? 0;
  const lines = head.split('\n').filter((l) => l.trim()).length;
  if ((ext === 'html' || ext === 'htm' || ext === 'xhtml') && tags > 0) return 'html';
  if (tags >= 5 && tags >= lines * 0.5) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return looksLikeMarkdown(head) ? 'md' : 'txt';
}

/**
 * Markdown syntax in a text: # headings, or a pipe table with its |---| separator row. Plans
 * converted from PDF to Markdown arrive as .txt, and pasted into Word or a web page as paragraphs.
 */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 65536);
  const headings = head.match(/^#{1,6}[ \t]+\S/gm)?.length ?? 0;
  const lists = head.match(/^[ \t]*(?:[-*+]|\d{1,2}\.)[ \t]+\S/gm)?.length ?? 0;
  const tableRules = head.match(/^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$/gm)?.length ?? 0;
  return headings >= 2 || (headings >= 1 && lists >= 3) || tableRules >= 1;
}

export function sniffFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  const container = sniffContainer(bytes, fileName);
  if (container) return container;
  return sniffTextFormat(decodeText(bytes, fileName).text, fileName);
}
