// Builders for ingest test inputs: DOCX and ZIP archives (fflate), minimal hand-written PDFs.
// Test-only; kept beside the ingest tests so they read without jumping around. Whole plans as
// real-looking DOCX, web pages and PDFs: formats.ts (docx-writer, html-writer, pdf-printer).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export function samplePlan(prefix: '000' | '001' | '002' | '003' | '004'): string {
  const names: Record<string, string> = {
    '000': '000_dde77a566d45a381.txt',
    '001': '001_240daae8c4bbf10a.txt',
    '002': '002_cf5822304d6f3ba0.txt',
    '003': '003_ca6215b141ec9a21.txt',
    '004': '004_9800aaef9fdee07f.txt',
  };
  return readFileSync(join(repoRoot, 'data/plans', names[prefix]), 'utf8');
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(repoRoot, 'test/fixtures', name)));
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph of WordprocessingML. */
export const wPara = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

/** A table: rows of cells, each cell one paragraph. */
export const wTable = (rows: string[][]): string =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${wPara(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

export function documentXml(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body}</w:body></w:document>`
  );
}

/** A minimal but valid DOCX with the given document.xml body. */
export function buildDocx(body: string, extra: Zippable = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml(body)),
    ...extra,
  });
}

/**
 * Overwrite the uncompressed size an archive declares for `name` (central directory and local
 * header), as a ZIP bomb does to slip past size checks.
 */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const matches = (at: number): boolean => nameBytes.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** Assemble a PDF from object bodies, computing the xref table. */
export function buildPdf(objects: Array<string | Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (p: string | Uint8Array): void => {
    const u = typeof p === 'string' ? Buffer.from(p, 'latin1') : p;
    parts.push(u);
    length += u.length;
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    push(body);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) push(`${String(o).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** One page showing only a 2×2 grey image: what a scanned plan looks like to a text extractor. */
export function imageOnlyPdf(): Uint8Array {
  const content = 'q 100 0 0 100 50 50 cm /Im1 Do Q';
  const pixels = Buffer.from([0x00, 0xff, 0xff, 0x00]);
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    Buffer.concat([
      Buffer.from('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n', 'latin1'),
      pixels,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}
