// Minimal RFC 4180 CSV reader for the gazetteer's data files (UTF-8, header row, quoted fields).
// Small on purpose: the files are ours, a few thousand rows, and must load synchronously.

/**
 * Parses CSV text into records keyed by the header; `file` only names the source in errors.
 * With `freeLastColumn`, extra commas belong to the last column (a free-text note a planner may
 * write without quoting).
 */
export function parseCsv(text: string, file: string, freeLastColumn = false): Record<string, string>[] {
  const rows = splitRows(text.replace(/^\uFEFF/, ''), file);
  if (rows.length === 0) throw new Error(`${file}: empty file, expected a header row`);
  const header = rows[0].map((h) => h.trim());
  const out: Record<string, string>[] = [];
  for (let i = 1; i < rows.length; i++) {
    let cells = rows[i];
    if (cells.length === 1 && cells[0].trim() === '') continue; // blank line
    if (freeLastColumn && cells.length > header.length) {
      cells = [...cells.slice(0, header.length - 1), cells.slice(header.length - 1).join(',')];
    }
    if (cells.length > header.length) {
      throw new Error(`${file}:${i + 1}: ${cells.length} fields, header has ${header.length} (${header.join(',')})`);
    }
    const rec: Record<string, string> = {};
    header.forEach((h, j) => (rec[h] = (cells[j] ?? '').trim()));
    out.push(rec);
  }
  return out;
}

/** The rows of a CSV text as lists of fields (no header handling); `file` only names the source in errors. */
export function splitRows(text: string, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error(`${file}:${line}: unterminated quoted field`);
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
