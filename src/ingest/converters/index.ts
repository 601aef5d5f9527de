// Converters are a table keyed by sniffed format (cf. Outline's documentImporter).
// Each produces the `source` text; markup formats also give edits that turn their markup
// into text, applied by the normalizer so the map still reaches the original file.
import type { SourceFormat, TextEncoding } from '../../core/types';
import type { Decoded } from '../encoding';
import type { Edit } from '../rewrite';
import { docxToText } from './docx';
import { htmlEdits } from './html';
import { markdownEdits } from './md';
import { pdfToText } from './pdf';

export interface ConverterInput {
  bytes: Uint8Array;
  fileName: string;
  /** Decoded text, for text formats (txt, md, html). */
  decoded: Decoded | null;
  maxExpandedBytes: number;
}

export interface Conversion {
  source: string;
  encoding: TextEncoding | null;
  bom: boolean;
  warnings: string[];
  /** Markup → text, as mapped edits on `source`. */
  convert?: (text: string) => Edit[];
  /** Lines may be broken by layout rather than by the author (rejoin them). */
  joinLines: boolean;
  /** The text may be Markdown carried as paragraphs (see normalize). */
  markdownInside?: boolean;
  /** Offsets in `source` of line breaks made by the page layout (PDF). */
  softBreaks?: number[];
}

export type Converter = (input: ConverterInput) => Promise<Conversion>;

function decodedOf(input: ConverterInput): Decoded {
  if (!input.decoded) throw new Error(`internal: text converter called without decoded text for ${input.fileName}`);
  return input.decoded;
}

// Every format rejoins lines: a DOCX or web page made from hard-wrapped text (a .txt saved from
// Word, a PDF converted to Word or HTML) has a paragraph per layout line, and the join only takes
// lines broken inside a sentence, so the author's paragraphs stay apart. What the text alone
// cannot tell, the PDF's geometry can (softBreaks).
export const converters: Record<SourceFormat, Converter> = {
  txt: async (input) => {
    const d = decodedOf(input);
    return { source: d.text, encoding: d.encoding, bom: d.bom, warnings: [], joinLines: true };
  },
  md: async (input) => {
    const d = decodedOf(input);
    return { source: d.text, encoding: d.encoding, bom: d.bom, warnings: [], convert: markdownEdits, joinLines: true };
  },
  html: async (input) => {
    const d = decodedOf(input);
    return { source: d.text, encoding: d.encoding, bom: d.bom, warnings: [], convert: htmlEdits, joinLines: true, markdownInside: true };
  },
  docx: async (input) => {
    const { text, warnings } = await docxToText(input.bytes, input.fileName, input.maxExpandedBytes);
    return { source: text, encoding: null, bom: false, warnings, joinLines: true, markdownInside: true };
  },
  pdf: async (input) => {
    const { text, pages, emptyPages, softBreaks } = await pdfToText(input.bytes, input.fileName);
    const warnings: string[] = [];
    if (emptyPages.length) {
      const list = emptyPages.length > 10 ? `${emptyPages.slice(0, 10).join(', ')} …` : emptyPages.join(', ');
      warnings.push(`PDF has ${emptyPages.length} of ${pages} pages without text (pages ${list}): scanned pages or figures; their content is missing.`);
    }
    return { source: text, encoding: null, bom: false, warnings, joinLines: true, markdownInside: true, softBreaks };
  },
};
