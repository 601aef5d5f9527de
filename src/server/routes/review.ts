// 审核: the review queue (least sure first), review counts and the extractor's precision, and
// decisions (accept / reject / correct) on single findings.
import type { FastifyPluginAsync } from 'fastify';
import { decide, type DecisionResult } from '../../commands/curation';
import { kindNames } from '../../core/kinds/index';
import type { DecisionRecord } from '../../core/curation';
import { getEffectiveFindings } from '../../store/findings';
import { reviewOrphans, reviewQueue, versionText, reviewStats, type PlanRef, type QueueStatus } from '../../store/review';
import type { AppContext } from '../context';
import { findingDto, sentenceAround } from '../dto';
import { planRefOr404, QUEUE_STATUSES } from './findings';
import { anyObject, DECISION_ACTIONS, CROSS_SITE, errors, int, isoTime, obj, offset, ref, reviewCountsProperties, str, strOrNull } from '../schemas';

const planNotFound: [number, string] = [404, 'No plan matches the plan parameter'];

const orphanDecision = obj(
  {
    id: { type: 'integer', description: 'decision id' },
    action: { type: 'string', enum: DECISION_ACTIONS },
    kind: str,
    key: { type: 'string', description: 'stable identity of the finding the decision was about' },
    quote: { type: 'string', description: 'the quote the decision was made on' },
    fields: { ...anyObject, description: 'corrected fields (correct) or the whole data (add); empty otherwise' },
    note: strOrNull,
    actor: str,
    at: isoTime,
  },
  { description: 'A decision that no longer matches a finding of the current version' },
);

export const PRECISION_NOTE =
  'precision (strict) = accepted / (accepted + corrected + rejected); lenientPrecision = (accepted + corrected) / (accepted + corrected + rejected). ' +
  'Counted over extractor findings people reviewed (additions are not counted); null when nothing is reviewed yet.';

/** The one plan asked for, or null: all plans. */
async function plansFor(ctx: AppContext, ref: string | undefined): Promise<PlanRef[] | null> {
  return ref ? [await planRefOr404(ctx, ref)] : null;
}

export function reviewRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { plan?: string; kind?: string; status: QueueStatus; key?: string; limit: number; offset: number } }>(
      '/review',
      {
        schema: {
          tags: ['review'],
          summary: 'The review queue: findings ordered by confidence, least sure first',
          description:
            'Each item has its plan, the finding (people’s decisions applied; additions have status "added") and the sentence around it; ' +
            'mark is the finding’s span inside sentence.text. status: pending (default), reviewed, all, or one review status. key: one finding by its stable identity.',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              plan: { type: 'string', minLength: 1, description: 'plan slug, id or a unique part of its title; all plans when absent' },
              kind: { type: 'string', enum: kindNames() },
              status: { type: 'string', enum: [...QUEUE_STATUSES], default: 'pending' },
              key: { type: 'string', maxLength: 100 },
              limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
              offset: { type: 'integer', minimum: 0, default: 0 },
            },
          },
          response: {
            200: obj({
              items: {
                type: 'array',
                items: obj({
                  plan: ref('planRef'),
                  finding: ref('findingDto'),
                  sentence: obj(
                    {
                      text: str,
                      start: offset('start of the sentence'),
                      end: offset('end of the sentence (exclusive)'),
                    },
                    { description: 'the sentence around the finding (up to the previous and next 。！？； or line break)' },
                  ),
                  mark: obj(
                    { start: int, end: int },
                    { description: 'the finding’s span inside sentence.text (offsets into sentence.text, not the plan text)' },
                  ),
                }),
              },
              total: { type: 'integer', description: 'items matching the filters, over all pages' },
              limit: int,
              offset: int,
            }, { description: 'One page of the queue' }),
            ...errors(400, planNotFound),
          },
        },
      },
      async (req) => {
        const q = req.query;
        const plans = await plansFor(ctx, q.plan);
        const { entries, total } = await reviewQueue(ctx.store, plans, { kind: q.kind, status: q.status, key: q.key, limit: q.limit, offset: q.offset });
        const items = entries.map(({ plan, text, finding }) => {
          const dto = findingDto(finding, text);
          const start = finding.start ?? 0;
          const end = finding.end ?? start;
          const sentence = sentenceAround(text, start, end);
          return {
            plan: { slug: plan.slug, title: plan.title },
            finding: dto,
            sentence,
            mark: { start: start - sentence.start, end: end - sentence.start },
          };
        });
        return { items, total, limit: q.limit, offset: q.offset };
      },
    );

    app.get<{ Querystring: { plan?: string } }>(
      '/review/stats',
      {
        schema: {
          tags: ['review'],
          summary: 'Review progress and the extractor’s precision on reviewed findings',
          description: PRECISION_NOTE,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { plan: { type: 'string', minLength: 1, description: 'one plan; all plans when absent' } },
          },
          response: {
            200: obj(
              {
                ...reviewCountsProperties,
                byKind: { type: 'object', additionalProperties: ref('reviewCounts'), description: 'the same counts per kind of finding' },
                orphans: { type: 'integer', description: 'decisions that no longer match a finding (GET /api/review/orphans)' },
              },
              { description: 'Review counts over all findings, per kind, and the number of orphaned decisions' },
            ),
            ...errors(400, planNotFound),
          },
        },
      },
      async (req) => reviewStats(ctx.store, await plansFor(ctx, req.query.plan)),
    );

    app.get<{ Querystring: { plan?: string; limit: number; offset: number } }>(
      '/review/orphans',
      {
        schema: {
          tags: ['review'],
          summary: 'Decisions that no longer match a finding (the plan text changed there); kept for a person to re-check',
          description:
            'A correction, acceptance or rejection whose finding the current version no longer has, or an addition whose quote is no longer in the text. ' +
            'Nothing is deleted: the decision applies again if a later version brings the text back.',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              plan: { type: 'string', minLength: 1, description: 'one plan; all plans when absent' },
              limit: { type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'decisions per page' },
              offset: { type: 'integer', minimum: 0, maximum: 1000000, default: 0, description: 'decisions to skip' },
            },
          },
          response: {
            200: obj({
              items: { type: 'array', items: obj({ plan: ref('planRef'), decision: orphanDecision }), description: 'newest first' },
              total: { type: 'integer', description: 'orphaned decisions over all pages' },
              limit: int,
              offset: int,
            }, { description: 'One page of the orphaned decisions' }),
            ...errors(400, planNotFound),
          },
        },
      },
      async (req) => {
        const { limit, offset } = req.query;
        const page = await reviewOrphans(ctx.store, await plansFor(ctx, req.query.plan), { limit, offset });
        const items = page.items.map(({ plan, decision }) => ({
          plan: { slug: plan.slug, title: plan.title },
          decision: decisionDto(decision),
        }));
        return { items, total: page.total, limit, offset };
      },
    );

    app.post<{ Params: { slug: string }; Body: { key: string; action: 'accept' | 'reject' | 'correct'; fields?: Record<string, unknown>; note?: string } }>(
      '/plans/:slug/decisions',
      {
        schema: {
          tags: ['review'],
          summary: 'Accept, reject or correct a finding of a plan by its stable key — also a person’s own addition',
          description:
            'key is the finding’s key (FindingDto.key), which survives re-extraction. For an addition, correct changes its fields and reject withdraws it. ' +
            'A bad field gives 400 invalid-field naming it; an unknown key gives 404 naming "key". finding is null when the decision withdrew an addition.',
          params: { type: 'object', required: ['slug'], properties: { slug: { type: 'string', minLength: 1 } } },
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['key', 'action'],
            properties: {
              key: { type: 'string', minLength: 1, maxLength: 100 },
              action: { type: 'string', enum: ['accept', 'reject', 'correct'] },
              fields: { type: 'object', additionalProperties: true },
              note: { type: 'string', maxLength: 2000 },
            },
          },
          response: {
            200: ref('decisionResult'),
            ...errors(
              CROSS_SITE,
              [400, 'Invalid body, or a field that does not fit the kind (code invalid-field, error.field names it)'],
              [404, 'No plan matches the slug, or the plan has no finding with this key (error.field is key)'],
              415,
            ),
          },
        },
      },
      async (req) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const b = req.body;
        const d = await decide(ctx.store, { target: { planId: plan.id, key: b.key }, action: b.action, fields: b.fields, note: b.note, actor: ctx.actor });
        return decisionReply(ctx, d, b.action, plan.currentVersionId);
      },
    );

    app.post<{ Params: { id: number }; Body: { action: 'accept' | 'reject' | 'correct'; fields?: Record<string, unknown>; note?: string } }>(
      '/findings/:id/decision',
      {
        schema: {
          tags: ['review'],
          summary: 'Accept, reject or correct one finding',
          description:
            'correct needs fields (a subset of GET /api/finding-fields/{kind}); a bad field gives 400 invalid-field with error.field naming it. ' +
            'The decision is keyed to the finding’s stable identity, so it survives re-extraction and new versions of the plan.',
          params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['action'],
            properties: {
              action: { type: 'string', enum: ['accept', 'reject', 'correct'] },
              fields: { type: 'object', additionalProperties: true },
              note: { type: 'string', maxLength: 2000 },
            },
          },
          response: {
            200: ref('decisionResult'),
            ...errors(
              CROSS_SITE,
              [400, 'Invalid id or body, or a field that does not fit the kind (code invalid-field, error.field names it)'],
              [404, 'No finding with this id (ids change when a plan is re-extracted; error.field is id)'],
              415,
            ),
          },
        },
      },
      async (req) => {
        const b = req.body;
        const d = await decide(ctx.store, { target: { findingId: req.params.id }, action: b.action, fields: b.fields, note: b.note, actor: ctx.actor });
        return decisionReply(ctx, d, b.action, d.versionId);
      },
    );
  };
}

/** The decision made and the finding as it reads now (null when the decision withdrew an addition). */
async function decisionReply(ctx: AppContext, d: DecisionResult, action: string, versionId: number | null) {
  let finding = null;
  if (versionId != null) {
    const { findings } = await getEffectiveFindings(ctx.store, versionId, d.kind);
    const f = findings.find((x) => x.identity === d.identity);
    if (f) finding = findingDto(f, await versionText(ctx.store, versionId));
  }
  return { decision: { id: d.decisionId, action, kind: d.kind, key: d.identity, actor: ctx.actor }, finding };
}

function decisionDto(d: DecisionRecord) {
  return {
    id: d.id,
    action: d.action,
    kind: d.kind,
    key: d.identity,
    quote: d.quote,
    fields: d.fields,
    note: d.note,
    actor: d.actor,
    at: new Date(d.createdAt).toISOString(),
  };
}
