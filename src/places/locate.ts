// Which administrative units a finding is located in, read from its own data: the units the
// place page finds it under. Pure; computed once when a version's effective findings are stored
// (src/store/effective.ts), so the place page can filter them in SQL.
import type { StructureData } from '../core/findings';
import type { Gazetteer } from '../core/types';
import { isWithin } from './coverage';
import { placeElement } from './structure-shapes';

export interface PlanUnitRow {
  code: string;
  role: string;
}

/** Names of the units a plan covers: context for reading county short forms in member names. */
export function contextNames(gaz: Gazetteer, rows: readonly PlanUnitRow[]): string[] {
  return rows.map((r) => gaz.byCode(r.code)?.name).filter((n): n is string => !!n);
}

/** A project's place name as a code, preferring units inside what the plan covers. */
export function resolveIn(gaz: Gazetteer, name: string, rows: readonly PlanUnitRow[]): string | undefined {
  for (const r of rows) {
    const p = gaz.resolve(name, r.code);
    if (p && isWithin(gaz, p.code, r.code)) return p.code;
  }
  return gaz.resolve(name)?.code;
}

/**
 * scope: the units its data names as its own (a target's or fact's scope, a place mention's unit);
 * named: other units its data names (a project's places, a duty's agencies, a structure's members).
 */
export function locateFinding(
  gaz: Gazetteer,
  kind: string,
  data: Record<string, unknown>,
  rows: readonly PlanUnitRow[],
): { scope: string[]; named: string[] } {
  const scope: Array<string | undefined> = [];
  const named: Array<string | undefined> = [];
  if (kind === 'target' || kind === 'fact') {
    if (typeof data.scopeCode === 'string') scope.push(data.scopeCode);
    if (typeof data.scope === 'string') scope.push(gaz.resolve(data.scope)?.code);
  } else if (kind === 'place') {
    if (typeof data.code === 'string') scope.push(data.code);
  } else if (kind === 'project') {
    if (Array.isArray(data.places) && rows.length > 0 && contextNames(gaz, rows).length > 0) {
      for (const n of data.places) if (typeof n === 'string') named.push(resolveIn(gaz, n, rows));
    }
  } else if (kind === 'duty') {
    const agencies = [...((data.lead as string[] | undefined) ?? []), ...((data.support as string[] | undefined) ?? [])].join('、');
    for (const m of gaz.findMentions(agencies)) named.push(m.place.code);
  } else if (kind === 'structure') {
    const context = contextNames(gaz, rows);
    for (const el of (data as unknown as StructureData).elements ?? []) {
      for (const m of placeElement(gaz, el, null, context).members) for (const u of m.places) named.push(u.code);
    }
  }
  const clean = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];
  return { scope: clean(scope), named: clean(named) };
}

/** A unit and every unit above it (雷州市 → 雷州市, 湛江市, 广东省), as far as the gazetteer knows them. */
export function selfAndAbove(gaz: Gazetteer, code: string): string[] {
  const out: string[] = [];
  for (let p = gaz.byCode(code); p; p = p.parent ? gaz.byCode(p.parent) : undefined) out.push(p.code);
  return out;
}

/** The unit and every unit inside it (湛江市 → 湛江市, 赤坎区, 雷州市 …): what `within` matches. */
export function unitsWithin(gaz: Gazetteer, code: string): string[] {
  if (!gaz.byCode(code)) return [];
  const children = childIndex(gaz);
  const out = [code];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

const childIndexes = new WeakMap<Gazetteer, Map<string, string[]>>();

/** Each unit's direct children (codes), built once per gazetteer. */
export function childIndex(gaz: Gazetteer): Map<string, string[]> {
  let m = childIndexes.get(gaz);
  if (!m) {
    m = new Map();
    for (const p of gaz.places) if (p.parent) m.set(p.parent, [...(m.get(p.parent) ?? []), p.code]);
    childIndexes.set(gaz, m);
  }
  return m;
}
