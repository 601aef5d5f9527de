// Targets: the quantitative goals of a plan (到2015年，粤西地区生产总值达到6340亿元). They are the
// forward-looking statements of the shared sentence and table analysis (statements.ts, tables.ts);
// past statistics from the same analysis are facts (facts.ts).
import type { Extractor, Finding } from '../core/findings';
import { planStatements } from './statements';
import { sectionAt } from './text';

export const extractTargets: Extractor<'target'> = (doc, ctx) =>
  planStatements(doc, ctx)
    .filter((s) => s.tense === 'future')
    .map(
      (s): Finding<'target'> => ({
        kind: 'target',
        start: s.start,
        end: s.end,
        section: sectionAt(doc, s.start)?.id ?? null,
        confidence: round(s.confidence),
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
          range: s.range,
          unit: s.unit,
          comparator: s.comparator,
          measure: s.measure,
          direction: s.direction,
          baselineValue: s.baselineValue,
          baselineYear: s.baselineYear,
          binding: s.binding,
        },
      }),
    );

const round = (x: number) => Math.round(x * 1000) / 1000;
