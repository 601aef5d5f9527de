// The targets table (目标指标表): rows built from effective target findings, the filters and sort
// the web page offers, and the CSV / XLSX downloads; and any kind's findings as a table. Plan text is untrusted: any text cell that
// a spreadsheet would read as a formula (= + - @, tab, CR) is defused.
import ExcelJS from 'exceljs';
import type { EffectiveFinding } from '../core/curation';
import { addSheet, looksLikeFormula, type Cell } from '../core/sheets';
import { fieldLabel, kindOf, valueLabel } from '../core/kinds/index';
import { STATUS_LABELS } from '../core/review-status';
import type { TargetRow } from '../core/target-table';

export { looksLikeFormula, type Cell } from '../core/sheets';

export { filterTargets, sortTargets, TARGET_SORT_KEYS, type TargetFilters, type TargetRow } from '../core/target-table';

export function targetRow(f: EffectiveFinding<'target'>, text: string, section: string | null): TargetRow {
  const { scopeCode: _, ...data } = f.data; // the table names the scope; its code is in the finding
  return {
    id: f.id,
    key: f.identity,
    ...data,
    confidence: f.confidence,
    status: f.status,
    flags: f.flags,
    quote: quoteOf(f, text),
    start: f.start,
    end: f.end,
    section,
    extracted: f.extracted,
  };
}

const quoteOf = (f: EffectiveFinding, text: string) => (f.start == null ? (f.decision?.quote ?? '') : text.slice(f.start, f.end ?? f.start));

// ---- the tables as cells: headers are the kind's field labels, enum values their labels (src/core/kinds) ----

/** Columns every findings table ends with. */
const TAIL_HEADERS = ['置信度', '审核状态', '原文'];

/** The fields of the targets table, in its column order. */
const TARGET_FIELDS = ['indicator', 'scope', 'year', 'value', 'unit', 'comparator', 'measure', 'baselineValue', 'baselineYear', 'binding'] as const;
export const TARGET_HEADERS = [...TARGET_FIELDS.map((f) => fieldLabel('target', f)), ...TAIL_HEADERS];
const WIDTHS = [28, 14, 8, 12, 10, 10, 10, 10, 9, 13, 8, 10, 70];


const tail = (confidence: number, status: string, quote: string): Cell[] => [Math.round(confidence * 1000) / 1000, STATUS_LABELS[status]?.zh ?? status, quote];

export function targetCells(r: TargetRow): Cell[] {
  const value: Cell = r.range ? `${r.range[0]}–${r.range[1]}` : typeof r.value === 'string' ? r.value.replace(/:/g, '∶') : r.value;
  const measure = valueLabel('target', 'measure', r.measure);
  return [
    r.indicator,
    r.scope,
    r.year,
    value,
    r.unit === 'ratio' ? null : r.unit,
    valueLabel('target', 'comparator', r.comparator),
    r.direction === 'down' && r.measure !== 'ratio' ? `${measure}（${valueLabel('target', 'direction', 'down')}）` : measure,
    r.baselineValue,
    r.baselineYear,
    r.binding ? valueLabel('target', 'binding', r.binding) : null,
    ...tail(r.confidence, r.status, r.quote),
  ];
}

/** One field's value as a cell: numbers stay numbers, labelled values their label, lists joined with 、, ranges low–high, objects as JSON. */
function fieldCell(kind: string, field: string, v: unknown): Cell {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return valueLabel(kind, field, v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('、');
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) return `${v[0]}–${v[1]}`;
  return JSON.stringify(v);
}

/** The findings of one kind as a table: a column per field of the kind (its labels), then confidence, status and quote. */
export function findingsTable(kind: string, findings: readonly EffectiveFinding[], text: string): { headers: string[]; widths: number[]; cells: Cell[][] } {
  const fields = Object.keys(kindOf(kind).fields);
  return {
    headers: [...fields.map((f) => fieldLabel(kind, f)), ...TAIL_HEADERS],
    widths: [...fields.map(() => 16), ...WIDTHS.slice(-TAIL_HEADERS.length)],
    cells: findings.map((f) => [...fields.map((k) => fieldCell(kind, k, (f.data as Record<string, unknown>)[k])), ...tail(f.confidence, f.status, quoteOf(f, text))]),
  };
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
