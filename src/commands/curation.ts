// Review commands: accept, correct, reject a finding, or add one the extractors missed.
// Each validates its input, writes one decision record and one audit record in one transaction.
import { and, desc, eq } from 'drizzle-orm';
import { findingKeys, neighbourhood, quoteKeyOf, type DecisionAction } from '../core/curation';
import { FieldError, validateAddition, validateCorrection } from '../core/finding-fields';
import { NotFoundError } from '../core/errors';
import type { FindingKind } from '../core/findings';
import type { Store } from '../store/db';
import { getFindingRow } from '../store/findings';
import { auditLog, decisions, plans, planVersions } from '../store/schema';

export { parseKind } from '../core/kinds/index';

export interface DecideInput {
  findingId: number;
  action: Exclude<DecisionAction, 'add'>;
  /** For correct: the fields to change. */
  fields?: Record<string, unknown>;
  note?: string;
  actor?: string;
}

export async function decideFinding(store: Store, input: DecideInput): Promise<{ decisionId: number; kind: string; identity: string }> {
  const row = await getFindingRow(store, input.findingId);
  if (!row) throw new NotFoundError(`no finding with id ${input.findingId} (ids change when a plan is re-extracted: list them with planatlas findings PLAN)`);
  const f = row.f;
  let fields: Record<string, unknown> = {};
  if (input.action === 'correct') {
    if (!input.fields || !Object.keys(input.fields).length) throw new FieldError('correct: give at least one field to change (field=value)', 'fields');
    fields = validateCorrection(f.kind as FindingKind, input.fields);
  }
  const { before, after } = neighbourhood(row.text, f.start, f.end);
  const actor = input.actor ?? 'cli';
  return store.db.transaction(async (tx) => {
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
    return { decisionId: d.id, kind: f.kind, identity: f.identity };
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

export async function addFinding(store: Store, input: AddInput): Promise<{ decisionId: number; start: number; end: number }> {
  const [p] = await store.db
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
  return store.db.transaction(async (tx) => {
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
    return { decisionId: d.id, start, end };
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
export async function decideAddition(store: Store, input: DecideAdditionInput): Promise<{ decisionId: number; kind: string; identity: string }> {
  const [add] = await store.db
    .select()
    .from(decisions)
    .where(and(eq(decisions.planId, input.planId), eq(decisions.identity, input.identity), eq(decisions.action, 'add')))
    .orderBy(desc(decisions.id))
    .limit(1);
  if (!add) throw new NotFoundError(`no addition with key ${input.identity} in plan ${input.planId}`);
  let fields: Record<string, unknown> = {};
  if (input.action === 'correct') {
    if (!input.fields || !Object.keys(input.fields).length) throw new FieldError('correct: give at least one field to change (field=value)', 'fields');
    fields = validateCorrection(add.kind as FindingKind, input.fields);
  }
  const [p] = await store.db.select({ versionId: plans.currentVersionId }).from(plans).where(eq(plans.id, input.planId));
  const actor = input.actor ?? 'cli';
  return store.db.transaction(async (tx) => {
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
        versionId: p?.versionId ?? add.versionId,
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
    return { decisionId: d.id, kind: add.kind, identity: add.identity };
  });
}
