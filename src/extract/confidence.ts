// How sure a finding is, from what was measured, not from a literal in the code: the precision of
// the rule that made it and of every flag it carries (year_implied, decimal_restored …), counted by
// `npm run eval -- --rules data/lexicons/rule-precision.json` on the shared gold.
//
//   rule precision   (tp + 2p) / (n + 2), p the overall precision: a rule measured on few findings
//                    stays near the overall precision (a prior of two findings)
//   flag factor      the precision of findings with the flag over the overall precision, shrunk
//                    toward no effect the same way; a flag measured on nothing (doubtful_value) is a
//                    coin toss
//
// The review queue shows the least sure first, so findings of rules with low measured precision
// (or new rules, measured on nothing yet) come up for review before the rest.
import measured from '../../data/lexicons/rule-precision.json' with { type: 'json' };

export interface Count {
  tp: number;
  n: number;
}

export interface PrecisionTable {
  overall: Count;
  rules: Record<string, Count>;
  flags: Record<string, Count>;
}

const PRIOR = 2;

/** Confidence of a finding made by `rule` with `flags`, from a table of measured counts. */
export function confidenceFrom(table: PrecisionTable, rule: string, flags: readonly string[]): number {
  const r = table.rules[rule] ?? { tp: 0, n: 0 };
  const overall = table.overall.n ? table.overall.tp / table.overall.n : 0.5;
  let c = (r.tp + PRIOR * overall) / (r.n + PRIOR);
  for (const f of new Set(flags)) {
    const m = table.flags[f];
    if (overall === 0) continue;
    c *= m ? (m.tp + PRIOR * overall) / (m.n + PRIOR) / overall : 0.5 / overall;
  }
  return Math.round(Math.max(0.05, Math.min(0.999, c)) * 1000) / 1000;
}

const tables = measured as unknown as { targets: PrecisionTable; facts: PrecisionTable };

/** Confidence of a target or fact, from data/lexicons/rule-precision.json. */
export function confidenceOf(kind: 'target' | 'fact', rule: string, flags: readonly string[]): number {
  return confidenceFrom(kind === 'target' ? tables.targets : tables.facts, rule, flags);
}
