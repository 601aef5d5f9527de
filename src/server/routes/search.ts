// 检索: Chinese full-text search over the current versions of all plans.
import { kindNames } from '../../core/kinds/index';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { planOr404 } from '../dto';
import { HIT_FINDINGS, passageFindings, searchPassages } from '../../search/query';
import { getSegmenter } from '../../search/segmenter';
import { errors, int, obj, offset, ref, str } from '../schemas';


interface SearchQuery {
  q?: string;
  plan?: string;
  section?: string;
  kind?: string;
  year?: number;
  limit: number;
  offset: number;
}

const hitFindingSchema = obj({
  key: { type: 'string', description: 'stable identity of the finding' },
  kind: str,
  summary: str,
  start: offset('start of the finding'),
  end: offset('end of the finding (exclusive)'),
});

const hitSchema = obj({
  plan: ref('planRef'),
  section: obj(
    { path: { type: 'string', description: "outline path ('3.2')" }, title: str },
    { nullable: true, description: 'the innermost section holding the passage; null before the first heading' },
  ),
  start: offset('start of the passage'),
  end: offset('end of the passage (exclusive)'),
  text: { type: 'string', description: 'the passage (a paragraph of the normalized text)' },
  highlights: {
    type: 'array',
    description: '[start, end) offsets inside text (not the plan text) where a query term occurs',
    items: { type: 'array', items: int, minItems: 2, maxItems: 2 },
  },
  findings: {
    type: 'array',
    description: `the first ${HIT_FINDINGS} effective findings (people’s decisions applied, rejected ones left out) whose span overlaps the passage: those holding a query term first, then in text order`,
    items: hitFindingSchema,
  },
  findingTotal: { type: 'integer', description: 'how many findings overlap the passage (GET /api/search/findings lists them all)' },
});

export function searchRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: SearchQuery }>(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Full-text search (jieba words and literal substrings) over the current versions of all plans',
          description:
            'Passages (paragraphs) ranked by relevance, with the offsets of the query terms and the findings inside each. ' +
            'All words of the query must occur (jieba segmentation with the planning dictionary), or the whole query as written (3+ characters).',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              q: { type: 'string', maxLength: 200, description: 'what to search for, e.g. 城镇化率 or 湛茂都市圈 港口' },
              plan: { type: 'string', minLength: 1, maxLength: 300, description: 'only this plan (slug, id, or a unique part of its title)' },
              section: { type: 'string', minLength: 1, maxLength: 100, description: "a section path ('3', '3.2' and what is inside) or words of a section title (发展目标)" },
              kind: { type: 'string', enum: kindNames(), description: 'only passages containing a finding of this kind' },
              year: { type: 'integer', minimum: 1949, maximum: 2100, description: 'only passages with a target or fact for this year, or the year written in them' },
              limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
              offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
            },
          },
          response: {
            200: obj({
              q: { type: 'string', description: 'the query, trimmed' },
              terms: { type: 'array', items: str, description: 'the words searched for: jieba words of the query, and the literal query when it is 3+ characters' },
              total: { type: 'integer', description: 'passages matching, over all pages' },
              hits: { type: 'array', items: hitSchema, description: 'ranked by relevance' },
            }, { description: 'One page of matching passages' }),
            ...errors([400, 'No q, or an invalid parameter (error.field names it)'], [404, 'No plan matches the plan parameter']),
          },
        },
      },
      async (req) => {
        const { q, plan, section, kind, year, limit, offset } = req.query;
        if (!q || !q.trim()) throw new HttpError(400, 'invalid-request', 'q: give the words to search for, e.g. ?q=城镇化率', 'q');
        const slug = plan ? (await planOr404(ctx.store, plan)).slug : undefined;
        const seg = getSegmenter(ctx.gazetteer, ctx.lexicons);
        return searchPassages(ctx.store, { q, plan: slug, section, kind, year, limit, offset }, seg);
      },
    );

    app.get<{ Querystring: { plan: string; start: number; end: number } }>(
      '/search/findings',
      {
        schema: {
          tags: ['search'],
          summary: 'All findings overlapping one passage of a plan (a search hit’s “N more”)',
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['plan', 'start', 'end'],
            properties: {
              plan: { type: 'string', minLength: 1, maxLength: 300, description: 'the plan (slug, id, or a unique part of its title); its current version' },
              start: { type: 'integer', minimum: 0, description: 'start of the passage (hit.start)' },
              end: { type: 'integer', minimum: 0, description: 'end of the passage (hit.end, exclusive)' },
            },
          },
          response: {
            200: obj({ findings: { type: 'array', items: hitFindingSchema, description: 'in text order' } }, { description: 'The effective findings overlapping [start, end), rejected ones left out' }),
            ...errors([400, 'A missing or invalid parameter, or end before start (error.field names it)'], [404, 'No plan matches the plan parameter']),
          },
        },
      },
      async (req) => {
        const { plan, start, end } = req.query;
        if (end < start) throw new HttpError(400, 'invalid-request', `end: ${end} is before start ${start}`, 'end');
        const p = await planOr404(ctx.store, plan);
        return { findings: await passageFindings(ctx.store, p.currentVersionId, start, end) };
      },
    );
  };
}
