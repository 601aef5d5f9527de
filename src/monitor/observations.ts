// Observations: what actually happened, as (indicator, place, year, value, unit, 口径, source).
// This file checks rows typed in or imported before anything is stored: every row gets its
// indicator from the lexicon, its place from the gazetteer, a number, a unit that converts to the
// indicator's, and a look at what is already stored. Errors name the row, the column and the reason.
import type { IndicatorEntry } from '../core/findings';
import type { RowProblem } from '../core/errors';
import type { Gazetteer } from '../core/types';
import { conversionFactor } from './units';

/** Where an observation came from: typed in, imported from a file, read from a document's passage, or computed from units' values. */
export type ObservationOrigin = 'manual' | 'import' | 'document' | 'computed';

export interface ObservationInput {
  /** Canonical indicator id (data/lexicons/indicators.csv). */
  indicator: string;
  /** Gazetteer code of the unit. */
  place: string;
  year: number;
  value: number;
  unit: string;
  /** 口径: what the figure covers or how it was measured (户籍 vs 常住, 现价 vs 不变价 …). */
  caliber: string | null;
  /** Who published it: a yearbook, a bulletin, a file, a plan's passage. */
  source: string;
}

/** The columns of an import file, with the header words accepted for each (Chinese or English). */
export const IMPORT_COLUMNS = {
  indicator: ['指标', '指标名称', '指标代码', 'indicator'],
  place: ['地区', '地区名称', '区划代码', '行政区划代码', 'place', 'code'],
  year: ['年份', '年度', 'year'],
  value: ['数值', '值', '实际值', 'value'],
  unit: ['单位', 'unit'],
  caliber: ['口径', '口径说明', 'caliber', 'note'],
  source: ['来源', '数据来源', 'source'],
} as const;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;
const REQUIRED: ImportColumn[] = ['indicator', 'place', 'year', 'value', 'unit'];

/** A bad field of a row: 1-based line (the header is line 1), the column as headed in the file, what is wrong. */
export type RowError = RowProblem;

export interface CheckedRow {
  line: number;
  observation: ObservationInput;
  /** The value stored for the same indicator, place and year before this import, if any. */
  replaces: { value: number; unit: string } | null;
}

export interface CheckResult {
  rows: CheckedRow[];
  errors: RowError[];
}

export interface CheckContext {
  indicators: readonly IndicatorEntry[];
  gazetteer: Gazetteer;
  /** The stored value (a person's or an import's) for this indicator, place and year, if there is one. */
  existing: (indicator: string, place: string, year: number) => { value: number; unit: string } | undefined;
  /** Used when a row names no source. */
  defaultSource: string;
  /** Let rows replace a stored figure that differs (otherwise such a row is an error to fix or skip). */
  allowReplace?: boolean;
  /** A plan's region named in the place column ('plan:<slug>', or the plan's slug): its observation key and name. */
  region?: (text: string) => { key: string; name: string } | undefined;
}

/** Which file column holds each field; errors for a header that lacks a required one. */
export function mapHeader(header: readonly string[]): { columns: Partial<Record<ImportColumn, number>>; errors: RowError[] } {
  const columns: Partial<Record<ImportColumn, number>> = {};
  header.forEach((h, i) => {
    const k = (Object.keys(IMPORT_COLUMNS) as ImportColumn[]).find((c) => (IMPORT_COLUMNS[c] as readonly string[]).includes(h.trim().toLowerCase()) || (IMPORT_COLUMNS[c] as readonly string[]).includes(h.trim()));
    if (k && columns[k] == null) columns[k] = i;
  });
  const errors = REQUIRED.filter((c) => columns[c] == null).map((c) => ({
    line: 1,
    column: IMPORT_COLUMNS[c][0],
    message: `the header has no ${IMPORT_COLUMNS[c][0]} (${c}) column; accepted headers: ${IMPORT_COLUMNS[c].join(', ')}`,
  }));
  return { columns, errors };
}

/** Finds an indicator by id, name or alias. */
export function findIndicator(indicators: readonly IndicatorEntry[], s: string): IndicatorEntry | undefined {
  const q = s.trim();
  return indicators.find((i) => i.id === q) ?? indicators.find((i) => i.name === q) ?? indicators.find((i) => i.aliases.includes(q));
}

/** A number as written in a table: 6340, 6,340.5, full-width digits, a leading minus. Anything else is null. */
export function parseNumber(s: string): number | null {
  const t = s
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * Checks the rows of a file (header first). Rows that pass become observations; each row that does
 * not gives one error per bad field. Two rows for the same indicator, place and year are an error
 * too, and a row that changes a stored figure says what it replaces.
 */
export function checkRows(table: readonly (readonly string[])[], ctx: CheckContext): CheckResult {
  if (!table.length) return { rows: [], errors: [{ line: 1, column: '', message: 'the file has no rows: expected a header row and data rows' }] };
  const header = table[0].map((h) => String(h ?? ''));
  const { columns, errors } = mapHeader(header);
  if (errors.length) return { rows: [], errors };
  const rows: CheckedRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < table.length; i++) {
    const line = i + 1;
    const cells = table[i].map((c) => String(c ?? '').trim());
    if (cells.every((c) => !c)) continue;
    const cell = (c: ImportColumn) => (columns[c] == null ? '' : (cells[columns[c]!] ?? ''));
    const col = (c: ImportColumn) => (columns[c] == null ? c : header[columns[c]!].trim());
    const rowErrors: RowError[] = [];
    const fail = (c: ImportColumn, message: string) => rowErrors.push({ line, column: col(c), message });

    const ind = findIndicator(ctx.indicators, cell('indicator'));
    if (!cell('indicator')) fail('indicator', 'empty');
    else if (!ind) fail('indicator', `unknown indicator "${cell('indicator')}" (give an id, name or alias of data/lexicons/indicators.csv)`);

    const placeText = cell('place');
    const region = placeText ? ctx.region?.(placeText) : undefined;
    const unit0 = region ? undefined : /^\d{6}$/.test(placeText) ? ctx.gazetteer.byCode(placeText) : placeText ? ctx.gazetteer.resolve(placeText) : undefined;
    const place = region ? { code: region.key, name: region.name } : unit0 && { code: unit0.code, name: unit0.name };
    if (!placeText) fail('place', 'empty');
    else if (!place) fail('place', `unknown place "${placeText}" (give a 6-digit code or a name of the gazetteer, e.g. 湛江市 or 440800)`);

    const year = parseNumber(cell('year').replace(/年$/, ''));
    if (year == null || !Number.isInteger(year) || year < 1949 || year > 2100) fail('year', `"${cell('year')}" is not a year (1949–2100)`);

    const value = parseNumber(cell('value'));
    if (value == null) fail('value', `"${cell('value')}" is not a number`);

    const unit = cell('unit');
    if (!unit) fail('unit', 'empty');
    else if (ind?.unit && ind.unit !== 'ratio' && conversionFactor(unit, ind.unit) == null) {
      fail('unit', `${unit} does not convert to ${ind.unit}, the unit of ${ind.name}`);
    }

    if (!rowErrors.length && ind && place && year != null && value != null) {
      const key = `${ind.id}\u0000${place.code}\u0000${year}`;
      const earlier = seen.get(key);
      if (earlier != null) {
        fail('value', `line ${earlier} already gives ${ind.name} of ${place.name} in ${year}`);
      } else {
        seen.set(key, line);
        const had = ctx.existing(ind.id, place.code, year);
        const same = had && conversionFactor(had.unit, unit) != null && Math.abs(had.value * conversionFactor(had.unit, unit)! - value) < 1e-9 * Math.max(1, Math.abs(value));
        if (had && !same && !ctx.allowReplace) {
          fail('value', `${year}年${place.name}${ind.name} is stored as ${had.value}${had.unit}; this row gives ${value}${unit} (skip the row, or import with replace)`);
          errors.push(...rowErrors);
          continue;
        }
        rows.push({
          line,
          observation: { indicator: ind.id, place: place.code, year, value, unit, caliber: cell('caliber') || null, source: cell('source') || ctx.defaultSource },
          replaces: had && !same ? had : null,
        });
      }
    }
    errors.push(...rowErrors);
  }
  if (!rows.length && !errors.length) errors.push({ line: 2, column: '', message: 'the file has a header but no data rows' });
  return { rows, errors };
}
