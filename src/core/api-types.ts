// Shapes the HTTP API returns, shared by the server (src/server) and the web app (web/src), which
// imports them as types only. No imports here: the web app's typecheck reads this file too.

export interface FindingDto {
  /** Finding row id (changes when a plan is re-extracted); null for a person's addition. */
  id: number | null;
  /** Stable identity (survives re-extraction): use it in links. */
  key: string;
  kind: string;
  start: number | null;
  end: number | null;
  quote: string;
  summary: string;
  confidence: number;
  flags: string[];
  data: Record<string, unknown>;
  /** What the extractor said, where a person corrected it. */
  extracted: Record<string, unknown> | null;
  status: string;
  decision: { action: string; actor: string; at: string; note: string | null } | null;
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
