// Reads an observation file into rows of text cells: CSV (UTF-8 with or without BOM, GB18030/GBK,
// UTF-16, as Excel and WPS save it) or XLSX (the first worksheet). Bad files get an error that
// names the file and what is wrong with it; the rows are checked afterwards (observations.ts).
import ExcelJS from 'exceljs';
import { decodeText } from '../ingest/encoding';
import { formatBytes, IngestError } from '../ingest/errors';
import { splitRows } from '../places/csv';

export const MAX_TABLE_BYTES = 20 * 1024 * 1024;

export type TableFormat = 'csv' | 'xlsx';

export async function readTableFile(bytes: Uint8Array, fileName: string, maxBytes = MAX_TABLE_BYTES): Promise<{ format: TableFormat; rows: string[][] }> {
  if (bytes.length === 0) throw new IngestError(fileName, 'empty', 'the file is empty: expected a CSV or XLSX table with a header row');
  if (bytes.length > maxBytes) throw new IngestError(fileName, 'too-large', `the file is ${formatBytes(bytes.length)}, more than the ${formatBytes(maxBytes)} an observation table may have`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || /\.xlsx$/i.test(fileName)) {
    if (!zip) throw new IngestError(fileName, 'unsupported', 'the name says XLSX but the file is not a workbook (no ZIP signature); save it from Excel or WPS as .xlsx, or as CSV');
    return { format: 'xlsx', rows: await readXlsx(bytes, fileName) };
  }
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new IngestError(fileName, 'unsupported', 'old Excel .xls files are not read; save the sheet as .xlsx or CSV');
  }
  const { text } = decodeText(bytes, fileName);
  try {
    return { format: 'csv', rows: splitRows(text.replace(/^\uFEFF/, ''), fileName) };
  } catch (e) {
    throw new IngestError(fileName, 'unsupported', (e as Error).message);
  }
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new IngestError(fileName, 'corrupt-table', `the workbook cannot be read (${(e as Error).message}); open it in Excel or WPS and save it again`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new IngestError(fileName, 'empty', 'the workbook has no worksheet');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v && v.result != null) return cellText(v.result as ExcelJS.CellValue); // a formula: its value
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
  }
  return String(v);
}
