// 规划库: the plan list (with filters), upload, a plan's detail, its text with findings, its original file.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { findingDto, frameDto, planOr404 } from '../dto';
import { ingestPlan } from '../../commands/ingest-plan';
import { formatBytes } from '../../ingest/errors';
import { getEffectiveFindings } from '../../store/findings';
import { getOriginalFile, getOutline, getRepairs, getVersion, listVersions } from '../../store/queries';
import { getFlatSections, listPlanCards, planFacets, PLAN_PAGE_DEFAULT, type PlanCard } from '../../store/plan-views';
import { placeCodeOf } from '../../places/lookup';
import { countsByKind, download, CROSS_SITE, errors, int, isoTime, obj, offset, PLACE_LEVELS, planCardProperties, ref, refOrNull, SECTION_KINDS, str, strList, strOrNull } from '../schemas';

const slugParams = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 300, description: 'plan slug, id, or a unique part of its title' } },
} as const;

const LEVELS = ['national', 'cross-provincial', 'provincial', 'prefectural', 'county', 'unknown'];

const META_FIELDS = ['title', 'issuer', 'docNumber', 'issued', 'period', 'horizon', 'scope', 'extension', 'level', 'frame'];

/** GET /plans/:slug: the card with versions, metadata evidence and the outline. */
const planDetail = obj(
  {
    ...planCardProperties,
    versionsList: {
      type: 'array',
      description: 'stored versions, newest first',
      items: obj({ id: int, version: int, fileName: str, sha256: { type: 'string', description: 'SHA-256 of the file, hex' }, createdAt: isoTime }),
    },
    metaEvidence: {
      type: 'array',
      description: 'where in the normalized text each metadata field was read',
      items: obj({
        field: { type: 'string', enum: META_FIELDS, description: "the metadata field; frame: the year a report or policy speaks from (its title's 2026年)" },
        start: offset(),
        end: offset('end (exclusive)'),
      }),
    },
    frame: refOrNull('timeFrame', 'the time frame of the current version; null for a version stored before frames were kept (re-extract the plan to fill it)'),
    outline: { type: 'array', items: ref('outlineSection'), description: 'the outline as a tree' },
  },
  { description: 'The plan card with its versions, where its metadata was read, its time frame, and its outline' },
);

const flatSection = obj({
  path: { type: 'string', description: "path in the outline tree ('3.2'); the reader's paragraph anchor" },
  title: str,
  label: strOrNull,
  kind: { type: 'string', enum: SECTION_KINDS },
  level: int,
  start: offset('start of the section'),
  end: offset('end of the section with its descendants (exclusive)'),
  headingStart: offset('start of the heading line'),
  headingEnd: offset('end of the heading line (exclusive)'),
});

const ingestResult = obj({
  status: {
    type: 'string',
    enum: ['created', 'new-version', 'unchanged'],
    description: 'created: a new plan; new-version: a changed (or reverted) file of a known plan; unchanged: these bytes are already the current version',
  },
  planId: int,
  slug: str,
  title: str,
  versionId: int,
  version: { type: 'integer', description: 'version number of the plan (1, 2, …)' },
  sections: { type: 'integer', description: 'outline sections found' },
  repairs: { type: 'integer', description: 'repairs made while normalizing' },
  findings: countsByKind,
  warnings: strList,
});

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Content-Disposition for a download, with an ASCII fallback and the RFC 5987 UTF-8 name (规划.txt). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'plan';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

async function cardOf(ctx: AppContext, slug: string): Promise<PlanCard> {
  const p = await planOr404(ctx.store, slug);
  const [c] = (await listPlanCards(ctx.store, { ids: [p.id] })).cards;
  if (!c) throw new HttpError(404, 'not-found', `plan ${slug} not found`);
  return c;
}

const PLAN_Q = { type: 'string', minLength: 1, maxLength: 100, description: 'part of the title (any case), or the exact slug or id' } as const;
/** The library's filters: GET /api/plans and GET /api/plan-facets take the same. */
const PLAN_FILTERS = {
  level: { type: 'string', enum: LEVELS, description: 'plan level (exact)' },
  place: { type: 'string', minLength: 1, maxLength: 50, description: 'gazetteer code or name: plans covering it, a unit above or below it' },
  period: { type: 'integer', minimum: 1949, maximum: 2100, description: 'a year the plan period contains' },
  q: PLAN_Q,
} as const;

/** The gazetteer code of a place filter (null when none is given); 400 unknown-place when it names no unit. */
function placeFilter(ctx: AppContext, place: string | undefined): string | null {
  if (!place) return null;
  const code = placeCodeOf(ctx.gazetteer, place);
  if (!code) throw new HttpError(400, 'unknown-place', `place: "${place}" is not a known administrative unit (give a name like 湛江市 or a 6-digit code)`, 'place');
  return code;
}

export function planRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { level?: string; place?: string; period?: number; q?: string; limit: number; offset: number } }>(
      '/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'List plans as library cards, optionally filtered',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              ...PLAN_FILTERS,
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: PLAN_PAGE_DEFAULT, description: 'cards per page' },
              offset: { type: 'integer', minimum: 0, maximum: 1000000, default: 0, description: 'cards to skip' },
            },
          },
          response: {
            200: obj(
              { plans: { type: 'array', items: ref('planCard') }, total: { type: 'integer', description: 'plans matching the filters, over all pages' } },
              { description: 'One page of the plans matching the filters, in ingest order' },
            ),
            ...errors([400, 'Invalid filter, or place is not a known administrative unit (code unknown-place)']),
          },
        },
      },
      async (req) => {
        const { level, place, period, q, limit, offset } = req.query;
        const placeCode = placeFilter(ctx, place);
        const { cards, total } = await listPlanCards(ctx.store, { filter: { level, place, period, q }, gaz: ctx.gazetteer, placeCode, page: { limit, offset } });
        return { plans: cards, total };
      },
    );

    app.get<{ Querystring: { level?: string; place?: string; period?: number; q?: string } }>(
      '/plan-facets',
      {
        schema: {
          tags: ['plans'],
          summary: 'The plan library’s filter choices with their plan counts, over all plans (not one page)',
          description:
            'Each facet is counted over the plans matching the other filters (levels ignore level=, places ignore place=, periods ignore period=), ' +
            'so a choice shows how many plans picking it gives. The filters are those of GET /api/plans.',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              ...PLAN_FILTERS,
            },
          },
          response: {
            200: obj(
              {
                total: { type: 'integer', description: 'plans matching all the filters' },
                levels: { type: 'array', description: 'plans per level', items: obj({ level: { type: 'string', enum: LEVELS }, plans: int }) },
                places: {
                  type: 'array',
                  description: 'plans per unit they cover (scope or extension), by code',
                  items: obj({ code: str, name: str, level: { type: 'string', enum: PLACE_LEVELS }, plans: int }),
                },
                periods: {
                  type: 'array',
                  description: 'plans per plan period, by first year',
                  items: obj({ start: { type: 'integer', description: 'first year' }, end: { type: 'integer', description: 'last year' }, plans: int }),
                },
              },
              { description: 'The filter choices with their counts' },
            ),
            ...errors([400, 'Invalid filter, or place is not a known administrative unit (code unknown-place)']),
          },
        },
      },
      async (req) => {
        const { level, place, period, q } = req.query;
        const placeCode = placeFilter(ctx, place);
        return planFacets(ctx.store, { filter: { level, place, period, q }, gaz: ctx.gazetteer, placeCode });
      },
    );

    app.post(
      '/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'Upload a plan file (multipart field "file"): stored as a new plan, a new version, or recognised as unchanged',
          description:
            'txt, md, html, docx or pdf. 201 with the ingest result; 413 when the file is over the size limit; 422 when it cannot be read (empty, binary, bad encoding, corrupt docx/pdf). Nothing is stored on failure.',
          consumes: ['multipart/form-data'],
          response: {
            201: obj({ result: ingestResult }, { description: 'The file was stored (or recognised as unchanged)' }),
            ...errors(
              CROSS_SITE,
              [400, 'Not multipart/form-data, or no file in the field "file" (codes invalid-request, missing-file)'],
              413,
              415,
              422,
            ),
          },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) {
          throw new HttpError(400, 'invalid-request', 'send the plan as multipart/form-data with one field "file"', 'file');
        }
        const part = await req.file();
        if (!part) throw new HttpError(400, 'missing-file', 'no file: send the plan in the multipart field "file"', 'file');
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new HttpError(400, 'missing-file', `unexpected field "${part.fieldname}": send the plan in the field "file"`, 'file');
        }
        const fileName = part.filename || 'upload';
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (e) {
          if (e instanceof app.multipartErrors.RequestFileTooLargeError) throw tooLarge(fileName, ctx.maxFileBytes);
          throw e;
        }
        if (part.file.truncated) throw tooLarge(fileName, ctx.maxFileBytes);
        const result = await ingestPlan(
          ctx.store,
          { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), fileName, actor: ctx.actor, options: { maxBytes: ctx.maxFileBytes } },
          ctx.gazetteer,
          ctx.lexicons,
        );
        return reply.status(201).send({ result });
      },
    );

    app.get<{ Params: { slug: string } }>(
      '/plans/:slug',
      {
        schema: {
          tags: ['plans'],
          summary: 'A plan: its card, versions, metadata evidence and outline tree',
          params: slugParams,
          response: { 200: planDetail, ...errors(400, [404, 'No plan matches the slug (or it matches several)']) },
        },
      },
      async (req) => {
        const c = await cardOf(ctx, req.params.slug);
        const versionId = c.currentVersionId!;
        const [version, versions, outline] = await Promise.all([getVersion(ctx.store, versionId), listVersions(ctx.store, c.id), getOutline(ctx.store, versionId)]);
        return {
          ...c,
          versionsList: versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
          metaEvidence: version.metaEvidence,
          frame: frameDto(version.frame),
          outline,
        };
      },
    );

    app.get<{ Params: { slug: string } }>(
      '/plans/:slug/text',
      {
        schema: {
          tags: ['plans'],
          summary: "A plan's normalized text with its sections, findings (review decisions applied) and normalization repairs",
          params: slugParams,
          response: {
            200: obj(
              {
                slug: str,
                title: str,
                text: { type: 'string', description: 'the normalized text: every offset of the API points into it (UTF-16 code units)' },
                sections: { type: 'array', items: flatSection, description: 'the outline in document order' },
                findings: { type: 'array', items: ref('findingDto'), description: 'all findings of the current version, decisions applied: rejected ones included (status rejected), withdrawn additions left out' },
                repairs: {
                  type: 'array',
                  description: 'changes made while normalizing the file’s text (tables of contents removed, page numbers removed, lines joined, …), by position',
                  items: obj({
                    rule: { type: 'string', description: 'rule id: toc-removed, page-number-removed, line-join, markup-removed, width-unified, …' },
                    start: offset('where the change sits (an empty span for a deletion)'),
                    end: offset('end (exclusive)'),
                    before: { type: 'string', description: 'the source text it replaced' },
                    after: { type: 'string', description: 'the text now in its place' },
                    message: { type: 'string', description: 'what was changed and why' },
                  }),
                },
              },
              { description: 'The text with its sections, findings and repairs' },
            ),
            ...errors(400, [404, 'No plan matches the slug']),
          },
        },
      },
      async (req) => {
        const p = await planOr404(ctx.store, req.params.slug);
        const [version, sections, merged, repairs] = await Promise.all([
          getVersion(ctx.store, p.currentVersionId),
          getFlatSections(ctx.store, p.currentVersionId),
          getEffectiveFindings(ctx.store, p.currentVersionId),
          getRepairs(ctx.store, p.currentVersionId),
        ]);
        const text = version.text;
        return {
          slug: p.slug,
          title: p.title,
          text,
          sections,
          findings: merged.findings.map((f) => findingDto(f, text)),
          repairs: repairs.map((r) => ({ rule: r.rule, start: r.start, end: r.end, before: r.before, after: r.after, message: r.message })),
        };
      },
    );

    app.get<{ Params: { slug: string } }>(
      '/plans/:slug/original',
      {
        schema: {
          tags: ['plans'],
          summary: 'The original file of the current version, byte for byte',
          description: 'Sent as an attachment (Content-Disposition with the file name). pdf and docx with their types; every other format (txt, md, html) as application/octet-stream, so a browser never renders it.',
          params: slugParams,
          response: {
            200: download('The file as uploaded', ['application/pdf', MIME.docx, 'application/octet-stream']),
            ...errors(400, [404, 'No plan matches the slug, or its file is missing']),
          },
        },
      },
      async (req, reply: FastifyReply) => {
        const p = await planOr404(ctx.store, req.params.slug);
        const f = await getOriginalFile(ctx.store, p.currentVersionId);
        if (!f) throw new HttpError(404, 'not-found', `plan ${req.params.slug}: the original file is missing`);
        const ext = (f.fileName.match(/\.([^.]+)$/)?.[1] ?? '').toLowerCase();
        // Plan files are untrusted: never let a browser render an uploaded HTML file as a page.
        return reply
          .header('content-type', MIME[ext] ?? 'application/octet-stream')
          .header('content-disposition', attachmentHeader(f.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(f.content));
      },
    );
  };
}

function tooLarge(fileName: string, limit: number): HttpError {
  return new HttpError(
    413,
    'too-large',
    `${fileName}: the file is larger than the ${formatBytes(limit)} limit. Split the plan into smaller files or raise the limit (PLANATLAS_MAX_FILE_SIZE).`,
    'file',
  );
}
