// 监测: a plan's targets judged on actual values (statuses, explanations, sources), observations
// (typed in, imported with a checked preview, undone), task ledgers with progress updates, the
// 牵头/参加 matrix and a department's page.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { importObservations, previewObservationImport, recordObservation, undoImport, type ImportPreview } from '../../commands/observations';
import { reportTaskProgress } from '../../commands/tasks';
import { dutyMatrix } from '../../monitor/tasks';
import { STATUS_LABELS, STATUSES } from '../../monitor/progress';
import type { TargetStatus, UsedFigure } from '../../monitor/plan-monitor';
import { DEPARTMENT_PAGE_DEFAULT, getDepartment, INDICATOR_PAGE_DEFAULT, getIndicatorView, getPlanMonitor, getTaskLedger, taskDay, type LedgerTask } from '../../store/monitor-views';
import { activeObservations, getTaskAttachment, listImports } from '../../store/observations';
import type { AppContext } from '../context';
import type { DepartmentDto, FigureDto, IndicatorViewDto, LedgerTaskDto, PlanMonitorDto, TargetStatusDto, TaskLedgerDto } from '../../core/api-types';
import { HttpError } from '../errors';
import { attachment, toXlsx } from '../export';
import { planRefOr404 } from './findings';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from '../../browser/chromium';
import { preloadReportFonts } from '../../report/fonts';
import { warmUp } from '../../report/pdf';
import { buildReportModel, renderReport, REPORT_FORMATS, REPORT_MIME } from '../../report/index';
import { getReportInput } from '../../store/report-input';
import { attachmentHeader } from './plans';
import { bool, CROSS_SITE, download, errors, int, intOrNull, isoTime, num, obj, str, strList, strOrNull } from '../schemas';

type Schema = Record<string, unknown>;
const numOrNull: Schema = { type: ['number', 'null'] };
const yearValue: Schema = obj({ year: int, value: num }, { nullable: true });
const slugParams = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', minLength: 1, description: 'plan slug, id or a unique part of its title' } } } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ORIGINS = ['manual', 'import', 'document', 'computed'];

const figure = obj(
  {
    year: int,
    value: num,
    unit: str,
    origin: { type: 'string', enum: ORIGINS, description: 'manual: typed in; import: a file; document: a passage of the plan or of another stored document; computed: from the units of a region' },
    source: str,
    caliber: strOrNull,
    method: { ...strOrNull, description: 'computed: how (由各单元…之和…)' },
    observationId: intOrNull,
    passage: obj(
      { plan: { ...str, description: 'slug of the document' }, title: str, version: intOrNull, key: { ...str, description: 'the fact finding’s stable key' }, start: int, end: int, quote: str },
      { nullable: true, description: 'document: the document (the plan itself or another stored document) and the passage the figure was read from' },
    ),
  },
  { description: 'A figure the judgement read' },
);

const targetStatus = obj({
  key: { ...str, description: 'the target finding’s stable key' },
  indicator: { ...str, description: 'as the plan names it' },
  canonical: strOrNull,
  place: obj({ code: strOrNull, name: str, region: { ...bool, description: 'the plan’s region (its covered units together)' } }),
  binding: { type: ['string', 'null'], enum: ['constraint', 'expected', null] },
  measure: str,
  comparator: str,
  target: obj({ value: { type: ['number', 'string', 'null'] }, unit: strOrNull, year: intOrNull }),
  status: { type: 'string', enum: [...STATUSES] },
  statusLabel: obj({ zh: str, en: str }),
  ratio: { ...numOrNull, description: 'actual ÷ expected progress (序时进度); for a growth target realized ÷ required rate' },
  sdgRatio: { ...numOrNull, description: 'Open SDG style: realized ÷ required average annual rate' },
  realizedRate: { ...numOrNull, description: 'growth targets: realized average annual rate (%)' },
  baseline: yearValue,
  latest: yearValue,
  expected: { ...numOrNull, description: 'the value expected at the latest year on the path from baseline to target' },
  projection: obj({ year: int, value: num, method: str }, { nullable: true }),
  unit: strOrNull,
  explanation: { ...str, description: 'one sentence in Chinese with the numbers' },
  explanationEn: { ...str, description: 'the same sentence in English (indicator names and units as the plan writes them)' },
  notes: strList,
  figures: { type: 'array', items: figure },
  start: intOrNull,
  end: intOrNull,
});

const figureDto = (f: UsedFigure): FigureDto => ({
  year: f.year,
  value: f.value,
  unit: f.unit,
  origin: f.origin,
  source: f.source,
  caliber: f.caliber,
  method: f.method ?? null,
  observationId: f.observationId ?? null,
  passage: f.passage ?? null,
});

function statusDto(r: TargetStatus): TargetStatusDto {
  const a = r.assessment;
  const d = r.target.data;
  return {
    key: r.key,
    indicator: d.indicator,
    canonical: d.canonical,
    place: r.place,
    binding: d.binding,
    measure: d.measure,
    comparator: d.comparator,
    target: { value: d.value, unit: d.unit, year: d.year },
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    ratio: a.ratio,
    sdgRatio: a.sdgRatio,
    realizedRate: a.realizedRate,
    baseline: a.baseline,
    latest: a.latest,
    expected: a.expected,
    projection: a.projection,
    unit: a.unit,
    explanation: a.explanation,
    explanationEn: a.explanationEn,
    notes: a.notes,
    figures: r.figures.map(figureDto),
    start: r.target.start,
    end: r.target.end,
  };
}

const observationDto = obj({ id: intOrNull, indicator: str, place: str, year: int, value: num, unit: str, caliber: strOrNull, source: str, origin: { type: 'string', enum: ORIGINS } });
const rowError = obj({ line: int, column: str, message: str });
const previewDto = obj({
  fileName: str,
  format: { type: 'string', enum: ['csv', 'xlsx'] },
  rows: { type: 'array', items: obj({ line: int, observation: obj({ indicator: str, place: str, year: int, value: num, unit: str, caliber: strOrNull, source: str }), replaces: obj({ value: num, unit: str }, { nullable: true }) }) },
  errors: { type: 'array', items: rowError },
});
const taskDto = obj({
  key: str,
  task: str,
  lead: strList,
  support: strList,
  deadline: obj({ date: strOrNull, text: str, ongoing: bool }, { nullable: true }),
  start: intOrNull,
  end: intOrNull,
  updates: {
    type: 'array',
    items: obj({ id: int, period: str, unit: str, status: str, percent: intOrNull, text: str, at: isoTime, actor: str, attachmentFileId: intOrNull }),
  },
  flags: obj({
    overdue: bool,
    noUpdate: bool,
    current: obj({ kind: str, key: str, label: str, start: str, end: str }),
  }),
});
const taskOf = (t: LedgerTask): LedgerTaskDto => ({ ...t, flags: { overdue: t.flags.overdue, noUpdate: t.flags.noUpdate, current: t.flags.current } });

const today = () => new Date().toISOString().slice(0, 10);
const todayQuery = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the day the flags are computed for (default: the end of asOf, or today)' };
const asOfQuery = { type: 'integer', minimum: 1949, maximum: 2100, description: 'the year judged: tasks are flagged as of its last day, or today if that is earlier (default: today)' };
/** The day tasks are flagged on: the day asked, else the end of the year asked (or today if earlier), else today. */
const flagDay = (q: { today?: string; asOf?: number }) => q.today ?? taskDay(q.asOf);

/** Reads a multipart upload's one file (field "file"), or refuses with a clear error. */
async function uploaded(req: FastifyRequest, ctx: AppContext, field = 'file'): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!req.isMultipart()) throw new HttpError(400, 'invalid-request', `send the file as multipart/form-data in the field "${field}"`, field);
  const part = await req.file();
  if (!part) throw new HttpError(400, 'missing-file', `no file: send it in the multipart field "${field}"`, field);
  const fileName = part.filename || 'upload';
  const bytes = await part.toBuffer().catch((e) => {
    throw e instanceof req.server.multipartErrors.RequestFileTooLargeError ? new HttpError(413, 'too-large', `${fileName}: larger than ${ctx.maxFileBytes} bytes`, 'file') : e;
  });
  if (part.file.truncated) throw new HttpError(413, 'too-large', `${fileName}: larger than ${ctx.maxFileBytes} bytes`, 'file');
  return { fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

const parseLines = (s: string | undefined): number[] =>
  (s ?? '')
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((x) => {
      if (!/^\d+$/.test(x)) throw new HttpError(400, 'invalid-request', `skip: "${x}" is not a line number`, 'skip');
      return Number(x);
    });

export function monitorRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { slug: string }; Querystring: { asOf?: number } }>(
      '/plans/:slug/monitor',
      {
        schema: {
          tags: ['monitor'],
          summary: 'The plan’s targets judged on actual values (年度监测): status, expected value on the time-elapsed path, explanation, sources',
          params: slugParams,
          querystring: { type: 'object', additionalProperties: false, properties: { asOf: { type: 'integer', minimum: 1949, maximum: 2100, description: 'the year judged (default: the plan’s last year, or last year)' } } },
          response: {
            200: obj(
              {
                plan: obj({ slug: str, title: str, period: { type: ['array', 'null'], items: int }, units: strList }),
                asOf: int,
                summary: str,
                counts: { type: 'object', additionalProperties: int, description: 'targets per status' },
                statuses: { type: 'array', items: obj({ status: str, zh: str, en: str }), description: 'the statuses in their order, with labels' },
                rows: { type: 'array', items: targetStatus },
                documentFigures: { ...int, description: 'figures the plan’s own text states that were read as observations' },
                tasks: obj(
                  { asOf: { ...str, description: 'the day the tasks were flagged on (YYYY-MM-DD): the end of the year asked, or today if that is earlier; today when no year is asked' }, total: int, overdue: int, noUpdate: int },
                  { description: 'the plan’s task ledger counted' },
                ),
                otherDocumentFigures: { ...int, description: 'figures other stored documents state for the plan’s units or region that were read as observations (a person’s or imported figure still wins)' },
              },
              { description: 'Every target of the plan with its status' },
            ),
            ...errors(400, [404, 'No plan matches the slug']),
          },
        },
      },
      async (req) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const m = await getPlanMonitor(ctx.store, ctx.gazetteer, ctx.lexicons.indicators, plan, req.query.asOf);
        const day = taskDay(req.query.asOf);
        const ledger = await getTaskLedger(ctx.store, plan, day);
        const tasks = { asOf: day, total: ledger.length, overdue: ledger.filter((t) => t.flags.overdue).length, noUpdate: ledger.filter((t) => t.flags.noUpdate).length };
        return { ...m, tasks, statuses: STATUSES.map((s) => ({ status: s, ...STATUS_LABELS[s] })), rows: m.rows.map(statusDto) } satisfies PlanMonitorDto;
      },
    );

    app.get<{ Querystring: { indicator?: string; place?: string; limit: number; offset: number } }>(
      '/observations',
      {
        schema: {
          tags: ['monitor'],
          summary: 'Observations in force (typed in or imported), filtered by indicator and place, paged',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              indicator: { type: 'string', description: 'canonical indicator id' },
              place: { type: 'string', description: 'gazetteer code or plan:<slug>' },
              limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
              offset: { type: 'integer', minimum: 0, default: 0 },
            },
          },
          response: { 200: obj({ total: int, observations: { type: 'array', items: observationDto } }, { description: 'One page of observations' }), ...errors(400) },
        },
      },
      async (req) => {
        const all = await activeObservations(ctx.store.db, { indicators: req.query.indicator ? [req.query.indicator] : undefined, places: req.query.place ? [req.query.place] : undefined });
        all.sort((a, b) => a.indicator.localeCompare(b.indicator) || a.place.localeCompare(b.place) || a.year - b.year);
        return { total: all.length, observations: all.slice(req.query.offset, req.query.offset + req.query.limit) };
      },
    );

    app.post<{ Body: { indicator: string; place: string; year: number; value: number; unit: string; caliber?: string; source: string } }>(
      '/observations',
      {
        schema: {
          tags: ['monitor'],
          summary: 'Record an actual value typed in by a person (replaces the figure in force for that indicator, place and year)',
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['indicator', 'place', 'year', 'value', 'unit', 'source'],
            properties: {
              indicator: { type: 'string', minLength: 1, description: 'id, name or alias of data/lexicons/indicators.csv' },
              place: { type: 'string', minLength: 1, description: 'a gazetteer code or name, or plan:<slug> for a plan’s region' },
              year: { type: 'integer' },
              value: { type: 'number' },
              unit: { type: 'string', minLength: 1 },
              caliber: { type: 'string', maxLength: 500 },
              source: { type: 'string', minLength: 1, maxLength: 500 },
            },
          },
          response: {
            201: obj({ id: int, replaced: int, observation: obj({ indicator: str, place: str, year: int, value: num, unit: str, caliber: strOrNull, source: str }) }, { description: 'Stored' }),
            ...errors(CROSS_SITE, [400, 'A field is wrong (error.field names it)'], 415),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await recordObservation(ctx.store, { ...req.body, actor: ctx.actor }, ctx)),
    );

    const importDoc =
      'Columns (Chinese or English headers): 指标 indicator, 地区 place, 年份 year, 数值 value, 单位 unit, 口径 caliber, 来源 source. ' +
      'A row that changes a stored figure is an error unless replace=true.';
    app.post<{ Querystring: { replace?: boolean } }>(
      '/observations/import/preview',
      {
        schema: {
          tags: ['monitor'],
          summary: 'Check a CSV or XLSX file of observations (multipart field "file") row by row; nothing is stored',
          description: importDoc,
          consumes: ['multipart/form-data'],
          querystring: { type: 'object', additionalProperties: false, properties: { replace: { type: 'boolean', default: false } } },
          response: { 200: { ...previewDto, description: 'The checked rows and every problem (line, column as headed in the file, reason)' }, ...errors(CROSS_SITE, [400, 'No file'], 413, 422) },
        },
      },
      async (req) => {
        const file = await uploaded(req, ctx);
        const p: ImportPreview = await previewObservationImport(ctx.store, { ...file, replace: req.query.replace }, ctx);
        return p;
      },
    );

    app.post<{ Querystring: { skip?: string; replace?: boolean } }>(
      '/observations/import',
      {
        schema: {
          tags: ['monitor'],
          summary: 'Import observations from a CSV or XLSX file (multipart field "file"): all rows or none',
          description: importDoc + ' Nothing is stored while a row is bad (400 invalid-rows lists each line, column and reason) unless skip names the lines to leave out.',
          consumes: ['multipart/form-data'],
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { skip: { type: 'string', description: 'line numbers to leave out, e.g. 3,7' }, replace: { type: 'boolean', default: false } },
          },
          response: {
            201: obj({ importId: int, rows: int, replaced: int, skipped: { type: 'array', items: int } }, { description: 'Imported' }),
            ...errors(CROSS_SITE, [400, 'Bad rows (code invalid-rows, error.rows lists them), or no file'], 413, 422),
          },
        },
      },
      async (req, reply) => {
        const file = await uploaded(req, ctx);
        const r = await importObservations(ctx.store, { ...file, skip: parseLines(req.query.skip), replace: req.query.replace, actor: ctx.actor }, ctx);
        return reply.status(201).send(r);
      },
    );

    app.get(
      '/observations/imports',
      {
        schema: {
          tags: ['monitor'],
          summary: 'The latest observation imports',
          response: {
            200: obj({ imports: { type: 'array', items: obj({ id: int, fileName: str, format: str, rows: int, skipped: { type: 'array', items: int }, actor: str, createdAt: isoTime, undoneAt: { type: ['string', 'null'], format: 'date-time' } }) } }, { description: 'Newest first' }),
            ...errors(),
          },
        },
      },
      async () => ({
        imports: (await listImports(ctx.store.db)).map((i) => ({ id: i.id, fileName: i.fileName, format: i.format, rows: i.rows, skipped: i.skipped, actor: i.actor, createdAt: i.createdAt.toISOString(), undoneAt: i.undoneAt?.toISOString() ?? null })),
      }),
    );

    app.post<{ Params: { id: number } }>(
      '/observations/imports/:id/undo',
      {
        schema: {
          tags: ['monitor'],
          summary: 'Undo an import: its figures are removed and the ones they replaced come back',
          params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
          response: { 200: obj({ removed: int, restored: int }, { description: 'Undone' }), ...errors(CROSS_SITE, [400, 'Undone already'], [404, 'No such import']) },
        },
      },
      async (req) => undoImport(ctx.store, { importId: req.params.id, actor: ctx.actor }),
    );

    app.get<{ Params: { slug: string }; Querystring: { today?: string; asOf?: number } }>(
      '/plans/:slug/tasks',
      {
        schema: {
          tags: ['monitor'],
          summary: 'The plan’s task ledger (台账): its duties as tasks with progress updates and flags (逾期, 本期未报送)',
          params: slugParams,
          querystring: { type: 'object', additionalProperties: false, properties: { today: todayQuery, asOf: asOfQuery } },
          response: { 200: obj({ plan: obj({ slug: str, title: str }), asOf: { ...str, description: 'the day the flags were computed for (YYYY-MM-DD)' }, tasks: { type: 'array', items: taskDto } }, { description: 'The tasks in the plan’s order' }), ...errors(400, [404, 'No plan matches the slug']) },
        },
      },
      async (req) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const day = flagDay(req.query);
        return { plan: { slug: plan.slug, title: plan.title }, asOf: day, tasks: (await getTaskLedger(ctx.store, plan, day)).map(taskOf) } satisfies TaskLedgerDto;
      },
    );

    app.post<{ Params: { slug: string; key: string } }>(
      '/plans/:slug/tasks/:key/updates',
      {
        schema: {
          tags: ['monitor'],
          summary: 'A unit reports progress on a task for a reporting period (JSON, or multipart with fields and an optional file "attachment")',
          params: { type: 'object', required: ['slug', 'key'], properties: { slug: { type: 'string', minLength: 1 }, key: { type: 'string', minLength: 1 } } },
          consumes: ['application/json', 'multipart/form-data'],
          response: {
            201: obj({ id: int }, { description: 'Stored' }),
            ...errors(CROSS_SITE, [400, 'A field is wrong (error.field names it)'], [404, 'No plan matches the slug, or the plan has no such task'], 413, 415),
          },
        },
      },
      async (req, reply) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const fields: Record<string, string> = {};
        let att: { fileName: string; bytes: Uint8Array } | null = null;
        if (req.isMultipart()) {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              const b = await part.toBuffer();
              if (b.length) att = { fileName: part.filename || 'attachment', bytes: new Uint8Array(b.buffer, b.byteOffset, b.length) };
            } else fields[part.fieldname] = String(part.value ?? '');
          }
        } else Object.assign(fields, Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v == null ? '' : String(v)])));
        const percent = fields.percent ? Number(fields.percent) : null;
        if (percent != null && !Number.isFinite(percent)) throw new HttpError(400, 'invalid-field', 'percent: a whole number from 0 to 100', 'percent');
        const r = await reportTaskProgress(ctx.store, {
          planId: plan.id,
          taskKey: req.params.key,
          unit: fields.unit ?? '',
          period: fields.period ?? '',
          status: (fields.status ?? '') as never,
          percent,
          text: fields.text,
          attachment: att,
          actor: ctx.actor,
        });
        return reply.status(201).send(r);
      },
    );

    app.get<{ Params: { slug: string; id: number } }>(
      '/plans/:slug/tasks/updates/:id/attachment',
      {
        schema: {
          tags: ['monitor'],
          summary: 'The file attached to a progress update, as uploaded (always a download)',
          params: { type: 'object', required: ['slug', 'id'], properties: { slug: { type: 'string', minLength: 1 }, id: { type: 'integer', minimum: 1 } } },
          response: { 200: download('The attachment, byte for byte', ['application/octet-stream']), ...errors(400, [404, 'No plan matches the slug, or the update has no attachment']) },
        },
      },
      async (req, reply) => {
        const plan = await planRefOr404(ctx, req.params.slug);
        const f = await getTaskAttachment(ctx.store.db, plan.id, req.params.id);
        if (!f) throw new HttpError(404, 'not-found', `update ${req.params.id} of plan ${plan.slug} has no attachment`, 'id');
        // Uploaded files are untrusted: never rendered by the browser.
        return reply.type('application/octet-stream').header('content-disposition', attachmentHeader(f.fileName)).header('x-content-type-options', 'nosniff').send(Buffer.from(f.content));
      },
    );

    for (const format of ['json', 'xlsx'] as const) {
      app.get<{ Params: { slug: string } }>(
        format === 'json' ? '/plans/:slug/matrix' : '/plans/:slug/matrix.xlsx',
        {
          schema: {
            tags: ['monitor'],
            summary: format === 'json' ? 'The 牵头/参加 matrix of the plan’s tasks' : 'The 牵头/参加 matrix as an Excel workbook',
            params: slugParams,
            response: {
              200:
                format === 'json'
                  ? obj({
                      units: strList,
                      rows: { type: 'array', items: obj({ key: str, task: str, roles: { type: 'array', items: { type: 'string', enum: ['牵头', '参加', ''] } } }) },
                      counts: { type: 'object', additionalProperties: obj({ lead: int, support: int }) },
                    }, { description: 'Units (most tasks led first) × tasks' })
                  : download('The matrix as an .xlsx workbook, as an attachment', [XLSX]),
              ...errors([404, 'No plan matches the slug']),
            },
          },
        },
        async (req, reply) => {
          const plan = await planRefOr404(ctx, req.params.slug);
          const m = dutyMatrix(await getTaskLedger(ctx.store, plan, today()));
          if (format === 'json') return m;
          const body = await toXlsx('牵头参加矩阵', `${plan.title} 牵头/参加单位矩阵`, ['任务', ...m.units], m.rows.map((r) => [r.task, ...r.roles]), [40, ...m.units.map(() => 10)]);
          reply.header('content-disposition', attachment(`${plan.title}-牵头参加矩阵.xlsx`, `${plan.slug}-matrix.xlsx`));
          return reply.type(XLSX).send(body);
        },
      );
    }

    // One Chromium for the server's PDF reports and DOCX charts, launched on the first one and closed
    // with the app; it keeps a warm page for them (report/pdf.ts), opened as soon as it has started,
    // and the Noto CJK faces are read into the subsetter meanwhile (report/fonts.ts).
    let browser: Promise<Browser> | null = null;
    const reportBrowser = () =>
      (browser ??= (preloadReportFonts(), launchChromium().then((b) => (warmUp(b), b))).catch((e) => {
        browser = null;
        throw e;
      }));
    app.addHook('onClose', async () => {
      if (browser) await (await browser.catch(() => null))?.close();
    });
    for (const format of REPORT_FORMATS) {
      app.get<{ Params: { slug: string }; Querystring: { asOf?: number } }>(
        `/plans/:slug/report.${format}`,
        {
          schema: {
            tags: ['monitor'],
            summary: `The plan's evaluation report as ${format.toUpperCase()}: summary judgement, every target with its status and sources, charts, tasks, projects, data gaps`,
            params: slugParams,
            querystring: { type: 'object', additionalProperties: false, properties: { asOf: { type: 'integer', minimum: 1949, maximum: 2100, description: 'the year judged (default: the plan’s last year, or last year)' } } },
            response: {
              200: download(`The report as ${format.toUpperCase()}, as an attachment`, [REPORT_MIME[format].split(';')[0]]),
              ...errors(400, [404, 'No plan matches the slug']),
            },
          },
        },
        async (req, reply) => {
          const plan = await planRefOr404(ctx, req.params.slug);
          const model = buildReportModel(await getReportInput(ctx.store, ctx.gazetteer, ctx.lexicons, plan, req.query.asOf));
          const needsBrowser = format === 'pdf' || (format === 'docx' && hasChromium);
          const body = await renderReport(model, format, { browser: needsBrowser ? await reportBrowser() : undefined, charts: format === 'docx' ? hasChromium : undefined });
          reply.header('content-disposition', attachment(`${plan.title}-评估报告-${model.asOf}.${format}`, `${plan.slug}-report-${model.asOf}.${format}`));
          return reply.type(REPORT_MIME[format]).send(body);
        },
      );
    }

    app.get(
      '/indicators',
      {
        schema: {
          tags: ['monitor'],
          summary: 'The indicators of the lexicon (data/lexicons/indicators.csv): id, name, usual unit',
          response: { 200: obj({ indicators: { type: 'array', items: obj({ id: str, name: str, unit: strOrNull, aliases: strList }) } }, { description: 'In lexicon order' }), ...errors() },
        },
      },
      async () => ({ indicators: ctx.lexicons.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, aliases: i.aliases })) }),
    );

    app.get<{ Params: { id: string }; Querystring: { place?: string; limit: number; offset: number } }>(
      '/indicators/:id',
      {
        schema: {
          tags: ['monitor'],
          summary: 'An indicator: every plan’s targets for it (optionally for one place) with their status, and the place’s actual series',
          params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1 } } },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              place: { type: 'string', description: 'a gazetteer code or name, or plan:<slug> for a plan’s region' },
              limit: { type: 'integer', minimum: 1, maximum: 200, default: INDICATOR_PAGE_DEFAULT, description: 'plans judged on the page (those with a target of the indicator, in ingest order)' },
              offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0, description: 'plans to skip' },
            },
          },
          response: {
            200: obj(
              {
                indicator: obj({ id: str, name: str, unit: strOrNull, aliases: strList }),
                place: obj({ key: str, name: str }, { nullable: true }),
                targets: { type: 'array', items: obj({ plan: obj({ slug: str, title: str }), target: targetStatus }), description: 'the targets of the plans on the page' },
                series: { type: 'array', items: figure },
                totals: obj({ plans: int }, { description: 'plans with a target of the indicator, over all pages' }),
                limit: int,
                offset: int,
              },
              { description: 'The targets and the series' },
            ),
            ...errors([400, 'Unknown place (error.field is place)'], [404, 'No such indicator']),
          },
        },
      },
      async (req) => {
        let place: string | null = null;
        if (req.query.place) {
          const q = req.query.place.trim();
          place = q.startsWith('plan:') ? q : (/^\d{6}$/.test(q) ? ctx.gazetteer.byCode(q)?.code : ctx.gazetteer.resolve(q)?.code) ?? null;
          if (!place) throw new HttpError(400, 'unknown-place', `no place "${q}" in the gazetteer (give a 6-digit code or a name, or plan:<slug>)`, 'place');
        }
        const v = await getIndicatorView(ctx.store, ctx.gazetteer, ctx.lexicons.indicators, req.params.id, place, { limit: req.query.limit, offset: req.query.offset });
        const i = v.indicator;
        return {
          indicator: { id: i.id, name: i.name, unit: i.unit, aliases: i.aliases },
          place: v.place,
          targets: v.targets.map((t) => ({ plan: t.plan, target: statusDto(t.status) })),
          series: v.series.map(figureDto),
          totals: v.totals,
          limit: v.limit,
          offset: v.offset,
        } satisfies IndicatorViewDto;
      },
    );

    app.get<{ Params: { unit: string }; Querystring: { today?: string; asOf?: number; limit: number; offset: number } }>(
      '/departments/:unit',
      {
        schema: {
          tags: ['monitor'],
          summary: 'A department’s page: the tasks it leads or supports in every plan, their flags, and the lagging targets of the tasks it leads',
          params: { type: 'object', required: ['unit'], properties: { unit: { type: 'string', minLength: 1 } } },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              today: todayQuery,
              asOf: { ...asOfQuery, description: 'the year judged: lagging targets at that year, tasks flagged as of its last day or today if earlier (default: today, each plan’s default year)' },
              limit: { type: 'integer', minimum: 1, maximum: 200, default: DEPARTMENT_PAGE_DEFAULT, description: 'plans on the page (their tasks and lagging targets are listed)' },
              offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0, description: 'plans to skip (in ingest order)' },
            },
          },
          response: {
            200: obj(
              {
                unit: str,
                tasks: { type: 'array', items: obj({ plan: obj({ slug: str, title: str }), role: { type: 'string', enum: ['lead', 'support'] }, task: taskDto }) },
                overdue: { type: 'integer', description: 'tasks overdue, over all plans' },
                noUpdate: { type: 'integer', description: 'tasks without an update for the current period, over all plans' },
                lagging: { type: 'array', items: obj({ plan: obj({ slug: str, title: str }), task: str, target: targetStatus }), description: 'lagging targets of the plans on the page whose indicator a task the unit leads names' },
                totals: obj({ plans: int, tasks: int, lead: int }, { description: 'over all plans: plans naming the unit, its tasks, those it leads' }),
                limit: int,
                offset: int,
              },
              { description: 'What is assigned to the unit: one page of plans, with totals over all' },
            ),
            ...errors([404, 'No task of any plan names this unit']),
          },
        },
      },
      async (req) => {
        const d = await getDepartment(ctx.store, ctx.gazetteer, ctx.lexicons.indicators, req.params.unit, flagDay(req.query), req.query.asOf, { limit: req.query.limit, offset: req.query.offset });
        return { ...d, tasks: d.tasks.map((t) => ({ ...t, task: taskOf(t.task) })), lagging: d.lagging.map((l) => ({ ...l, target: statusDto(l.target) })) } satisfies DepartmentDto;
      },
    );
  };
}
