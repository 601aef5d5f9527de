// Who issued a document, as the text states it: the signature (机构名 + date, on one line or
// two), the heading of the notice that wraps it (X关于印发Y的通知), the names on the cover after
// the title, or the speaker of a report (…在…人民代表大会…会议上 陕西省省长 赵刚). Names written
// together with no separator (国家发展改革委住房城乡建设部) are split with the lexicon of central
// bodies and the gazetteer.
import type { Gazetteer, Place, Span } from '../core/types.js';
import { CENTRAL_AGENCIES, ORG_SUFFIXES, SPEAKER_TITLES, alternation } from './lexicon.js';
import { inSpans } from './meta-front.js';
import { DATE_SOURCE, parseDate, toIsoDate } from './numerals.js';
import { splitLines } from './lines.js';

export interface Org extends Span {
  name: string;
}

const ORG_CHARS = /^[\u4e00-\u9fa5（）()“”"‘’·]+$/;
// A unit name may start with a level word that is not a place name of the gazetteer.
const MARKED_START = /^(?:国家|中共|中央|全国|中国|国务院|最高|自治区|省(?!份)|市(?!场)|县(?!域)|区(?!域)|团)/;

/** A name that reads as an organisation: known central body, or an organisational ending. */
export function isOrgName(s: string): boolean {
  if (s.length < 2 || s.length > 45 || !ORG_CHARS.test(s)) return false;
  if (CENTRAL_AGENCIES.has(s)) return true;
  if (/^各|有关|以下简称|领导$|同志$/.test(s)) return false;
  return ORG_SUFFIXES.some((x) => s.endsWith(x) && s.length > x.length) || s === '国务院' || s === '中共中央';
}

function startsWithPlace(s: string, gazetteer: Gazetteer | undefined): boolean {
  if (MARKED_START.test(s)) return true;
  const m = gazetteer?.findMentions(s.slice(0, 12))[0];
  return m !== undefined && m.start === 0;
}

/**
 * Splits names written together (国家发展改革委住房城乡建设部, 中共广东省委广东省人民政府) into
 * organisations: every part a known central body or an organisational name starting with a place
 * or level word; a part of neither kind costs more, so a long unknown name stays whole. Null when
 * the string is not made of organisations.
 */
export function splitAgencies(s: string, gazetteer?: Gazetteer): string[] | null {
  const n = s.length;
  if (n === 0) return null;
  const best: Array<{ cost: number; parts: number; prev: number } | null> = new Array(n + 1).fill(null);
  best[0] = { cost: 0, parts: 0, prev: -1 };
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 45); j <= i - 2; j++) {
      const from = best[j];
      if (!from) continue;
      const seg = s.slice(j, i);
      let cost: number;
      if (CENTRAL_AGENCIES.has(seg)) cost = 0;
      else if (!isOrgName(seg)) continue;
      else cost = startsWithPlace(seg, gazetteer) ? 0 : 5;
      const c = { cost: from.cost + cost, parts: from.parts + 1, prev: j };
      const cur = best[i];
      // cheapest first; among equally cheap readings, the one with more known parts (a split)
      if (!cur || c.cost < cur.cost || (c.cost === cur.cost && c.parts > cur.parts)) best[i] = c;
    }
  }
  if (!best[n]) return null;
  const parts: string[] = [];
  for (let i = n; i > 0; i = best[i]!.prev) parts.unshift(s.slice(best[i]!.prev, i));
  return parts;
}

/**
 * A run of organisation names separated by spaces, 、 or commas, each possibly several names
 * written together; null unless every token is made of organisations.
 */
export function orgsIn(text: string, start: number, end: number, gazetteer?: Gazetteer): Org[] | null {
  const orgs: Org[] = [];
  const re = /[^\s　、，,]+/g;
  const s = text.slice(start, end);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const parts = splitAgencies(m[0], gazetteer);
    if (!parts) return null;
    let at = start + m.index;
    for (const p of parts) {
      orgs.push({ name: p, start: at, end: at + p.length });
      at += p.length;
    }
  }
  return orgs.length > 0 && orgs.length <= 8 ? orgs : null;
}

// ── signature ──────────────────────────────────────────────────────────────

export interface Signature {
  orgs: Org[];
  date: string;
  dateStart: number;
  dateEnd: number;
}

const DATE_AT_END = new RegExp(`(${DATE_SOURCE})$`);

/**
 * The signature: organisation(s) and a full date, on one line (`广东省人民政府　二○一一年十二月
 * 三十一日`) or the date on the line after the names (blank lines between allowed). Looked for
 * in the front matter, then at the very end of the text.
 */
export function readSignature(text: string, frontEnd: number, skip: readonly Span[] | Span | null, gazetteer?: Gazetteer): Signature | null {
  const spans = skip === null ? [] : Array.isArray(skip) ? skip : [skip as Span];
  const regions: Array<[number, number]> = [[0, frontEnd], [Math.max(frontEnd, text.length - 400), text.length]];
  for (const [from, to] of regions) {
    const lines = splitLines(text.slice(from, to)).map((l) => ({ ...l, start: l.start + from, end: l.end + from, cs: l.cs + from, ce: l.ce + from }));
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k];
      if (l.cs === l.ce || inSpans(l.cs, spans)) continue;
      const c = text.slice(l.cs, l.ce);
      const dm = DATE_AT_END.exec(c);
      if (!dm) continue;
      const d = parseDate(dm[1]);
      if (!d || d.month === null) continue;
      const dateStart = l.cs + dm.index;
      let orgs: Org[] | null = null;
      if (dm.index === 0) {
        // the names on the lines above (a joint document signs with a few names a line)
        let blanks = 0;
        for (let p = k - 1; p >= 0 && blanks <= 2; p--) {
          const pl = lines[p];
          if (pl.cs === pl.ce) {
            blanks++;
            continue;
          }
          const above = inSpans(pl.cs, spans) ? null : orgsIn(text, pl.cs, pl.ce, gazetteer);
          if (!above || (orgs && orgs.length + above.length > 8)) break;
          orgs = [...above, ...(orgs ?? [])];
          blanks = 0;
        }
      } else {
        orgs = orgsIn(text, l.cs, dateStart, gazetteer);
      }
      if (!orgs) continue;
      return { orgs, date: toIsoDate(d), dateStart, dateEnd: dateStart + dm[1].length };
    }
    // a text flattened to one line: …请认真组织实施。国家发展改革委住房城乡建设部2017年2月10日附件…
    for (const m of text.slice(from, to).matchAll(GLUED_SIGNATURE)) {
      const at = from + m.index + 1;
      if (inSpans(at, spans)) continue;
      const d = parseDate(m[2]);
      const orgs = d && d.month !== null ? orgsIn(text, at, at + m[1].length, gazetteer) : null;
      if (!orgs) continue;
      const dateStart = at + m[1].length;
      return { orgs, date: toIsoDate(d!), dateStart, dateEnd: dateStart + m[2].length };
    }
  }
  return null;
}

const GLUED_SIGNATURE = new RegExp(`[。；]([\\u4e00-\\u9fa5（）()“”"]{2,60}?)(${DATE_SOURCE})(?=附[ \\t　]*件|[ \\t　]|$)`, 'g');

// ── names on the cover, right after the title ──────────────────────────────

/** 附件北部湾城市群发展规划国家发展改革委住房城乡建设部目录… → the two ministries. */
export function readCoverIssuers(text: string, titleEnd: number, gazetteer?: Gazetteer): Org[] | null {
  const head = text.slice(titleEnd, titleEnd + 80);
  const lead = /^[ \t　]*(?:\n[ \t　]*){0,2}/.exec(head)![0].length;
  const stop = new RegExp(`目[ \\t　]*录|前[ \\t　]*言|\\n|${DATE_SOURCE}`).exec(head.slice(lead));
  if (!stop) return null;
  const end = titleEnd + lead + stop.index;
  const start = titleEnd + lead;
  if (end - start < 3) return null;
  const raw = text.slice(start, end).replace(/[ \t　]+$/, '');
  return orgsIn(text, start, start + raw.length, gazetteer);
}

// ── a report's delivery line and speaker ───────────────────────────────────

export interface Delivery {
  date: string;
  dateStart: number;
  dateEnd: number;
  /** The issuer the speaker's office names, with the span of the speaker. */
  issuer: Org | null;
}

const GOV_TITLES = alternation(SPEAKER_TITLES.government);
const BODY_TITLES = alternation(Object.keys(SPEAKER_TITLES.body).sort((a, b) => b.length - a.length));
const DELIVERY = new RegExp(`(${DATE_SOURCE})[ \\t　]*在([^。\\n]{0,40}?)(?:人民代表大会|人大)[^。\\n]{0,30}?上`);
const SPEAKER = new RegExp(`^[ \\t　）)]*(?:\\n[ \\t　]*)?([^\\s　，。；]{0,30}?)(${GOV_TITLES}|${BODY_TITLES})[ \\t　]*([\\u4e00-\\u9fa5·]{2,5})(?=\\s|$)`);

/** The place(s) a string starts with, written one after another (上海市长宁区): the most specific. */
export function leadingPlace(s: string, gazetteer: Gazetteer): { place: Place; end: number } | null {
  let found: { place: Place; end: number } | null = null;
  let at = 0;
  for (const m of gazetteer.findMentions(s.slice(0, 30))) {
    if (m.start !== at) break;
    if (found && !isWithin(m.place, found.place, gazetteer)) break;
    found = { place: m.place, end: m.end };
    at = m.end;
  }
  return found;
}

function isWithin(p: Place, ancestor: Place, gazetteer: Gazetteer): boolean {
  for (let q: Place | undefined = p; q; q = q.parent ? gazetteer.byCode(q.parent) : undefined) {
    if (q.parent === ancestor.code) return true;
  }
  return false;
}

/** `2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚` in the head of the text. */
export function readDelivery(text: string, frontEnd: number, gazetteer: Gazetteer): Delivery | null {
  const head = text.slice(0, Math.min(text.length, Math.max(frontEnd, 600)));
  const m = DELIVERY.exec(head);
  if (!m) return null;
  const d = parseDate(m[1]);
  if (!d || d.month === null) return null;
  const delivery: Delivery = { date: toIsoDate(d), dateStart: m.index, dateEnd: m.index + m[1].length, issuer: null };
  const afterAt = m.index + m[0].length;
  const s = SPEAKER.exec(text.slice(afterAt, afterAt + 60));
  if (!s) return delivery;
  const office = s[1];
  const title = s[2];
  const span = { start: afterAt + s[0].lastIndexOf(office + title), end: afterAt + s[0].length };
  if (title in SPEAKER_TITLES.body) {
    const body = office && isOrgName(office) ? office : SPEAKER_TITLES.body[title];
    if (body) delivery.issuer = { name: body, ...span };
    return delivery;
  }
  // a head of government: the place's 人民政府 (the place from the office, else from the congress)
  const place = (office ? leadingPlace(office, gazetteer) : null) ?? leadingPlace(m[2], gazetteer);
  if (place) {
    const from = office && leadingPlace(office, gazetteer) ? office : m[2];
    const written = from.slice(0, place.end);
    const name = written.endsWith(place.place.name) ? written : place.place.name;
    delivery.issuer = { name: `${name}人民政府`, ...span };
  }
  return delivery;
}

/**
 * 我代表省人民政府向大会报告工作 / 我代表国务院，向大会报告政府工作: the body a report speaks
 * for; a bare 省/市/区/县人民政府 takes the place of `place`.
 */
export function readReportingBody(text: string, place: { name: string } | null): Org | null {
  const m = /我代表([\u4e00-\u9fa5]{2,20}?)[，,]?向(?:大会|会议)(?:报告|作)/.exec(text.slice(0, 5000));
  if (!m) return null;
  const body = m[1];
  const start = m.index;
  const end = m.index + m[0].length;
  if (/^(?:省|市|区|县|自治区|州)(?:人民)?政府$/.test(body)) {
    if (!place) return null;
    return { name: `${place.name}人民政府`, start, end };
  }
  return isOrgName(body) ? { name: body, start, end } : null;
}
