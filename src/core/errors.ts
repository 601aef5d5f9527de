// Errors every layer can throw and every edge (CLI, HTTP) maps the same way: the message is written
// for the person who asked, and the class (not the wording) says what kind of failure it is.

/** The thing asked for does not exist (HTTP 404); `field` names the parameter that named it (id, key …). */
export class NotFoundError extends Error {
  constructor(
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

/** A reference matches more than one thing (HTTP 400); the message lists the candidates. */
export class AmbiguousError extends Error {}

/** A value given for a field is wrong (HTTP 400 invalid-field); `field` names it for a form. */
export class FieldError extends Error {
  constructor(
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

/** One bad row of an uploaded table: its line, its column as headed in the file, and what is wrong. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

/** A table (CSV, XLSX) with bad rows: nothing of it was stored (HTTP 400 invalid-rows; `rows` lists every problem). */
export class RowsError extends Error {
  constructor(
    public file: string,
    public rows: RowProblem[],
  ) {
    const first = rows[0];
    super(`${file}: ${rows.length} problem${rows.length === 1 ? '' : 's'}, nothing was imported${first ? `; line ${first.line}, ${first.column || 'file'}: ${first.message}` : ''}`);
  }
}
