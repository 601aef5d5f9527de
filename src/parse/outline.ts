// Builds the outline tree from heading candidates. Ordinal sequence is the main evidence:
// a numbered heading continues an open list (二 after 一), or starts a new one at 1;
// anything else (三 with no 二 before it) is not a heading. Nesting follows the usual order
// 第X章 > 第X节 > 一、 > （一） > 1. > （1）, except that a list restarting at 一 inside a
// deeper item nests below it (an 一、 list inside a （一） section is an item, not a chapter).
import type { Section, SectionKind } from '../core/types.js';
import type { HeadingCandidate } from './headings.js';
import { RANK, isContainer, isNumbered, type MarkerType } from './markers.js';
import type { TocEntry } from './toc.js';

interface Node {
  c: HeadingCandidate;
  children: Node[];
}

interface Root {
  children: Node[];
}

/**
 * The numbering style of the top level: the first numbered style of the TOC, else the
 * highest-ranked style whose 1 is followed by a 2 in the text.
 */
export function chooseTopType(cands: readonly HeadingCandidate[], toc: readonly TocEntry[]): MarkerType | null {
  const fromToc = toc.find((e) => isNumbered(e.type));
  if (fromToc) return fromToc.type;
  const styles: MarkerType[] = ['zhang', 'jie', 'cn', 'cnParen', 'num', 'numParen'];
  const firstOne = (t: MarkerType) => cands.findIndex((c) => c.type === t && c.ordinal === 1 && !c.inline);
  for (const [k, t] of styles.entries()) {
    const one = cands.findIndex((c) => c.type === t && c.ordinal === 1);
    if (one >= 0 && cands.some((c, i) => i > one && c.type === t && c.ordinal === 2)) {
      // a higher style opening before it is the top even if it has a single heading
      // (an excerpt: 第一章 发展背景 / 第一节 … / 第二节 …)
      for (const higher of styles.slice(0, k)) {
        const h = firstOne(higher);
        if (h >= 0 && h < one) return higher;
      }
      return t;
    }
  }
  if (cands.some((c) => c.type === 'md')) return 'md';
  // a single chapter (一、 with no 二、)
  for (const t of styles) if (cands.some((c) => c.type === t && c.ordinal === 1 && !c.inline)) return t;
  return null;
}

function rank(t: MarkerType): number {
  return RANK[t] ?? 99;
}

export interface OutlineOptions {
  topType: MarkerType | null;
  /** End of the text content (sections of the last heading run to it). */
  textEnd: number;
  text: string;
}

/** Builds the tree; run-in candidates are kept only in groups of at least two siblings. */
export function buildOutline(cands: readonly HeadingCandidate[], opts: OutlineOptions): Section[] {
  const root: Root = { children: [] };
  const stack: Node[] = [];
  let pending: HeadingCandidate[] = [];
  let pendingParent: Root | Node = root;
  let anchored = false;
  const { topType } = opts;

  const top = (): Root | Node => (stack.length > 0 ? stack[stack.length - 1] : root);

  // Text between a heading and the next structural heading (run-ins aside).
  const structural = cands.filter((c) => c.type !== 'runin');
  const order = new Map<HeadingCandidate, number>(structural.map((c, i) => [c, i]));
  const bodyLength = (c: HeadingCandidate): number => {
    const i = order.get(c);
    const next = i !== undefined ? structural[i + 1] : undefined;
    return Math.max(0, (next ? next.start : opts.textEnd) - c.end);
  };
  const nextOfType = (c: HeadingCandidate): HeadingCandidate | undefined => {
    const i = order.get(c);
    if (i === undefined) return undefined;
    for (let k = i + 1; k < structural.length; k++) {
      const n = structural[k];
      if (n.type === c.type) return n;
      if (rank(n.type) < rank(c.type)) return undefined;
    }
    return undefined;
  };

  const flush = () => {
    if (pending.filter((p) => p.core).length >= 2) {
      for (const p of pending) pendingParent.children.push({ c: p, children: [] });
    }
    pending = [];
  };

  /** Index in `stack` of the new heading's parent (-1 = root), or null to reject it. */
  const decide = (c: HeadingCandidate): number | null => {
    const isAnchor =
      c.type === 'preface' ||
      c.type === 'closing' ||
      (c.type === topType && (c.ordinal === 1 || c.type === 'md')) ||
      (c.type === 'zhang' && c.ordinal === 1);
    if (!anchored && !isAnchor) return null; // front matter (notice, 附件 header, title page)
    switch (c.type) {
      case 'preface': {
        // one preface, before the body proper
        const started = root.children.some((n) => n.c.type === topType || n.c.type === 'preface');
        return started ? null : -1;
      }
      case 'closing':
      case 'annex':
      case 'annexTable':
        return -1;
      case 'box': {
        const boxAt = findLastIndex(stack, (n) => n.c.type === 'box');
        return boxAt >= 0 ? boxAt - 1 : stack.length - 1;
      }
      case 'md': {
        return findLastIndex(stack, (n) => n.c.type === 'md' && n.c.depth < c.depth);
      }
      default:
        break;
    }
    if (!isNumbered(c.type) || c.ordinal === null) return null;
    const k = c.ordinal;
    // 1. continues an open list
    const matches: number[] = [];
    stack.forEach((n, i) => {
      if (n.c.type === c.type && n.c.ordinal === k - 1) matches.push(i);
    });
    if (matches.length > 0) {
      // Several open lists of the same style (chapters 一、 and an 一、 list nested in a
      // section): the TOC decides, else the one whose headings look alike (a line of their
      // own, short), else by the length of their bodies.
      const conf = matches.filter((i) => stack[i].c.confirmed);
      if (c.confirmed && conf.length > 0) return conf[0] - 1;
      const alike = matches.filter((i) => headingShaped(stack[i].c) === headingShaped(c));
      const pool = alike.length > 0 ? alike : matches;
      if (pool.length === 1) return pool[0] - 1;
      // …else the list whose items carry bodies of a similar length (a 专栏's short items vs the
      // section's long ones)
      const mine = Math.log(bodyLength(c) + 20);
      let best = pool[pool.length - 1];
      let bestDist = Infinity;
      for (const i of [...pool].reverse()) {
        const parent: Root | Node = i > 0 ? stack[i - 1] : root;
        const sibs = parent.children.filter((n) => n.c.type === c.type);
        const avg = sibs.reduce((a, n) => a + Math.log(bodyLength(n.c) + 20), 0) / sibs.length;
        const dist = Math.abs(avg - mine);
        if (dist < bestDist - 1e-9) {
          best = i;
          bestDist = dist;
        }
      }
      return best - 1;
    }
    // 2. starts a new list
    if (k === 1) {
      if (c.type === topType && !stack.some((n) => n.c.type === topType)) {
        return stack.findIndex((n) => n.c.type === 'annex' || n.c.type === 'annexTable');
      }
      for (let j = stack.length - 1; j >= 0; j--) {
        const n = stack[j];
        if (n.c.type === c.type) return c.inline ? null : stack.length - 1;
        if (isContainer(n.c.type) || rank(n.c.type) < rank(c.type)) return j;
      }
      return -1;
    }
    // 3. a number skipped (the text jumps from （一） to （三）): only for a heading the TOC
    //    lists, or a line of its own that the next heading of its style continues (（三） → （四）)
    if (c.confirmed || (c.ownLine && !c.inline && nextOfType(c)?.ordinal === k + 1)) {
      const gap = findLastIndex(stack, (n) => n.c.type === c.type && n.c.ordinal !== null && n.c.ordinal < k - 1 && n.c.ordinal >= k - 3);
      if (gap >= 0) return gap - 1;
    }
    return null;
  };

  for (const c of cands) {
    if (c.type === 'runin') {
      if (!anchored) continue;
      if (pending.length === 0) pendingParent = top();
      pending.push(c);
      continue;
    }
    const parentAt = decide(c);
    if (parentAt === null) continue;
    flush();
    stack.length = parentAt + 1;
    const parent = parentAt >= 0 ? stack[parentAt] : root;
    const node: Node = { c, children: [] };
    parent.children.push(node);
    stack.push(node);
    anchored = true;
  }
  flush();
  return toSections(root.children, opts.textEnd, '', 1, opts.text);
}

/** A short line of its own, as chapter headings are (list items read like sentences). */
function headingShaped(c: HeadingCandidate): boolean {
  return c.ownLine && c.title.length <= 20;
}

function findLastIndex<T>(arr: readonly T[], pred: (x: T) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i])) return i;
  return -1;
}

function kindOf(t: MarkerType, level: number): SectionKind {
  switch (t) {
    case 'zhang':
      return 'chapter';
    case 'jie':
      return 'section';
    case 'cn':
      return level === 1 ? 'chapter' : 'item';
    case 'cnParen':
      return 'subitem';
    case 'num':
      return 'numbered';
    case 'numParen':
      return 'paren-numbered';
    case 'box':
      return 'box';
    case 'annex':
      return 'annex';
    case 'annexTable':
      return 'annex-table';
    case 'preface':
      return 'preface';
    case 'runin':
      return 'runin';
    case 'closing':
    case 'md':
      return 'heading';
  }
}

function toSections(nodes: readonly Node[], parentEnd: number, prefix: string, level: number, text: string): Section[] {
  return nodes.map((n, i) => {
    const id = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    let end = i + 1 < nodes.length ? nodes[i + 1].c.start : parentEnd;
    while (end > n.c.end && /\s/.test(text[end - 1])) end--;
    return {
      id,
      kind: kindOf(n.c.type, level),
      level,
      label: n.c.label,
      ordinal: n.c.ordinal,
      title: n.c.title,
      start: n.c.start,
      end,
      headingStart: n.c.start,
      headingEnd: n.c.end,
      children: toSections(n.children, end, id, level + 1, text),
    };
  });
}

/** All sections in document order (pre-order). */
export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const walk = (ss: readonly Section[]) => {
    for (const s of ss) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/** A heading as a reader writes it: 第一章 发展背景 · 一、发展背景 · （一）发展基础 · 1. xxx · 专栏1 xxx. */
export function headingText(s: Pick<Section, 'label' | 'title'>): string {
  const { label, title } = s;
  if (!label) return title;
  if (label.startsWith('第')) return `${label} ${title}`;
  if (/^[〇○零一二三四五六七八九十百]+$/.test(label)) return `${label}、${title}`;
  if (/^\d+$/.test(label)) return `${label}. ${title}`;
  if (/^[（(]/.test(label) || /^[\u2460-\u2473]$/.test(label)) return `${label}${title}`;
  return title ? `${label} ${title}` : label;
}

export interface OutlineTextOptions {
  /** Print only this many levels (1 = top level only). */
  maxLevel?: number;
  /** Include run-in headings (default true). */
  runins?: boolean;
}

/** Indented readable outline, two spaces per level: `一、发展背景\n  （一）发展基础\n…`. */
export function outlineToText(sections: readonly Section[], opts: OutlineTextOptions = {}): string {
  const lines: string[] = [];
  const walk = (ss: readonly Section[]) => {
    for (const s of ss) {
      if (opts.maxLevel !== undefined && s.level > opts.maxLevel) continue;
      if (s.kind === 'runin' && opts.runins === false) continue;
      lines.push(`${'  '.repeat(s.level - 1)}${headingText(s)}`);
      walk(s.children);
    }
  };
  walk(sections);
  return lines.join('\n');
}
