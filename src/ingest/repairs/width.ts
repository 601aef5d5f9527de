// Full-width ASCII → half-width for letters, digits and ％, and ideographic spaces used as layout.
// Chinese punctuation （）、，。：；“” stays: planners write it and quotes must match it.
// Also untouched: — － ∶ (ratio) 〔〕 and every other full-width symbol.
import { GLYPH_VARIANT_CHARS, unifiedGlyph } from '../../core/glyphs';
import type { Edit } from '../rewrite';

const RULE = 'width-unified';

const isFwAlnum = (c: number): boolean => (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

function half(c: number): string {
  return String.fromCharCode(c - 0xfee0);
}

export function widthEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const convertible = (k: number): boolean => {
      const d = text.charCodeAt(k);
      if (isFwAlnum(d) || d === 0xff05) return true; // ％
      // Full-width full stop as a decimal point: between digits only (３．５ → 3.5).
      return d === 0xff0e && k > 0 && isDigit(text.charCodeAt(k - 1)) && isDigit(text.charCodeAt(k + 1));
    };
    if (!convertible(i)) {
      i++;
      continue;
    }
    let j = i;
    const out: string[] = [];
    while (j < n && convertible(j)) {
      out.push(half(text.charCodeAt(j)));
      j++;
    }
    const before = text.slice(i, j);
    const after = out.join('');
    edits.push({ start: i, end: j, replacement: after, rule: RULE, message: `full-width "${before}" → half-width "${after}"` });
    i = j;
  }
  // Ideographic spaces inside a line are layout (专栏1　　粤西三市重点发展地区): one plain space.
  for (const m of text.matchAll(/(?<=[^\s\u3000])[ \u3000]*\u3000[ \u3000]*(?=[^\s\u3000])/g)) {
    edits.push({
      start: m.index,
      end: m.index + m[0].length,
      replacement: ' ',
      rule: RULE,
      message: `ideographic space${m[0].length > 1 ? ' run' : ''} used as layout → one space`,
    });
  }
  return edits;
}

/**
 * Kangxi radicals and CJK compatibility ideographs → the unified ideographs they stand for.
 * PDF text layers often carry them: fonts map the glyph of 一 or 广 to ⼀ (U+2F00) or ⼴
 * (U+2F34), which look the same but match nothing in search or in lexicons. Also the other
 * glyph variants of core/glyphs.ts.
 */
export function cjkUnifyEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(GLYPH_VARIANT_CHARS)) {
    const ch = m[0];
    const nf = unifiedGlyph(ch);
    if (nf === null) continue;
    const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    edits.push({
      start: m.index,
      end: m.index + 1,
      replacement: nf,
      rule: 'cjk-unified',
      message: `${ch} (U+${hex(ch)}) → ${nf} (U+${hex(nf)})`,
      record: 'aggregate',
    });
  }
  return edits;
}
