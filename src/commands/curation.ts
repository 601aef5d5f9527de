// Review commands: accept, correct, reject a finding, or add one the extractors missed.
// Each validates its input, writes one decision record and one audit record in one transaction:
// the caller's (opts.tx), so it can combine commands atomically, or its own.
import { and, desc, eq } from 'drizzle-orm';
import { findingKeys, neighbourhood, quoteKeyOf, type DecisionAction } from '../core/curation';
import { FieldError, validateAddition, validateCorrection } from '../core/finding-fields';
import { NotFoundError } from '../core/errors';
import type { FindingKind } from '../core/findings';
import { inTransaction, readerOf, type CommandOptions, type Store } from '../store/db';
import { refreshPlanFindings } from '../store/effective';
import { getFindingRow } from '../store/findings';
import { auditLog, decisions, findings, plans, planVersions } from '../store/schema';

export { parseKind } from '../core/kinds/index';

export interface DecideInput {
  findingId: number;
  action: Exclude<DecisionAction, 'add'>;
  /** For correct: the fields to change. */
  fields?: Record<string, unknown>;
  note?: string;
  actor?: string;
}

export interface DecisionResult {
  decisionId: number;
  kind: string;
  identity: string;
  /** The version the decision was made on (the finding's, or the plan's current one for an addition). */
  versionId: number | null;
}

/** What a reviewer decides about: a finding by its row id, or by its stable key in a plan (an extractor's finding or a person's addition). */
export type DecisionTarget = { findingId: number } | { planId: number; key: string };

export interface DecisionInput {
  target: DecisionTarget;
  action: Exclude<DecisionAction, 'add'>;
  /** For correct: the fields to change (at least one). */
  fields?: Record<string, unknown>;
  note?: string;
  actor?: string;
}

/**
 * The one review command: accept, reject or correct what `target` names. A key names an
 * extractor's finding of the plan's current version, else a person's addition (whose correction
 * changes its fields and whose rejection withdraws it). Every edge (HTTP, CLI) calls this.
 */
export async function decide(store: Store, input: DecisionInput, opts: CommandOptions = {}): Promise<DecisionResult> {
  const { target, ...rest } = input;
  if ('findingId' in target) return decideFinding(store, { findingId: target.findingId, ...rest }, opts);
  const db = readerOf(store, opts);
  const [f] = await db
    .select({ id: findings.id })
    .from(findings)
    .innerJoin(plans, eq(plans.currentVersionId, findings.versionId))
    .where(and(eq(plans.id, target.planId), eq(findings.identity, target.key)))
    .limit(1);
  if (f) return decideFinding(store, { findingId: f.id, ...rest }, opts);
  const [last] = await db
    .select({ action: decisions.action })
    .from(decisions)
    .where(and(eq(decisions.planId, target.planId), eq(decisions.identity, target.key)))
    .orderBy(desc(decisions.id))
    .limit(1);
  if (!last || last.action === 'reject') throw new NotFoundError(`the plan has no finding with key ${target.key}`, 'key');
  return decideAddition(store, { planId: target.planId, identity: target.key, ...rest }, opts);
}

/** A correction must change something; its fields must fit the kind. Other actions carry no fields. */
function checkedFields(kind: string, action: DecideInput['action'], fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (action !== 'correct') return {};
  if (!fields || !Object.keys(fields).length) throw new FieldError('correct: give at least one field to change (field=value)', 'fields');
  return validateCorrection(kind as FindingKind, fields);
}

export async function decideFinding(store: Store, input: DecideInput, opts: CommandOptions = {}): Promise<DecisionResult> {
  const row = await getFindingRow(readerOf(store, opts), input.findingId);
  if (!row) throw new NotFoundError(`no finding with id ${input.findingId} (ids change when a plan is re-extracted: list them with planatlas findings PLAN)`, 'id');
  const f = row.f;
  const fields = checkedFields(f.kind, input.action, input.fields);
  const { before, after } = neighbourhood(row.text, f.start, f.end);
  const actor = input.actor ?? 'cli';
  return inTransaction(store, opts, async (tx) => {
    const [d] = await tx
      .insert(decisions)
      .values({
        planId: f.planId,
        kind: f.kind,
        identity: f.identity,
        quoteKey: f.quoteKey,
        action: input.action,
        fields,
        quote: f.quote,
        before,
        after,
        versionId: f.versionId,
        start: f.start,
        end: f.end,
        note: input.note ?? null,
        actor,
      })
      .returning({ id: decisions.id });
    await tx.insert(auditLog).values({
      actor,
      command: `${input.action}Finding`,
      subject: `plan:${f.planId}`,
      details: { findingId: f.id, kind: f.kind, identity: f.identity, fields, note: input.note ?? null },
    });
    await refreshPlanFindings(tx, f.planId);
    return { decisionId: d.id, kind: f.kind, identity: f.identity, versionId: f.versionId };
  });
}

export interface AddInput {
  planId: number;
  kind: FindingKind;
  /** Exact text of the finding in the plan's current normalized text. */
  quote: string;
  /** Which occurrence of the quote (1-based) when it appears more than once. */
  occurrence?: number;
  fields: Record<string, unknown>;
  note?: string;
  actor?: string;
}

export async function addFinding(store: Store, input: AddInput, opts: CommandOptions = {}): Promise<{ decisionId: number; versionId: number; start: number; end: number }> {
  const [p] = await readerOf(store, opts)
    .select({ versionId: plans.currentVersionId, text: planVersions.text })
    .from(plans)
    .innerJoin(planVersions, eq(planVersions.id, plans.currentVersionId))
    .where(eq(plans.id, input.planId));
  if (!p || p.versionId == null) throw new NotFoundError(`no plan with id ${input.planId}`);
  const quote = input.quote.trim();
  if (!quote) throw new FieldError('add: quote is empty', 'quote');
  const hits: number[] = [];
  for (let i = p.text.indexOf(quote); i >= 0; i = p.text.indexOf(quote, i + 1)) hits.push(i);
  if (!hits.length) throw new FieldError(`add: the quote «${quote}» is not in the plan's text`, 'quote');
  const n = input.occurrence ?? 1;
  if (hits.length > 1 && input.occurrence == null) {
    throw new FieldError(`add: the quote occurs ${hits.length} times; say which occurrence (1–${hits.length})`, 'occurrence');
  }
  const start = hits[n - 1];
  if (start == null) throw new FieldError(`add: occurrence ${n} asked, the quote occurs ${hits.length} times`, 'occurrence');
  const end = start + quote.length;
  const data = validateAddition(input.kind, input.fields);
  const [{ identity }] = findingKeys(p.text, [{ kind: `added:${input.kind}`, start, end }]);
  const { before, after } = neighbourhood(p.text, start, end);
  const actor = input.actor ?? 'cli';
  return inTransaction(store, opts, async (tx) => {
    const [d] = await tx
      .insert(decisions)
      .values({
        planId: input.planId,
        kind: input.kind,
        identity,
        quoteKey: quoteKeyOf(input.kind, quote),
        action: 'add',
        fields: data,
        quote,
        before,
        after,
        versionId: p.versionId,
        start,
        end,
        note: input.note ?? null,
        actor,
      })
      .returning({ id: decisions.id });
    await tx.insert(auditLog).values({ actor, command: 'addFinding', subject: `plan:${input.planId}`, details: { kind: input.kind, quote, data } });
    await refreshPlanFindings(tx, input.planId);
    return { decisionId: d.id, versionId: p.versionId!, start, end };
  });
}

export interface DecideAdditionInput {
  planId: number;
  /** The addition's stable identity (its key in the API). */
  identity: string;
  action: Exclude<DecisionAction, 'add'>;
  fields?: Record<string, unknown>;
  note?: string;
  actor?: string;
}

/**
 * Accept, correct or withdraw (reject) a finding a person added. The decision repeats the
 * addition's quote and neighbourhood, so it follows the addition into later versions.
 */
export async function decideAddition(store: Store, input: DecideAdditionInput, opts: CommandOptions = {}): Promise<DecisionResult> {
  const db = readerOf(store, opts);
  const [add] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.planId, input.planId), eq(decisions.identity, input.identity), eq(decisions.action, 'add')))
    .orderBy(desc(decisions.id))
    .limit(1);
  if (!add) throw new NotFoundError(`no addition with key ${input.identity} in plan ${input.planId}`, 'key');
  const fields = checkedFields(add.kind, input.action, input.fields);
  const [p] = await db.select({ versionId: plans.currentVersionId }).from(plans).where(eq(plans.id, input.planId));
  const versionId = p?.versionId ?? add.versionId;
  const actor = input.actor ?? 'cli';
  return inTransaction(store, opts, async (tx) => {
    const [d] = await tx
      .insert(decisions)
      .values({
        planId: add.planId,
        kind: add.kind,
        identity: add.identity,
        quoteKey: add.quoteKey,
        action: input.action,
        fields,
        quote: add.quote,
        before: add.before,
        after: add.after,
        versionId,
        start: add.start,
        end: add.end,
        note: input.note ?? null,
        actor,
      })
      .returning({ id: decisions.id });
    await tx.insert(auditLog).values({
      actor,
      command: `${input.action}Addition`,
      subject: `plan:${add.planId}`,
      details: { kind: add.kind, identity: add.identity, fields, note: input.note ?? null },
    });
    await refreshPlanFindings(tx, add.planId);
    return { decisionId: d.id, kind: add.kind, identity: add.identity, versionId };
  });
}
