// The shape of an HTML page, read before it is turned into text: its tags with their
// positions, which element each opening tag closes at (tolerant of unclosed <p>, <li>, <td>),
// and two judgements the text conversion needs:
//  · site furniture — banner, menu, breadcrumb (当前位置), tool bar, footer — by HTML5 element
//    (<nav>, <aside>, <header>/<footer> outside an article), ARIA role, or class/id names that
//    sites give them (nav, menu, breadcrumb, position, footer …). Furniture is never the bulk of
//    the page: an element holding most of the text is kept whatever its name.
//  · layout tables — old CMS pages put the whole article in a <td>; such a table is page layout,
//    not a data table, and its cells must not become tab-separated cells.

/** Elements whose content is not text of the document. */
export const DROP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'object', 'iframe', 'select', 'button', 'textarea']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

export interface Tag {
  name: string;
  closing: boolean;
  start: number;
  end: number;
  /** Raw attribute text of an opening tag. */
  attrs: string;
  /**
   * For an opening tag: index of the token that closes it (its own index for a void element).
   * When the element is left unclosed, the token that closes its parent: the element ends where
   * that token starts (`implicit`).
   */
  close: number;
  implicit: boolean;
}

export interface Skip {
  /** Comment, declaration or dropped element (script, style …). */
  skip: string;
  start: number;
  end: number;
}

export type Token = Tag | Skip;

export const isTag = (t: Token): t is Tag => 'name' in t;

/** Find the '>' closing a tag that starts at i, skipping quoted attribute values; -1 if broken. */
function tagEnd(html: string, i: number): number {
  let q = '';
  for (let j = i + 1; j < html.length; j++) {
    const c = html[j];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return j + 1;
    else if (c === '<' && j > i + 1) return -1; // broken tag: treat '<' as text
  }
  return -1;
}

/** Tags, comments and dropped elements in document order; text lies between them. */
export function scan(html: string): Token[] {
  const out: Token[] = [];
  const n = html.length;
  const lower = html.toLowerCase();
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      const e = close < 0 ? n : close + 3;
      out.push({ skip: 'comment', start: lt, end: e });
      i = e;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const e = tagEnd(html, lt);
      const end = e < 0 ? n : e;
      out.push({ skip: 'declaration', start: lt, end });
      i = end;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 40));
    const e = m ? tagEnd(html, lt) : -1;
    if (!m || e < 0) {
      i = lt + 1; // a literal '<' in text
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (!closing && DROP.has(name) && !html.slice(lt, e).endsWith('/>')) {
      const close = lower.indexOf(`</${name}`, e);
      const closeEnd = close < 0 ? n : Math.max(tagEnd(html, close), close + name.length + 2);
      out.push({ skip: name, start: lt, end: closeEnd });
      i = closeEnd;
      continue;
    }
    out.push({ name, closing, start: lt, end: e, attrs: closing ? '' : html.slice(lt + 1 + name.length, e - 1), close: -1, implicit: false });
    i = e;
  }
  matchClosings(out, html);
  return out;
}

/** Pair opening and closing tags with a stack; an unclosed element ends where its parent does. */
function matchClosings(tokens: Token[], html: string): void {
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (!isTag(t)) return;
    if (!t.closing) {
      if (VOID.has(t.name) || html[t.end - 2] === '/') t.close = i;
      else stack.push(i);
      return;
    }
    const at = stack.findLastIndex((k) => (tokens[k] as Tag).name === t.name);
    if (at < 0) return; // a stray closing tag
    for (let k = stack.length - 1; k >= at; k--) {
      const open = tokens[stack[k]] as Tag;
      open.close = i;
      open.implicit = k !== at;
    }
    stack.length = at;
  });
  for (const k of stack) {
    const open = tokens[k] as Tag;
    open.close = tokens.length;
    open.implicit = true;
  }
}

/** Non-space characters of text before each token (sums[i + 1] for token i; the last entry: to the end). */
function textBefore(tokens: readonly Token[], html: string): number[] {
  const sums = new Array<number>(tokens.length + 2);
  sums[0] = 0;
  let pos = 0;
  const count = (a: number, b: number): number => html.slice(a, b).replace(/\s+|&nbsp;/g, '').length;
  tokens.forEach((t, i) => {
    sums[i + 1] = sums[i] + count(pos, t.start);
    pos = t.end;
  });
  // Text after the last token, so an element left open to the end is measured too.
  sums[tokens.length + 1] = sums[tokens.length] + count(pos, html.length);
  return sums;
}

const FURNITURE_ROLE = /\brole\s*=\s*["']?(navigation|banner|contentinfo|search|complementary)\b/i;
/** class/id words that name page furniture on government sites (dqwz = 当前位置). */
const FURNITURE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'bread', 'position',
  'location', 'dqwz', 'footer', 'foot', 'copyright', 'banner', 'topbar', 'toolbar', 'tool', 'tools', 'print', 'fontsize',
  'sidebar', 'share', 'skip',
]);

function classWords(attrs: string): string[] {
  const words: string[] = [];
  for (const m of attrs.matchAll(/\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    for (const w of (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase().split(/[^a-z0-9]+/)) if (w) words.push(w);
  }
  return words;
}

export interface PageShape {
  tokens: Token[];
  /** Indexes of opening tags whose whole element is site furniture. */
  furniture: Set<number>;
  /** Indexes of <table> tags used for page layout. */
  layoutTables: Set<number>;
}

export function pageShape(html: string): PageShape {
  const tokens = scan(html);
  const sums = textBefore(tokens, html);
  // Text inside the element: between its opening tag and the token that closes it (or the end).
  const inner = (i: number): number => {
    const c = (tokens[i] as Tag).close;
    return c <= i ? 0 : sums[c + 1] - sums[i + 1];
  };
  const bodyAt = tokens.findIndex((t) => isTag(t) && !t.closing && t.name === 'body');
  const total = bodyAt >= 0 ? inner(bodyAt) : sums[tokens.length + 1];

  const furniture = new Set<number>();
  const layoutTables = new Set<number>();
  const open: number[] = []; // elements containing the current token
  tokens.forEach((t, i) => {
    while (open.length && (tokens[open[open.length - 1]] as Tag).close <= i) open.pop();
    if (!isTag(t) || t.closing || t.close === i) return;
    const ancestors = open.map((k) => (tokens[k] as Tag).name);
    open.push(i);
    const inArticle = ancestors.includes('article') || ancestors.includes('main');
    const named =
      t.name === 'nav' ||
      t.name === 'aside' ||
      ((t.name === 'header' || t.name === 'footer') && !inArticle) ||
      FURNITURE_ROLE.test(t.attrs) ||
      classWords(t.attrs).some((w) => FURNITURE_WORDS.has(w));
    if (named && inner(i) <= total * 0.3) furniture.add(i);
    if (t.name === 'table' && isLayoutTable(tokens, i, inner)) layoutTables.add(i);
  });
  return { tokens, furniture, layoutTables };
}

/**
 * A table is layout when one of its cells holds what a data cell never does: headings, a
 * nested table, many paragraphs or a long text (a whole article).
 */
function isLayoutTable(tokens: readonly Token[], at: number, inner: (i: number) => number): boolean {
  const table = tokens[at] as Tag;
  for (let k = at + 1; k < table.close; k++) {
    const t = tokens[k];
    if (!isTag(t) || t.closing || (t.name !== 'td' && t.name !== 'th')) continue;
    let paragraphs = 0;
    for (let j = k + 1; j < t.close; j++) {
      const u = tokens[j];
      if (!isTag(u) || u.closing) continue;
      if (/^h[1-6]$/.test(u.name) || u.name === 'table') return true;
      if (u.name === 'p' || u.name === 'div' || u.name === 'br') paragraphs++;
    }
    if (paragraphs > 20 || inner(k) > 2000) return true;
    k = Math.max(k, t.close);
  }
  return false;
}
