// Unit conversion for monitoring: an observation is compared with a target only in the target's
// unit, and only when the conversion is exact (亿元 ↔ 万元, 万人 ↔ 人, % ↔ ‰). Anything else is
// "not comparable", never guessed: 亿元 is not 亿美元, a share (%) is not a change (个百分点).
import unitsLexicon from '../../data/lexicons/units.json' with { type: 'json' };

const MAGNITUDES: Record<string, number> = { 万亿: 1e12, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/** Spellings of one unit (千米 = 公里 = km), the first the canonical one. */
const SAME: string[][] = [
  ['公里', '千米', 'km'],
  ['平方公里', '平方千米', 'km2', 'km²'],
  ['平方米', 'm2', 'm²'],
  ['立方米', 'm3', 'm³', '方', '立方'],
  ['米', 'm'],
  ['标箱', 'TEU', '标准箱'],
  ['吨标准煤', '吨标煤'],
  ['千瓦时', 'kWh'],
  ['千瓦', 'kW'],
  ['吨', 't'],
  ['千克', '公斤'],
  ['公顷', 'ha'],
  ['微克/立方米', 'μg/m3', 'μg/m³'],
  ['毫克/升', 'mg/L'],
];
const CANONICAL = new Map(SAME.flatMap((forms) => forms.map((f) => [f, forms[0]] as const)));

/** Shares of a whole: % is 1/100, ‰ 1/1000, ‱ 1/10000. */
const SHARES: Record<string, number> = { '%': 1e-2, '％': 1e-2, '‰': 1e-3, '‱': 1e-4 };
/** A change of a share, in percentage points: comparable with % only when both are differences. */
const POINTS = new Set(['个百分点', '百分点']);

const BASES = new Set<string>([...unitsLexicon.units.words, ...CANONICAL.keys()]);

export interface ParsedUnit {
  /** What one unit is in the base unit (亿元 → 1e8 元). */
  factor: number;
  /** The base unit (元, 人, 吨, share, points); per-units keep their denominator (元/人, 件/百万人 → 件/人). */
  base: string;
}

/**
 * Splits a unit into magnitude and base: 亿元 → 1e8 × 元, 万人 → 1e4 × 人, 亿千瓦时 → 1e8 × 千瓦时,
 * ‰ → 1e-3 × share. A base that is itself a word (千瓦, 千米) wins over reading its first
 * character as a magnitude. Returns null for what it does not know.
 */
export function parseUnit(unit: string): ParsedUnit | null {
  let hit = parsed.get(unit);
  if (hit === undefined) parsed.set(unit, (hit = parse(unit)));
  return hit;
}

const parsed = new Map<string, ParsedUnit | null>();
const BY_LENGTH = Object.entries(MAGNITUDES).sort((a, b) => b[0].length - a[0].length);

function parse(unit: string): ParsedUnit | null {
  const u = unit.trim();
  if (!u) return null;
  if (u in SHARES) return { factor: SHARES[u], base: 'share' };
  if (POINTS.has(u)) return { factor: 1e-2, base: 'points' };
  const slash = u.indexOf('/');
  if (slash > 0) {
    const num = parseUnit(u.slice(0, slash));
    const den = parseUnit(u.slice(slash + 1));
    if (!num || !den) return null;
    return { factor: num.factor / den.factor, base: `${num.base}/${den.base}` };
  }
  const direct = base(u);
  if (direct) return { factor: 1, base: direct };
  for (const [m, f] of BY_LENGTH) {
    if (!u.startsWith(m)) continue;
    const rest = parseUnit(u.slice(m.length));
    if (rest && rest.base !== 'share' && rest.base !== 'points') return { factor: f * rest.factor, base: rest.base };
  }
  return null;
}

function base(u: string): string | null {
  const c = CANONICAL.get(u) ?? u;
  return BASES.has(c) || BASES.has(u) ? c : null;
}

export interface ConvertOptions {
  /** Both values are changes (增量): % and 个百分点 then mean the same. */
  difference?: boolean;
}

/** The factor that turns a value in `from` into `to`, or null when the two cannot be compared. */
export function conversionFactor(from: string, to: string, opts: ConvertOptions = {}): number | null {
  if (from.trim() === to.trim()) return 1;
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!a || !b) return null;
  const kind = (p: ParsedUnit) => (opts.difference && p.base === 'points' ? 'share' : p.base);
  if (kind(a) !== kind(b)) return null;
  return a.factor / b.factor;
}

/** `value` in `from` expressed in `to`, or null when the units cannot be compared. */
export function convert(value: number, from: string, to: string, opts: ConvertOptions = {}): number | null {
  const f = conversionFactor(from, to, opts);
  return f == null ? null : round(value * f);
}

/** Removes binary floating-point noise (0.1 × 3) without losing real digits. */
export function round(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
