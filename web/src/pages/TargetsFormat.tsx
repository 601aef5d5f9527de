// Targets as Chinese planners write them (≥12.5%, 6340亿元, 约50万人, 13∶47∶40), and the table's
// filters and sort — the same rules as the server's export (src/server/export.ts), so a download
// holds exactly the rows the page shows.

export interface TargetRow {
  id: number | null;
  key: string;
  indicator: string;
  canonical: string | null;
  scope: string | null;
  year: number | null;
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
  section: string | null;
  extracted: Record<string, unknown> | null;
}

const CMP: Record<string, string> = { eq: '', ge: '≥', gt: '>', le: '≤', lt: '<', approx: '约' };

/** 6340 → '6340', 12.50 → '12.5', 0.333333 → '0.33' (no thousands separators: planners write 39160元). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const s = Number.isInteger(n) ? String(n) : n.toFixed(abs >= 100 ? 1 : abs >= 1 ? 2 : 3);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A target's value with comparator and unit: ≥12.5%, 6340亿元, 约50万人, 6.5%–7%, 13∶47∶40. */
export function formatTargetValue(d: { value?: unknown; range?: unknown; unit?: unknown; comparator?: unknown }): string {
  const unit = typeof d.unit === 'string' && d.unit !== 'ratio' ? d.unit : '';
  const cmp = CMP[String(d.comparator ?? 'eq')] ?? '';
  if (Array.isArray(d.range) && d.range.length === 2) {
    const [lo, hi] = d.range as [number, number];
    return `${cmp}${plainNumber(lo)}${unit === '%' ? '%' : ''}–${plainNumber(hi)}${unit}`;
  }
  if (typeof d.value === 'number') return `${cmp}${plainNumber(d.value)}${unit}`;
  if (typeof d.value === 'string' && d.value) return `${cmp}${d.value.replace(/:/g, '∶')}${unit}`;
  return '—';
}

export function formatBaseline(r: { baselineValue: number | null; baselineYear: number | null; unit: string | null; measure: string }): string {
  if (r.baselineValue == null) return r.baselineYear != null ? `${r.baselineYear}年` : '';
  const unit = r.unit && r.unit !== 'ratio' && r.measure !== 'growth' ? r.unit : '';
  return `${plainNumber(r.baselineValue)}${unit}${r.baselineYear != null ? `（${r.baselineYear}年）` : ''}`;
}

export const MEASURE_NAMES: Record<string, { zh: string; en: string }> = {
  level: { zh: '总量/水平', en: 'Level' },
  growth: { zh: '增速', en: 'Growth' },
  increment: { zh: '增量', en: 'Increment' },
  ratio: { zh: '比例', en: 'Ratio' },
};

export const BINDING_NAMES: Record<string, { zh: string; en: string }> = {
  constraint: { zh: '约束性', en: 'Binding' },
  expected: { zh: '预期性', en: 'Expected' },
  none: { zh: '未标明', en: 'Not stated' },
};

export const STATUS_NAMES: Record<string, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending' },
  accepted: { zh: '已接受', en: 'Accepted' },
  corrected: { zh: '已更正', en: 'Corrected' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  added: { zh: '补录', en: 'Added' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
  all: { zh: '全部', en: 'All' },
};

export interface TargetFilters {
  q?: string;
  year?: number;
  measure?: string;
  binding?: string;
  status?: string;
  sort?: string;
  dir?: 'asc' | 'desc';
}

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

/** Stable sort; empty values last in either direction (as the server sorts). */
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
