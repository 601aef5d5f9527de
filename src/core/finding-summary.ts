// One short Chinese line per finding (CLI tables, the web app's lists, exports): each kind writes
// its own (src/core/kinds).
import { allKinds, findKind } from './kinds/index';

export function summarize(kind: string, d: unknown): string {
  const def = findKind(kind);
  return def ? def.summary(d as never) : JSON.stringify(d);
}

/** Finding counts in one line (12 targets, 3 structures, 40 duties), kinds in their display order. */
export function formatCounts(counts: Record<string, number>): string {
  return allKinds().filter((k) => counts[k.name]).map((k) => `${counts[k.name]} ${k.plural}`).join(', ') || 'no findings';
}
