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
  findings: HitFinding[];
}

export interface SearchResult {
  q: string;
  /** The words searched for (jieba words of the query, and the literal query when it is 3+ characters). */
  terms: string[];
  total: number;
  hits: SearchHit[];
}
