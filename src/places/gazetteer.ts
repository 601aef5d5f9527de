// The Gazetteer over loaded data: indexes by code, name form and parent; ranking for resolve().
import type { Gazetteer, Place, PlaceLevel, PlaceMention } from '../core/types';
import type { GazetteerData } from './load';
import { MentionScanner } from './mentions';

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2 };

export class PlaceGazetteer implements Gazetteer {
  readonly places: readonly Place[];
  private readonly codes = new Map<string, Place>();
  private readonly forms = new Map<string, Place[]>();
  private readonly children = new Map<string, Place[]>();
  private scanner: MentionScanner | undefined;

  constructor(private readonly data: GazetteerData) {
    this.places = Object.freeze(data.places.slice());
    for (const p of this.places) {
      this.codes.set(p.code, p);
      for (const form of new Set([p.name, p.short, ...p.aliases])) {
        const list = this.forms.get(form);
        if (list) list.push(p);
        else this.forms.set(form, [p]);
      }
      if (p.parent) {
        const list = this.children.get(p.parent);
        if (list) list.push(p);
        else this.children.set(p.parent, [p]);
      }
    }
  }

  byCode(code: string): Place | undefined {
    return this.codes.get(code);
  }

  lookup(name: string): Place[] {
    return (this.forms.get(name.trim()) ?? []).slice();
  }

  /**
   * Best unit for a name. Ranking: under `within` (a province or prefecture code, or the unit
   * itself) first; then a full-name match over a short form or alias; then the higher level
   * (province, prefecture, county: 吉林 → 吉林省, 海南 → 海南省); then the smaller code.
   */
  resolve(name: string, within?: string): Place | undefined {
    const key = name.trim();
    const candidates = this.lookup(key);
    if (candidates.length <= 1) return candidates[0];
    const inside = (p: Place) => (within ? this.isWithin(p.code, within) : false);
    return candidates.sort(
      (a, b) =>
        Number(inside(b)) - Number(inside(a)) ||
        Number(b.name === key) - Number(a.name === key) ||
        LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
        a.code.localeCompare(b.code),
    )[0];
  }

  findMentions(text: string): PlaceMention[] {
    this.scanner ??= new MentionScanner(this, this.data.notPlaces);
    return this.scanner.scan(text);
  }

  /** Parent, grandparent …, nearest first (雷州市 → [湛江市, 广东省]). Empty for unknown codes. */
  ancestors(code: string): Place[] {
    const out: Place[] = [];
    for (let p = this.codes.get(code); p?.parent; ) {
      p = this.codes.get(p.parent);
      if (p) out.push(p);
    }
    return out;
  }

  /** Direct children in code order (广东省 → its 21 prefectures; 北京市 → its 16 districts). */
  childrenOf(code: string): Place[] {
    return (this.children.get(code) ?? []).slice();
  }

  /** True when `code` is `ancestor` itself or lies under it. */
  isWithin(code: string, ancestor: string): boolean {
    return code === ancestor || this.ancestors(code).some((p) => p.code === ancestor);
  }

  /** Official full name for a short, full or alias form (湛江 → 湛江市), resolved as by resolve(). */
  fullNameOf(shortOrFull: string, within?: string): string | undefined {
    return this.resolve(shortOrFull, within)?.name;
  }

  /** Every name form with the units it names (full names, short names, aliases). */
  nameForms(): ReadonlyMap<string, readonly Place[]> {
    return this.forms;
  }
}
