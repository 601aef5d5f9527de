// The registry of finding kinds: the one place that lists them. A new kind is one file beside
// these (its definition, see define.ts) and one line in BUILT_IN. Everything else — extractors'
// pairing, the CLI, the API's field specs and GET /api/kinds, exports, the web app — reads this.
import type { z } from 'zod';
import { FieldError } from '../errors';
import type { KindDef } from './define';
import { duty } from './duty';
import { fact } from './fact';
import { place } from './place';
import { project } from './project';
import { reference } from './reference';
import { structure } from './structure';
import { target } from './target';

const BUILT_IN = [target, structure, duty, project, fact, place, reference] as const;

/** Kind name → its data type, for the built-in kinds. */
export type FindingDataMap = { [D in (typeof BUILT_IN)[number] as D['name']]: D extends KindDef<string, infer S> ? z.infer<S> : never };
export type FindingKind = keyof FindingDataMap;

/** A kind of any data shape (what the registry holds). */
export type AnyKindDef = KindDef<string, z.ZodObject>;

const registry: AnyKindDef[] = [];

/** Adds a kind (the built-ins below; a plug-in or a test may add more before the app starts). */
export function registerKind(def: AnyKindDef): void {
  if (registry.some((k) => k.name === def.name || k.plural === def.plural)) throw new Error(`kind ${def.name} (${def.plural}) is registered twice`);
  registry.push(def);
  registry.sort((a, b) => a.order - b.order);
}

for (const k of BUILT_IN) registerKind(k);

/** Every kind, in display order. */
export function allKinds(): readonly AnyKindDef[] {
  return registry;
}

/** Kind names in display order. */
export function kindNames(): FindingKind[] {
  return registry.map((k) => k.name as FindingKind);
}

export function findKind(name: string): AnyKindDef | undefined {
  return registry.find((k) => k.name === name);
}

/** The definition of a kind; the error names the field `kind` and lists the known kinds. */
export function kindOf<K extends FindingKind>(name: K | string): KindDef<K> {
  const k = findKind(name);
  if (!k) throw new FieldError(`unknown kind "${name}"; one of: ${kindNames().join(', ')}`, 'kind');
  return k as KindDef<K>;
}

/** Accepts a kind's name or its plural (`targets` or `target`). */
export function parseKind(s: string): FindingKind {
  const t = s.trim();
  const k = registry.find((d) => d.name === t || d.plural === t);
  if (!k) throw new FieldError(`unknown kind "${s}"; one of: ${kindNames().join(', ')}`, 'kind');
  return k.name as FindingKind;
}

/** A field's label (the field's name where the kind does not label it). */
export function fieldLabel(kind: string, field: string, lang: 'zh' | 'en' = 'zh'): string {
  const def = findKind(kind);
  return (def?.fields as Record<string, { zh: string; en: string }> | undefined)?.[field]?.[lang] ?? field;
}

/** A field value's label (comparator ge → 不低于 ≥), or the value itself. */
export function valueLabel(kind: string, field: string, value: string, lang: 'zh' | 'en' = 'zh'): string {
  const def = findKind(kind);
  return (def?.values as Record<string, Record<string, { zh: string; en: string }>> | undefined)?.[field]?.[value]?.[lang] ?? value;
}

export { defineKind, type DataOf, type FindingEvidence, type FindingOf, type KindDef, type KindExtractor, type Labels } from './define';
export { type Binding, type Comparator, type TargetData, type TargetMeasure } from './target';
export type { FactData } from './fact';
export type { StructureData, StructureElement } from './structure';
export type { DutyData } from './duty';
export type { ProjectData } from './project';
export type { PlaceData } from './place';
export type { ReferenceData } from './reference';
