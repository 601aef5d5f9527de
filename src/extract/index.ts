// Extraction: PlanDoc → findings. One module per kind, each a pure function; this registry is the
// only place that knows them all. Adding a kind touches one new file and one line here.
import type { AnyFinding, ExtractContext, Extractor, Finding, FindingKind } from '../core/findings';
import type { PlanDoc } from '../core/types';
import { extractDuties } from './duties';
import { extractFacts } from './facts';
import { extractPlaces } from './places';
import { extractProjects } from './projects';
import { extractReferences } from './references';
import { extractStructures } from './structures';
import { extractTargets } from './targets';

export const extractors: { [K in FindingKind]: Extractor<K> } = {
  target: extractTargets,
  fact: extractFacts,
  structure: extractStructures,
  duty: extractDuties,
  project: extractProjects,
  place: extractPlaces,
  reference: extractReferences,
};

export const findingKinds = Object.keys(extractors) as FindingKind[];

/** Runs every extractor (or the given kinds) and returns the findings in document order. */
export function extractAll(doc: PlanDoc, ctx: ExtractContext, kinds: readonly FindingKind[] = findingKinds): AnyFinding[] {
  const out: AnyFinding[] = [];
  for (const k of kinds) out.push(...(extractors[k] as Extractor)(doc, ctx).map((f) => f as AnyFinding));
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}

const byKind = <K extends FindingKind>(fs: readonly AnyFinding[], k: K): Array<Finding<K>> =>
  fs.filter((f): f is Extract<AnyFinding, { kind: K }> => f.kind === k) as unknown as Array<Finding<K>>;

/** The JSON that `planatlas extract FILE --json` prints (format: shared/eval/README.md). */
export interface ExtractJson {
  meta: {
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
  targets: Array<Record<string, unknown>>;
  structures: Array<Record<string, unknown>>;
  duties: Array<Record<string, unknown>>;
  facts: Array<Record<string, unknown>>;
  projects: Array<Record<string, unknown>>;
  places: Array<Record<string, unknown>>;
  references: Array<Record<string, unknown>>;
}

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
  return {
    meta: {
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
    },
    targets: byKind(findings, 'target').map((f) => {
      const d = f.data;
      return {
        indicator: d.indicator,
        canonical: d.canonical,
        scope: d.scope,
        scope_code: d.scopeCode,
        year: d.year,
        value: d.value,
        value_max: d.range ? d.range[1] : null,
        range: d.range,
        unit: d.unit,
        comparator: d.comparator,
        kind: d.measure,
        direction: d.direction,
        baseline_value: d.baselineValue,
        baseline_year: d.baselineYear,
        binding: d.binding,
        year_implied: f.flags.includes('year_implied'),
        ...common(f),
      };
    }),
    structures: byKind(findings, 'structure').map((f) => ({
      code: f.data.code,
      subject: f.data.subject,
      elements: f.data.elements.map((e) => ({ name: e.name, count: e.count, members: e.members, member_codes: e.memberCodes })),
      ...common(f),
    })),
    duties: byKind(findings, 'duty').map((f) => ({
      task: f.data.task,
      lead: f.data.lead,
      support: f.data.support,
      deadline: f.data.deadline,
      ...common(f),
    })),
    facts: byKind(findings, 'fact').map((f) => ({
      indicator: f.data.indicator,
      canonical: f.data.canonical,
      scope: f.data.scope,
      scope_code: f.data.scopeCode,
      year: f.data.year,
      value: f.data.value,
      unit: f.data.unit,
      ...common(f),
    })),
    projects: byKind(findings, 'project').map((f) => ({ ...f.data, ...common(f) })),
    places: byKind(findings, 'place').map((f) => ({ ...f.data, ...common(f) })),
    references: byKind(findings, 'reference').map((f) => ({ title: f.data.title, doc_number: f.data.docNumber, ...common(f) })),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
