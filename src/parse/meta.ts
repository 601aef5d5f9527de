// Plan metadata with evidence spans: title, issuer, document number, issue date, period,
// outlook year, covered units, extension area, level. Each field is read where plans state
// it: the front matter (notice, title page, signature) or the preface (规划范围, 规划期).
import type { Gazetteer, MetaEvidence, Place, PlanLevel, PlanMeta, Section, Span } from '../core/types.js';
import { NATIONAL_AGENCIES, ORG_SUFFIXES, PLAN_TITLE_WORDS, WEB_LABELS, alternation } from './lexicon.js';
import { DATE_SOURCE, parseChineseInt, parseDate, parseYear, toIsoDate } from './numerals.js';
import { placesIn, provinceOf } from './places.js';

export interface MetaInput {
  text: string;
  sections: readonly Section[];
  toc: Span | null;
  gazetteer: Gazetteer;
}

type Field = MetaEvidence['field'];

const Y = '([0-9０-９]{4}|[〇○零ＯO一二三四五六七八九]{4})';
const RANGE_SEP = '(?:至|到|—|－|-|–|~|～|－)';
const PLAN_WORD = `(?:${alternation(PLAN_TITLE_WORDS)})`;
const PERIOD_SUFFIX = '(?:[（(][^）)\\n]{4,20}[）)])?';
const ORG = `[\\u4e00-\\u9fa5（）()]{1,30}?(?:${alternation(ORG_SUFFIXES)})`;

function inSpan(i: number, s: Span | null): boolean {
  return s !== null && i >= s.start && i < s.end;
}

/** Start of the clause containing `i` (after the previous 。；， or line break). */
function clauseStart(text: string, i: number, stops = '。；，\n'): number {
  let k = i;
  while (k > 0 && !stops.includes(text[k - 1])) k--;
  return k;
}

/** All matches of `re` inside text[from, to) (searched in that slice only), offsets into `text`. */
function* matchesIn(re: RegExp, text: string, from: number, to: number, skip: Span | null): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const slice = text.slice(from, to);
  for (let m = g.exec(slice); m; m = g.exec(slice)) {
    if (m[0].length === 0) g.lastIndex++;
    m.index += from;
    if (!inSpan(m.index, skip)) yield m;
  }
}

function firstMatch(re: RegExp, text: string, from: number, to: number, skip: Span | null): RegExpExecArray | null {
  for (const m of matchesIn(re, text, from, to, skip)) return m;
  return null;
}

export function extractMeta(input: MetaInput): PlanMeta {
  const { text, sections, toc, gazetteer } = input;
  const evidence: MetaEvidence[] = [];
  const note = (field: Field, start: number, end: number) => evidence.push({ field, start, end });

  const firstSection = sections[0];
  const frontEnd = firstSection ? firstSection.start : Math.min(text.length, 3000);
  const bodyStart = sections.find((s) => s.kind !== 'preface')?.start ?? frontEnd;

  // ── title ──
  const title = readTitle(text, frontEnd, toc);
  if (title) note('title', title.start, title.end);

  // ── signature: issuer(s) followed by a date ──
  const sig = readSignature(text, frontEnd, toc);
  let issuer: string[] = [];
  let issued: string | null = null;
  if (sig) {
    issuer = sig.orgs.map((o) => o.name);
    for (const o of sig.orgs) note('issuer', o.start, o.end);
    issued = sig.date;
    note('issued', sig.dateStart, sig.dateEnd);
  }

  // ── document number: in the front matter only (the body cites other documents' numbers) ──
  let docNumber: string | null = null;
  const dn = firstMatch(
    /([\u4e00-\u9fa5]{1,8})[ \t　]*[〔［\[【（(][ \t　]*((?:19|20)[0-9]{2})[ \t　]*[〕］\]】）)][ \t　]*([0-9]{1,5})[ \t　]*号/,
    text, 0, frontEnd, toc,
  );
  if (dn) {
    const prefix = dn[1].replace(/^.*(?:印发|关于|根据|依据|按照|文号|字号|转发)/, '');
    const start = dn.index + (dn[1].length - prefix.length);
    if (prefix.length > 0) {
      docNumber = text.slice(start, dn.index + dn[0].length).replace(/\s+/g, '');
      note('docNumber', start, dn.index + dn[0].length);
    }
  }

  // ── issue date without a signature: the date under the title, or a date line of its own ──
  if (issued === null) {
    const d = readFrontDate(text, frontEnd, toc, title);
    if (d) {
      issued = d.iso;
      note('issued', d.start, d.end);
    }
  }

  // ── period and outlook ──
  const period = readPeriod(text, title);
  if (period) note('period', period.start, period.end);
  const horizon = readHorizon(text, period) ?? readTitleHorizon(title, period);
  if (horizon) note('horizon', horizon.start, horizon.end);

  // ── covered units and extension area ──
  const scopeRegionEnd = Math.min(text.length, bodyStart + 4000);
  const scope = readScope(text, scopeRegionEnd, title?.text ?? null, gazetteer) ?? readTitleScope(title, gazetteer);
  if (scope) note('scope', scope.start, scope.end);
  const ext = readExtension(text, gazetteer);
  if (ext) note('extension', ext.start, ext.end);

  // ── issuer, when no signature says it ──
  if (issuer.length === 0) {
    const inferred = inferIssuer(text, scope?.places ?? [], gazetteer);
    if (inferred) {
      issuer = [inferred.name];
      for (const e of inferred.evidence) note('issuer', e.start, e.end);
    }
  }

  const scopePlaces = scope?.places ?? [];
  const level = planLevel(issuer, scopePlaces, gazetteer);

  return {
    title: title?.text ?? null,
    issuer,
    docNumber,
    issued,
    period: period ? [period.from, period.to] : null,
    horizon: horizon?.year ?? null,
    scope: scopePlaces.map((p) => p.name),
    extension: (ext?.places ?? []).map((p) => p.name),
    level,
    evidence,
  };
}

// ── title ──────────────────────────────────────────────────────────────────

interface Found extends Span {
  text: string;
}

export function readTitle(text: string, frontEnd: number, toc: Span | null): Found | null {
  // 1. the notice: 现将《X》印发给你们 / 关于印发《X》的通知
  const quoted = firstMatch(/(?:现将|印发|转发|颁布|发布)《([^》\n]{2,80})》/, text, 0, frontEnd, toc);
  if (quoted) {
    const start = quoted.index + quoted[0].indexOf('《') + 1;
    return { text: quoted[1], start, end: start + quoted[1].length };
  }
  // 2. 印发X的通知 (notice heading without brackets)
  const notice = firstMatch(new RegExp(`印发([^《》\\n。，]{2,80}?${PLAN_WORD}${PERIOD_SUFFIX})的通知`), text, 0, frontEnd, toc);
  if (notice) {
    const start = notice.index + 2;
    return { text: notice[1], start, end: start + notice[1].length };
  }
  // 3. 附件 header of a plan published as the attachment of a notice: 附件珠江—西江经济带发展规划2014年7月
  const annex = firstMatch(
    new RegExp(`附[ \\t　]*件[ \\t　]*[0-9]*[ \\t　]*[：:]?[ \\t　]*([^\\n。，]{2,80}?${PLAN_WORD}${PERIOD_SUFFIX})(?=[ \\t　]*(?:${Y}[ \\t　]*年|目[ \\t　]*录|-[ \\t　]*[0-9]+[ \\t　]*-|\\n|$))`),
    text, 0, Math.min(frontEnd, 400), toc,
  );
  if (annex) {
    const start = annex.index + annex[0].length - annex[1].length;
    return { text: annex[1], start, end: annex.index + annex[0].length };
  }
  // 4. a title line: the first short line ending with 规划/纲要/… (and an optional period);
  //    a Markdown heading mark (`# 江门市…规划`, also what HTML/DOCX headings become) is not part of it
  const lineRe = new RegExp(`^[ \\t　]*(?:#{1,6}[ \\t　]+)?([^\\n]{2,60}?${PLAN_WORD}${PERIOD_SUFFIX})[ \\t　]*$`, 'gm');
  for (const m of matchesIn(lineRe, text, 0, frontEnd, toc)) {
    const t = m[1];
    if (/^(?:印发|关于|转发)|的通知$|[。，；]/.test(t)) continue;
    const start = m.index + m[0].indexOf(t);
    return { text: t, start, end: start + t.length };
  }
  return null;
}

// ── signature ──────────────────────────────────────────────────────────────

interface Signature {
  orgs: Array<{ name: string; start: number; end: number }>;
  date: string;
  dateStart: number;
  dateEnd: number;
}

const SIGNATURE = new RegExp(`((?:${ORG}[\\s　]*){1,4})(${DATE_SOURCE})`);

/** `广东省人民政府　　二○一一年十二月三十一日` in the front matter, or at the very end. */
export function readSignature(text: string, frontEnd: number, toc: Span | null): Signature | null {
  const regions: Array<[number, number]> = [[0, frontEnd], [Math.max(frontEnd, text.length - 400), text.length]];
  for (const [from, to] of regions) {
    for (const m of matchesIn(SIGNATURE, text, from, to, toc)) {
      const before = text[m.index - 1];
      // the organisation stands on its own (line start, spaces), not inside a sentence
      if (before !== undefined && !/[\s　]/.test(before)) continue;
      const d = parseDate(m[2]);
      if (!d || d.month === null) continue;
      const orgs: Signature['orgs'] = [];
      const tokRe = /[^\s　]+/g;
      for (let t = tokRe.exec(m[1]); t; t = tokRe.exec(m[1])) {
        if (!ORG_SUFFIXES.some((s) => t![0].endsWith(s))) continue;
        const start = m.index + t.index;
        orgs.push({ name: t[0], start, end: start + t[0].length });
      }
      if (orgs.length === 0) continue;
      const dateStart = m.index + m[1].length;
      return { orgs, date: toIsoDate(d), dateStart, dateEnd: dateStart + m[2].length };
    }
  }
  return null;
}

// ── issue date without signature ───────────────────────────────────────────

const WEB_LABEL = new RegExp(`(?:${alternation(WEB_LABELS)})[\\s:：]*$`);

function readFrontDate(
  text: string,
  frontEnd: number,
  toc: Span | null,
  title: Found | null,
): { iso: string; start: number; end: number } | null {
  const dateRe = new RegExp(DATE_SOURCE, 'g');
  // right under (or after) the title
  if (title) {
    const after = /^[\s　]{0,4}/.exec(text.slice(title.end))?.[0].length ?? 0;
    dateRe.lastIndex = title.end + after;
    const m = dateRe.exec(text);
    if (m && m.index === title.end + after) {
      const d = parseDate(m[0]);
      if (d && d.month !== null) return { iso: toIsoDate(d), start: m.index, end: m.index + m[0].length };
    }
  }
  // a line that is only a date (二○一一年十二月), not labelled as web metadata
  const lineRe = new RegExp(`^[ \\t　]*(${DATE_SOURCE})[ \\t　]*$`, 'gm');
  for (const m of matchesIn(lineRe, text, 0, frontEnd, toc)) {
    const start = m.index + m[0].indexOf(m[1]);
    if (WEB_LABEL.test(text.slice(Math.max(0, start - 12), start))) continue;
    const d = parseDate(m[1]);
    if (d && d.month !== null) return { iso: toIsoDate(d), start, end: start + m[1].length };
  }
  return null;
}

// ── period / horizon ───────────────────────────────────────────────────────

interface Period extends Span {
  from: number;
  to: number;
}

function years(a: string, b: string): [number, number] | null {
  const from = parseYear(a.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  const to = parseYear(b.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  if (from === null || to === null || to < from || to - from > 30) return null;
  return [from, to];
}

export function readPeriod(text: string, title: Found | null): Period | null {
  const patterns = [
    // 规划期从2011至2015年 · 规划期为 2023—2030 年 · 规划期限为2021年至2025年
    new RegExp(`规划(?:期|期限|时限|年限)[\\s　]*(?:为|是|从|自|：|:)?[\\s　]*${Y}[\\s　]*年?[\\s　]*${RANGE_SEP}[\\s　]*${Y}[\\s　]*年`, 'g'),
    // 本规划的期限为2021—2025年
    new RegExp(`本规划[^。\\n]{0,12}?(?:期|期限|时限)[^。\\n]{0,4}?${Y}[\\s　]*年?[\\s　]*${RANGE_SEP}[\\s　]*${Y}[\\s　]*年`, 'g'),
  ];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const ys = years(m[1], m[2]);
      if (!ys) continue;
      const start = clauseStart(text, m.index);
      return { from: ys[0], to: ys[1], start, end: m.index + m[0].length };
    }
  }
  if (title) {
    const m = new RegExp(`[（(]${Y}[\\s　]*${RANGE_SEP}[\\s　]*${Y}[\\s　]*年?[）)]`).exec(title.text);
    if (m) {
      const ys = years(m[1], m[2]);
      if (ys) return { from: ys[0], to: ys[1], start: title.start + m.index, end: title.start + m.index + m[0].length };
    }
    // a five-year plan named by its number: “十四五”规划 or 第十四个五年规划 → 2021–2025 (十一五 began in 2006)
    const fy = /十([一二三四五六七八九])五|第(十[一二三四五六七八九]?)个五年/.exec(title.text);
    const n = fy ? (fy[1] ? parseChineseInt(fy[1]) : (parseChineseInt(fy[2]) ?? 0) - 10) : null;
    if (fy && n !== null && n > 0) {
      const from = 2006 + (n - 1) * 5;
      return { from, to: from + 4, start: title.start + fy.index, end: title.start + fy.index + fy[0].length };
    }
  }
  return null;
}

function readHorizon(text: string, period: Period | null): { year: number; start: number; end: number } | null {
  const re = new RegExp(`展望(?:到|至)?[\\s　]*${Y}[\\s　]*年`, 'g');
  let first: { year: number; start: number; end: number } | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const y = years(m[1], m[1]);
    if (!y) continue;
    if (period && y[0] <= period.to) continue;
    const found = { year: y[0], start: m.index, end: m.index + m[0].length };
    // the outlook stated with the period (规划期为…，展望到2030年) wins
    if (period && m.index >= period.end && m.index - period.end <= 30) return found;
    if (!first) first = found;
  }
  return first;
}

/** 和二〇三五年远景目标纲要 / 和2035年远景目标 in the title → outlook 2035. */
function readTitleHorizon(title: Found | null, period: Period | null): { year: number; start: number; end: number } | null {
  if (!title) return null;
  const m = /([0-9]{4}|[〇○零一二三四五六七八九]{4})年远景目标/.exec(title.text);
  const y = m ? years(m[1], m[1]) : null;
  if (!m || !y || (period && y[0] <= period.to)) return null;
  return { year: y[0], start: title.start + m.index, end: title.start + m.index + m[0].length };
}

// ── scope / extension ──────────────────────────────────────────────────────

interface PlacesFound extends Span {
  places: Place[];
}

/**
 * 规划范围包括… / 粤西地区包括湛江、茂名、阳江三个地级市 / 湛茂都市圈包括湛江、茂名两市全域:
 * a clause whose subject is the plan area (规划范围, or a name the title contains).
 */
export function readScope(text: string, regionEnd: number, title: string | null, gazetteer: Gazetteer): PlacesFound | null {
  const re = /包括|包含|涵盖|范围为|范围是/g;
  let best: (PlacesFound & { score: number }) | null = null;
  for (let m = re.exec(text); m && m.index < regionEnd; m = re.exec(text)) {
    const cs = clauseStart(text, m.index, '。；\n，');
    const subject = text.slice(cs, m.index).replace(/\s+/g, '');
    let score = 0;
    if (/规划范围|范围/.test(subject + m[0])) score += 3;
    const core = subject.replace(/^(?:本规划的?|本|该)/, '').replace(/（[^）]*）/g, '');
    if (title && core.length >= 2 && title.includes(core)) score += 2;
    if (score < 2) continue;
    let end = m.index + m[0].length;
    while (end < text.length && !'。；\n，,'.includes(text[end])) end++;
    const places = placesIn(text.slice(m.index + m[0].length, end), gazetteer);
    if (places.length === 0) continue;
    if (!best || score > best.score) best = { places, start: cs, end, score };
    if (score >= 3) break;
  }
  return best ? { places: best.places, start: best.start, end: best.end } : null;
}

/**
 * A plan named after one administrative unit (茂名市国民经济和社会发展…纲要, 广东省国土空间规划)
 * covers that unit, when the text states no 规划范围.
 */
export function readTitleScope(title: Found | null, gazetteer: Gazetteer): PlacesFound | null {
  if (!title) return null;
  const first = gazetteer.findMentions(title.text)[0];
  if (!first || first.start !== 0 || first.surface !== first.place.name) return null;
  return { places: [first.place], start: title.start, end: title.start + first.end };
}

/** 将广西桂林、玉林…作为规划延伸区 · 延伸区包括… */
export function readExtension(text: string, gazetteer: Gazetteer): PlacesFound | null {
  const patterns = [/将([^。]{2,200}?)作为(?:本)?(?:规划)?(?:的)?延伸区/g, /延伸区(?:范围)?(?:包括|为|是)([^。]{2,200})/g];
  for (const re of patterns) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) continue;
    const places = placesIn(m[1], gazetteer);
    if (places.length > 0) return { places, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

// ── issuer inference ───────────────────────────────────────────────────────

interface Inferred {
  name: string;
  evidence: Span[];
}

/**
 * No signature: (1) a central agency that must report to the State Council on the plan
 * (发展改革委要会同有关部门…向国务院报告) issued it; (2) a plan that speaks of 我省 and gives
 * tasks to 省有关部门 is the province's government's (the province from the covered units).
 */
export function inferIssuer(text: string, scope: readonly Place[], gazetteer: Gazetteer): Inferred | null {
  const national = /(?:^|[。；，\n\s])([^。；，\s]{2,14}?)(?:要|应当|应|将|负责)?会同[^。]{0,100}?(?:向|报)国务院/g;
  for (let m = national.exec(text); m; m = national.exec(text)) {
    const agent = m[1];
    const mapped = NATIONAL_AGENCIES[agent];
    const start = m.index + m[0].indexOf(agent);
    if (mapped) return { name: mapped, evidence: [{ start, end: m.index + m[0].length }] };
  }
  const self = /我省|我区/.exec(text);
  const dept = /省(?:直)?(?:各)?有关部门|省直各部门|省政府各部门|自治区有关部门/.exec(text);
  if (self && dept) {
    const province = dominantProvince(scope, gazetteer) ?? firstProvinceIn(text, gazetteer);
    if (province) {
      const ev = (i: number) => ({ start: clauseStart(text, i), end: clauseEnd(text, i) });
      return { name: `${province.name}人民政府`, evidence: [ev(self.index), ev(dept.index)] };
    }
  }
  return null;
}

function clauseEnd(text: string, i: number): number {
  let k = i;
  while (k < text.length && !'。；，\n'.includes(text[k])) k++;
  return k;
}

function dominantProvince(places: readonly Place[], gazetteer: Gazetteer): Place | undefined {
  const count = new Map<string, { p: Place; n: number }>();
  for (const pl of places) {
    const prov = provinceOf(pl, gazetteer);
    if (!prov) continue;
    const c = count.get(prov.code) ?? { p: prov, n: 0 };
    c.n++;
    count.set(prov.code, c);
  }
  let best: { p: Place; n: number } | undefined;
  for (const c of count.values()) if (!best || c.n > best.n) best = c;
  return best?.p;
}

function firstProvinceIn(text: string, gazetteer: Gazetteer): Place | undefined {
  const head = text.slice(0, 5000);
  return gazetteer.findMentions(head).find((m) => m.place.level === 'province')?.place;
}

// ── level ──────────────────────────────────────────────────────────────────

function issuerLevel(name: string, gazetteer: Gazetteer): PlanLevel | null {
  if (NATIONAL_AGENCIES[name] || /^(?:国务院|国家|中共中央|全国)/.test(name)) return 'national';
  const m = gazetteer.findMentions(name).find((x) => x.start === 0);
  if (m) {
    if (m.place.level === 'province') return 'provincial';
    if (m.place.level === 'prefecture') return 'prefectural';
    return 'county';
  }
  if (/省|自治区/.test(name)) return 'provincial';
  if (/市/.test(name)) return 'prefectural';
  if (/县/.test(name)) return 'county';
  return null;
}

export function planLevel(issuer: readonly string[], scope: readonly Place[], gazetteer: Gazetteer): PlanLevel {
  const provinces = new Set<string>();
  for (const p of scope) {
    const prov = provinceOf(p, gazetteer);
    if (prov) provinces.add(prov.code);
  }
  if (provinces.size >= 2) return 'cross-provincial';
  const levels = issuer.map((i) => issuerLevel(i, gazetteer)).filter((l): l is PlanLevel => l !== null);
  const order: PlanLevel[] = ['national', 'provincial', 'prefectural', 'county'];
  for (const l of order) if (levels.includes(l)) return l;
  // no issuer known: a plan for exactly one unit is at that unit's level
  if (scope.length === 1) return scope[0].level === 'province' ? 'provincial' : scope[0].level === 'prefecture' ? 'prefectural' : 'county';
  return 'unknown';
}
