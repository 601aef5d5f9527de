// Stray markup left in plain text by converters: Markdown bold markers, HTML tags, entities.
// Example (湛茂都市圈发展规划): "——**一体高效的基础设施支撑能力全面增强。**深度参与…" and
// "<p>一、机场 湛江新塘、坡头通用机场迁建工程…</p> <p>二、铁路枢纽 …</p>".
import type { Edit } from '../rewrite';
import { decodeEntity } from './entities';

const RULE = 'markup-removed';

const BLOCK = 'p|div|li|ul|ol|tr|table|tbody|thead|tfoot|h[1-6]|section|article|blockquote|center|dl|dt|dd';
const INLINE = 'span|b|strong|i|em|u|s|sup|sub|font|a|td|th|small|big|mark|ins|del';
// A run of tags (and the spaces between them) on one line. Tabs around them stay: they separate
// table cells (`<b>六、坚持开放引领发展</b>\t<b>30</b>` from a Markdown table row).
const TAG = `<\\/?(?:${BLOCK}|${INLINE}|br)\\b[^<>\\n]{0,300}>`;
const TAG_RUN = new RegExp(`[ \\u3000]*${TAG}(?:[ \\u3000]*${TAG})*[ \\u3000]*`, 'gi');
const HAS_BREAK = new RegExp(`<(?:\\/?(?:${BLOCK})|br)\\b`, 'i');

export function markupEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(TAG_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    const atLineStart = start === 0 || text[start - 1] === '\n';
    const atLineEnd = end === text.length || text[end] === '\n';
    const breaks = HAS_BREAK.test(m[0]);
    const replacement = breaks && !atLineStart && !atLineEnd ? '\n' : '';
    const tags = m[0].trim();
    edits.push({
      start,
      end,
      replacement,
      rule: RULE,
      message: `HTML markup ${tags.length > 40 ? tags.slice(0, 40) + '…' : tags} removed${replacement ? ' (block boundary → line break)' : ''}`,
    });
  }
  const taken = (s: number, e: number): boolean => edits.some((x) => s < x.end && x.start < e);
  for (const m of text.matchAll(/\*\*/g)) {
    if (taken(m.index, m.index + 2)) continue;
    edits.push({ start: m.index, end: m.index + 2, replacement: '', rule: RULE, message: 'Markdown bold marker ** removed' });
  }
  for (const m of text.matchAll(/&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g)) {
    const decoded = decodeEntity(m[0]);
    if (decoded === null || taken(m.index, m.index + m[0].length)) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: decoded, rule: RULE, message: `HTML entity ${m[0]} decoded` });
  }
  // A Markdown bullet in front of an explicit number ("- 1.鉴江生态廊道。") is redundant.
  for (const m of text.matchAll(/^- (?=\d{1,2}[.．、])/gm)) {
    edits.push({ start: m.index, end: m.index + 2, replacement: '', rule: RULE, message: 'Markdown list bullet before a numbered item removed' });
  }
  return edits;
}
