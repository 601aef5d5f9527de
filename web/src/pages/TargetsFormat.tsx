// Targets as Chinese planners write them (≥12.5%, 6340亿元, 约50万人, 13∶47∶40), and the table's
// filters and sort — the same rules as the server's export (src/server/export.ts), so a download
// holds exactly the rows the page shows.
export { filterTargets, sortTargets, type TargetFilters, type TargetRow } from '../../../src/core/target-table';

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

export { STATUS_LABELS as STATUS_NAMES } from '../../../src/core/review-status';
