// The role a plan gives a place, read from the sentence around its name:
//   把湛江作为重要发展极 · 将阳江打造成为广东宜居创业的滨海新城 · 湛江作为粤西中心城市
//   以湛江为中心 · 以湛江市城区为主中心 · 强化广州和南宁作为经济带的双核作用
//   建设湛江省域副中心城市 · 培育壮大湛江发展极 · 区域性中心城市湛江
// A role phrase is cut back to its last head noun (城市, 中心, 极, 核, 基地, 之一 …), so
// “…重要发展极的引领作用” gives 重要发展极. Pure; the place's name forms are passed in.

import type { Place } from '../core/types';
export type RolePattern = 'as' | 'with' | 'build' | 'titled';

export interface RoleMention {
  /** The role as written (粤西中心城市, 主中心). */
  role: string;
  pattern: RolePattern;
  /** Span of the whole match in the sentence. */
  start: number;
  end: number;
}

/** Last characters a role phrase may end on (城市, 中心, 发展极, 双核, 基地, 之一, 门户, 枢纽 …). */
const HEAD_END = '市城心极核纽户点地一区港头口堡台群圈带轴翼';
/** Heads strong enough for the looser patterns (建设湛江X, X湛江): a city's rank. */
const STRONG_HEAD = /(城市|中心|发展极|增长极|极点|核心|枢纽|门户|支点)$/;
const STOP = '，。；：！？、,;:!?\n（(“"「';
const MAX_ROLE = 30;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The longest prefix of `s` (up to the first stop mark) that ends on a head noun; '' if none. */
export function cutRole(s: string, strong = false): string {
  let end = 0;
  while (end < s.length && !STOP.includes(s[end])) end++;
  let x = s.slice(0, Math.min(end, MAX_ROLE)).replace(/\s+/g, '');
  if (strong) {
    for (let i = x.length; i >= 2; i--) if (STRONG_HEAD.test(x.slice(0, i))) return x.slice(0, i);
    return '';
  }
  while (x.length && !HEAD_END.includes(x[x.length - 1])) x = x.slice(0, -1);
  return x.length >= 2 ? x : '';
}

/**
 * Roles given to a place in one sentence. `forms` are its names (湛江市, 湛江); other places may be
 * listed beside it (以湛江、茂名、阳江市的中心城区为核心区; 广州和南宁作为…双核).
 */
/** The forms a unit is written in that roles are read for (湛江市, 湛江, aliases; two characters or more). */
export function nameForms(place: Pick<Place, 'name' | 'short' | 'aliases'>): string[] {
  return [...new Set([place.name, place.short, ...place.aliases].filter((f) => f.length >= 2))];
}

export function readRoles(sentence: string, forms: readonly string[]): RoleMention[] {
  const names = [...new Set(forms.filter((f) => f.length >= 2))].sort((a, b) => b.length - a.length).map(esc);
  if (!names.length) return [];
  const P = `(?:${names.join('|')})`;
  // the place, optionally its city proper, optionally more places listed after it
  const unit = `${P}(?:市)?(?:中心城区|主城区|市城区|城区|市区)?`;
  const more = `(?:[、和与及][\\u4e00-\\u9fa5]{1,6}?(?=[、和与及为作的])(?:市)?)*(?:的?(?:中心城区|主城区|城区|市区))?`;
  // before a role written right after the names (强化广州、南宁区域性金融中心): two-character short names
  const listed = `(?:[、和与及][\\u4e00-\\u9fa5]{2}市?)*`;
  const into = '(?:建设成为|建设成|打造成为|打造成|打造为|培育成为|培育成|发展成为|建成|作为|建设|打造)';
  const rules: Array<{ pattern: RolePattern; re: RegExp; strong?: boolean }> = [
    // 把/将湛江建设成为 X: the plan says what the place becomes
    { pattern: 'build', re: new RegExp(`(?:把|将)${unit}${into}`, 'g') },
    // 支持湛江建设区域消费中心城市: only a city's rank (支持湛江建设…集聚区 is a project, not a role)
    { pattern: 'build', re: new RegExp(`(?:支持|推动|推进|依托|促进|加快|鼓励)${unit}${into}`, 'g'), strong: true },
    // 湛江 (和南宁) 作为 X
    { pattern: 'as', re: new RegExp(`${unit}${more}作为`, 'g') },
    // 以湛江(、茂名、阳江市的中心城区)为 X
    { pattern: 'with', re: new RegExp(`以${unit}${more}为`, 'g') },
    // 建设湛江省域副中心城市 · 培育壮大湛江发展极 · 强化广州、南宁区域性金融中心
    { pattern: 'build', re: new RegExp(`(?:建设|打造|培育|壮大|提升|强化)${P}(?:市)?${listed}`, 'g'), strong: true },
  ];
  const out: RoleMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const rule of rules) {
    for (const m of sentence.matchAll(rule.re)) {
      const at = m.index ?? 0;
      const from = at + m[0].length;
      let role = cutRole(sentence.slice(from), rule.strong);
      // 以茂名为核心的广东石油化工装备制造基地: the role is what comes before 的
      if (rule.pattern === 'with' && role.includes('的')) role = cutRole(role.slice(0, role.indexOf('的')));
      if (!role) continue;
      if (taken.some(([a, b]) => at < b && a < from + role.length)) continue;
      taken.push([at, from + role.length]);
      out.push({ role, pattern: rule.pattern, start: at, end: from + role.length });
    }
  }
  // X城市湛江 (区域性中心城市湛江): a title written before the name
  for (const m of sentence.matchAll(new RegExp(`([\\u4e00-\\u9fa5]{2,14}?(?:中心城市|城市|中心))${P}(?:市)?`, 'g'))) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (taken.some(([a, b]) => at < b && a < end)) continue;
    const role = m[1].replace(/^.*?(?:建设|打造|成为|是|的|为|和|与|及)/, '');
    if (role.length < 3 || !STRONG_HEAD.test(role)) continue;
    taken.push([at, end]);
    out.push({ role, pattern: 'titled', start: at, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The sentence around a span: from after the previous 。！？；or line break to the next one (at most `max` either side). */
export function sentenceAt(text: string, start: number, end: number, max = 200): { text: string; start: number } {
  let a = start;
  while (a > 0 && a > start - max && !/[。！？；\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b < end + max && !/[。！？；\n]/.test(text[b])) b++;
  return { text: text.slice(a, b), start: a };
}
