// Shapes the API returns for plans and findings, shared by the route modules.
import type { EffectiveFinding } from '../core/curation';
import { summarize } from '../core/finding-summary';
import { findPlan, type PlanSummary } from '../store/queries';
import type { Store } from '../store/db';
import { HttpError } from './errors';
import { AmbiguousError, NotFoundError } from '../core/errors';
import type { FindingDto, TimeFrameDto } from '../core/api-types';
import type { TimeFrame } from '../core/types';
import { ruleStatsOf } from '../core/rule-stats';

export type { FindingDto };


export function findingDto(f: EffectiveFinding, text: string): FindingDto {
  return {
    id: f.id,
    key: f.identity,
    kind: f.kind,
    start: f.start,
    end: f.end,
    quote: f.start == null ? (f.decision?.quote ?? '') : text.slice(f.start, f.end ?? f.start),
    summary: summarize(f.kind, f.data),
    confidence: f.confidence,
    flags: f.flags,
    rule: f.rule,
    ruleStats: ruleStatsOf(f.kind, f.rule),
    evidence: f.evidence.map((e) => ({ role: e.role, start: e.start, end: e.end, quote: text.slice(e.start, e.end) })),
    data: f.data,
    extracted: f.extracted,
    status: f.status,
    decision: f.decision
      ? { action: f.decision.action, actor: f.decision.actor, at: new Date(f.decision.createdAt).toISOString(), note: f.decision.note }
      : null,
  } as FindingDto; // kind and data come from the same finding
}

/** A stored time frame as the API gives it (only the documented fields); null for versions stored before frames were kept. */
export function frameDto(f: TimeFrame | null | undefined): TimeFrameDto | null {
  if (!f) return null;
  return {
    docType: f.docType,
    period: f.period ? [f.period[0], f.period[1]] : null,
    horizon: f.horizon,
    currentYear: f.currentYear,
    milestones: [...f.milestones],
    parts: f.parts.map((p) => ({ start: p.start, end: p.end, year: p.year, tense: p.tense, evidence: { start: p.evidence.start, end: p.evidence.end } })),
  };
}

/** The plan a URL names (slug, id or a unique part of the title), or a 404. */
export async function planOr404(store: Store, ref: string): Promise<PlanSummary & { currentVersionId: number }> {
  let p: PlanSummary;
  try {
    p = await findPlan(store, ref);
  } catch (e) {
    // Only "no such plan" is a 404; a database failure goes on to the error handler (503/500).
    if (e instanceof NotFoundError) throw new HttpError(404, 'not-found', e.message.split('\n')[0]);
    if (e instanceof AmbiguousError) throw new HttpError(400, 'ambiguous', e.message.split('\n')[0]);
    throw e;
  }
  if (p.currentVersionId == null) throw new HttpError(404, 'not-found', `plan ${ref} has no stored version`);
  return p as PlanSummary & { currentVersionId: number };
}

/** The sentence around a span: from the previous 。！？；or line break to the next one (for review and search). */
export function sentenceAround(text: string, start: number, end: number, max = 240): { text: string; start: number; end: number } {
  let a = start;
  while (a > 0 && a > start - max && !/[。！？；\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b < end + max && !/[。！？；\n]/.test(text[b])) b++;
  if (b < text.length && text[b] !== '\n') b++;
  return { text: text.slice(a, b), start: a, end: b };
}
