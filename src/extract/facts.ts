// Facts: past statistics a plan states (2010年达3537亿元, 常住人口1526万人, 占全省的17.7%), the
// baselines of its targets. They are the past statements of the analysis targets use (statements.ts).
import type { Extractor, Finding } from '../core/findings';
import { planStatements } from './statements';
import { sectionAt } from './text';

export const extractFacts: Extractor<'fact'> = (doc, ctx) =>
  planStatements(doc, ctx)
    .filter((s) => s.tense === 'past')
    .map(
      (s): Finding<'fact'> => ({
        kind: 'fact',
        start: s.start,
        end: s.end,
        section: sectionAt(doc, s.start)?.id ?? null,
        confidence: Math.round(s.confidence * 1000) / 1000,
        flags: s.flags,
        rule: s.rule,
        evidence: s.evidence,
        data: {
          indicator: s.indicator,
          canonical: s.canonical,
          scope: s.scope,
          scopeCode: s.scopeCode,
          year: s.year,
          value: s.value,
          unit: s.unit,
        },
      }),
    );
