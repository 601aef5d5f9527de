// Characters that stand for other characters in converted text, mostly PDF text layers: a font
// draws 一 and the Kangxi radical ⼀ (U+2F00) with one glyph, and the text layer names the
// radical. One table for ingest (the cjk-unified repair) and parse (reading the table of
// contents that ingest removed, which repairs keep as source text).

/**
 * CJK radicals (U+2E80 block) that PDF fonts use for whole characters, and the character each
 * stands for (Unicode's EquivalentUnifiedIdeograph data, the forms that occur as words).
 * Kangxi radicals (U+2F00 block) and compatibility ideographs are covered by NFKC.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺌': '小', '⺜': '日', '⺝': '月', '⺟': '母', '⺠': '民', '⺧': '牛', '⺩': '王', '⺫': '目', '⻁': '虎',
  '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻐': '钅', '⻑': '長', '⻓': '长',
  '⻔': '门', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣',
  '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾',
  '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

/**
 * Characters a PDF text layer gives for a glyph that Simplified Chinese fonts share with another
 * character, and what the text means. Found by printing every GB2312 character with Chromium in
 * Noto Serif/Sans CJK SC (Source Han) and reading the PDF back: besides the radicals above, the
 * SC dash — comes back as ― (U+2015, which old GB2312 tables also give for A1AA), ～ as 〜,
 * ／ as ∕, 〈〉 as the angle brackets U+2329/U+232A, ｀ as ‵, 胶 as 㬵 (ext. A), and 户 as the
 * Kangxi radical ⼾, whose compatibility decomposition is the traditional 戶 — wrong in a
 * Simplified text.
 */
const GLYPH_VARIANTS: Record<string, string> = {
  '⼾': '户', '―': '—', '〜': '～', '∕': '／', '\u2329': '〈', '\u232a': '〉', '‵': '｀', '㬵': '胶',
};

/** The characters unifiedGlyph may change (radicals, compatibility ideographs, the variants above). */
export const GLYPH_VARIANT_CHARS = /[\u2e80-\u2fdf\uf900-\ufaff\u2015\u301c\u2215\u2329\u232a\u2035\u3b35]/g;

/** The character `ch` stands for, or null when it stands for itself. */
export function unifiedGlyph(ch: string): string | null {
  const nf = GLYPH_VARIANTS[ch] ?? RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC');
  return nf === ch || nf.length !== 1 ? null : nf;
}

/** `s` with every glyph variant replaced by the character it stands for. */
export function unifyGlyphs(s: string): string {
  return s.replace(GLYPH_VARIANT_CHARS, (ch) => unifiedGlyph(ch) ?? ch);
}
