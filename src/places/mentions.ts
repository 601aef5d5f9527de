// Finds place names in running text: leftmost-longest match over every name form, then the
// document itself decides between units that share a form.
//
// Why two passes: county-level short forms (雷州, 廉江, 白云) and two-character county names
// (藤县, 容县) are often ordinary words (示范县 → 范县, 提高县城 → 高县) or shared by several units
// (白云区 of 广州 and of 贵阳). They are kept only when the rest of the text names the region they
// lie in, learnt in a first pass from the unambiguous full forms (湛江市, 广东省, 黔东南 …).
import type { Place, PlaceLevel, PlaceMention } from '../core/types';
import type { PlaceGazetteer } from './gazetteer';
import { MIN_SHORT_LENGTH } from './names';

/**
 * How much context a candidate needs:
 *  strong    – province and prefecture forms, county full names and aliases of 3+ characters;
 *  short     – county-level short forms (雷州 for 雷州市): the parent named in the text (or only
 *              the province, when no other unit has this form), and not followed by a character
 *              that makes it part of another name (沿江城市 → 江城, 白云山 → 白云, 文昌宫 → 文昌);
 *  two-char  – two-character county names (藤县, 芒市): the parent named in the text, and not
 *              followed by a character that makes 县/市 start another word (县城, 县域, 市场).
 */
type Need = 'strong' | 'short' | 'two-char';

interface Candidate {
  place: Place;
  full: boolean;
  need: Need;
}

/** A word of not-places.csv: never a place, or not when the text names `within`. */
export interface NotPlace {
  word: string;
  within: string | null;
}

interface Form {
  text: string;
  /** Units this form names; empty for a not-places word that is no name form. */
  candidates: Candidate[];
  /** Not a place at all (swallows its span). */
  blocked: boolean;
  /** Not a place in a text that names one of these units (湛江's 海东 is not 海东市). */
  notWithin: string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  form?: Form;
}

interface Hit {
  start: number;
  /** Forms found at `start`, longest first. */
  forms: Form[];
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2 };
/** After a two-character name, these make 县/市 begin another word: 县城, 县域, 县级, 市场 … */
const CONTINUES_WORD = new Set([...'城域级乡镇委区长政场民']);
/**
 * After a county short form, these make it another name: a unit of another level (江城 + 市 in
 * 沿江城市; the unit's own full name would have matched as the longer form) or a natural or built
 * feature (白云山, 海珠湖, 罗江 river, 文昌宫, 中山路).
 */
const ENDS_SHORT_FORM = new Set([...'市县区镇乡村山湖江河岛峡洞瀑宫寺庙路街桥']);
/** Strong mentions a province needs before a county short form may lean on it alone. */
const PROMINENT = 3;

export class MentionScanner {
  private readonly root: TrieNode = { next: new Map() };
  private readonly lineage = new Map<string, string[]>();

  constructor(gaz: PlaceGazetteer, notPlaces: readonly NotPlace[]) {
    const forms = new Map<string, Form>();
    for (const [text, places] of gaz.nameForms()) {
      if (text.length < MIN_SHORT_LENGTH) continue;
      const candidates = places.map((place): Candidate => {
        const full = text === place.name;
        let need: Need = 'strong';
        if (place.level === 'county') {
          if (text.length === 2 && (full || place.aliases.includes(text))) need = 'two-char';
          else if (text === place.short) need = 'short';
        }
        return { place, full, need };
      });
      forms.set(text, { text, candidates, blocked: false, notWithin: [] });
    }
    for (const { word, within } of notPlaces) {
      let f = forms.get(word);
      if (!f) forms.set(word, (f = { text: word, candidates: [], blocked: false, notWithin: [] }));
      if (within) f.notWithin.push(within);
      else f.blocked = true;
    }
    for (const f of forms.values()) this.add(f);
    for (const p of gaz.places) this.lineage.set(p.code, gaz.ancestors(p.code).map((a) => a.code));
  }

  private add(form: Form): void {
    let node = this.root;
    for (const ch of form.text) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.form = form;
  }

  scan(text: string): PlaceMention[] {
    const hits = this.match(text);
    const counts = this.context(hits);
    const out: PlaceMention[] = [];
    for (const hit of hits) {
      for (const form of hit.forms) {
        if (form.notWithin.some((c) => counts.has(c))) break; // a not-place here: swallow it
        const end = hit.start + form.text.length;
        if (form.text.endsWith('区') && text[end] === '域') continue; // 海南区域 is 海南 + 区域
        const place = this.choose(form, counts, text[end]);
        if (place) {
          out.push({ start: hit.start, end, place, surface: form.text });
          break;
        }
      }
    }
    return out;
  }

  /** Pass 1: leftmost-longest matches over a character trie; not-places words swallow their span. */
  private match(text: string): Hit[] {
    const hits: Hit[] = [];
    const found: Form[] = [];
    for (let i = 0; i < text.length; ) {
      found.length = 0;
      let node = this.root.next.get(text[i]);
      for (let j = i + 1; node; j++) {
        if (node.form) found.push(node.form);
        if (j >= text.length) break;
        node = node.next.get(text[j]);
      }
      if (found.length === 0) {
        i++;
        continue;
      }
      // longest first; a blocker cuts off the shorter forms it contains
      const forms: Form[] = [];
      for (let k = found.length - 1; k >= 0 && !found[k].blocked; k--) forms.push(found[k]);
      if (forms.length) hits.push({ start: i, forms });
      i += found[found.length - 1].text.length;
    }
    return hits;
  }

  /**
   * How often the text names each unit or a unit under it, counting only unambiguous strong
   * forms (湛江市, 广东, 黔东南): the regions the text is about.
   */
  private context(hits: Hit[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { forms } of hits) {
      const f = forms[0];
      if (f.candidates.length !== 1 || f.candidates[0].need !== 'strong' || f.notWithin.length) continue;
      const code = f.candidates[0].place.code;
      for (const c of [code, ...(this.lineage.get(code) ?? [])]) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return counts;
  }

  /** 3: the unit itself is named (or a unit under it); 2: its parent; 1: its grandparent; 0. */
  private score(p: Place, counts: Map<string, number>): number {
    if (counts.has(p.code)) return 3;
    const up = this.lineage.get(p.code) ?? [];
    if (up[0] && counts.has(up[0])) return 2;
    if (up[1] && counts.has(up[1])) return 1;
    return 0;
  }

  private choose(form: Form, counts: Map<string, number>, next: string | undefined): Place | undefined {
    const ranked = form.candidates
      .map((c) => ({ c, s: this.score(c.place, counts) }))
      .sort(
        (a, b) =>
          b.s - a.s ||
          Number(b.c.full) - Number(a.c.full) ||
          LEVEL_RANK[a.c.place.level] - LEVEL_RANK[b.c.place.level] ||
          a.c.place.code.localeCompare(b.c.place.code),
      );
    for (const { c, s } of ranked) {
      if (c.need === 'strong') return c.place;
      if (c.need === 'short') {
        if (next && ENDS_SHORT_FORM.has(next)) continue;
        // the parent is named; or only the province, often, and no other unit has this form
        const province = this.lineage.get(c.place.code)?.[1];
        const prominent = s === 1 && form.candidates.length === 1 && (counts.get(province ?? '') ?? 0) >= PROMINENT;
        if (s >= 2 || prominent) return c.place;
      }
      if (c.need === 'two-char' && s >= 2 && !(next && CONTINUES_WORD.has(next))) return c.place;
    }
    return undefined;
  }
}
