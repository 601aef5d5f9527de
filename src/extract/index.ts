// Extraction: PlanDoc → findings. The extractors of each kind (targets, structures, duties,
// projects, facts, places, references) are registered here; until they exist the arrays are empty.
import type { PlanDoc } from '../core/types';

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
  targets: unknown[];
  structures: unknown[];
  duties: unknown[];
  facts: unknown[];
}

export function toExtractJson(doc: PlanDoc, quoteOf: (start: number, end: number) => string): ExtractJson {
  const m = doc.meta;
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
    targets: [],
    structures: [],
    duties: [],
    facts: [],
  };
}
