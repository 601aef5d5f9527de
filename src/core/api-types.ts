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
