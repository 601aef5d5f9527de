// The fields a person may correct (or must give when adding a finding), per kind, validated with
// the kind's zod schema (src/core/kinds). Used by the review commands (CLI, HTTP) so a correction
// can never store a malformed field, and described for generated forms (fieldSpecs).
import { z } from 'zod';
import type { FieldSpec } from './api-types';
import { FieldError } from './errors';
import type { FindingDataMap, FindingKind } from './findings';
import { kindOf } from './kinds/index';

export { FieldError };

const shapeOf = (kind: string) => kindOf(kind).schema.shape as Record<string, z.ZodType>;

/** Validates corrected fields (a subset) for a kind; error messages name the field. */
export function validateCorrection<K extends FindingKind>(kind: K, fields: Record<string, unknown>): Partial<FindingDataMap[K]> {
  const schema = kindOf(kind).schema.partial().strict();
  const r = schema.safeParse(fields);
  if (!r.success) throw new FieldError(describe(kind, r.error), fieldOfIssue(r.error));
  return r.data as Partial<FindingDataMap[K]>;
}

/** Validates the whole data of an added finding; missing optional fields default to null / [] (or the kind's defaults). */
export function validateAddition<K extends FindingKind>(kind: K, fields: Record<string, unknown>): FindingDataMap[K] {
  const def = kindOf(kind);
  const defaults: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shapeOf(kind))) {
    if (v.safeParse(null).success) defaults[k] = null;
    else if (v.safeParse([]).success) defaults[k] = [];
  }
  Object.assign(defaults, def.defaults);
  const r = def.schema.strict().safeParse({ ...defaults, ...fields });
  if (!r.success) throw new FieldError(describe(kind, r.error), fieldOfIssue(r.error));
  return r.data as FindingDataMap[K];
}

/** The top-level field the first problem is about (unknown fields: the first unknown one). */
function fieldOfIssue(e: z.ZodError): string | undefined {
  const i = e.issues[0];
  if (!i) return undefined;
  if (i.code === 'unrecognized_keys') return i.keys[0];
  return i.path.length ? String(i.path[0]) : undefined;
}

function describe(kind: string, e: z.ZodError): string {
  return e.issues
    .map((i) => {
      const field = i.path.join('.') || '(fields)';
      if (i.code === 'unrecognized_keys') return `${kind}: unknown field(s) ${i.keys.join(', ')}; known: ${Object.keys(shapeOf(kind)).join(', ')}`;
      return `${kind}.${field}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Turns `field=value` text (CLI, forms) into typed fields: numbers for numeric fields, lists split
 * on 、or , for list fields, `null` for empty. The schema then validates the result.
 */
export function parseFieldAssignments(kind: FindingKind, assignments: readonly string[]): Record<string, unknown> {
  const shape = shapeOf(kind);
  const out: Record<string, unknown> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new FieldError(`"${a}": expected field=value`, 'fields');
    const key = a.slice(0, eq).trim();
    const raw = a.slice(eq + 1).trim();
    const field = shape[key];
    if (!field) throw new FieldError(`${kind}: unknown field ${key}; known: ${Object.keys(shape).join(', ')}`, key);
    if (raw === '' || raw === 'null') out[key] = null;
    else if (field.safeParse([]).success) out[key] = raw.split(/[、,，]/).map((s) => s.trim()).filter(Boolean);
    else if (/^-?\d+(\.\d+)?$/.test(raw) && field.safeParse(Number(raw)).success) out[key] = Number(raw);
    else if (/^\[.*\]$|^\{.*\}$/.test(raw)) out[key] = JSON.parse(raw);
    else out[key] = raw;
  }
  return out;
}

/** One field of a kind as a form needs it: its type from the schema, its labels and its values' labels from the kind. */
function fieldSpec(kind: string, name: string, schema: z.ZodType): FieldSpec {
  const def = kindOf(kind);
  let t = schema;
  const nullable = t instanceof z.ZodNullable;
  if (t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
  const { zh, en } = (def.fields as Record<string, { zh: string; en: string }>)[name] ?? { zh: name, en: name };
  const base = { name, nullable, required: !nullable && !t.safeParse([]).success, zh, en };
  if (t instanceof z.ZodString) return { ...base, type: 'string' };
  if (t instanceof z.ZodNumber) return { ...base, type: t.format === 'safeint' || t.format === 'int32' ? 'integer' : 'number' };
  if (t instanceof z.ZodEnum) {
    const labels = (def.values as Record<string, Record<string, { zh: string; en: string }>> | undefined)?.[name] ?? {};
    const options = (t.options as string[]).map((v) => ({ value: v, zh: labels[v]?.zh ?? v, en: labels[v]?.en ?? v }));
    return { ...base, type: 'enum', options };
  }
  if (t instanceof z.ZodArray && t.element instanceof z.ZodString) return { ...base, type: 'list' };
  if (t instanceof z.ZodUnion) return { ...base, type: 'number-or-text' };
  if (t instanceof z.ZodTuple) return { ...base, type: 'range' };
  return { ...base, type: 'json' };
}

/** The editable fields of a kind, in the order its schema (and every form and table) lists them. */
export function fieldSpecs(kind: string): FieldSpec[] {
  return Object.entries(shapeOf(kind)).map(([name, s]) => fieldSpec(kind, name, s));
}
