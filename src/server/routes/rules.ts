// The extraction rules by name (src/extract/rules.ts) with their measured precision per kind
// (data/lexicons/rule-precision.json): what a finding's `rule` means, for the finding panel's tooltip.
import type { FastifyPluginAsync } from 'fastify';
import type { RuleInfo } from '../../core/api-types';
import { measuredRuleIds, ruleStatsOf } from '../../core/rule-stats';
import { TARGET_RULES } from '../../extract/rules';
import { obj, ref, strOrNull } from '../schemas';

/** Every rule of the registry, then any rule measured but not (yet) described there. */
export function ruleInfos(): RuleInfo[] {
  const described = TARGET_RULES.map((r) => ({ id: r.id, label: r.label, matches: r.matches, builds: r.builds }));
  const known = new Set(described.map((r) => r.id));
  const others = measuredRuleIds()
    .filter((id) => !known.has(id))
    .map((id) => ({ id, label: null, matches: null, builds: null }));
  return [...described, ...others].map((r) => ({ ...r, target: ruleStatsOf('target', r.id), fact: ruleStatsOf('fact', r.id) }));
}

const ruleInfo = obj(
  {
    id: { type: 'string', description: 'the rule id a finding names in its rule field (clause.standard, table.grid …)' },
    label: {
      anyOf: [obj({ zh: { type: 'string' }, en: { type: 'string' } }), { type: 'null' }],
      description: 'how a planner would name the rule, in Chinese and English; null for a rule measured but not described',
    },
    matches: { ...strOrNull, description: 'what the rule matches; null for a rule that is measured but not described in the registry' },
    builds: { ...strOrNull, description: 'what it makes of a match' },
    target: { anyOf: [ref('ruleStats'), { type: 'null' }], description: 'its measured precision on targets; null when not measured' },
    fact: { anyOf: [ref('ruleStats'), { type: 'null' }], description: 'its measured precision on facts (past statistics); null when not measured' },
  },
  { description: 'An extraction rule and how often it is right' },
);

export function ruleRoutes(): FastifyPluginAsync {
  return async (app) => {
    const rules = ruleInfos();
    app.get(
      '/rules',
      {
        schema: {
          tags: ['findings'],
          summary: 'The extraction rules that read targets and facts, with their measured precision',
          description:
            'precision = tp / n on the shared gold, counted by npm run eval -- --rules (data/lexicons/rule-precision.json); a finding’s confidence comes from these counts, so the review queue shows findings of rules with low precision first.',
          response: { 200: obj({ rules: { type: 'array', items: ruleInfo } }, { description: 'The rules, registry order first' }) },
        },
      },
      async () => ({ rules }),
    );
  };
}
