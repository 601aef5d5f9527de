// reportTaskProgress: a unit posts its progress on a task of a plan (a duty, by its stable key)
// for a reporting period, with an optional attachment. Validated, one transaction, audited.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { FieldError, NotFoundError } from '../core/errors';
import type { DutyData } from '../core/findings';
import { formatBytes } from '../ingest/errors';
import { PROGRESS_LABELS, type ProgressStatus } from '../monitor/tasks';
import { inTransaction, readerOf, type CommandOptions, type Store } from '../store/db';
import { getEffectiveFindings } from '../store/findings';
import { auditLog, files, plans, taskUpdates } from '../store/schema';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const PERIOD = /^(19|20)\d{2}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export interface TaskProgressInput {
  planId: number;
  taskKey: string;
  unit: string;
  /** Reporting period key: 2025, 2025H1, 2025Q3 or 2025-06. */
  period: string;
  status: ProgressStatus;
  percent?: number | null;
  text?: string;
  attachment?: { fileName: string; bytes: Uint8Array } | null;
  actor?: string;
}

export async function reportTaskProgress(store: Store, input: TaskProgressInput, opts: CommandOptions = {}): Promise<{ id: number }> {
  const db = readerOf(store, opts);
  const [p] = await db.select({ versionId: plans.currentVersionId }).from(plans).where(eq(plans.id, input.planId));
  if (!p?.versionId) throw new NotFoundError(`no plan with id ${input.planId}`, 'plan');
  const duty = (await getEffectiveFindings(store, p.versionId, 'duty')).findings.find((f) => f.identity === input.taskKey && f.status !== 'rejected');
  if (!duty) throw new NotFoundError(`the plan has no task with key ${input.taskKey}`, 'taskKey');
  const d = duty.data as unknown as DutyData;
  const unit = input.unit?.trim();
  if (!unit) throw new FieldError('unit: say which unit reports', 'unit');
  if (![...d.lead, ...d.support].includes(unit)) throw new FieldError(`unit: ${unit} is neither a lead (${d.lead.join('、') || '—'}) nor a supporting unit (${d.support.join('、') || '—'}) of this task`, 'unit');
  if (!PERIOD.test(input.period ?? '')) throw new FieldError(`period: "${input.period}" is not a reporting period (2025, 2025H1, 2025Q3 or 2025-06)`, 'period');
  if (!(input.status in PROGRESS_LABELS)) throw new FieldError(`status: "${input.status}" is not one of ${Object.keys(PROGRESS_LABELS).join(', ')}`, 'status');
  const percent = input.percent ?? null;
  if (percent != null && (!Number.isInteger(percent) || percent < 0 || percent > 100)) throw new FieldError('percent: a whole number from 0 to 100', 'percent');
  const text = (input.text ?? '').trim();
  if (text.length > 4000) throw new FieldError('text: at most 4000 characters', 'text');
  const att = input.attachment;
  if (att && att.bytes.length === 0) throw new FieldError(`attachment: ${att.fileName} is empty`, 'attachment');
  if (att && att.bytes.length > MAX_ATTACHMENT_BYTES) throw new FieldError(`attachment: ${att.fileName} is ${formatBytes(att.bytes.length)}, more than ${formatBytes(MAX_ATTACHMENT_BYTES)}`, 'attachment');
  const actor = input.actor ?? 'cli';
  return inTransaction(store, opts, async (tx) => {
    let fileId: number | null = null;
    if (att) {
      const sha256 = createHash('sha256').update(att.bytes).digest('hex');
      const [had] = await tx.select({ id: files.id }).from(files).where(eq(files.sha256, sha256));
      fileId = had?.id ?? (await tx.insert(files).values({ sha256, fileName: att.fileName, size: att.bytes.length, content: att.bytes }).returning({ id: files.id }))[0].id;
    }
    const [row] = await tx
      .insert(taskUpdates)
      .values({ planId: input.planId, taskKey: input.taskKey, unit, period: input.period, status: input.status, percent, text, attachmentFileId: fileId, actor })
      .returning({ id: taskUpdates.id });
    await tx.insert(auditLog).values({ actor, command: 'reportTaskProgress', subject: `plan:${input.planId}`, details: { taskKey: input.taskKey, unit, period: input.period, status: input.status, percent } });
    return { id: row.id };
  });
}
