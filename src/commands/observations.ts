// Observation commands: a figure typed in by a person, a CSV/XLSX file imported (after a preview
// that checks every row), and an import undone. Each validates first, writes in one transaction
// (the caller's, or its own) and leaves an audit record. Nothing of a file with a bad row is stored
// unless the importer skips the rows named.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { FieldError, NotFoundError, RowsError } from '../core/errors';
import type { Lexicons } from '../core/findings';
import type { Gazetteer } from '../core/types';
import { checkRows, IMPORT_COLUMNS, type CheckedRow, type CheckContext, type ImportColumn, type ObservationInput, type RowError } from '../monitor/observations';
import { regionPlace } from '../monitor/plan-monitor';
import { sampleObservations } from '../monitor/samples';
import { readTableFile, type TableFormat } from '../monitor/table-file';
import { inTransaction, queryRows, readerOf, type CommandOptions, type Db, type Store, type Tx } from '../store/db';
import { activeObservations } from '../store/observations';
import { auditLog, observationImports, observations, plans } from '../store/schema';

export interface ObservationContext {
  gazetteer: Gazetteer;
  lexicons: Lexicons;
}

/** The check context: stored figures in force for the rows' indicators, plan regions by slug. */
async function checkContext(db: Db | Tx, ctx: ObservationContext, source: string, replace: boolean): Promise<CheckContext> {
  const stored = await activeObservations(db);
  const byKey = new Map(stored.map((o) => [`${o.indicator}\u0000${o.place}\u0000${o.year}`, o]));
  const regions = await db.select({ slug: plans.slug, title: plans.title }).from(plans);
  return {
    indicators: ctx.lexicons.indicators,
    gazetteer: ctx.gazetteer,
    existing: (i, p, y) => byKey.get(`${i}\u0000${p}\u0000${y}`),
    defaultSource: source,
    allowReplace: replace,
    region: (text) => {
      const slug = text.replace(/^plan:/, '');
      const p = regions.find((r) => r.slug === slug || r.title === text);
      return p ? { key: regionPlace(p.slug), name: p.title } : undefined;
    },
  };
}

export interface ImportPreview {
  fileName: string;
  format: TableFormat;
  rows: CheckedRow[];
  errors: RowError[];
}

/** Reads and checks a file without storing anything. */
export async function previewObservationImport(store: Store, input: { bytes: Uint8Array; fileName: string; replace?: boolean }, ctx: ObservationContext, opts: CommandOptions = {}): Promise<ImportPreview> {
  const { format, rows } = await readTableFile(input.bytes, input.fileName);
  const check = checkRows(rows, await checkContext(readerOf(store, opts), ctx, input.fileName, input.replace ?? false));
  return { fileName: input.fileName, format, ...check };
}

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** Lines to leave out (as the preview numbered them). */
  skip?: readonly number[];
  /** Rows may replace a stored figure that differs. */
  replace?: boolean;
  actor?: string;
}

export async function importObservations(store: Store, input: ImportInput, ctx: ObservationContext, opts: CommandOptions = {}): Promise<{ importId: number; rows: number; replaced: number; skipped: number[] }> {
  const skip = new Set(input.skip ?? []);
  const actor = input.actor ?? 'cli';
  return inTransaction(store, opts, async (tx) => {
    const preview = await previewObservationImport(store, input, ctx, { tx });
    const errors = preview.errors.filter((e) => !skip.has(e.line));
    if (errors.length) throw new RowsError(input.fileName, errors);
    const rows = preview.rows.filter((r) => !skip.has(r.line));
    if (!rows.length) throw new RowsError(input.fileName, [{ line: 1, column: '', message: 'no rows left to import' }]);
    const { importId, replaced } = await storeImport(tx, { fileName: input.fileName, sha256: createHash('sha256').update(input.bytes).digest('hex'), format: preview.format, skipped: [...skip], actor }, rows);
    await tx.insert(auditLog).values({ actor, command: 'importObservations', subject: `import:${importId}`, details: { fileName: input.fileName, rows: rows.length, replaced, skipped: [...skip] } });
    return { importId, rows: rows.length, replaced, skipped: [...skip] };
  });
}

/** Writes checked rows as one import; each row supersedes the figure in force for its key. */
async function storeImport(
  tx: Tx,
  meta: { fileName: string; sha256: string; format: string; skipped: number[]; actor: string },
  rows: readonly CheckedRow[],
): Promise<{ importId: number; replaced: number }> {
  const [imp] = await tx
    .insert(observationImports)
    .values({ ...meta, rows: rows.length, skipped: [...meta.skipped].sort((a, b) => a - b) })
    .returning({ id: observationImports.id });
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(observations).values(rows.slice(i, i + 500).map((r) => ({ ...r.observation, origin: 'import', importId: imp.id, line: r.line, actor: meta.actor })));
  }
  // The import's rows replace the figures in force for their keys (one statement for the file).
  const superseded = await queryRows<{ id: number }>(
    tx,
    sql`update observations o set superseded_by = n.id from observations n
        where n.import_id = ${imp.id} and o.import_id is distinct from ${imp.id} and o.superseded_by is null
          and o.indicator = n.indicator and o.place = n.place and o.year = n.year
        returning o.id`,
  );
  return { importId: imp.id, replaced: superseded.length };
}

/**
 * Loads the statistics shipped in data/stats (src/monitor/samples.ts) as one import, when no
 * observation was ever stored: the demo then judges the sample plans on real numbers.
 */
export async function loadSampleObservations(store: Store, opts: CommandOptions & { actor?: string } = {}): Promise<number> {
  const db = readerOf(store, opts);
  if ((await db.$count(observationImports)) > 0 || (await db.$count(observations)) > 0) return 0;
  const rows = sampleObservations().map((observation, i) => ({ line: i + 2, observation, replaces: null }));
  return inTransaction(store, opts, async (tx) => {
    const actor = opts.actor ?? 'system';
    const { importId } = await storeImport(tx, { fileName: 'data/stats (sample statistics)', sha256: 'sample', format: 'csv', skipped: [], actor }, rows);
    await tx.insert(auditLog).values({ actor, command: 'loadSampleObservations', subject: `import:${importId}`, details: { rows: rows.length } });
    return rows.length;
  });
}

/** Marks the figures in force for the same indicator, place and year as replaced by `by`. */
async function supersede(tx: Tx, o: ObservationInput, by: number): Promise<number> {
  const r = await tx
    .update(observations)
    .set({ supersededBy: by })
    .where(and(eq(observations.indicator, o.indicator), eq(observations.place, o.place), eq(observations.year, o.year), isNull(observations.supersededBy), ne(observations.id, by)))
    .returning({ id: observations.id });
  return r.length;
}

/** Removes an import's figures and puts back the ones they replaced. */
export async function undoImport(store: Store, input: { importId: number; actor?: string }, opts: CommandOptions = {}): Promise<{ removed: number; restored: number }> {
  const actor = input.actor ?? 'cli';
  return inTransaction(store, opts, async (tx) => {
    const [imp] = await tx.select().from(observationImports).where(eq(observationImports.id, input.importId));
    if (!imp) throw new NotFoundError(`no observation import ${input.importId}`, 'id');
    if (imp.undoneAt) throw new FieldError(`import ${input.importId} (${imp.fileName}) was undone already`, 'id');
    const mine = (await tx.select({ id: observations.id }).from(observations).where(eq(observations.importId, imp.id))).map((r) => r.id);
    // Only what this import replaced and nothing later replaced again comes back.
    const restored = mine.length
      ? (await tx.update(observations).set({ supersededBy: null }).where(inArray(observations.supersededBy, mine)).returning({ id: observations.id })).filter((r) => !mine.includes(r.id)).length
      : 0;
    await tx.delete(observations).where(eq(observations.importId, imp.id));
    await tx.update(observationImports).set({ undoneAt: new Date() }).where(eq(observationImports.id, imp.id));
    await tx.insert(auditLog).values({ actor, command: 'undoImport', subject: `import:${imp.id}`, details: { removed: mine.length, restored } });
    return { removed: mine.length, restored };
  });
}

/** Field names of a typed-in observation, in the import's columns. */
const FIELD_OF: Record<ImportColumn, string> = { indicator: 'indicator', place: 'place', year: 'year', value: 'value', unit: 'unit', caliber: 'caliber', source: 'source' };

export interface RecordInput {
  indicator: string;
  place: string;
  year: number | string;
  value: number | string;
  unit: string;
  caliber?: string | null;
  source: string;
  actor?: string;
}

/** A figure typed in by a person: checked like an import row; it replaces the figure in force. Errors name the field. */
export async function recordObservation(store: Store, input: RecordInput, ctx: ObservationContext, opts: CommandOptions = {}): Promise<{ id: number; replaced: number; observation: ObservationInput }> {
  if (!input.source?.trim()) throw new FieldError('source: say where the figure comes from (a yearbook, a bulletin, a report)', 'source');
  const actor = input.actor ?? 'cli';
  return inTransaction(store, opts, async (tx) => {
    const cols = Object.keys(IMPORT_COLUMNS) as ImportColumn[];
    const table = [cols, cols.map((c) => String((input as unknown as Record<string, unknown>)[c] ?? ''))];
    const check = checkRows(table, await checkContext(tx, ctx, input.source, true));
    const e = check.errors[0];
    if (e) throw new FieldError(`${FIELD_OF[e.column as ImportColumn] ?? e.column}: ${e.message}`, FIELD_OF[e.column as ImportColumn] ?? e.column);
    const o = check.rows[0].observation;
    const [row] = await tx.insert(observations).values({ ...o, origin: 'manual', actor }).returning({ id: observations.id });
    const replaced = await supersede(tx, o, row.id);
    await tx.insert(auditLog).values({ actor, command: 'recordObservation', subject: `observation:${row.id}`, details: { ...o, replaced } });
    return { id: row.id, replaced, observation: o };
  });
}
