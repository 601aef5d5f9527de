// The matching rules of shared/eval/score.mjs, mirrored so that `npm run eval` can say *why* a
// target was missed (no candidate, classified as not a target, a wrong slot) and which rule made
// each extra. score.mjs stays the yardstick: scripts/eval.ts runs it too and warns when the two
// disagree on a document's tp/fp/fn.

export interface GoldTarget {
  indicator: string;
  scope?: string;
  year: number;
  value: number | string;
  value_max?: number;
  unit?: string;
  comparator?: string;
  kind?: string;
  baseline_value?: number | null;
  baseline_year?: number | null;
  quote: string;
  borderline?: boolean;
  repaired?: boolean;
}

export interface PredTarget {
  indicator?: string;
  year?: number | null;
  value?: number | string | null;
  unit?: string | null;
  comparator?: string;
  kind?: string;
  baseline_value?: number | null;
  baseline_year?: number | null;
  quote?: string;
  start?: number;
  end?: number;
  rule?: string;
  confidence?: number;
}

const UNIT_ALIASES = new Map(
  Object.entries({
    '％': '%', 百分比: '%', 个百分点: '%', percent: '%', '‰': '‰', 千分之: '‰', 年一遇: '年一遇',
    公里: 'km', 千米: 'km', km: 'km', 平方公里: 'km2', 平方千米: 'km2', km2: 'km2', 'km²': 'km2', 万平方公里: '万km2',
  }),
);
export const normUnit = (u: unknown) => {
  if (u == null) return '';
  const s = String(u).replace(/\s+/g, '').replace(/／/g, '/');
  return UNIT_ALIASES.get(s) ?? s;
};
export const normText = (s: unknown) => String(s ?? '').replace(/[\s“”"'《》（）()、，,。：:·\-—－]/g, '');
const bigrams = (s: unknown) => {
  const t = normText(s);
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
};
export const dice = (a: unknown, b: unknown) => {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return (2 * n) / (A.size + B.size);
};
export const sameIndicator = (a: unknown, b: unknown) => {
  const x = normText(a);
  const y = normText(b);
  return x === y || (!!x && !!y && (x.includes(y) || y.includes(x))) || dice(a, b) >= 0.5;
};
const normValue = (v: unknown) => {
  if (typeof v === 'string') {
    const s = v.replace(/[∶：]/g, ':').replace(/\s/g, '');
    const n = Number(s);
    return Number.isFinite(n) && s !== '' ? n : s;
  }
  return v;
};
export const sameValue = (a: unknown, b: unknown) => {
  const x = normValue(a);
  const y = normValue(b);
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  return x === y;
};
export const quoteOverlap = (gq: string | undefined, p: { quote?: string }) => {
  if (!gq) return false;
  const pq = p.quote ?? '';
  return !!pq && (pq.includes(gq) || gq.includes(pq) || dice(gq, pq) >= 0.6);
};

/** One-to-one greedy matching of predictions to gold, exactly as score.mjs does it. */
export function matchTargets(gold: readonly GoldTarget[], pred: readonly PredTarget[]): { gUsed: Map<number, number>; pUsed: Set<number> } {
  const pairs: Array<{ gi: number; pi: number; s: number }> = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      if (Number(p.year) !== Number(g.year)) return;
      if (!sameValue(p.value, g.value)) return;
      if (normUnit(p.unit) !== normUnit(g.unit)) return;
      const ind = sameIndicator(p.indicator, g.indicator);
      const quo = quoteOverlap(g.quote, p);
      if (!ind && !quo) return;
      pairs.push({ gi, pi, s: (ind ? 2 : 0) + (quo ? 1 : 0) + dice(p.indicator, g.indicator) });
    }),
  );
  pairs.sort((a, b) => b.s - a.s);
  const gUsed = new Map<number, number>();
  const pUsed = new Set<number>();
  for (const { gi, pi } of pairs) if (!gUsed.has(gi) && !pUsed.has(pi)) {
    gUsed.set(gi, pi);
    pUsed.add(pi);
  }
  return { gUsed, pUsed };
}

export const prf = (tp: number, fp: number, fn: number) => {
  const p = tp + fp ? tp / (tp + fp) : fn ? 0 : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
