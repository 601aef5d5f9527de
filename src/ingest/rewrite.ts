// A tiny rewrite engine: passes propose edits on the current text; applying them keeps an
// exact map back to the original source (like a source map), so every repair stays traceable.
//
// The current text is kept as a list of pieces. Each piece says where its characters came
// from in the source: copied pieces map 1:1, replaced pieces map as a whole. Because pieces
// always point at the *original* source, maps compose for free across any number of passes.
import type { OffsetMap, PlanText, Repair } from '../core/types';

/** How an edit is reported: one Repair each, folded into one summary Repair per rule, or not at all. */
export type RecordMode = 'each' | 'aggregate' | 'silent';

export interface Edit {
  /** Half-open span in the text the pass was given. */
  start: number;
  end: number;
  replacement: string;
  rule: string;
  message: string;
  record?: RecordMode;
}

interface Piece {
  nLen: number;
  s: number;
  sLen: number;
  copied: boolean;
  /** Indexes into Rewriter.records of the repairs that produced or absorbed this piece. */
  tags: number[] | null;
}

interface EditRecord {
  rule: string;
  message: string;
  record: RecordMode;
  sourceStart: number;
  sourceEnd: number;
  after: string;
}

export class Rewriter {
  readonly source: string;
  private pieces: Piece[];
  private current: string;
  private records: EditRecord[] = [];

  constructor(source: string) {
    this.source = source;
    this.current = source;
    this.pieces = source.length > 0 ? [{ nLen: source.length, s: 0, sLen: source.length, copied: true, tags: null }] : [];
  }

  get text(): string {
    return this.current;
  }

  /**
   * Apply non-overlapping edits (positions in the current text). Overlapping edits are a bug
   * in the pass and throw. An edit that cuts into an earlier replacement of different length
   * is widened to cover it whole (such a run cannot be split without inventing a mapping).
   */
  apply(edits: readonly Edit[]): void {
    const text = this.current;
    const sorted = edits
      .filter((e) => !(e.start === e.end && e.replacement === ''))
      .slice()
      .sort((a, b) => a.start - b.start || a.end - b.end);
    if (sorted.length === 0) return;
    for (let i = 0; i < sorted.length; i++) {
      const e = sorted[i];
      if (e.start < 0 || e.end < e.start || e.end > text.length) {
        throw new RangeError(`rewrite: edit [${e.start}, ${e.end}) outside text of length ${text.length} (rule ${e.rule})`);
      }
      if (i > 0 && e.start < sorted[i - 1].end) {
        throw new RangeError(`rewrite: overlapping edits at ${e.start} (rules ${sorted[i - 1].rule}, ${e.rule})`);
      }
    }

    const old = this.pieces;
    const starts = new Array<number>(old.length);
    {
      let n = 0;
      for (let i = 0; i < old.length; i++) {
        starts[i] = n;
        n += old[i].nLen;
      }
    }
    // Widen, then group edits whose widened ranges overlap into one applied change.
    const groups: Array<{ a: number; b: number; edits: Edit[] }> = [];
    for (const e of sorted) {
      const a = this.widenLeft(e.start, starts);
      const b = this.widenRight(e.end, starts);
      const last = groups[groups.length - 1];
      if (last && a < last.b) {
        last.b = Math.max(last.b, b);
        last.edits.push(e);
      } else groups.push({ a, b, edits: [e] });
    }

    const out: Piece[] = [];
    const chunks: string[] = [];
    let pi = 0;
    let pos = 0; // how far old pieces have been emitted or consumed
    let tcur = 0; // how far the current text has been copied into chunks
    const emitPart = (p: Piece, from: number, to: number): void => {
      if (from === 0 && to === p.nLen) out.push(p);
      else out.push({ nLen: to - from, s: p.s + from, sLen: to - from, copied: p.copied, tags: p.tags });
    };
    // Copy old pieces over [pos, to); zero-length pieces exactly at `to` stay for later.
    const emitUntil = (to: number): void => {
      while (pi < old.length && pos < to) {
        const p = old[pi];
        const pEnd = starts[pi] + p.nLen;
        const take = Math.min(to, pEnd);
        emitPart(p, pos - starts[pi], take - starts[pi]);
        pos = take;
        if (pos === pEnd) pi++;
      }
    };
    const flushZeroAt = (): void => {
      while (pi < old.length && old[pi].nLen === 0 && starts[pi] === pos) out.push(old[pi++]);
    };

    for (const g of groups) {
      emitUntil(g.a);
      flushZeroAt();
      chunks.push(text.slice(tcur, g.a));
      // Replacement: original text around and between the grouped edits, with their replacements.
      const parts: string[] = [];
      let cursor = g.a;
      for (const e of g.edits) {
        parts.push(text.slice(cursor, e.start), e.replacement);
        cursor = e.end;
      }
      parts.push(text.slice(cursor, g.b));
      const replacement = parts.join('');
      chunks.push(replacement);

      let s: number;
      let sEnd: number;
      let tags: number[] = [];
      if (g.a === g.b) {
        const prev = out[out.length - 1];
        s = prev ? prev.s + prev.sLen : 0;
        sEnd = s;
      } else {
        s = -1;
        sEnd = -1;
        while (pos < g.b) {
          const p = old[pi];
          const pEnd = starts[pi] + p.nLen;
          const from = pos - starts[pi];
          const to = Math.min(g.b, pEnd) - starts[pi];
          const splittable = p.copied || p.nLen === p.sLen;
          const ps = splittable ? p.s + from : p.s;
          const pe = splittable ? p.s + to : p.s + p.sLen;
          if (s < 0) s = ps;
          sEnd = pe;
          if (p.tags) tags = tags.concat(p.tags);
          pos = starts[pi] + to;
          if (pos === pEnd) pi++;
        }
      }
      for (const e of g.edits) {
        tags.push(this.records.length);
        this.records.push({
          rule: e.rule,
          message: e.message,
          record: e.record ?? 'each',
          sourceStart: s,
          sourceEnd: sEnd,
          after: e.replacement,
        });
      }
      out.push({ nLen: replacement.length, s, sLen: sEnd - s, copied: false, tags });
      pos = g.b;
      tcur = g.b;
    }
    emitUntil(text.length);
    while (pi < old.length) out.push(old[pi++]);
    chunks.push(text.slice(tcur));
    this.current = chunks.join('');
    this.pieces = mergePieces(out);
  }

  /** Index of the piece with content containing offset x strictly inside it, or -1. */
  private innerPiece(x: number, starts: number[]): number {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    const p = this.pieces[lo];
    if (!p) return -1;
    return starts[lo] < x && x < starts[lo] + p.nLen ? lo : -1;
  }

  private unsplittable(i: number): boolean {
    const p = this.pieces[i];
    return !p.copied && p.nLen !== p.sLen;
  }

  private widenLeft(a: number, starts: number[]): number {
    const i = this.innerPiece(a, starts);
    return i >= 0 && this.unsplittable(i) ? starts[i] : a;
  }

  private widenRight(b: number, starts: number[]): number {
    const i = this.innerPiece(b, starts);
    return i >= 0 && this.unsplittable(i) ? starts[i] + this.pieces[i].nLen : b;
  }

  /** The composed map from the current text back to the source. */
  map(): OffsetMap {
    const segments: OffsetMap['segments'] = [];
    let n = 0;
    for (const p of this.pieces) {
      segments.push([n, p.s, p.nLen, p.sLen]);
      n += p.nLen;
    }
    return { segments };
  }

  /** Repairs with spans in the current text; aggregated rules become one summary each. */
  repairs(): Repair[] {
    const spans = new Map<number, [number, number]>();
    let n = 0;
    for (const p of this.pieces) {
      if (p.tags) {
        for (const t of p.tags) {
          const cur = spans.get(t);
          if (cur) {
            cur[0] = Math.min(cur[0], n);
            cur[1] = Math.max(cur[1], n + p.nLen);
          } else spans.set(t, [n, n + p.nLen]);
        }
      }
      n += p.nLen;
    }
    const repairs: Repair[] = [];
    const aggregates = new Map<string, { count: number; messages: Map<string, number>; first: Repair }>();
    this.records.forEach((r, i) => {
      if (r.record === 'silent') return;
      const span = spans.get(i) ?? [0, 0];
      const repair: Repair = {
        rule: r.rule,
        start: span[0],
        end: span[1],
        sourceStart: r.sourceStart,
        sourceEnd: r.sourceEnd,
        before: this.source.slice(r.sourceStart, r.sourceEnd),
        after: r.after,
        message: r.message,
      };
      if (r.record === 'each') {
        repairs.push(repair);
        return;
      }
      const agg = aggregates.get(r.rule);
      if (agg) {
        agg.count++;
        agg.messages.set(r.message, (agg.messages.get(r.message) ?? 0) + 1);
      } else {
        aggregates.set(r.rule, { count: 1, messages: new Map([[r.message, 1]]), first: repair });
      }
    });
    for (const [rule, agg] of aggregates) {
      const parts = [...agg.messages].map(([m, c]) => `${m} (${c}×)`);
      repairs.push({
        rule,
        start: 0,
        end: 0,
        sourceStart: 0,
        sourceEnd: 0,
        before: '',
        after: '',
        message: `${agg.count} ${rule} change${agg.count === 1 ? '' : 's'} across the text: ${parts.join('; ')}. First at source offset ${agg.first.sourceStart}.`,
      });
    }
    repairs.sort((x, y) => x.start - y.start || x.end - y.end);
    return repairs;
  }
}

/** Merge neighbouring copied pieces that are contiguous in the source. */
function mergePieces(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.nLen === 0 && p.sLen === 0 && !p.tags) continue;
    const last = out[out.length - 1];
    if (last && last.copied && p.copied && !last.tags && !p.tags && last.s + last.sLen === p.s) {
      out[out.length - 1] = { ...last, nLen: last.nLen + p.nLen, sLen: last.sLen + p.sLen };
    } else out.push(p);
  }
  return out;
}

export type Bias = 'start' | 'end';

/**
 * Map a normalized offset to a source offset. With bias 'start' (default) an offset that
 * begins a character maps to where that character starts in the source; with 'end' an offset
 * that ends a character maps to where it ends. Inside a replaced run, 'start' gives the run's
 * source start and 'end' its source end. Both are monotone in `offset`.
 */
export function toSourceOffset(map: OffsetMap, offset: number, bias: Bias = 'start'): number {
  const segs = map.segments;
  if (segs.length === 0) return 0;
  const last = segs[segs.length - 1];
  if (bias === 'end') {
    if (offset <= 0) return segs[0][1];
    const i = segmentAt(segs, offset - 1);
    if (i < 0) return last[1] + last[3];
    const [n, s, nLen, sLen] = segs[i];
    return nLen === sLen ? s + (offset - n) : s + sLen;
  }
  const i = segmentAt(segs, offset);
  if (i < 0) return offset <= 0 ? segs[0][1] : last[1] + last[3];
  const [n, s, nLen, sLen] = segs[i];
  return nLen === sLen ? s + (offset - n) : s;
}

/**
 * Map a source offset to a normalized offset (the inverse of toSourceOffset): inside a copied run
 * the offsets map 1:1; inside a replaced or deleted run, the start of its normalized text.
 */
export function toNormalizedOffset(map: OffsetMap, sourceOffset: number): number {
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid][1] <= sourceOffset) lo = mid;
    else hi = mid - 1;
  }
  // several segments may start at one source offset (an insertion before a copied run): take the last
  const [n, s, nLen, sLen] = segs[lo];
  if (sourceOffset >= s + sLen) return n + nLen;
  return nLen === sLen ? n + (sourceOffset - s) : n;
}

/** Index of the segment whose normalized run contains the character at x, or -1. */
function segmentAt(segs: OffsetMap['segments'], x: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid][0] <= x) lo = mid;
    else hi = mid - 1;
  }
  const [n, , nLen] = segs[lo];
  return n <= x && x < n + nLen ? lo : -1;
}

/** The original text of a normalized span [start, end). */
export function sourceSpan(pt: Pick<PlanText, 'map' | 'source'>, start: number, end: number): { start: number; end: number; text: string } {
  const s = toSourceOffset(pt.map, start, 'start');
  const e = end === start ? s : Math.max(s, toSourceOffset(pt.map, end, 'end'));
  return { start: s, end: e, text: pt.source.slice(s, e) };
}

/** Apply edits to a string without keeping a map (for converters that only need the text). */
export function applyEditsToString(text: string, edits: readonly Edit[]): string {
  const sorted = edits.slice().sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    parts.push(text.slice(pos, e.start), e.replacement);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
