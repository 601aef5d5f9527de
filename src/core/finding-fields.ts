// The fields a person may correct (or must give when adding a finding), per kind, validated with zod.
// Used by the review commands (CLI now, HTTP later) so a correction can never store a malformed field.
import { z } from 'zod';
import type { FindingKind } from './findings';

const str = z.string().trim().min(1);
const strList = z.array(str);
const year = z.number().int().min(1949).max(2100);
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

export const fieldSchemas = {
  target: z.object({
    indicator: str,
    canonical: nullable(str),
    scope: nullable(str),
    scopeCode: nullable(z.string().regex(/^\d{6}$/)),
    year: nullable(year),
    value: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?(:\d+(\.\d+)?)+$/)]).nullable(),
    range: nullable(z.tuple([z.number(), z.number()])),
    unit: nullable(str),
    comparator: z.enum(['eq', 'ge', 'gt', 'le', 'lt', 'approx']),
    measure: z.enum(['level', 'growth', 'increment', 'ratio']),
    direction: nullable(z.enum(['up', 'down'])),
    baselineValue: nullable(z.number()),
    baselineYear: nullable(year),
    binding: nullable(z.enum(['constraint', 'expected'])),
  }),
  fact: z.object({
    indicator: str,
    canonical: nullable(str),
    scope: nullable(str),
    scopeCode: nullable(z.string().regex(/^\d{6}$/)),
    year: nullable(year),
    value: z.union([z.number(), z.string()]).nullable(),
    unit: nullable(str),
  }),
  structure: z.object({
    code: str,
    subject: nullable(str),
    elements: z.array(
      z.object({
        name: str,
        count: z.number().int().positive(),
        members: strList,
        memberCodes: z.array(z.string().nullable()),
        span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
      }),
    ),
  }),
  duty: z.object({ task: str, lead: strList, support: strList, deadline: nullable(str) }),
  project: z.object({
    name: str,
    category: nullable(str),
    places: strList,
    capacity: nullable(str),
    investment: nullable(z.object({ value: z.number(), unit: str })),
    count: nullable(z.number().int().nonnegative()),
  }),
  place: z.object({ code: z.string().regex(/^\d{6}$/), name: str, level: str }),
  reference: z.object({ title: str, docNumber: nullable(str) }),
} satisfies Record<FindingKind, z.ZodObject>;

import { FieldError } from './errors';

export { FieldError };

/** Validates corrected fields (a subset) for a kind; error messages name the field. */
export function validateCorrection(kind: FindingKind, fields: Record<string, unknown>): Record<string, unknown> {
  const schema = fieldSchemas[kind].partial().strict();
  const r = schema.safeParse(fields);
  if (!r.success) throw new FieldError(describe(kind, r.error), fieldOfIssue(r.error));
  return r.data as Record<string, unknown>;
}

/** Validates the whole data of an added finding; missing optional fields default to null / []. */
export function validateAddition(kind: FindingKind, fields: Record<string, unknown>): Record<string, unknown> {
  const schema = fieldSchemas[kind];
  const defaults: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema.shape)) {
    if ((v as z.ZodType).safeParse(null).success) defaults[k] = null;
    else if ((v as z.ZodType).safeParse([]).success) defaults[k] = [];
  }
  if (kind === 'target') Object.assign(defaults, { comparator: 'eq', measure: 'level' });
  const r = schema.strict().safeParse({ ...defaults, ...fields });
  if (!r.success) throw new FieldError(describe(kind, r.error), fieldOfIssue(r.error));
  return r.data as Record<string, unknown>;
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
      if (i.code === 'unrecognized_keys') return `${kind}: unknown field(s) ${i.keys.join(', ')}; known: ${Object.keys(fieldSchemas[kind as FindingKind].shape).join(', ')}`;
      return `${kind}.${field}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Turns `field=value` text (CLI, forms) into typed fields: numbers for numeric fields, lists split
 * on 、or , for list fields, `null` for empty. The schema then validates the result.
 */
export function parseFieldAssignments(kind: FindingKind, assignments: readonly string[]): Record<string, unknown> {
  const shape = fieldSchemas[kind].shape as Record<string, z.ZodType>;
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
