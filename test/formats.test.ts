// A plan's findings must not depend on the container it came in. Each sample plan is turned into
// the files plans really arrive as (DOCX from Word and WPS, government web pages in UTF-8 and
// gb2312, a PDF printed by Chromium — src/ingest/testing/formats.ts) and must give, after ingest
// and analysis, what its .txt gives: the same outline, the same targets, the same metadata, the
// table of contents removed, and a normalized text that reads the same.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unifyGlyphs } from '../src/core/glyphs';
import type { AnyFinding } from '../src/core/findings';
import type { PlanText } from '../src/core/types';
import { analyze, type Analysis } from '../src/extract/analyze';
import { loadLexicons } from '../src/extract/lexicons';
import { ingestBytes, sourceSpan } from '../src/ingest/index';
import { FORMAT_VARIANTS } from '../src/ingest/testing/formats';
import { hasChromium, startPrinter, type PdfPrinter } from '../src/ingest/testing/pdf-printer';
import { detectToc, flattenSections } from '../src/parse/index';
import { loadGazetteer } from '../src/places/index';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();
const plansDir = path.resolve('data/plans');
const PLANS = fs
  .readdirSync(plansDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort();

const outline = (a: Analysis) => flattenSections(a.doc.sections).map((s) => ({ level: s.level, kind: s.kind, label: s.label, title: s.title }));

const targets = (a: Analysis) =>
  a.findings
    .filter((f): f is Extract<AnyFinding, { kind: 'target' }> => f.kind === 'target')
    .map(({ data: d }) => ({ indicator: d.indicator, year: d.year, value: d.value, unit: d.unit, comparator: d.comparator }));

const meta = (a: Analysis) => {
  const { evidence: _evidence, frame, ...fields } = a.doc.meta;
  // the time frame's parts by what they say, not by their offsets (which differ from format to format)
  return { ...fields, frame: { ...frame, parts: frame.parts.map((p) => ({ tense: p.tense, year: p.year })) } };
};

/** The TOC as parse reads it (from ingest's toc-removed repair when ingest took it out). */
const tocEntries = (pt: PlanText) => detectToc(pt.text, pt.repairs)?.entries.map((e) => ({ type: e.type, label: e.label, title: e.title, page: e.page })) ?? [];

/**
 * The lines of a text, for comparing line structure: blank lines and heading marks (`## `, which
 * carry a heading style; a .txt has them only when it is Markdown) left out.
 */
const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.replace(/^#{1,6}[ \t]+/, ''))
    .filter((l) => l.trim() !== '');

/**
 * Text compared without whitespace: a PDF's text layer has no space where a line wraps at one
 * (`达 7617` printed with 7617 starting the next line reads `达7617`), and a signature line of
 * ideographic spaces (`广东省人民政府　…　二○一一年…`) wraps into two lines.
 */
const ink = (s: string): string => lines(s).join('').replace(/\s+/g, '');

/** Where two texts (or lists of lines) first differ, with a little context; null when equal. */
function firstDifference(got: string | string[], want: string | string[]): string | null {
  const n = Math.min(got.length, want.length);
  let i = 0;
  while (i < n && got[i] === want[i]) i++;
  if (i === n && got.length === want.length) return null;
  const around = (x: string | string[]): string =>
    typeof x === 'string' ? JSON.stringify(x.slice(Math.max(0, i - 20), i + 40)) : JSON.stringify(x.slice(Math.max(0, i - 1), i + 2));
  return `at ${i}: got ${around(got)}, the .txt has ${around(want)}`;
}

/** Source text cleaned to compare with the normalized text it maps to (markup, entities, glyph variants). */
function cleanSource(s: string): string {
  return unifyGlyphs(
    s
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))),
  )
    .normalize('NFKC')
    .replace(/[\s#*|]/g, '');
}

/** `needle` occurs in `hay` in order, possibly with other characters between (removed page numbers, joins). */
function subsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

let printer: PdfPrinter | null = null;
beforeAll(async () => {
  if (hasChromium) printer = await startPrinter();
}, 120_000);
afterAll(async () => {
  await printer?.close();
});

it('the demo corpus has the five sample plans', () => {
  expect(PLANS.map((f) => f.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
});

describe.each(PLANS)('%s', (file) => {
  const txt = fs.readFileSync(path.join(plansDir, file), 'utf8');
  let base: Analysis;

  beforeAll(async () => {
    base = analyze(await ingestBytes(new Uint8Array(Buffer.from(txt, 'utf8')), file), gazetteer, lexicons);
  });

  it('the .txt itself: its table of contents is removed by ingest and read by parse', () => {
    expect(base.doc.text.repairs.some((r) => r.rule === 'toc-removed')).toBe(true);
    expect(tocEntries(base.doc.text).length).toBeGreaterThanOrEqual(5);
    expect(outline(base).length).toBeGreaterThan(20);
  });

  for (const v of FORMAT_VARIANTS) {
    it.skipIf(v.pdf && !hasChromium)(
      v.name,
      async () => {
        const bytes = await v.make(txt, printer);
        const pt = await ingestBytes(bytes, v.fileName);
        expect(pt.format).toBe(v.format);
        const got = analyze(pt, gazetteer, lexicons);

        expect(outline(got)).toEqual(outline(base));
        expect(targets(got)).toEqual(targets(base));
        expect(meta(got)).toEqual(meta(base));

        // The TOC is out of the body in every format, and read as the .txt's.
        expect(pt.repairs.filter((r) => r.rule === 'toc-removed')).toHaveLength(1);
        expect(tocEntries(pt)).toEqual(tocEntries(base.doc.text));

        // The normalized text reads like the .txt's: line for line for DOCX and HTML, character
        // for character (whitespace aside, see `ink`) for PDF.
        if (v.format === 'pdf') expect(firstDifference(ink(pt.text), ink(base.doc.text.text))).toBeNull();
        else expect(firstDifference(lines(pt.text), lines(base.doc.text.text))).toBeNull();

        // The map still leads back to the file: every target's span, in the source, reads as it does in the text.
        for (const f of got.findings.filter((x) => x.kind === 'target')) {
          const norm = cleanSource(pt.text.slice(f.start, f.end));
          const src = cleanSource(sourceSpan(pt, f.start, f.end).text);
          expect(subsequence(norm, src), `${norm} ⟵ ${src}`).toBe(true);
          expect(src.length).toBeLessThanOrEqual(norm.length + 40);
        }
      },
      120_000,
    );
  }
});
