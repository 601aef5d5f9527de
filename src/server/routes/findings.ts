// Findings of a plan, the targets table (目标指标) with its CSV / XLSX downloads, additions of
// missed findings, re-extraction, and the editable fields of each kind (for generated forms).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { addFinding } from '../../commands/curation';
import { reextractVersion } from '../../commands/reextract';
import { fieldSpecs } from '../../core/finding-fields';
import type { FindingKind } from '../../core/findings';
import { allKinds, findKind, kindNames, kindOf, type Labels } from '../../core/kinds/index';
import { planFindings, sectionTitlesAt, statusMatches, type PlanRef, type QueueStatus } from '../../store/review';
import type { AppContext } from '../context';
import { findingDto, planOr404 } from '../dto';
import { HttpError } from '../errors';
import { attachment, filterTargets, findingsTable, TARGET_SORT_KEYS, targetRow, targetsTable, toCsv, toXlsx, type Cell, type TargetFilters, type TargetRow } from '../export';
import type { FieldSpec, KindInfo } from '../../core/api-types';
import { countsByKind, download, CROSS_SITE, errors, int, obj, offset, ref, refOrNull } from '../schemas';

export const QUEUE_STATUSES = ['pending', 'reviewed', 'all', 'accepted', 'corrected', 'rejected', 'added'] as const;

const slugParams = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, description: 'plan slug, id or a unique part of its title' } },
} as const;

const targetQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200, description: 'text in the indicator or the scope' },
    year: { type: 'integer', minimum: 1949, maximum: 2100 },
    measure: { type: 'string', enum: ['level', 'growth', 'increment', 'ratio'] },
    binding: { type: 'string', enum: ['constraint', 'expected', 'none'], description: '约束性 / 预期性 / not stated' },
    status: { type: 'string', enum: ['pending', 'reviewed', 'accepted', 'corrected', 'rejected', 'added'] },
    sort: { type: 'string', enum: [...TARGET_SORT_KEYS] },
    dir: { type: 'string', enum: ['asc', 'desc'] },
  },
} as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fieldSpecSchema = obj(
  {
    name: { type: 'string', description: 'the key in data / fields' },
    type: {
      type: 'string',
      enum: ['string', 'number', 'integer', 'enum', 'list', 'number-or-text', 'range', 'json'],
      description: 'list: of strings; number-or-text: a number or a ratio such as 13:47:40; range: [low, high]; json: an object or array as JSON',
    },
    nullable: { type: 'boolean', description: 'null is allowed' },
    required: { type: 'boolean', description: 'an addition must give it' },
    options: {
      type: 'array',
      description: 'enum only: the allowed values with Chinese and English labels',
      items: obj({ value: { type: 'string' }, zh: { type: 'string' }, en: { type: 'string' } }),
    },
    zh: { type: 'string', description: 'label in Chinese' },
    en: { type: 'string', description: 'label in English' },
  },
  { optional: ['options'] },
);

const labelledValue = obj({ value: { type: 'string' }, zh: { type: 'string' }, en: { type: 'string' } });

const kindInfoSchema = obj(
  {
    name: { type: 'string', description: 'the kind as stored and used in URLs (target, duty …)' },
    plural: { type: 'string', description: 'its plural in the CLI and in extract --json (targets, duties …)' },
    zh: { type: 'string', description: 'label in Chinese' },
    en: { type: 'string', description: 'label in English' },
    colour: obj({ fill: { type: 'string', description: 'CSS colour of the highlight' }, line: { type: 'string', description: 'CSS colour of its border' } }),
    nesting: { type: 'integer', description: 'where two findings of the same length overlap, the lower is drawn on top' },
    shownByDefault: { type: 'boolean', description: 'highlighted in the reader unless asked otherwise' },
    fields: { type: 'array', items: fieldSpecSchema, description: 'as GET /api/finding-fields/{kind}' },
    values: { type: 'object', additionalProperties: { type: 'array', items: labelledValue }, description: 'labels of known values of fields that are not enums (place level)' },
  },
  { description: 'A kind of finding' },
);

export async function planRefOr404(ctx: AppContext, slug: string): Promise<PlanRef> {
  const p = await planOr404(ctx.store, slug);
  return { id: p.id, slug: p.slug, title: p.title, currentVersionId: p.currentVersionId };
}

/** Target rows of a plan's current version, decisions applied, with section titles. */
async function targetRows(ctx: AppContext, plan: PlanRef): Promise<TargetRow[]> {
  const { text, findings: all } = await planFindings(ctx.store, plan, 'target');
  const findings = all.filter((f) => f.kind === 'target');
  const titles = await sectionTitlesAt(ctx.store, plan.currentVersionId, findings.map((f) => f.start ?? 0));
  return findings.map((f) => targetRow(f, text, titles.get(f.start ?? 0) ?? null));
}

export type { FieldSpec };

/** Every kind of finding with its labels, colour and fields (GET /api/kinds). */
export function kindInfos(): KindInfo[] {
  return allKinds().map((k) => {
    const fields = fieldSpecs(k.name);
    const values: KindInfo['values'] = {};
    for (const [field, labels] of Object.entries((k.values ?? {}) as Record<string, Record<string, Labels>>)) {
      if (fields.find((f) => f.name === field)?.type !== 'enum') values[field] = Object.entries(labels).map(([value, l]) => ({ value, ...l }));
    }
    return { name: k.name, plural: k.plural, zh: k.label.zh, en: k.label.en, colour: { ...k.colour }, nesting: k.nesting, shownByDefault: k.shownByDefault, fields, values };
  });
}

export function findingRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { slug: string }; Querystring: { kind?: string; status?: QueueStatus } }>(
      '/plans/:slug/findings',
      {
        schema: {
          tags: ['findings'],
          summary: 'Findings of a plan (current version, people’s decisions applied)',
          params: slugParams,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              kind: { type: 'string', enum: kindNames() },
              status: { type: 'string', enum: [...QUEUE_STATUSES], default: 'all' },
            },
          },
          response: {
            200: obj(
              { plan: ref('planRef'), findings: { type: 'array', items: ref('findingDto') } },
              { description: 'The findings of the current version that match kind and status' },
            ),
            ...errors(400, [404, 'No plan matches the slug']),
          },
        },
      },
      async (req) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const { text, findings } = await planFindings(ctx.store, plan, req.query.kind);
        const status = req.query.status ?? 'all';
        return { plan: { slug: plan.slug, title: plan.title }, findings: findings.filter((f) => statusMatches(status, f.status)).map((f) => findingDto(f, text)) };
      },
    );

    app.get<{ Params: { slug: string }; Querystring: TargetFilters }>(
      '/plans/:slug/targets',
      {
        schema: {
          tags: ['findings'],
          summary: 'The targets table (目标指标) of a plan, filtered and sorted as asked',
          description: 'One row per target finding with people’s corrections applied. Filters: q (indicator/scope text), year, measure, binding, status; sort + dir.',
          params: slugParams,
          querystring: targetQuery,
          response: {
            200: obj({ plan: ref('planRef'), targets: { type: 'array', items: ref('targetRow') } }, { description: 'The rows of the targets table, filtered and sorted' }),
            ...errors(400, [404, 'No plan matches the slug']),
          },
        },
      },
      async (req) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const rows = filterTargets(await targetRows(ctx, plan), req.query);
        return { plan: { slug: plan.slug, title: plan.title }, targets: rows };
      },
    );

    for (const format of ['csv', 'xlsx'] as const) {
      const csv = format === 'csv';
      const asFile = (what: string) => ({
        200: download(csv ? `${what} as CSV, as an attachment` : `${what} as an .xlsx workbook, as an attachment`, [csv ? 'text/csv' : XLSX]),
        ...errors(400, [404, 'No plan matches the slug']),
      });
      /** Sends a table as the asked format, named after the plan and the table (a Chinese name and an ASCII one). */
      const send = async (reply: FastifyReply, plan: PlanRef, names: [zh: string, ascii: string], t: { headers: string[]; cells: Cell[][]; widths?: number[] }) => {
        reply.header('content-disposition', attachment(`${plan.title}-${names[0]}.${format}`, `${plan.slug}-${names[1]}.${format}`));
        if (csv) return reply.type('text/csv; charset=utf-8').send(toCsv(t.headers, t.cells));
        return reply.type(XLSX).send(await toXlsx(names[0], plan.title, t.headers, t.cells, t.widths));
      };

      app.get<{ Params: { slug: string }; Querystring: TargetFilters }>(
        `/plans/:slug/targets.${format}`,
        {
          schema: {
            tags: ['findings'],
            summary: csv ? 'Download the targets table as CSV (UTF-8 with BOM, CRLF)' : 'Download the targets table as an Excel workbook',
            description:
              'Same filters as /plans/{slug}/targets. Text cells that a spreadsheet would take for a formula (starting with = + - @, tab or CR) ' +
              (csv ? 'get a leading apostrophe.' : 'are stored as plain strings, never formulas.'),
            params: slugParams,
            querystring: targetQuery,
            response: asFile('The table'),
          },
        },
        async (req, reply) => {
          const plan = await planRefOr404(ctx, req.params.slug);
          return send(reply, plan, ['目标指标', 'targets'], targetsTable(filterTargets(await targetRows(ctx, plan), req.query)));
        },
      );

      app.get<{ Params: { slug: string }; Querystring: { kind: string; status?: QueueStatus } }>(
        `/plans/:slug/findings.${format}`,
        {
          schema: {
            tags: ['findings'],
            summary: csv ? 'Download the findings of one kind as CSV (UTF-8 with BOM, CRLF)' : 'Download the findings of one kind as an Excel workbook',
            description:
              'One column per field of the kind (its labels, GET /api/kinds), then confidence, review status and the quote; people’s decisions applied. ' +
              'Formula-like text is defused as in the targets download.',
            params: slugParams,
            querystring: {
              type: 'object',
              additionalProperties: false,
              required: ['kind'],
              properties: {
                kind: { type: 'string', enum: kindNames() },
                status: { type: 'string', enum: [...QUEUE_STATUSES], default: 'all' },
              },
            },
            response: asFile('The findings'),
          },
        },
        async (req, reply) => {
          const plan = await planRefOr404(ctx, req.params.slug);
          const kind = kindOf(req.query.kind);
          const { text, findings } = await planFindings(ctx.store, plan, kind.name);
          const status = req.query.status ?? 'all';
          return send(reply, plan, [kind.label.zh, kind.plural], findingsTable(kind.name, findings.filter((f) => statusMatches(status, f.status)), text));
        },
      );
    }

    app.post<{ Params: { slug: string }; Body: { kind: FindingKind; quote: string; occurrence?: number; fields: Record<string, unknown>; note?: string } }>(
      '/plans/:slug/findings',
      {
        schema: {
          tags: ['review'],
          summary: 'Add a finding the extractors missed (补录)',
          description: 'The quote must be exact text of the plan’s current version; give occurrence (1-based) when it appears more than once. Fields are validated against the kind’s schema (GET /api/finding-fields/{kind}); errors name the field.',
          params: slugParams,
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'quote', 'fields'],
            properties: {
              kind: { type: 'string', enum: kindNames() },
              quote: { type: 'string', minLength: 1, maxLength: 2000 },
              occurrence: { type: 'integer', minimum: 1 },
              fields: { type: 'object', additionalProperties: true },
              note: { type: 'string', maxLength: 2000 },
            },
          },
          response: {
            201: obj(
              {
                decisionId: { type: 'integer', description: 'the decision that records the addition' },
                start: offset('where the quote was found'),
                end: offset('end of the quote (exclusive)'),
                finding: refOrNull('findingDto', 'the added finding (status added); null if it cannot be found again'),
              },
              { description: 'The addition was stored' },
            ),
            ...errors(
              CROSS_SITE,
              [400, 'Invalid body, a field that does not fit the kind, or a quote not in the text / ambiguous without occurrence (code invalid-field, error.field names it)'],
              [404, 'No plan matches the slug'],
              415,
            ),
          },
        },
      },
      async (req, reply) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const b = req.body;
        const added = await addFinding(ctx.store, { planId: plan.id, kind: b.kind, quote: b.quote, occurrence: b.occurrence, fields: b.fields, note: b.note, actor: ctx.actor });
        const { text, findings } = await planFindings(ctx.store, plan, b.kind);
        const f = findings.find((x) => x.decision?.id === added.decisionId);
        return reply.status(201).send({ decisionId: added.decisionId, start: added.start, end: added.end, finding: f ? findingDto(f, text) : null });
      },
    );

    app.post<{ Params: { slug: string } }>(
      '/plans/:slug/reextract',
      {
        schema: {
          tags: ['findings'],
          summary: 'Run the extractors again on the plan’s current version',
          description: 'Replaces the extractor output; people’s decisions are kept and re-applied. Returns the number of findings per kind.',
          params: slugParams,
          response: {
            200: obj(
              {
                plan: ref('planRef'),
                versionId: { type: 'integer', description: 'the version re-extracted (the current one)' },
                findings: { ...countsByKind, description: 'extractor findings per kind now' },
              },
              { description: 'The findings were replaced; decisions are applied again' },
            ),
            ...errors(CROSS_SITE, 400, [404, 'No plan matches the slug']),
          },
        },
      },
      async (req) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const findings = await reextractVersion(ctx.store, plan.currentVersionId, ctx.actor, ctx.gazetteer, ctx.lexicons);
        return { plan: { slug: plan.slug, title: plan.title }, versionId: plan.currentVersionId, findings };
      },
    );

    app.get(
      '/kinds',
      {
        schema: {
          tags: ['review'],
          summary: 'The kinds of finding: labels, colours, display order and fields (the kind registry)',
          description: 'In display order. The web app takes every kind name, field label and value label from here.',
          response: { 200: { type: 'array', description: 'Every kind, in display order', items: kindInfoSchema } },
        },
      },
      async () => kindInfos(),
    );

    app.get<{ Params: { kind: string } }>(
      '/finding-fields/:kind',
      {
        schema: {
          tags: ['review'],
          summary: 'The editable fields of a kind of finding (for generated correction and addition forms)',
          params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
          response: {
            200: obj(
              { kind: { type: 'string', enum: kindNames() }, fields: { type: 'array', items: fieldSpecSchema } },
              { description: 'The fields of the kind, in the order a form shows them' },
            ),
            ...errors([404, 'No such kind of finding (error.field is kind)']),
          },
        },
      },
      async (req) => {
        const kind = findKind(req.params.kind)?.name;
        if (!kind) throw new HttpError(404, 'not-found', `no kind of finding "${req.params.kind}"; one of: ${kindNames().join(', ')}`, 'kind');
        return { kind, fields: fieldSpecs(kind) };
      },
    );
  };
}
