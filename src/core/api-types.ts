// Shapes the HTTP API returns, shared by the server (src/server) and the web app (web/src), which
// imports them as types only. Type imports only, and only of pure modules: the web app's typecheck reads this file too.
import type { FindingDataMap, FindingKind } from './kinds/index';

export type { FindingDataMap, FindingKind };

/** A finding of kind K as the API gives it. */
export interface FindingDtoOf<K extends FindingKind> {
  /** Finding row id (changes when a plan is re-extracted); null for a person's addition. */
  id: number | null;
  /** Stable identity (survives re-extraction): use it in links. */
  key: string;
  kind: K;
  start: number | null;
  end: number | null;
  quote: string;
  summary: string;
  confidence: number;
  flags: string[];
  /** The extraction rule that made it (clause.standard, table.grid …); null for a person's addition, kinds no rule makes, and findings stored before rules were recorded (re-extraction fills it). */
  rule: string | null;
  /** The rule's measured precision for this kind of finding (data/lexicons/rule-precision.json); null when it was never measured. */
  ruleStats: RuleStats | null;
  /** Where the extractor read its fields beyond the finding's own span: role 'year' is where its year comes from. */
  evidence: EvidenceDto[];
  /** The fields of the finding (its kind's data), people's corrections applied. */
  data: FindingDataMap[K];
  /** What the extractor said, where a person corrected it. */
  extracted: FindingDataMap[K] | null;
  status: string;
  decision: { action: string; actor: string; at: string; note: string | null } | null;
}

/** A finding of kind K (default: any kind, a union that narrows on `kind`). */
export type FindingDto<K extends FindingKind = FindingKind> = { [P in K]: FindingDtoOf<P> }[K];

export interface RuleStats {
  /** Share of the rule's findings the shared gold has (tp / n). */
  precision: number;
  /** Number of findings of this kind it was measured on (n). */
  measuredOn: number;
}

/** A span a finding's field was read from, with its text. */
export interface EvidenceDto {
  role: 'year';
  start: number;
  end: number;
  quote: string;
}

/** GET /api/rules: one extraction rule, what it reads, and its measured precision per kind. */
export interface RuleInfo {
  id: string;
  /** How a planner would name it; null for a rule measured but not in the registry. */
  label: { zh: string; en: string } | null;
  /** What it matches, as src/extract/rules.ts describes it; null for a rule measured but not in the registry. */
  matches: string | null;
  builds: string | null;
  target: RuleStats | null;
  fact: RuleStats | null;
}

/** A part of the text with its own time (一、2025年工作回顾 looks back, 三、2026年重点工作 forward). */
export interface FramePartDto {
  start: number;
  end: number;
  year: number | null;
  tense: 'past' | 'future';
  /** The heading that says so. */
  evidence: { start: number; end: number };
}

/** GET /api/plans/:slug frame: which years the document's numbers belong to when a sentence names none. */
export interface TimeFrameDto {
  docType: 'plan' | 'report' | 'policy' | 'unknown';
  period: [number, number] | null;
  horizon: number | null;
  currentYear: number | null;
  milestones: number[];
  parts: FramePartDto[];
}

/** GET /api/review/stats (and per kind). */
export interface ReviewCounts {
  total: number;
  reviewed: number;
  pending: number;
  accepted: number;
  corrected: number;
  rejected: number;
  added: number;
  /** Strict precision of the extractor on reviewed items: accepted / (accepted + corrected + rejected); null when none reviewed. */
  precision: number | null;
  /** Lenient precision: (accepted + corrected) / (accepted + corrected + rejected); a corrected finding was at least found. */
  lenientPrecision: number | null;
}

/** GET /api/finding-fields/:kind: one editable field of a kind of finding. */
export interface FieldSpec {
  name: string;
  /** string, number, integer, enum, list (of strings), number-or-text (a number or a ratio 13:47:40), range ([low, high]), json */
  type: 'string' | 'number' | 'integer' | 'enum' | 'list' | 'number-or-text' | 'range' | 'json';
  nullable: boolean;
  required: boolean;
  options?: Array<{ value: string; zh: string; en: string }>;
  zh: string;
  en: string;
}

/** GET /api/kinds: a kind of finding as the web app shows it (from the kind registry, src/core/kinds). */
export interface KindInfo {
  name: string;
  /** The plural the CLI and `extract --json` use (targets, duties …). */
  plural: string;
  zh: string;
  en: string;
  /** Highlight colour (fill) and its border line, CSS colours. */
  colour: { fill: string; line: string };
  /** Where two findings of the same length overlap, the lower is drawn on top (more specific). */
  nesting: number;
  /** Highlighted in the reader unless asked otherwise. */
  shownByDefault: boolean;
  /** The kind's fields in display order, with labels and value labels (as GET /api/finding-fields/:kind). */
  fields: FieldSpec[];
  /** Labels of the values of fields that are not enums but have known values (place level: prefecture → 地级). */
  values: Record<string, Array<{ value: string; zh: string; en: string }>>;
}

/** GET /api/search: one finding inside a hit's passage (offsets in the plan's normalized text). */
export interface HitFinding {
  key: string;
  kind: string;
  summary: string;
  start: number;
  end: number;
}

/** GET /api/search: one passage. */
export interface SearchHit {
  plan: { slug: string; title: string };
  section: { path: string; title: string } | null;
  start: number;
  end: number;
  text: string;
  /** [start, end) offsets inside `text` where a query term occurs. */
  highlights: Array<[number, number]>;
  /** The first findings overlapping the passage (those holding a query term first); GET /api/search/findings gives all. */
  findings: HitFinding[];
  /** How many findings overlap the passage. */
  findingTotal: number;
}

export interface SearchResult {
  q: string;
  /** The words searched for (jieba words of the query, and the literal query when it is 3+ characters). */
  terms: string[];
  total: number;
  hits: SearchHit[];
}

// ---------------------------------------------------------------- monitoring (src/server/routes/monitor.ts)

export type MonitorStatus = 'achieved' | 'ahead' | 'on-track' | 'lagging' | 'severely-lagging' | 'no-data' | 'not-comparable';
/** manual: typed in; import: a file; document: a passage of the plan or of another stored document; computed: from the units of a region. */
export type ObservationOriginDto = 'manual' | 'import' | 'document' | 'computed';

export interface PlanRefDto {
  slug: string;
  title: string;
}

export interface YearValue {
  year: number;
  value: number;
}

/** Where a document's figure was read: the document (plan slug, title, version) and the passage. */
export interface FigurePassageDto {
  plan: string;
  title: string;
  version: number | null;
  /** The fact finding's stable key (links to /plans/{plan}?f={key}). */
  key: string;
  start: number;
  end: number;
  quote: string;
}

/** A figure a judgement read, with where it came from. */
export interface FigureDto {
  year: number;
  value: number;
  unit: string;
  origin: ObservationOriginDto;
  source: string;
  caliber: string | null;
  /** computed: how (由各单元…之和…). */
  method: string | null;
  observationId: number | null;
  /** document: the document and passage it was read from. */
  passage: FigurePassageDto | null;
}

/** One target of a plan judged on actual values. */
export interface TargetStatusDto {
  key: string;
  indicator: string;
  canonical: string | null;
  place: { code: string | null; name: string; region: boolean };
  /** 约束性 / 预期性 */
  binding: 'constraint' | 'expected' | null;
  measure: string;
  comparator: string;
  target: { value: number | string | null; unit: string | null; year: number | null };
  status: MonitorStatus;
  statusLabel: { zh: string; en: string };
  ratio: number | null;
  sdgRatio: number | null;
  realizedRate: number | null;
  baseline: YearValue | null;
  latest: YearValue | null;
  expected: number | null;
  projection: { year: number; value: number; method: string } | null;
  unit: string | null;
  /** One sentence in Chinese with the numbers. */
  explanation: string;
  /** The same sentence in English. */
  explanationEn: string;
  notes: string[];
  figures: FigureDto[];
  start: number | null;
  end: number | null;
}

/** GET /api/plans/{slug}/monitor */
export interface PlanMonitorDto {
  plan: { slug: string; title: string; period: [number, number] | null; units: string[] };
  asOf: number;
  summary: string;
  counts: Record<string, number>;
  statuses: Array<{ status: MonitorStatus; zh: string; en: string }>;
  rows: TargetStatusDto[];
  documentFigures: number;
  otherDocumentFigures: number;
  /** The plan's task ledger counted as of a day: the end of the year asked, or today if earlier. */
  tasks: { asOf: string; total: number; overdue: number; noUpdate: number };
}

export interface TaskUpdateDto {
  id: number;
  period: string;
  unit: string;
  status: string;
  percent: number | null;
  text: string;
  at: string;
  actor: string;
  attachmentFileId: number | null;
}

export interface LedgerTaskDto {
  key: string;
  task: string;
  lead: string[];
  support: string[];
  deadline: { date: string | null; text: string; ongoing: boolean } | null;
  start: number | null;
  end: number | null;
  updates: TaskUpdateDto[];
  flags: { overdue: boolean; noUpdate: boolean; current: { kind: string; key: string; label: string; start: string; end: string } };
}

/** GET /api/plans/{slug}/tasks */
export interface TaskLedgerDto {
  plan: PlanRefDto;
  /** The day the flags were computed for (YYYY-MM-DD). */
  asOf: string;
  tasks: LedgerTaskDto[];
}

/** GET /api/plans/{slug}/matrix */
export interface DutyMatrixDto {
  units: string[];
  rows: Array<{ key: string; task: string; roles: Array<'牵头' | '参加' | ''> }>;
  counts: Record<string, { lead: number; support: number }>;
}

/** GET /api/departments/{unit} */
export interface DepartmentDto {
  unit: string;
  tasks: Array<{ plan: PlanRefDto; role: 'lead' | 'support'; task: LedgerTaskDto }>;
  overdue: number;
  noUpdate: number;
  lagging: Array<{ plan: PlanRefDto; task: string; target: TargetStatusDto }>;
  totals: { plans: number; tasks: number; lead: number };
  limit: number;
  offset: number;
}

export interface IndicatorInfoDto {
  id: string;
  name: string;
  unit: string | null;
  aliases: string[];
}

/** GET /api/indicators/{id} */
export interface IndicatorViewDto {
  indicator: IndicatorInfoDto;
  place: { key: string; name: string } | null;
  targets: Array<{ plan: PlanRefDto; target: TargetStatusDto }>;
  series: FigureDto[];
  totals: { plans: number };
  limit: number;
  offset: number;
}

/** An observation in force (GET /api/observations). */
export interface ObservationDto {
  id: number | null;
  indicator: string;
  place: string;
  year: number;
  value: number;
  unit: string;
  caliber: string | null;
  source: string;
  origin: ObservationOriginDto;
}

/** GET /api/observations */
export interface ObservationPageDto {
  total: number;
  observations: ObservationDto[];
}

/** An observation import (GET /api/observations/imports). */
export interface ObservationImportDto {
  id: number;
  fileName: string;
  format: string;
  rows: number;
  skipped: number[];
  actor: string;
  createdAt: string;
  undoneAt: string | null;
}

/** POST /api/observations/import/preview */
export interface ObservationPreviewDto {
  fileName: string;
  format: string;
  rows: Array<{ line: number; observation: Omit<ObservationDto, 'id' | 'origin'>; replaces: { value: number; unit: string } | null }>;
  errors: Array<{ line: number; column: string; message: string }>;
}
