// The HTML entities that occur in Chinese government web pages and their exports.
const NAMED: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  permil: '‰',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  yen: '¥',
  copy: '©',
  reg: '®',
  laquo: '«',
  raquo: '»',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  rarr: '→',
  larr: '←',
  hyphen: '‐',
  shy: '',
  zwj: '',
  zwnj: '',
};

/** Decode one entity such as `&amp;`, `&#8220;` or `&#x201C;`; null if unknown or invalid. */
export function decodeEntity(entity: string): string | null {
  const body = entity.slice(1, -1);
  if (body[0] === '#') {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (cp === 0xa0) return ' ';
    return String.fromCodePoint(cp);
  }
  return NAMED[body] ?? NAMED[body.toLowerCase()] ?? null;
}
