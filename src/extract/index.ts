// Extraction: PlanDoc → findings. One module per kind, each a pure function, paired here with the
// kinds of the registry (src/core/kinds); a kind may also bring its extractor in its definition.
import type { AnyFinding, ExtractContext, Extractor, FindingKind } from '../core/findings';
import { allKinds, findKind, kindNames } from '../core/kinds/index';
import type { PlanDoc } from '../core/types';
import { extractDuties } from './duties';
import { extractFacts } from './facts';
import { extractPlaces } from './places';
import { extractProjects } from './projects';
import { extractReferences } from './references';
import { extractStructures } from './structures';
import { extractTargets } from './targets';

/** The extractor of each built-in kind. A kind defined with its own `extract` (src/core/kinds) needs no line here. */
const builtIn: { [K in FindingKind]: Extractor<K> } = {
  target: extractTargets,
  fact: extractFacts,
  structure: extractStructures,
  duty: extractDuties,
  project: extractProjects,
  place: extractPlaces,
  reference: extractReferences,
};

/** The extractor of a kind, if it has one. */
export function extractorOf(kind: string): Extractor | undefined {
  return (builtIn as Record<string, Extractor | undefined>)[kind] ?? (findKind(kind)?.extract as Extractor | undefined);
}

/** Runs every registered kind's extractor (or the given kinds') and returns the findings in document order. */
export function extractAll(doc: PlanDoc, ctx: ExtractContext, kinds: readonly FindingKind[] = kindNames()): AnyFinding[] {
  const out: AnyFinding[] = [];
  for (const k of kinds) out.push(...(extractorOf(k)?.(doc, ctx) ?? []).map((f) => f as AnyFinding));
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}

export type ExtractMeta = {
  title: string | null;
  issuer: string[];
  doc_number: string | null;
  issued: string | null;
  period: [number, number] | null;
  horizon: number | null;
  scope: string[];
  extension: string[];
  level: string;
  evidence: Array<{ field: string; start: number; end: number; quote: string }>;
};

/**
 * The JSON that `planatlas extract FILE --json` prints (format: shared/eval/README.md): meta, then
 * one list per kind under its plural (targets, structures, duties, projects, facts, places, references …).
 */
export type ExtractJson = { meta: ExtractMeta } & Record<string, Array<Record<string, unknown>>>;

/**
 * Shapes findings as the evaluation JSON. `quoteOf` gives the original text of a normalized
 * span (ingest's sourceSpan), so quotes are exact substrings of the plan file.
 */
export function toExtractJson(
  doc: PlanDoc,
  findings: readonly AnyFinding[],
  quoteOf: (start: number, end: number) => string,
): ExtractJson {
  const m = doc.meta;
  const common = (f: AnyFinding) => ({
    quote: quoteOf(f.start, f.end),
    start: f.start,
    end: f.end,
    confidence: round(f.confidence),
    flags: f.flags,
    section: f.section,
    ...(f.rule ? { rule: f.rule } : {}),
    ...(f.evidence?.length ? { evidence: f.evidence.map((e) => ({ role: e.role, start: e.start, end: e.end, quote: quoteOf(e.start, e.end) })) } : {}),
  });
  const meta: ExtractMeta = {
    title: m.title,
    issuer: m.issuer,
    doc_number: m.docNumber,
    issued: m.issued,
    period: m.period,
    horizon: m.horizon,
    scope: m.scope,
    extension: m.extension,
    level: m.level,
    evidence: m.evidence.map((e) => ({ field: e.field, start: e.start, end: e.end, quote: quoteOf(e.start, e.end) })),
  };
  const lists: Record<string, Array<Record<string, unknown>>> = {};
  for (const k of allKinds()) {
    const shape = k.evalJson ?? ((f: { data: unknown }) => ({ ...(f.data as object) }));
    lists[k.plural] = findings.filter((f) => f.kind === k.name).map((f) => ({ ...shape(f as never), ...common(f) }));
  }
  return { meta, ...lists } as ExtractJson;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
