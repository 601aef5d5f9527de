// A tiny Gazetteer (the places the sample plans name) for parse tests, used until the real one
// in src/places is available. Implements the interface of src/core/types.ts faithfully enough:
// full, short and alias names, resolve() preferring units under `within` and higher levels,
// longest-match findMentions().
import type { Gazetteer, Place, PlaceLevel, PlaceMention } from '../../core/types.js';

type Row = [code: string, name: string, short: string, level: PlaceLevel, parent: string | null, aliases?: string[]];

const ROWS: Row[] = [
  ['440000', '广东省', '广东', 'province', null, ['粤']],
  ['450000', '广西壮族自治区', '广西', 'province', null, ['桂']],
  ['520000', '贵州省', '贵州', 'province', null, ['黔']],
  ['530000', '云南省', '云南', 'province', null, ['滇']],
  ['460000', '海南省', '海南', 'province', null, ['琼']],
  ['440100', '广州市', '广州', 'prefecture', '440000'],
  ['440300', '深圳市', '深圳', 'prefecture', '440000'],
  ['440600', '佛山市', '佛山', 'prefecture', '440000'],
  ['440800', '湛江市', '湛江', 'prefecture', '440000'],
  ['440900', '茂名市', '茂名', 'prefecture', '440000'],
  ['441200', '肇庆市', '肇庆', 'prefecture', '440000'],
  ['441700', '阳江市', '阳江', 'prefecture', '440000'],
  ['445300', '云浮市', '云浮', 'prefecture', '440000'],
  ['440881', '廉江市', '廉江', 'county', '440800'],
  ['440882', '雷州市', '雷州', 'county', '440800'],
  ['440883', '吴川市', '吴川', 'county', '440800'],
  ['440825', '徐闻县', '徐闻', 'county', '440800'],
  ['440981', '高州市', '高州', 'county', '440900'],
  ['440982', '化州市', '化州', 'county', '440900'],
  ['440983', '信宜市', '信宜', 'county', '440900'],
  ['450100', '南宁市', '南宁', 'prefecture', '450000'],
  ['450200', '柳州市', '柳州', 'prefecture', '450000'],
  ['450300', '桂林市', '桂林', 'prefecture', '450000'],
  ['450400', '梧州市', '梧州', 'prefecture', '450000'],
  ['450800', '贵港市', '贵港', 'prefecture', '450000'],
  ['450900', '玉林市', '玉林', 'prefecture', '450000'],
  ['451000', '百色市', '百色', 'prefecture', '450000'],
  ['451100', '贺州市', '贺州', 'prefecture', '450000'],
  ['451200', '河池市', '河池', 'prefecture', '450000'],
  ['451300', '来宾市', '来宾', 'prefecture', '450000'],
  ['451400', '崇左市', '崇左', 'prefecture', '450000'],
  ['520400', '安顺市', '安顺', 'prefecture', '520000'],
  ['522300', '黔西南布依族苗族自治州', '黔西南', 'prefecture', '520000'],
  ['522600', '黔东南苗族侗族自治州', '黔东南', 'prefecture', '520000'],
  ['522700', '黔南布依族苗族自治州', '黔南', 'prefecture', '520000'],
  ['530300', '曲靖市', '曲靖', 'prefecture', '530000'],
  ['532600', '文山壮族苗族自治州', '文山', 'prefecture', '530000'],
  ['532621', '文山市', '文山', 'county', '532600'],
];

const LEVEL_ORDER: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2 };

export function fakeGazetteer(): Gazetteer {
  const places: Place[] = ROWS.map(([code, name, short, level, parent, aliases]) => ({
    code, name, short, level, parent, point: null, aliases: aliases ?? [],
  }));
  const byCode = new Map(places.map((p) => [p.code, p]));
  const forms = new Map<string, Place[]>();
  const add = (f: string, p: Place) => {
    if (f.length < 2) return; // one-character aliases (粤) would match everywhere
    const list = forms.get(f) ?? [];
    list.push(p);
    forms.set(f, list);
  };
  for (const p of places) {
    add(p.name, p);
    add(p.short, p);
    for (const a of p.aliases) add(a, p);
  }
  const maxLen = Math.max(...[...forms.keys()].map((k) => k.length));
  const isUnder = (p: Place, code: string): boolean => {
    let cur: Place | undefined = p;
    while (cur) {
      if (cur.parent === code) return true;
      cur = cur.parent ? byCode.get(cur.parent) : undefined;
    }
    return false;
  };
  const lookup = (name: string) => forms.get(name) ?? [];
  return {
    places,
    byCode: (code) => byCode.get(code),
    lookup,
    resolve(name, within) {
      const cands = lookup(name);
      if (cands.length === 0) return undefined;
      return [...cands].sort((a, b) => {
        const ua = within && isUnder(a, within) ? 0 : 1;
        const ub = within && isUnder(b, within) ? 0 : 1;
        if (ua !== ub) return ua - ub;
        if (LEVEL_ORDER[a.level] !== LEVEL_ORDER[b.level]) return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
        return (a.name === name ? 0 : 1) - (b.name === name ? 0 : 1);
      })[0];
    },
    findMentions(text) {
      const out: PlaceMention[] = [];
      let i = 0;
      while (i < text.length) {
        let hit: PlaceMention | null = null;
        for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
          const s = text.slice(i, i + len);
          const ps = forms.get(s);
          if (ps) {
            const place = [...ps].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])[0];
            hit = { start: i, end: i + len, place, surface: s };
            break;
          }
        }
        if (hit) {
          out.push(hit);
          i = hit.end;
        } else i++;
      }
      return out;
    },
  };
}
