// Plan metadata with evidence spans: title, issuer, document number, issue date, period,
// outlook year, covered units, extension area, level. Each field is read where documents state
// it: the front matter (a wrapping notice, a title page, a signature, a report's delivery line,
// a scraper's labelled fields) or the preface (规划范围, 规划期). The readers of the title, the
// issuer and the front matter live in meta-title.ts, meta-issuer.ts and meta-front.ts.
import type { Gazetteer, MetaEvidence, Place, PlanLevel, PlanMeta, Section, Span } from '../core/types.js';
import { META_LABELS, NATIONAL_AGENCIES, WEB_LABELS, alternation } from './lexicon.js';
import { inSpans, readFrontMatter, type LabelledField } from './meta-front.js';
import { leadingPlace, orgsIn, readCoverIssuers, readDelivery, readReportingBody, readSignature, type Org } from './meta-issuer.js';
import { findTitleLine, readAnnexTitle, readNoticeTitle, readsAsTitle, readTitleLine, titleFromField, type Found, type TitleFound } from './meta-title.js';
import { DATE_SOURCE, parseChineseInt, parseDate, parseYear, toIsoDate } from './numerals.js';
import { placesIn, provinceOf } from './places.js';

export { readSignature, splitAgencies } from './meta-issuer.js';
export { cleanTitle } from './meta-title.js';

export interface MetaInput {
  text: string;
  sections: readonly Section[];
  toc: Span | null;
  gazetteer: Gazetteer;
}

type Field = MetaEvidence['field'];

const Y = '([0-9０-９]{4}|[〇○零ＯO一二三四五六七八九]{4})';
const RANGE_SEP = '(?:至|到|—|－|-|–|~|～|－)';

/** Start of the clause containing `i` (after the previous 。；， or line break). */
function clauseStart(text: string, i: number, stops = '。；，\n'): number {
  let k = i;
  while (k > 0 && !stops.includes(text[k - 1])) k--;
  return k;
}

/** All matches of `re` inside text[from, to) (searched in that slice only), offsets into `text`. */
function* matchesIn(re: RegExp, text: string, from: number, to: number, skip: readonly Span[]): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const slice = text.slice(from, to);
  for (let m = g.exec(slice); m; m = g.exec(slice)) {
    if (m[0].length === 0) g.lastIndex++;
    m.index += from;
    if (!inSpans(m.index, skip)) yield m;
  }
}

export function extractMeta(input: MetaInput): Omit<PlanMeta, 'frame'> {
  const { text, sections, toc, gazetteer } = input;
  const evidence: MetaEvidence[] = [];
  const note = (field: Field, start: number, end: number) => evidence.push({ field, start, end });

  const frontEnd = frontEndOf(text, sections);
  const bodyStart = sections.find((s) => s.kind !== 'preface')?.start ?? frontEnd;

  // ── front matter and page furniture: labelled fields, and lines that are not the document ──
  const front = readFrontMatter(text, frontEnd);
  const skip: Span[] = toc ? [...front.skip, toc] : front.skip;
  const fields = front.fields;

  // ── title ──
  const notice = readNoticeTitle(text, frontEnd, skip);
  const title = notice?.title ?? readTitleFrom(text, frontEnd, skip, fields.title, gazetteer);
  if (title) note('title', title.start, title.end);

  // ── issuer ──
  let issuer: Org[] = [];
  let issued: { iso: string; start: number; end: number } | null = null;
  const sig = readSignature(text, frontEnd, skip, gazetteer);
  const delivery = readDelivery(text, frontEnd, gazetteer);
  if (sig) {
    issuer = sig.orgs;
    issued = { iso: sig.date, start: sig.dateStart, end: sig.dateEnd };
  }
  // X关于印发Y的通知 · X关于Y的意见: X is the issuer
  const headingIssuer = notice?.heading?.issuer ?? ownHeadingIssuer(text, title);
  if (issuer.length === 0 && headingIssuer) issuer = orgsIn(text, headingIssuer.start, headingIssuer.end, gazetteer) ?? [];
  // a report: the speaker's office (陕西省省长 → 陕西省人民政府)
  if (issuer.length === 0 && delivery?.issuer) issuer = [delivery.issuer];
  // the names on the cover, after the title
  if (issuer.length === 0 && title) issuer = readCoverIssuers(text, title.end, gazetteer) ?? [];
  // a labelled field (发布单位: …)
  if (issuer.length === 0 && fields.issuer?.value) issuer = fieldOrgs(fields.issuer, gazetteer);
  // a report speaking for its government (我代表省人民政府向大会报告工作)
  if (issuer.length === 0) {
    const own = readReportingBody(text, titlePlace(title, gazetteer));
    if (own) issuer = [own];
  }
  for (const o of issuer) note('issuer', o.start, o.end);

  // ── document number: in the front matter only (the body cites other documents' numbers) ──
  // (furniture and field lines are searched too: a number there is the page's own document's)
  const dn = readDocNumber(text, frontEnd, toc ? [toc] : []) ?? fieldDocNumber(fields.docNumber);
  const docNumber = dn?.text ?? null;
  if (dn) note('docNumber', dn.start, dn.end);

  // ── issue date without a signature: a report's delivery date, a labelled date, the date under the title ──
  if (issued === null && delivery) issued = { iso: delivery.date, start: delivery.dateStart, end: delivery.dateEnd };
  if (issued === null) issued = fieldDate(fields.issued);
  if (issued === null) issued = readFrontDate(text, frontEnd, skip, title);
  // the posting date of a scraper's front matter or a database export, as a last resort (a web
  // page's own 发布日期 is often a re-posting years later: never taken)
  if (issued === null && fields.published && fields.published.source !== 'label') issued = fieldDate(fields.published);
  if (issued) note('issued', issued.start, issued.end);

  // ── period and outlook ──
  const periodTitle = titlePart(title, (p) => readPeriod('', p) !== null);
  const period = readPeriod(text, periodTitle);
  if (period) note('period', period.start, period.end);
  const horizon = readHorizon(text, period) ?? readTitleHorizon(titlePart(title, (p) => readTitleHorizon(p, period) !== null), period);
  if (horizon) note('horizon', horizon.start, horizon.end);

  // ── covered units and extension area ──
  const scopeRegionEnd = Math.min(text.length, bodyStart + 4000);
  const scope = readScope(text, scopeRegionEnd, title?.text ?? null, gazetteer) ?? readTitleScope(title, gazetteer);
  if (scope) note('scope', scope.start, scope.end);
  const ext = readExtension(text, gazetteer);
  if (ext) note('extension', ext.start, ext.end);

  // ── issuer, when the text does not name it: inferred from what the text says of itself ──
  let issuerNames = issuer.map((o) => o.name);
  if (issuerNames.length === 0) {
    const inferred = inferIssuer(text, scope?.places ?? [], gazetteer);
    if (inferred) {
      issuerNames = [inferred.name];
      for (const e of inferred.evidence) note('issuer', e.start, e.end);
    }
  }

  const scopePlaces = withoutContained(scope?.places ?? [], gazetteer);
  const level = planLevel(issuerNames, scopePlaces, gazetteer);

  return {
    title: title?.text ?? null,
    issuer: [...new Set(issuerNames)],
    docNumber,
    issued: issued?.iso ?? null,
    period: period ? [period.from, period.to] : null,
    horizon: horizon?.year ?? null,
    scope: scopePlaces.map((p) => p.name),
    extension: (ext?.places ?? []).map((p) => p.name),
    level,
    evidence,
  };
}

/**
 * Where the document's front matter ends: at the first section, unless that section's heading is
 * the document's title (a Markdown `# 北京市朝阳区…规划纲要` the outline reads as a heading),
 * then at the first section after it.
 */
function frontEndOf(text: string, sections: readonly Section[]): number {
  const queue = [...sections];
  while (queue.length > 0) {
    const s = queue.shift()!;
    const heading = text.slice(s.headingStart, s.headingEnd);
    if (s.label === null && s.kind !== 'preface' && readsAsTitle(heading)) {
      queue.unshift(...s.children);
      continue;
    }
    return s.start;
  }
  return Math.min(text.length, 3000);
}

// ── title ──────────────────────────────────────────────────────────────────

/** Title without a wrapping notice: a labelled field, the 附件 header, the title line. */
function readTitleFrom(text: string, frontEnd: number, skip: readonly Span[], field: LabelledField | undefined, gazetteer: Gazetteer): TitleFound | null {
  const f = titleFromField(field);
  if (f) {
    // the text's own title line, when it writes the same title, is the better evidence
    const own = findTitleLine(text, frontEnd, skip, f.text);
    return own ? { ...own, text: f.text } : f;
  }
  return (
    readAnnexTitle(text, frontEnd, skip, (end) => readCoverIssuers(text, end, gazetteer) !== null) ??
    readTitleLine(text, frontEnd, skip, (s) => orgsIn(s, 0, s.length, gazetteer) !== null)
  );
}

/** The title of a text (the notice's, a 附件 header's or the title line's). */
export function readTitle(text: string, frontEnd: number, toc: Span | null, gazetteer?: Gazetteer): TitleFound | null {
  const skip = [...readFrontMatter(text, frontEnd).skip, ...(toc ? [toc] : [])];
  const notice = readNoticeTitle(text, frontEnd, skip);
  if (notice) return notice.title;
  return (
    readAnnexTitle(text, frontEnd, skip, (end) => readCoverIssuers(text, end, gazetteer) !== null) ??
    readTitleLine(text, frontEnd, skip, (s) => orgsIn(s, 0, s.length, gazetteer) !== null)
  );
}

/** The line of a title read over several lines that `test` accepts, else the title itself. */
function titlePart(title: TitleFound | null, test: (p: Found) => boolean): Found | null {
  return title?.parts?.find(test) ?? title;
}

/** 国务院关于加快…的意见: the organisation before 关于 issued it (read where the title is written). */
function ownHeadingIssuer(text: string, title: Found | null): Span | null {
  if (!title) return null;
  const i = text.slice(title.start, title.end).indexOf('关于');
  return i >= 2 ? { start: title.start, end: title.start + i } : null;
}

/** The unit a title starts with (陕西省2026年政府工作报告 → 陕西省). */
function titlePlace(title: Found | null, gazetteer: Gazetteer): Place | null {
  return title ? (leadingPlace(title.text, gazetteer)?.place ?? null) : null;
}

// ── labelled fields ────────────────────────────────────────────────────────

function fieldOrgs(f: LabelledField, gazetteer: Gazetteer): Org[] {
  const orgs = orgsIn(f.value!, 0, f.value!.length, gazetteer);
  if (orgs) return orgs.map((o) => ({ ...o, start: f.start + o.start, end: f.start + o.end }));
  return [{ name: f.value!, start: f.start, end: f.end }];
}

function fieldDocNumber(f: LabelledField | undefined): { text: string; start: number; end: number } | null {
  if (!f?.value) return null;
  const m = DOC_NUMBER.exec(f.value);
  return m ? { text: m[0].replace(/\s+/g, ''), start: f.start + m.index, end: f.start + m.index + m[0].length } : null;
}

/** 2022年3月23日 · 2022-03-23 · 2022.03.23 · 2022/3/23 (a time after it is ignored). */
export function parseFieldDate(s: string): string | null {
  const cn = parseDate(s);
  if (cn) return toIsoDate(cn);
  const m = /^\s*((?:19|20)[0-9]{2})\s*[-./]\s*([0-9]{1,2})(?:\s*[-./]\s*([0-9]{1,2}))?(?![0-9])/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  const day = m[3] !== undefined ? Number(m[3]) : null;
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  return toIsoDate({ year: Number(m[1]), month, day });
}

function fieldDate(f: LabelledField | undefined): { iso: string; start: number; end: number } | null {
  const iso = f?.value ? parseFieldDate(f.value) : null;
  return iso ? { iso, start: f!.start, end: f!.end } : null;
}

// ── document number ────────────────────────────────────────────────────────

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,8}[ \t　]*[〔［\[【（(][ \t　]*(?:19|20)[0-9]{2}[ \t　]*[〕］\]】）)][ \t　]*[0-9]{1,5}[ \t　]*号/;
const DOC_NUMBER_PREFIX_CUT = /^.*(?:印发|关于|根据|依据|按照|文号|字号|转发|通知)/;

/**
 * The document number of the front matter: one standing on its own line (`粤府〔2011〕152号`,
 * `（皖开放办〔2022〕6号）`) first, else the first one that is not a citation (《…》（国发〔2021〕5号）).
 */
function readDocNumber(text: string, frontEnd: number, skip: readonly Span[]): { text: string; start: number; end: number } | null {
  let first: { text: string; start: number; end: number } | null = null;
  for (const m of matchesIn(DOC_NUMBER, text, 0, frontEnd, skip)) {
    const raw = m[0];
    const prefixLen = /^[\u4e00-\u9fa5]+/.exec(raw)![0].length;
    const cut = raw.slice(0, prefixLen).replace(DOC_NUMBER_PREFIX_CUT, '');
    if (cut.length === 0) continue;
    const start = m.index + (prefixLen - cut.length);
    const end = m.index + raw.length;
    const found = { text: text.slice(start, end).replace(/\s+/g, ''), start, end };
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = text.length;
    const rest = (text.slice(lineStart, start) + text.slice(end, lineEnd)).replace(/[\s　（）()［］\[\]【】]/g, '');
    if (rest === '' || new RegExp(`^(?:${alternation(META_LABELS.docNumber)})[:：]?$`).test(rest)) return found;
    const before = text.slice(Math.max(0, start - 2), start);
    if (!first && !/》[（(]?$/.test(before)) first = found;
  }
  return first;
}

// ── issue date without signature ───────────────────────────────────────────

const WEB_LABEL = new RegExp(`(?:${alternation(WEB_LABELS)})[\\s:：]*$`);

function readFrontDate(
  text: string,
  frontEnd: number,
  skip: readonly Span[],
  title: Found | null,
): { iso: string; start: number; end: number } | null {
  const dateRe = new RegExp(DATE_SOURCE, 'g');
  // right under (or after) the title, possibly in brackets: （2026年1月8日…会议批准）
  if (title) {
    const after = /^[\s　]{0,4}[（(]?/.exec(text.slice(title.end))?.[0].length ?? 0;
    dateRe.lastIndex = title.end + after;
    const m = dateRe.exec(text);
    if (m && m.index === title.end + after && !inSpans(m.index, skip)) {
      const d = parseDate(m[0]);
      if (d && d.month !== null) return { iso: toIsoDate(d), start: m.index, end: m.index + m[0].length };
    }
  }
  // a line that is only a date (二○一一年十二月), not labelled as web metadata
  const lineRe = new RegExp(`^[ \\t　]*(${DATE_SOURCE})[ \\t　]*$`, 'gm');
  for (const m of matchesIn(lineRe, text, 0, frontEnd, skip)) {
    const start = m.index + m[0].indexOf(m[1]);
    if (inSpans(start, skip) || WEB_LABEL.test(text.slice(Math.max(0, start - 12), start))) continue;
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

export function readHorizon(text: string, period: Period | null): { year: number; start: number; end: number } | null {
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
    // …崇左市，广东省湛江市、茂名市、阳江市和海南省海口市…: a province's list after a comma goes on
    for (;;) {
      if (!'，,'.includes(text[end] ?? '')) break;
      let next = end + 1;
      while (next < text.length && !'。；\n，,'.includes(text[next])) next++;
      const first = gazetteer.findMentions(text.slice(end + 1, Math.min(next, end + 12)))[0];
      if (!first || first.start !== 0 || first.place.level !== 'province') break;
      end = next;
    }
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
  // 上海市长宁区国民经济和社会发展… covers 长宁区, the last of the units written one in another
  const unit = leadingPlace(title.text, gazetteer) ?? { place: first.place, end: first.end };
  return { places: [unit.place], start: title.start, end: title.start + unit.end };
}

/** A unit listed together with a unit it lies in is part of that one (江门市 and its 台山市): the larger stays. */
function withoutContained(places: readonly Place[], gazetteer: Gazetteer): Place[] {
  const codes = new Set(places.map((p) => p.code));
  const inListed = (p: Place): boolean => {
    for (let q = p.parent ? gazetteer.byCode(p.parent) : undefined; q; q = q.parent ? gazetteer.byCode(q.parent) : undefined) {
      if (codes.has(q.code)) return true;
    }
    return false;
  };
  return places.filter((p) => !inListed(p));
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
  // 上海市长宁区发展和改革委员会: the last of the units written one in another
  const m = leadingPlace(name, gazetteer);
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
