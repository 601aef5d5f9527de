// 规划库: the plan list (with filters), upload, a plan's detail, its text with findings, its original file.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { findingDto, planOr404 } from '../dto';
import { ingestPlan } from '../../commands/ingest-plan';
import { formatBytes } from '../../ingest/errors';
import { getEffectiveFindings } from '../../store/findings';
import { getOriginalFile, getOutline, getRepairs, getVersion, listVersions } from '../../store/queries';
import { filterPlanCards, getFlatSections, listPlanCards, placeCodeOf, type PlanCard } from '../../store/plan-views';

const slugParams = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 300, description: 'plan slug, id, or a unique part of its title' } },
} as const;

const LEVELS = ['national', 'cross-provincial', 'provincial', 'prefectural', 'county', 'unknown'];

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
  const c = (await listPlanCards(ctx.store)).find((x) => x.id === p.id);
  if (!c) throw new HttpError(404, 'not-found', `plan ${slug} not found`);
  return c;
}

export function planRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { level?: string; place?: string; period?: number } }>(
      '/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'List plans as library cards, optionally filtered',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              level: { type: 'string', enum: LEVELS, description: 'plan level (exact)' },
              place: { type: 'string', minLength: 1, maxLength: 50, description: 'gazetteer code or name: plans covering it, a unit above or below it' },
              period: { type: 'integer', minimum: 1949, maximum: 2100, description: 'a year the plan period contains' },
            },
          },
        },
      },
      async (req) => {
        const { level, place, period } = req.query;
        let placeCode: string | null = null;
        if (place) {
          placeCode = placeCodeOf(ctx.gazetteer, place);
          if (!placeCode) throw new HttpError(400, 'unknown-place', `place: "${place}" is not a known administrative unit (give a name like 湛江市 or a 6-digit code)`, 'place');
        }
        const cards = await listPlanCards(ctx.store);
        return { plans: filterPlanCards(cards, { level, place, period }, ctx.gazetteer, placeCode) };
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
      { schema: { tags: ['plans'], summary: 'A plan: its card, versions, metadata evidence and outline tree', params: slugParams } },
      async (req) => {
        const c = await cardOf(ctx, req.params.slug);
        const versionId = c.currentVersionId!;
        const [version, versions, outline] = await Promise.all([getVersion(ctx.store, versionId), listVersions(ctx.store, c.id), getOutline(ctx.store, versionId)]);
        return {
          ...c,
          versionsList: versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
          metaEvidence: version.metaEvidence,
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
      { schema: { tags: ['plans'], summary: 'The original file of the current version, byte for byte', params: slugParams } },
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
