// parse: PlanText → PlanDoc (outline tree with spans, table of contents, metadata).
// Pure: no I/O. Works on ingest's normalized text and on raw text alike.
import type { Gazetteer, PlanDoc, PlanText } from '../core/types.js';
import { findHeadings } from './headings.js';
import { splitLines, trimEnd } from './lines.js';
import { parseBlocks } from './blocks.js';
import { extractMeta } from './meta.js';
import { readTimeFrame } from './timeframe.js';
import { buildOutline, chooseTopType } from './outline.js';
import { detectToc } from './toc.js';

export { flattenSections, headingText, outlineToText, type OutlineTextOptions } from './outline.js';
export { detectToc, type Toc, type TocEntry } from './toc.js';

export function parsePlan(text: PlanText, gazetteer: Gazetteer): PlanDoc {
  const t = text.text;
  const lines = splitLines(t);
  const toc = detectToc(t, text.repairs);
  const startsWithPlace = (s: string): boolean => {
    const first = gazetteer.findMentions(s)[0];
    return first !== undefined && first.start === 0;
  };
  const cands = findHeadings(t, lines, { toc, startsWithPlace });
  const topType = chooseTopType(cands, toc?.entries ?? []);
  const sections = buildOutline(cands, { topType, textEnd: trimEnd(t, 0, t.length), text: t });
  const read = extractMeta({ text: t, sections, toc: toc?.span ?? null, gazetteer });
  // the time frame gives the period and the outlook (and the years of sentences that name none)
  const titleAt = read.evidence.find((e) => e.field === 'title');
  const title = read.title !== null && titleAt ? { text: read.title, start: titleAt.start, end: titleAt.end } : null;
  const { frame, evidence } = readTimeFrame({ text: t, sections, toc: toc?.span ?? null, title, issued: read.issued });
  const meta = {
    ...read,
    period: frame.period,
    horizon: frame.horizon,
    frame,
    evidence: [...read.evidence.filter((e) => e.field !== 'period' && e.field !== 'horizon'), ...evidence],
  };
  const blocks = parseBlocks(t, sections, toc?.span ?? null);
  return { text, sections, toc: toc ? toc.span : null, meta, blocks };
}

/**
 * A PlanText for text that did not go through ingest: normalized text = source,
 * identity offset map, no repairs.
 */
export function planTextFromString(source: string, fileName = 'plan.txt'): PlanText {
  const format = /\.md$/i.test(fileName) ? 'md' : 'txt';
  return {
    fileName,
    format,
    encoding: 'utf-8',
    bom: false,
    source,
    text: source,
    map: { segments: [[0, 0, source.length, source.length]] },
    repairs: [],
    warnings: [],
  };
}
