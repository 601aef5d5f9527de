// Which plans cover a unit, and how: the plan names the unit itself ('direct'), a unit it lies in
// (a province plan covers its prefectures: 'parent'), or a unit inside it ('part'). Pure.
import type { Gazetteer } from '../core/types';

export type CoverageRelation = 'direct' | 'parent' | 'part';
export type CoverageRole = 'scope' | 'extension'; // 规划范围 / 规划延伸区

export interface PlanPlaceRow {
  code: string;
  role: string;
}

export interface UnitCoverage {
  relation: CoverageRelation;
  role: CoverageRole;
  /** The unit the plan names (the unit itself, an ancestor or a descendant). */
  via: string;
}

const isWithin = (gaz: Gazetteer, code: string, ancestor: string): boolean => {
  for (let p = gaz.byCode(code); p; p = p.parent ? gaz.byCode(p.parent) : undefined) if (p.code === ancestor) return true;
  return false;
};

/**
 * How one plan (its plan_places rows) covers `code`, or null when it does not. 'direct' beats
 * 'parent' beats 'part'; 'scope' beats 'extension'.
 */
export function coverageOf(gaz: Gazetteer, rows: readonly PlanPlaceRow[], code: string): UnitCoverage | null {
  let best: UnitCoverage | null = null;
  const rank = (c: UnitCoverage) => ({ direct: 0, parent: 2, part: 4 })[c.relation] + (c.role === 'scope' ? 0 : 1);
  for (const r of rows) {
    const relation: CoverageRelation | null = r.code === code ? 'direct' : isWithin(gaz, code, r.code) ? 'parent' : isWithin(gaz, r.code, code) ? 'part' : null;
    if (!relation) continue;
    const c: UnitCoverage = { relation, role: r.role === 'extension' ? 'extension' : 'scope', via: r.code };
    if (!best || rank(c) < rank(best)) best = c;
  }
  return best;
}

export { isWithin };
