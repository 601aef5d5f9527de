// Normalization: source text → the text parse and extract read, through a fixed list of
// passes. Each pass proposes edits on the current text; the rewriter keeps the exact way back
// to the source and turns edits into Repair messages (see rewrite.ts).
import type { OffsetMap, Repair } from '../core/types';
import { markdownEdits } from './converters/md';
import { Rewriter, toNormalizedOffset, toSourceOffset, type Edit } from './rewrite';
import { looksLikeMarkdown } from './sniff';
import { layoutJoinEdits, lineJoinEdits } from './repairs/lineJoin';
import { markupEdits } from './repairs/markup';
import { footnoteMarkerEdits, pageNumberEdits, runningHeaderEdits } from './repairs/pages';
import { tocEdits } from './repairs/toc';
import {
  blankRunEdits,
  letterSpacingEdits,
  lineEdgeEdits,
  lineEndEdits,
  pageBreakEdits,
  spaceRunEdits,
} from './repairs/whitespace';
import { cjkUnifyEdits, widthEdits } from './repairs/width';

export interface NormalizeInput {
  source: string;
  /** Converts markup in the source into text (HTML, Markdown); applied first and mapped like any edit. */
  convert?: (text: string) => Edit[];
  /** Lines may be hard-wrapped (PDF, plain text): rejoin lines broken inside sentences. */
  joinLines: boolean;
  /**
   * The converted text may itself be Markdown (a Markdown plan pasted into Word or a web page,
   * paragraph by paragraph): convert it as a Markdown file would be when it looks like one.
   */
  markdownInside?: boolean;
  /** Offsets in `source` of line breaks the converter knows the layout made (PDF): joined before the text-based joins. */
  softBreaks?: readonly number[];
}

export interface Normalized {
  text: string;
  map: OffsetMap;
  repairs: Repair[];
}

export type Pass = (text: string) => Edit[];

export function normalize(input: NormalizeInput): Normalized {
  const rw = new Rewriter(input.source);
  const passes: Pass[] = [];
  if (input.convert) passes.push(input.convert);
  if (input.markdownInside) passes.push((text) => (looksLikeMarkdown(text) ? markdownEdits(text) : []));
  passes.push(
    lineEndEdits,
    lineEdgeEdits,
    cjkUnifyEdits, // ⼀ → 一 first: headings in PDF text layers often carry radicals
    tocEdits, // before the repairs below, so nothing inside the removed TOC is reported
    markupEdits,
    lineEdgeEdits, // markup removal can leave spaces at line edges
    letterSpacingEdits,
    widthEdits,
    spaceRunEdits,
    runningHeaderEdits,
    pageNumberEdits,
    footnoteMarkerEdits,
  );
  if (input.softBreaks?.length) {
    const soft = input.softBreaks;
    passes.push(() => {
      const map = rw.map();
      // Only breaks still standing as they were: a newline some repair wrote (where a removed
      // table of contents was) maps from the same place but is not the layout's.
      const at = soft.map((s) => toNormalizedOffset(map, s)).filter((p, i) => toSourceOffset(map, p) === soft[i] && toSourceOffset(map, p + 1, 'end') === soft[i] + 1);
      return layoutJoinEdits(rw.text, at);
    });
  }
  if (input.joinLines) passes.push(lineJoinEdits);
  passes.push(pageBreakEdits, lineEdgeEdits, blankRunEdits);
  for (const pass of passes) rw.apply(pass(rw.text));
  return { text: rw.text, map: rw.map(), repairs: rw.repairs() };
}
