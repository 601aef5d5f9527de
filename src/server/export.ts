// The targets table (目标指标表): rows built from effective target findings, the filters and sort
// the web page offers, and the CSV / XLSX downloads. Plan text is untrusted: any text cell that
// a spreadsheet would read as a formula (= + - @, tab, CR) is defused.
import ExcelJS from 'exceljs';
import type { EffectiveFinding } from '../core/curation';
import { addSheet, looksLikeFormula, type Cell } from '../core/sheets';
import type { TargetRow } from '../core/target-table';

export { looksLikeFormula, type Cell } from '../core/sheets';

export { filterTargets, sortTargets, TARGET_SORT_KEYS, type TargetFilters, type TargetRow } from '../core/target-table';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function targetRow(f: EffectiveFinding, text: string, section: string | null): TargetRow {
  const d = f.data;
  const range = Array.isArray(d.range) && d.range.length === 2 ? ([Number(d.range[0]), Number(d.range[1])] as [number, number]) : null;
  return {
    id: f.id,
    key: f.identity,
    indicator: str(d.indicator) ?? '',
    canonical: str(d.canonical),
    scope: str(d.scope),
    year: num(d.year),
    value: typeof d.value === 'number' || typeof d.value === 'string' ? d.value : null,
    range,
    unit: str(d.unit),
    comparator: str(d.comparator) ?? 'eq',
    measure: str(d.measure) ?? 'level',
    direction: str(d.direction),
    baselineValue: num(d.baselineValue),
    baselineYear: num(d.baselineYear),
    binding: str(d.binding),
    confidence: f.confidence,
    status: f.status,
    flags: f.flags,
    quote: f.start == null ? (f.decision?.quote ?? '') : text.slice(f.start, f.end ?? f.start),
    start: f.start,
    end: f.end,
    section,
    extracted: f.extracted,
  };
}

// ---- the table as cells ----

const COMPARATOR: Record<string, string> = { eq: '＝', ge: '≥', gt: '>', le: '≤', lt: '<', approx: '约' };
const MEASURE: Record<string, string> = { level: '总量/水平', growth: '增速', increment: '增量', ratio: '比例' };
const BINDING: Record<string, string> = { constraint: '约束性', expected: '预期性' };
export const STATUS_ZH: Record<string, string> = { pending: '待审核', accepted: '已接受', corrected: '已更正', rejected: '已驳回', added: '补录' };

export const TARGET_HEADERS = ['指标', '范围', '年份', '数值', '单位', '比较', '类型', '基期值', '基期年份', '约束性/预期性', '置信度', '审核状态', '原文'];
const WIDTHS = [28, 14, 8, 12, 10, 6, 10, 10, 9, 13, 8, 10, 70];

export function targetCells(r: TargetRow): Cell[] {
  const value: Cell = r.range ? `${r.range[0]}–${r.range[1]}` : typeof r.value === 'string' ? r.value.replace(/:/g, '∶') : r.value;
  const measure = MEASURE[r.measure] ?? r.measure;
  return [
    r.indicator,
    r.scope,
    r.year,
    value,
    r.unit === 'ratio' ? null : r.unit,
    COMPARATOR[r.comparator] ?? r.comparator,
    r.direction === 'down' && r.measure !== 'ratio' ? `${measure}（下降）` : measure,
    r.baselineValue,
    r.baselineYear,
    r.binding ? (BINDING[r.binding] ?? r.binding) : null,
    Math.round(r.confidence * 1000) / 1000,
    STATUS_ZH[r.status] ?? r.status,
    r.quote,
  ];
}

/** RFC 4180 CSV, UTF-8 with BOM (Excel reads the Chinese), CRLF line ends; formula-like text gets a leading apostrophe. */
export function toCsv(headers: readonly string[], rows: readonly Cell[][]): string {
  const cell = (c: Cell) => {
    if (c == null) return '';
    let s = typeof c === 'number' ? String(c) : looksLikeFormula(c) ? `'${c}` : c;
    if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
    return s;
  };
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** One sheet: bold frozen header row, set widths, numbers stored as numbers, all text as plain strings (never formulas). */
export async function toXlsx(sheet: string, title: string, headers: readonly string[], rows: readonly Cell[][], widths: readonly number[] = WIDTHS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanAtlas 规划图谱';
  wb.title = title;
  addSheet(wb, sheet, headers, rows, widths);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function targetsTable(rows: readonly TargetRow[]): { headers: string[]; cells: Cell[][] } {
  return { headers: TARGET_HEADERS, cells: rows.map(targetCells) };
}

/** Content-Disposition for a download with a Chinese name (RFC 5987) and an ASCII fallback. */
export function attachment(name: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
