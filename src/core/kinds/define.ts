// What a kind of finding is, in one object: its fields (a zod schema, from which its data type is
// derived), how a planner names it and its fields (zh/en), its one-line summary, its place in
// lists, its colour in the reader and its shape in the evaluation JSON. Pure: no node-only
// imports, so the same definitions serve the extractors, the store, the API, the CLI and exports.
import { z } from 'zod';
import type { ExtractContext } from '../findings';
import type { PlanDoc, Span } from '../types';

export interface Labels {
  zh: string;
  en: string;
}

/** A span some field of a finding was read from: role 'year' is where its year comes from. */
export interface FindingEvidence extends Span {
  role: 'year';
}

/** A finding as the extractors make it, for data of any shape (Finding<K> narrows it per kind). */
export interface FindingOf<D, K extends string = string> extends Span {
  kind: K;
  /** Path of the innermost section containing the span, or null. */
  section: string | null;
  confidence: number;
  /** e.g. decimal_restored, percent_restored, table_cells_split, year_implied, scope_implied, doubtful_value */
  flags: string[];
  /** The extraction rule that made it (clause.standard, table.grid …), where one rule did. */
  rule?: string;
  /** Spans the finding's fields were read from, beyond its own span (the year's heading, the frame …). */
  evidence?: FindingEvidence[];
  data: D;
}

/** A pure function from a parsed plan to findings of one kind. */
export type KindExtractor<D, K extends string = string> = (doc: PlanDoc, ctx: ExtractContext) => Array<FindingOf<D, K>>;

export interface KindDef<K extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** The key stored with each finding and used in URLs (target, duty …). */
  name: K;
  /** The plural used in `extract --json` keys, CLI counts and `--kind targets`. */
  plural: string;
  /** How a planner names the kind (目标 / Targets). */
  label: Labels;
  /** Position in every list of kinds (legend, filters, counts): lower first. */
  order: number;
  /** Highlight colour in the reader and the badges: fill and its border line. */
  colour: { fill: string; line: string };
  /** Which finding is drawn on top where two of the same length overlap: lower is more specific. */
  nesting: number;
  /** Highlighted in the reader unless the reader asks otherwise. */
  shownByDefault: boolean;
  /** The fields, validated on every correction and addition; the data type is derived from it. */
  schema: S;
  /** The label of every field, in the order forms and tables show them. */
  fields: { [F in keyof z.infer<S>]-?: Labels };
  /** Labels of the values of fields with a fixed set of values (comparator: ge → 不低于 ≥). */
  values?: { [F in keyof z.infer<S>]?: Record<string, Labels> };
  /** Values an addition gets for fields it does not give (besides null / []). */
  defaults?: Partial<z.infer<S>>;
  /** One short Chinese line (CLI tables, lists, search hits). */
  summary(data: z.infer<S>): string;
  /** The finding's fields as the evaluation JSON names them (shared/eval/README.md); common fields are added by the caller. */
  evalJson?(f: FindingOf<z.infer<S>, K>): Record<string, unknown>;
  /** The kind's extractor, when it is defined with its kind (built-in extractors are paired in src/extract/index.ts). */
  extract?: KindExtractor<z.infer<S>, K>;
}

/** The data type of a kind's findings. */
export type DataOf<D> = D extends KindDef<string, infer S> ? z.infer<S> : never;

/** Checks a kind definition's types (fields and values keyed by the schema's fields); returns it as given. */
export function defineKind<K extends string, S extends z.ZodObject>(def: KindDef<K, S>): KindDef<K, S> {
  const schemaFields = Object.keys(def.schema.shape);
  const labelled = Object.keys(def.fields);
  if (schemaFields.join() !== labelled.join()) {
    throw new Error(`kind ${def.name}: fields must label every schema field in schema order (schema: ${schemaFields.join(', ')}; labelled: ${labelled.join(', ')})`);
  }
  return def;
}

// Pieces the kind schemas share.
export const text = z.string().trim().min(1);
export const textList = z.array(text);
export const year = z.number().int().min(1949).max(2100);
export const areaCode = z.string().regex(/^\d{6}$/);

/** '' for null; lists joined with 、 (the summaries' and exports' way of writing a value). */
export const show = (v: unknown): string => (v == null ? '' : Array.isArray(v) ? v.join('、') : String(v));
