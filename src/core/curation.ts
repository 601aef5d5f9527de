// Curation is data, not a patch: people's decisions are records keyed to a finding's stable
// identity, and are applied to whatever the extractors produce now. Pure functions only.
import { createHash } from 'node:crypto';
import type { FindingDataMap, FindingEvidence, FindingKind } from './findings';

/** Text compared for identity: whitespace dropped, so re-flowed lines keep their identity. */
export function normalizeQuote(s: string): string {
  return s.replace(/\s+/g, '');
}

const NEIGHBOURHOOD = 12;

/** The normalized text just before and after a span (the span's neighbourhood). */
export function neighbourhood(text: string, start: number, end: number): { before: string; after: string } {
  return {
    before: normalizeQuote(text.slice(Math.max(0, start - 4 * NEIGHBOURHOOD), start)).slice(-NEIGHBOURHOOD),
    after: normalizeQuote(text.slice(end, end + 4 * NEIGHBOURHOOD)).slice(0, NEIGHBOURHOOD),
  };
}

const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 20);

export interface FindingKeys {
  /** kind + quote + neighbourhood (+ an ordinal when one span yields several findings of a kind). */
  identity: string;
  /** kind + quote only: the looser key used when the neighbourhood changed between versions. */
  quoteKey: string;
}

export function quoteKeyOf(kind: FindingKind | string, quote: string): string {
  return hash(`${kind}\u0000${normalizeQuote(quote)}`);
}

/**
 * Stable keys for the findings of one version, in extractor order. Findings that share kind,
 * quote and neighbourhood (one table row → a level and a growth target) get ordinals #2, #3 …
 */
export function findingKeys(text: string, items: ReadonlyArray<{ kind: string; start: number; end: number }>): FindingKeys[] {
  const seen = new Map<string, number>();
  return items.map((f) => {
    const quote = text.slice(f.start, f.end);
    const { before, after } = neighbourhood(text, f.start, f.end);
    const base = hash(`${f.kind}\u0000${normalizeQuote(quote)}\u0000${before}\u0000${after}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { identity: n === 1 ? base : `${base}#${n}`, quoteKey: quoteKeyOf(f.kind, quote) };
  });
}

export type DecisionAction = 'accept' | 'correct' | 'reject' | 'add';
export type ReviewStatus = 'pending' | 'accepted' | 'corrected' | 'rejected' | 'added';

/** A person's decision about a finding of kind K: `fields` are the corrected fields (add: all of them). */
export interface DecisionRecordOf<K extends FindingKind> {
  id: number;
  kind: K;
  identity: string;
  quoteKey: string;
  action: DecisionAction;
  fields: Partial<FindingDataMap[K]>;
  quote: string;
  before: string;
  after: string;
  note: string | null;
  actor: string;
  createdAt: Date;
}

/** A decision about a finding of kind K (default: any kind, a union that narrows on `kind`). */
export type DecisionRecord<K extends FindingKind = FindingKind> = { [P in K]: DecisionRecordOf<P> }[K];

/** A finding of kind K as stored (its data was validated by the kind's schema when it was made). */
export interface ExtractedRecordOf<K extends FindingKind> {
  id: number;
  kind: K;
  identity: string;
  quoteKey: string;
  start: number;
  end: number;
  confidence: number;
  flags: string[];
  /** The extraction rule that made it; null (or absent) where no one rule did or for rows stored before rules were recorded. */
  rule?: string | null;
  /** Where its fields were read beyond its own span (the year's clause, heading or frame). */
  evidence?: FindingEvidence[];
  data: FindingDataMap[K];
}

/** A stored finding of kind K (default: any kind, a union that narrows on `kind`). */
export type ExtractedRecord<K extends FindingKind = FindingKind> = { [P in K]: ExtractedRecordOf<P> }[K];

/** A finding as it stands after people's decisions, its data typed by its kind. */
export interface EffectiveFindingOf<K extends FindingKind> {
  /** Finding row id; null for a person's addition. */
  id: number | null;
  kind: K;
  identity: string;
  start: number | null;
  end: number | null;
  confidence: number;
  flags: string[];
  /** The extraction rule that made it; null for a person's addition, for kinds no rule makes, and for rows stored before rules were recorded. */
  rule: string | null;
  /** Where the extractor read its fields beyond its own span (role 'year'); empty for an addition. */
  evidence: FindingEvidence[];
  /** Extractor data with a person's corrections applied. */
  data: FindingDataMap[K];
  /** What the extractor said, where a person corrected it. */
  extracted: FindingDataMap[K] | null;
  status: ReviewStatus;
  /** The decision in force, if any. */
  decision: DecisionRecord<K> | null;
}

/** An effective finding of kind K (default: of any kind, a union that narrows on `kind`). */
export type EffectiveFinding<K extends FindingKind = FindingKind> = { [P in K]: EffectiveFindingOf<P> }[K];

export interface MergeResult<K extends FindingKind = FindingKind> {
  findings: Array<EffectiveFinding<K>>;
  /** Decisions about findings that this version no longer has (the text changed there): kept, shown for re-check. */
  orphans: Array<DecisionRecord<K>>;
}

/**
 * Applies decisions to the findings extracted from one version. The latest decision per identity
 * wins. A decision finds its finding by identity, else by quote when exactly one finding of that
 * kind has the quote (the neighbourhood changed in a new version). An addition is anchored to its
 * quote in the version's text, preferring the occurrence with the same neighbourhood. A person's
 * addition can itself be decided on later: a correction changes its fields, a rejection withdraws
 * it, an acceptance leaves it as it is.
 */
export function applyDecisions(text: string, extracted: readonly ExtractedRecord[], decisions: readonly DecisionRecord[]): MergeResult {
  const latest = new Map<string, DecisionRecord>();
  /** Per addition identity: its fields with later corrections applied, in decision order. */
  const additions = new Map<string, DecisionRecord>();
  for (const d of [...decisions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)) {
    const k = `${d.kind}\u0000${d.identity}`;
    const add = additions.get(k);
    if (d.action === 'add') additions.set(k, d);
    else if (add && d.action === 'correct') additions.set(k, { ...add, fields: { ...add.fields, ...d.fields } } as DecisionRecord); // same kind: same identity
    latest.set(k, d);
  }
  const byIdentity = new Map(extracted.map((f) => [`${f.kind}\u0000${f.identity}`, f]));
  const byQuote = new Map<string, ExtractedRecord[]>();
  for (const f of extracted) byQuote.set(f.quoteKey, [...(byQuote.get(f.quoteKey) ?? []), f]);

  const applied = new Map<number, DecisionRecord>();
  const orphans: DecisionRecord[] = [];
  const added: EffectiveFinding[] = [];
  for (const [k, last] of latest) {
    const add = additions.get(k);
    if (add) {
      if (last.action === 'reject') continue; // withdrawn by a person
      const at = anchor(text, add);
      if (!at) {
        orphans.push(add);
        continue;
      }
      added.push({
        id: null,
        kind: add.kind,
        identity: add.identity,
        start: at.start,
        end: at.end,
        confidence: 1,
        flags: ['added_by_reviewer'],
        rule: null,
        evidence: [],
        data: add.fields,
        extracted: null,
        status: 'added',
        decision: last.action === 'add' ? add : { ...last, fields: add.fields },
      } as EffectiveFinding); // an addition's fields are its whole data (validateAddition), of its decisions' kind
      continue;
    }
    const d = last;
    let f = byIdentity.get(`${d.kind}\u0000${d.identity}`);
    if (!f) {
      const same = byQuote.get(d.quoteKey) ?? [];
      if (same.length === 1 && !latest.has(`${d.kind}\u0000${same[0].identity}`)) f = same[0];
    }
    if (f && !applied.has(f.id)) applied.set(f.id, d);
    else orphans.push(d);
  }

  const findings: EffectiveFinding[] = extracted.map((f) => {
    const d = applied.get(f.id) ?? null;
    const status: ReviewStatus = !d ? 'pending' : d.action === 'accept' ? 'accepted' : d.action === 'reject' ? 'rejected' : 'corrected';
    const corrected = d?.action === 'correct';
    return {
      id: f.id,
      kind: f.kind,
      identity: f.identity,
      start: f.start,
      end: f.end,
      confidence: f.confidence,
      flags: f.flags,
      rule: f.rule ?? null,
      evidence: f.evidence ?? [],
      data: corrected ? { ...f.data, ...d.fields } : f.data,
      extracted: corrected ? f.data : null,
      status,
      decision: d,
    } as EffectiveFinding; // a decision applies only to a finding of its own kind (the kind is part of its key)
  });
  const all = [...findings, ...added].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return { findings: all, orphans };
}

/** Where an added finding's quote is in this text: the occurrence whose neighbourhood fits best. */
function anchor(text: string, d: Pick<DecisionRecord, 'quote' | 'before' | 'after'>): { start: number; end: number } | null {
  if (!d.quote) return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (let i = text.indexOf(d.quote); i >= 0; i = text.indexOf(d.quote, i + 1)) {
    const n = neighbourhood(text, i, i + d.quote.length);
    const score = commonSuffix(n.before, d.before) + commonPrefix(n.after, d.after);
    if (!best || score > best.score) best = { start: i, end: i + d.quote.length, score };
  }
  return best && { start: best.start, end: best.end };
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
