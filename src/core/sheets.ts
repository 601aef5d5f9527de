// A table as a worksheet, the same way for every download (the targets table, the evaluation
// report): bold frozen header row, set widths, numbers stored as numbers and all text as plain
// strings — never formulas, whatever the (untrusted) text says. In memory only: no I/O.
import type ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** True when a spreadsheet would read the text as a formula (or a formula after trimming). */
export const looksLikeFormula = (s: string) => /^[=+\-@\t\r]/.test(s);

/** Sheet names may not hold []:*?/\ and are at most 31 characters. */
export const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** One sheet; the columns in `wrap` (1-based) wrap their text. */
export function addSheet(wb: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly Cell[][], widths: readonly number[], wrap: readonly number[] = [headers.length]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([]);
    r.forEach((c, i) => {
      if (c == null) return;
      // A string value is always written as a shared string: exceljs only writes a formula for { formula }.
      row.getCell(i + 1).value = c;
    });
  }
  for (const c of wrap) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
  if (headers.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}
