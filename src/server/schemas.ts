// Response shapes of the HTTP API as JSON Schema, for the OpenAPI document at /api/docs. They are
// documentation and a tested contract (test/server/openapi.test.ts), never a filter: app.ts sets a
// serializer compiler that ignores them. Shared shapes are registered once with app.addSchema and
// referenced as { $ref: 'name#' }; @fastify/swagger lists them under components.schemas.
// Nullable values are written as JSON Schema type unions (['integer', 'null']); swagger turns
// them into OpenAPI 3.0 `nullable: true`. A nullable enum lists null among its values.
import type { FastifyInstance } from 'fastify';
import { kindNames } from '../core/kinds/index';

type Schema = Record<string, unknown>;

/** Ids of the shared schemas (below). */
export type SharedId =
  | 'error'
  | 'planRef'
  | 'placeRef'
  | 'findingDecision'
  | 'findingDto'
  | 'reviewCounts'
  | 'outlineSection'
  | 'targetRow'
  | 'planCard'
  | 'locatedFinding'
  | 'decisionResult'
  | 'ruleStats'
  | 'timeFrame';

/** A reference to a shared schema (registered by addSharedSchemas). */
export const ref = (id: SharedId): Schema => ({ $ref: `${id}#` });
/** A shared schema, or null. */
export const refOrNull = (id: SharedId, description?: string): Schema => ({
  ...(description ? { description } : {}),
  anyOf: [ref(id), { type: 'null' }],
});

/** An object whose properties are all required unless listed in `optional`. */
export function obj(properties: Record<string, Schema>, opts: { optional?: string[]; description?: string; nullable?: boolean } = {}): Schema {
  return {
    type: opts.nullable ? ['object', 'null'] : 'object',
    ...(opts.description ? { description: opts.description } : {}),
    required: Object.keys(properties).filter((k) => !opts.optional?.includes(k)),
    properties,
  };
}

const describe = (s: Schema, description: string): Schema => ({ ...s, description });

export const str: Schema = { type: 'string' };
export const strOrNull: Schema = { type: ['string', 'null'] };
export const int: Schema = { type: 'integer' };
export const intOrNull: Schema = { type: ['integer', 'null'] };
export const num: Schema = { type: 'number' };
export const bool: Schema = { type: 'boolean' };
export const strList: Schema = { type: 'array', items: str };
export const isoTime: Schema = { type: 'string', format: 'date-time', description: 'ISO 8601 time, UTC' };
/** A free-form object (finding data, corrected fields). */
export const anyObject: Schema = { type: 'object', additionalProperties: true };
/** Counts per kind of finding (target, structure, duty, project, fact, place, reference). */
export const countsByKind: Schema = { type: 'object', additionalProperties: int, description: 'number of findings per kind (target, structure, duty, …)' };
/** An offset into the plan's normalized text (UTF-16 code units, as JavaScript string indices). */
export const offset = (what = 'offset'): Schema => describe(int, `${what}: UTF-16 code-unit offset into the plan's normalized text (GET /api/plans/{slug}/text)`);
export const offsetOrNull = (what = 'offset'): Schema =>
  describe(intOrNull, `${what}: UTF-16 code-unit offset into the plan's normalized text; null for an addition whose quote is no longer in the text`);
const pair = (items: Schema, description: string, nullable = false): Schema => ({
  type: nullable ? ['array', 'null'] : 'array',
  items,
  minItems: 2,
  maxItems: 2,
  description,
});
export const lonLatOrNull = pair(num, '[longitude, latitude] in degrees; null when unknown', true);
export const periodOrNull = pair(int, 'plan period [first year, last year]; null when the text gives none', true);

export const PLAN_LEVELS = ['national', 'cross-provincial', 'provincial', 'prefectural', 'county', 'unknown'];
export const PLACE_LEVELS = ['province', 'prefecture', 'county'];
export const REVIEW_STATUSES = ['pending', 'accepted', 'corrected', 'rejected', 'added'];
export const DECISION_ACTIONS = ['accept', 'correct', 'reject', 'add'];
export const SECTION_KINDS = ['preface', 'chapter', 'section', 'item', 'subitem', 'numbered', 'paren-numbered', 'box', 'annex', 'annex-table', 'heading', 'runin'];
// The kinds as registered when the app is built (a getter: a kind registered after this module loads still counts).
const findingKind: Schema = {
  type: 'string',
  get enum() {
    return kindNames();
  },
};

/** The properties of a plan card (GET /api/plans), also those of a plan's detail. */
export const planCardProperties: Record<string, Schema> = {
  id: int,
  slug: describe(str, 'the plan in URLs'),
  title: str,
  versions: describe(int, 'number of stored versions'),
  currentVersionId: intOrNull,
  version: describe(intOrNull, 'number of the current version (1, 2, …)'),
  fileName: describe(strOrNull, 'file name of the current version'),
  format: { type: ['string', 'null'], enum: ['txt', 'md', 'html', 'docx', 'pdf', null] },
  issuer: describe(strList, 'issuing bodies as written'),
  docNumber: describe(strOrNull, '文号, e.g. 粤府〔2011〕152号'),
  issued: describe(strOrNull, "issue date: 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the text gives no more"),
  period: periodOrNull,
  horizon: describe(intOrNull, 'outlook year (展望到2030年)'),
  level: { type: ['string', 'null'], enum: [...PLAN_LEVELS, null] },
  sections: describe(int, 'number of outline sections'),
  repairs: describe(int, 'number of repairs made while normalizing the text'),
  scope: { type: 'array', items: ref('placeRef'), description: 'units the plan covers (规划范围)' },
  extension: { type: 'array', items: ref('placeRef'), description: 'units of its extension area (规划延伸区)' },
  counts: describe(countsByKind, 'findings per kind in the current version as reviewed: rejected ones left out, people’s additions counted'),
  review: describe(
    obj({ reviewed: int, total: int }),
    'review progress of the current version: findings with a person’s decision (reviewed) of all findings, additions included (total)',
  ),
  status: { type: 'string', enum: ['ok', 'warnings'], description: 'warnings: ingest noted something about the file (see warnings)' },
  warnings: strList,
};

/** Review counts (ReviewCounts in src/core/api-types.ts). */
export const reviewCountsProperties: Record<string, Schema> = {
  total: int,
  reviewed: describe(int, 'total − pending'),
  pending: int,
  accepted: int,
  corrected: int,
  rejected: int,
  added: describe(int, 'people’s additions'),
  precision: {
    type: ['number', 'null'],
    description: 'strict precision of the extractor on reviewed findings: accepted / (accepted + corrected + rejected); null when none reviewed',
  },
  lenientPrecision: { type: ['number', 'null'], description: '(accepted + corrected) / (accepted + corrected + rejected); null when none reviewed' },
};

const sharedSchemas: Record<SharedId, Schema> = {
  error: {
    ...obj(
      {
        error: obj(
          {
            code: describe(str, 'machine-readable: not-found, invalid-request, invalid-field, unknown-place, missing-file, too-large, an ingest error code (empty, binary, encoding, …), or a Fastify code (FST_…)'),
            message: describe(str, 'what is wrong and what to do, in English'),
            field: describe(str, 'the parameter, body field or finding field the error is about'),
            file: describe(str, 'upload errors: the file name'),
            rows: {
              type: 'array',
              description: 'invalid-rows: every bad row of an uploaded table (line, column as headed in the file, what is wrong); nothing was stored',
              items: obj({ line: int, column: str, message: str }),
            },
          },
          { optional: ['field', 'file', 'rows'] },
        ),
      },
      { description: 'Every error of the API (also 500 internal)' },
    ),
  },
  planRef: obj({ slug: describe(str, 'the plan in URLs (/api/plans/{slug})'), title: str }, { description: 'A plan, by slug and title' }),
  placeRef: obj({ code: describe(str, 'six-digit GB/T 2260 code'), name: str }, { description: 'An administrative unit' }),
  findingDecision: obj(
    {
      action: { type: 'string', enum: DECISION_ACTIONS },
      actor: str,
      at: isoTime,
      note: strOrNull,
    },
    { nullable: true, description: 'The review decision in force; null when nobody decided yet' },
  ),
  findingDto: obj(
    {
      id: describe(intOrNull, "finding row id (changes when the plan is re-extracted); null for a person's addition. Use key in links"),
      key: describe(str, 'stable identity of the finding: survives re-extraction and new versions'),
      kind: findingKind,
      start: offsetOrNull('start of the quote'),
      end: offsetOrNull('end of the quote (exclusive)'),
      quote: describe(str, 'the text of the span [start, end)'),
      summary: describe(str, 'one line for lists, e.g. 城镇化率 2015 ≥ 55%'),
      confidence: { type: 'number', minimum: 0, maximum: 1, description: "the extractor's confidence, 0–1 (1 for a person's addition)" },
      flags: describe(strList, 'anything repaired, inferred or doubtful (e.g. from-table, baseline-inferred)'),
      rule: describe(
        strOrNull,
        "the extraction rule that made it (clause.standard, clause.count, table.grid …; GET /api/rules); null for a person's addition, for kinds no named rule makes, and for findings stored before rules were recorded (re-extract the plan to fill it)",
      ),
      ruleStats: refOrNull('ruleStats', "the rule's measured precision for this kind of finding; null when the rule was never measured or there is none"),
      evidence: {
        type: 'array',
        description: "spans the finding's fields were read from beyond its own: role year is where its year comes from (the clause, an earlier sentence, the heading of its part, the plan's period); empty for additions and findings stored before evidence was recorded",
        items: obj({
          role: { type: 'string', enum: ['year'], description: 'which field the span is evidence for' },
          start: offset('start of the evidence'),
          end: offset('end of the evidence (exclusive)'),
          quote: describe(str, 'the text of the span [start, end)'),
        }),
      },
      data: describe(anyObject, 'the fields of the finding, people’s corrections applied; per kind see GET /api/finding-fields/{kind}'),
      extracted: { type: ['object', 'null'], additionalProperties: true, description: 'what the extractor said, where a person corrected it; else null' },
      status: { type: 'string', enum: REVIEW_STATUSES },
      decision: ref('findingDecision'),
    },
    { description: 'A finding of a plan with people’s decisions applied' },
  ),
  reviewCounts: obj(reviewCountsProperties, { description: 'Review counts over findings' }),
  outlineSection: obj(
    {
      id: describe(str, "path in the outline tree: '3', '3.2', '3.2.1' (1-based ordinals of siblings)"),
      kind: { type: 'string', enum: SECTION_KINDS },
      level: describe(int, 'depth in the tree, 1 for top level'),
      label: describe(strOrNull, "numbering as written: 第三章, （一）, 专栏1; null when unnumbered"),
      ordinal: describe(intOrNull, 'ordinal parsed from the label (第三章 → 3); null when unnumbered'),
      title: describe(str, 'heading text without the label'),
      start: offset('start of the section, heading included'),
      end: offset('end of the section with all its descendants (exclusive)'),
      headingStart: offset('start of the heading line'),
      headingEnd: offset('end of the heading line (exclusive)'),
      children: { type: 'array', items: { $ref: 'outlineSection#' } },
    },
    { description: 'A node of a plan’s outline (第X章 / 第X节 / 一、/ （一）/ 专栏 / 附件)' },
  ),
  targetRow: obj(
    {
      id: describe(intOrNull, "finding row id; null for a person's addition"),
      key: describe(str, 'stable identity of the finding'),
      indicator: str,
      canonical: describe(strOrNull, 'canonical indicator code, where the indicator is known'),
      scope: describe(strOrNull, 'the area the target is about (全省, 湛江市)'),
      year: describe(intOrNull, 'target year'),
      value: {
        type: ['number', 'string', 'null'],
        description: 'the target value: a number, or a ratio written as text (13:47:40); for a range, its lower bound',
      },
      range: pair(num, '[low, high] when the plan gives a range; else null', true),
      unit: describe(strOrNull, 'unit as written (%, 亿元, 万人); ratio for a ratio'),
      comparator: { type: 'string', enum: ['eq', 'ge', 'gt', 'le', 'lt', 'approx'], description: 'eq 达到, ge 不低于 ≥, gt >, le 不高于 ≤, lt <, approx 约' },
      measure: { type: 'string', enum: ['level', 'growth', 'increment', 'ratio'], description: 'level 总量/水平, growth 增速 (value in % a year), increment 增量, ratio 比例' },
      direction: { type: ['string', 'null'], enum: ['up', 'down', null] },
      baselineValue: describe({ type: ['number', 'null'] }, 'base-period value (基期值)'),
      baselineYear: describe(intOrNull, 'base-period year'),
      binding: { type: ['string', 'null'], enum: ['constraint', 'expected', null], description: 'constraint 约束性, expected 预期性; null when the plan does not say' },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      status: { type: 'string', enum: REVIEW_STATUSES },
      flags: strList,
      quote: describe(str, 'the text of the span [start, end)'),
      start: offsetOrNull('start of the quote'),
      end: offsetOrNull('end of the quote (exclusive)'),
      section: describe(strOrNull, 'title of the innermost section holding the target'),
      extracted: { type: ['object', 'null'], additionalProperties: true, description: 'what the extractor said, where a person corrected it; else null' },
    },
    { description: 'One row of the targets table (目标指标), people’s corrections applied' },
  ),
  planCard: obj(planCardProperties, { description: 'A plan as a library card (its current version)' }),
  locatedFinding: obj(
    {
      slug: describe(str, 'the plan'),
      title: describe(str, "the plan's title"),
      key: describe(str, 'stable identity of the finding'),
      kind: findingKind,
      summary: str,
      quote: describe(str, 'the quote, clipped to 160 characters'),
      how: { type: 'string', enum: ['scope', 'text'], description: 'scope: its scope is the unit; text: the text names the unit (or a unit inside it)' },
    },
    { description: 'A finding located in a place' },
  ),
  ruleStats: obj(
    {
      precision: { type: 'number', minimum: 0, maximum: 1, description: "share of the rule's findings of this kind that the shared gold has (tp / n)" },
      measuredOn: { type: 'integer', minimum: 1, description: 'the number of findings of this kind it was measured on (n)' },
    },
    { description: 'The measured precision of an extraction rule on the shared gold (data/lexicons/rule-precision.json, written by npm run eval -- --rules)' },
  ),
  timeFrame: obj(
    {
      docType: { type: 'string', enum: ['plan', 'report', 'policy', 'unknown'], description: 'plan 规划/纲要 · report 政府工作报告 · policy 意见/方案/行动计划' },
      period: pair(int, "the plan period, or a report's or policy's span from its own year to its last goal year; null when none was read", true),
      horizon: describe(intOrNull, 'outlook year after the period (展望到2035年)'),
      currentYear: describe(intOrNull, "the year the document speaks from: a report's year (今年), else the issue year"),
      milestones: { type: 'array', items: int, description: 'goal years the text names within the frame (到2025年 … 到2035年)' },
      parts: {
        type: 'array',
        description: 'parts of the text with their own time: looking back (发展基础, 2025年工作回顾) or forward (主要目标, 2026年重点工作)',
        items: obj({
          start: offset('start of the part'),
          end: offset('end of the part (exclusive)'),
          year: describe(intOrNull, 'the year its heading names (2025年工作回顾 → 2025)'),
          tense: { type: 'string', enum: ['past', 'future'], description: 'past: the part looks back; future: it sets out what is to be done' },
          evidence: obj({ start: offset('start of the heading that says so'), end: offset('end (exclusive)') }, { description: 'the heading that says so' }),
        }),
      },
    },
    { description: "Which years a document's numbers belong to when a sentence names none (src/parse/timeframe.ts)" },
  ),
  decisionResult: obj(
    {
      decision: obj({
        id: describe(int, 'decision id'),
        action: { type: 'string', enum: ['accept', 'reject', 'correct'] },
        kind: findingKind,
        key: describe(str, 'stable identity of the finding decided on'),
        actor: str,
      }),
      finding: refOrNull('findingDto', 'the finding with the decision applied; null when the decision withdrew an addition'),
    },
    { description: 'A review decision and the finding as it is now' },
  ),
};

/** Registers the shared shapes; call before the routes are registered. */
export function addSharedSchemas(app: FastifyInstance): void {
  for (const [id, schema] of Object.entries(sharedSchemas)) app.addSchema({ $id: id, ...schema });
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: a parameter or field is malformed (error.field or the message names it)',
  404: 'Not found (the plan, finding, place or indicator the URL names)',
  413: 'The file is larger than the size limit',
  415: 'Unsupported content type',
  422: 'The file cannot be read (empty, binary, bad encoding, corrupt docx/pdf); nothing was stored',
  503: 'The database is not reachable right now; retry after the seconds in the Retry-After header',
};

/** Refused writes: a browser request from another site (Origin / Sec-Fetch-Site). */
export const CROSS_SITE: [number, string] = [403, "Refused: a write from another site's page (Origin or Sec-Fetch-Site is not this app)"];

/** Error responses: each code with its default description, or [code, description]. */
export function errors(...codes: Array<number | [number, string]>): Record<number, Schema> {
  const out: Record<number, Schema> = {};
  for (const c of [...codes, 503]) {
    const [code, text] = typeof c === 'number' ? [c, ERROR_TEXT[c]] : c;
    out[code] = { description: text, ...ref('error') };
  }
  return out;
}

/** A 200 whose body is not JSON: the content types it can have. */
export function download(description: string, types: string[]): Schema {
  return { description, content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) };
}
