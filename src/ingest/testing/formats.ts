// A plan's text as the files it really arrives in: DOCX saved by Word or WPS, government web
// pages (UTF-8 or gb2312), PDF printed by Chromium. Test-only: for checking that what PlanAtlas
// finds does not depend on the container (test/formats.test.ts).
import { plainBlocks, styledBlocks } from './blocks';
import { docxOf } from './docx-writer';
import { htmlBytes, htmlOf } from './html-writer';
import type { PdfPrinter } from './pdf-printer';

export interface FormatVariant {
  /** What the file is, as a test name. */
  name: string;
  /** The format ingest must sniff. */
  format: 'docx' | 'html' | 'pdf';
  fileName: string;
  /** Needs Chromium (print to PDF). */
  pdf?: boolean;
  make(text: string, printer: PdfPrinter | null): Promise<Uint8Array>;
}

/** The first line that names the plan, for <title> and document properties (as sites and Word fill them). */
function titleOf(text: string): string {
  const line = text.split('\n').find((l) => /\S/.test(l.replace(/[#|]/g, ''))) ?? '';
  return line.replace(/^[#\s\u3000]+|\s+$/g, '').slice(0, 60);
}

export const FORMAT_VARIANTS: readonly FormatVariant[] = [
  {
    name: 'DOCX: the .txt opened and saved by Word (a paragraph per line, no styles)',
    format: 'docx',
    fileName: '规划.docx',
    make: async (t) => docxOf(plainBlocks(t), { flavour: 'word', title: titleOf(t) }),
  },
  {
    name: 'DOCX: exported by WPS with heading styles and real tables',
    format: 'docx',
    fileName: '规划.docx',
    make: async (t) => docxOf(styledBlocks(t), { flavour: 'wps', title: titleOf(t) }),
  },
  {
    name: 'HTML: a government page (HTML5 furniture) with a <p> per line',
    format: 'html',
    fileName: 'content_post_123.html',
    make: async (t) => htmlBytes(htmlOf(plainBlocks(t), { layout: 'html5', title: titleOf(t) }), 'utf-8'),
  },
  {
    name: 'HTML: a government page with <h1>/<h2> headings and <table> tables',
    format: 'html',
    fileName: 'content_post_124.html',
    make: async (t) => htmlBytes(htmlOf(styledBlocks(t), { layout: 'html5', title: titleOf(t) }), 'utf-8'),
  },
  {
    name: 'HTML: an old CMS page in gb2312 (layout table, div furniture), a <p> per line',
    format: 'html',
    fileName: 't20111231_123.htm',
    make: async (t) => htmlBytes(htmlOf(plainBlocks(t), { layout: 'cms', charset: 'gb2312', title: titleOf(t) }), 'gb2312'),
  },
  {
    name: 'PDF: the headings-and-tables page printed by Chromium (A4, page numbers in the footer)',
    format: 'pdf',
    fileName: '规划.pdf',
    pdf: true,
    make: async (t, printer) => {
      if (!printer) throw new Error('PDF variant needs Chromium: start a printer (startPrinter) or skip the case');
      return printer.print(htmlOf(styledBlocks(t), { layout: 'html5', title: titleOf(t) }));
    },
  },
];
