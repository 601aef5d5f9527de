// The targets table (目标指标表) as data: one row per target finding, and the filters and sort the
// web page offers. Shared by the server's exports (src/server/export.ts) and the web page
// (web/src/pages/TargetsFormat.tsx), so a download holds exactly the rows the page shows. Type imports
// of pure modules only (the web app reads this file).
import type { TargetData } from './kinds/index';

export interface TargetRow {
  /** Finding row id (null for a person's addition). */
  id: number | null;
  /** Stable identity: the reader's ?f= and the review queue's f=. */
  key: string;
  indicator: string;
  canonical: string | null;
  scope: string | null;
  year: number | null;
  /** Number, or a ratio string '13:47:40'; for a range, the lower bound. */
  value: number | string | null;
  range: [number, number] | null;
  unit: string | null;
  comparator: string;
  measure: string;
  direction: string | null;
  baselineValue: number | null;
  baselineYear: number | null;
  binding: string | null;
  confidence: number;
  status: string;
  flags: string[];
  quote: string;
  start: number | null;
  end: number | null;
  /** Title of the innermost section holding the target. */
  section: string | null;
  /** What the extractor said, where a person corrected it. */
  extracted: TargetData | null;
}

export interface TargetFilters {
  /** Text found in the indicator or the scope. */
  q?: string;
  year?: number;
  measure?: string;
  /** constraint | expected | none */
  binding?: string;
  /** a review status, or 'reviewed' (anything but pending) */
  status?: string;
  sort?: string;
  dir?: 'asc' | 'desc';
}

export const TARGET_SORT_KEYS = ['indicator', 'scope', 'year', 'value', 'measure', 'baseline', 'binding', 'confidence', 'status'] as const;

export function filterTargets(rows: readonly TargetRow[], f: TargetFilters): TargetRow[] {
  const q = f.q?.trim();
  const out = rows.filter(
    (r) =>
      (!q || r.indicator.includes(q) || (r.scope ?? '').includes(q)) &&
      (f.year == null || r.year === f.year) &&
      (!f.measure || r.measure === f.measure) &&
      (!f.binding || (f.binding === 'none' ? r.binding == null : r.binding === f.binding)) &&
      (!f.status || (f.status === 'reviewed' ? r.status !== 'pending' : r.status === f.status)),
  );
  return f.sort ? sortTargets(out, f.sort, f.dir ?? 'asc') : out;
}

function sortValue(r: TargetRow, key: string): number | string | null {
  switch (key) {
    case 'value':
      return r.range ? r.range[0] : typeof r.value === 'number' ? r.value : null;
    case 'baseline':
      return r.baselineValue;
    case 'year':
      return r.year;
    case 'confidence':
      return r.confidence;
    default:
      return (r as unknown as Record<string, string | null>)[key] ?? null;
  }
}

/** Stable sort; empty values last in either direction. */
export function sortTargets(rows: readonly TargetRow[], key: string, dir: 'asc' | 'desc'): TargetRow[] {
  const sign = dir === 'desc' ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i, v: sortValue(r, key) }))
    .sort((a, b) => {
      if (a.v == null || b.v == null) return a.v == null && b.v == null ? a.i - b.i : a.v == null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'zh-CN');
      return c * sign || a.i - b.i;
    })
    .map((x) => x.r);
}

