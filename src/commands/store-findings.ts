// Writes the extractor output of one version into `findings` (replacing what was there).
// Decisions are not touched: they are applied again to the new rows (store/effective.ts).
import { eq } from 'drizzle-orm';
import type { AnyFinding } from '../core/findings';
import { findingKeys } from '../core/curation';
import type { PlanText } from '../core/types';
import { toSourceOffset } from '../ingest/index';
import type { Tx } from '../store/db';
import { findings } from '../store/schema';
import { refreshEffectiveFindings } from '../store/effective';

export async function writeFindings(tx: Tx, planId: number, versionId: number, text: PlanText, items: readonly AnyFinding[]): Promise<number> {
  await tx.delete(findings).where(eq(findings.versionId, versionId));
  const keys = findingKeys(text.text, items);
  const rows = items.map((f, i) => ({
    versionId,
    planId,
    kind: f.kind,
    identity: keys[i].identity,
    quoteKey: keys[i].quoteKey,
    start: f.start,
    end: f.end,
    sourceStart: toSourceOffset(text.map, f.start),
    sourceEnd: toSourceOffset(text.map, f.end, 'end'),
    quote: text.text.slice(f.start, f.end),
    section: f.section,
    confidence: f.confidence,
    flags: f.flags,
    rule: f.rule ?? null,
    evidence: f.evidence ?? [],
    data: f.data as unknown as Record<string, unknown>,
  }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(findings).values(rows.slice(i, i + 500));
  await refreshEffectiveFindings(tx, versionId); // the findings as reviewed, in the same transaction
  return rows.length;
}
