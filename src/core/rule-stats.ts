// How often each extraction rule is right, as measured on the shared gold by
// `npm run eval -- --rules data/lexicons/rule-precision.json`: per kind (targets, facts), per rule,
// the findings it made (n) and how many of them the gold has (tp). Shown beside a finding so a
// reviewer sees what its rule's word is worth; the confidence itself is src/extract/confidence.ts.
import measured from '../../data/lexicons/rule-precision.json' with { type: 'json' };

export interface RuleCount {
  tp: number;
  n: number;
}

/** The measured counts per rule, by the table's kind (targets, facts). */
export interface RuleCounts {
  targets: { rules: Record<string, RuleCount> };
  facts: { rules: Record<string, RuleCount> };
}

export interface RuleStats {
  /** tp / n: the share of the rule's findings the gold has. */
  precision: number;
  /** n: the number of findings of this kind it was measured on. */
  measuredOn: number;
}

export const measuredRuleCounts = measured as unknown as RuleCounts;

/** The table a kind of finding is measured in; null for kinds no rule is measured for. */
function tableOf(counts: RuleCounts, kind: string): Record<string, RuleCount> | null {
  if (kind === 'target') return counts.targets.rules;
  if (kind === 'fact') return counts.facts.rules;
  return null;
}

/** The measured precision of `rule` for findings of `kind`; null when the rule was never measured (or there is no rule). */
export function ruleStatsOf(kind: string, rule: string | null | undefined, counts: RuleCounts = measuredRuleCounts): RuleStats | null {
  if (!rule) return null;
  const c = tableOf(counts, kind)?.[rule];
  if (!c || c.n <= 0) return null;
  return { precision: c.tp / c.n, measuredOn: c.n };
}

/** Every rule id the measurements name, in the order they appear (targets first). */
export function measuredRuleIds(counts: RuleCounts = measuredRuleCounts): string[] {
  return [...new Set([...Object.keys(counts.targets.rules), ...Object.keys(counts.facts.rules)])];
}
