// What sits before a document's own first line when it was scraped or exported: a scraper's YAML
// front matter (标题: … / 发布单位: … / 文号: -), a database export's citation header
// (【法宝引证码】, 原文链接：, 【发布部门】…), a government site's information table
// (发文字号：…) and page furniture (分享:, 首页 > 政府信息公开 > …, 时间：/来源：, a quoted
// disclaimer). The labelled fields are metadata; all of it is skipped when the title, a
// signature or a date is looked for in the text.
import type { Span } from '../core/types.js';
import { META_LABELS, WEB_FURNITURE, WEB_LABELS, type MetaLabelField } from './lexicon.js';
import { splitLines, type Line } from './lines.js';

export interface LabelledField extends Span {
  field: MetaLabelField;
  /** The value as written; null when the field says there is none (`-`, 无). */
  value: string | null;
  /** Where it was written: a scraper's YAML front matter (--- at the very top), a database
   *  export's 【label】, or a `label：value` line of a web page. */
  source: 'yaml' | 'bracket' | 'label';
}

export interface FrontMatter {
  fields: Partial<Record<MetaLabelField, LabelledField>>;
  /** Lines that are not the document: front matter, labels and their values, page furniture. */
  skip: Span[];
}

const NONE = /^(?:-+|—+|－+|无|暂无|null|~|N\/A)?$/i;
const LABEL_TO_FIELD = new Map<string, MetaLabelField>();
for (const [field, labels] of Object.entries(META_LABELS) as Array<[MetaLabelField, readonly string[]]>) {
  for (const l of labels) if (!LABEL_TO_FIELD.has(l)) LABEL_TO_FIELD.set(l, field);
}
/** Every label whose line (and value line) is metadata, not the document. */
const ALL_LABELS = new Set([...LABEL_TO_FIELD.keys(), ...WEB_LABELS, ...WEB_FURNITURE.labels]);

function cleanValue(v: string): string | null {
  const t = v.trim().replace(/^["'“「](.*)["'”」]$/, '$1').trim();
  return NONE.test(t) ? null : t;
}

/** Offsets of a value inside its line once quotes and spaces are trimmed. */
function valueSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s"'“「]/.test(text[s])) s++;
  while (e > s && /[\s"'”」]/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/**
 * Reads the front matter and furniture of the text's head. Labelled fields are taken from a YAML
 * block at the top, and from `label：value` / `【label】value` lines before `frontEnd`.
 */
export function readFrontMatter(text: string, frontEnd: number): FrontMatter {
  const fields: FrontMatter['fields'] = {};
  const skip: Span[] = [];
  const lines = splitLines(text.slice(0, Math.min(text.length, Math.max(frontEnd, 200) + 2000)));
  const content = (l: Line) => text.slice(l.cs, l.ce);
  const put = (f: LabelledField) => {
    if (!fields[f.field]) fields[f.field] = f;
  };

  // 1. YAML front matter: --- at the very top, up to the next ---
  let k = 0;
  while (k < lines.length && lines[k].cs === lines[k].ce) k++;
  if (k < lines.length && /^-{3,}$/.test(content(lines[k]))) {
    const open = k;
    let close = -1;
    for (let j = open + 1; j < Math.min(lines.length, open + 80); j++) {
      if (/^-{3,}$/.test(content(lines[j]))) {
        close = j;
        break;
      }
    }
    if (close > open) {
      for (let j = open + 1; j < close; j++) {
        const l = lines[j];
        const m = /^([^:：\s][^:：]{0,20}?)\s*[:：]\s?(.*)$/.exec(content(l));
        const field = m ? LABEL_TO_FIELD.get(m[1].trim()) : undefined;
        if (!m || !field) continue;
        const vStart = l.cs + m[0].length - m[2].length;
        const sp = valueSpan(text, vStart, l.ce);
        put({ field, value: cleanValue(m[2]), start: sp.start, end: sp.end, source: 'yaml' });
      }
      skip.push({ start: lines[open].start, end: lines[close].end });
      k = close + 1;
    }
  }

  // 2. labelled lines and furniture in the head of the text
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j];
    if (l.start >= frontEnd && j >= 3) break;
    if (l.cs === l.ce || skip.some((s) => l.start >= s.start && l.start < s.end)) continue;
    const c = content(l);
    const skipLine = (line: Line) => skip.push({ start: line.start, end: line.end });

    // 【发布部门】安徽省人民政府办公厅 【发文字号】皖政办〔2022〕6号 …
    const bracketed = [...c.matchAll(/【([^】]{1,10})】\s*([^【\n]*)/g)];
    if (bracketed.length > 0 && c.startsWith('【')) {
      for (const m of bracketed) {
        const field = LABEL_TO_FIELD.get(m[1].trim());
        if (!field) continue;
        const vStart = l.cs + m.index + m[0].length - m[2].length;
        const sp = valueSpan(text, vStart, vStart + m[2].length);
        put({ field, value: cleanValue(m[2]), start: sp.start, end: sp.end, source: 'bracket' });
      }
      skipLine(l);
      continue;
    }

    // label：value, or label： with the value on the next line (a scraped table cell)
    const lv = /^([^:：\s]{1,8})\s*[:：]\s*(.*)$/.exec(c);
    if (lv && ALL_LABELS.has(lv[1])) {
      const field = LABEL_TO_FIELD.get(lv[1]);
      skipLine(l);
      let value = lv[2];
      let vStart = l.cs + lv[0].length - lv[2].length;
      let vEnd = l.ce;
      if (value.trim() === '') {
        const next = lines[j + 1];
        if (next && next.cs < next.ce && !/^[^:：\s]{1,8}\s*[:：]/.test(content(next))) {
          value = content(next);
          vStart = next.cs;
          vEnd = next.ce;
          skipLine(next);
          j++;
        }
      }
      if (field) {
        const sp = valueSpan(text, vStart, vEnd);
        put({ field, value: cleanValue(value), start: sp.start, end: sp.end, source: 'label' });
      }
      continue;
    }

    if (isFurniture(c)) {
      skipLine(l);
      // a breadcrumb separator on its own line: the items around it are furniture too
      if (WEB_FURNITURE.separators.has(c)) {
        for (const n of [lines[j - 1], lines[j + 1]]) if (n && n.cs < n.ce) skipLine(n);
      }
    }
  }
  skip.sort((a, b) => a.start - b.start);
  return { fields, skip };
}

/** A line that belongs to the page, not the document. */
export function isFurniture(line: string): boolean {
  const c = line.trim();
  if (c === '') return false;
  if (WEB_FURNITURE.separators.has(c)) return true;
  if (WEB_FURNITURE.lines.has(c.replace(/[:：]$/, ''))) return true;
  if (WEB_FURNITURE.prefixes.some((p) => c.startsWith(p))) return true;
  // a quote block (a scraper's disclaimer) in Markdown
  if (/^>/.test(c)) return true;
  // 首页 > 政府信息公开 > 政府工作报告
  if (/^首页/.test(c) && [...WEB_FURNITURE.separators].some((s) => c.includes(s))) return true;
  return false;
}

/** True when `i` lies in one of the spans. */
export function inSpans(i: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (i >= s.start && i < s.end) return true;
  return false;
}
