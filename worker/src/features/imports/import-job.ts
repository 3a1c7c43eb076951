/**
 * The import job, one queue message per chunk: decrypt the staged part, record CHUNK_ROWS
 * rows through planRecordSpend (the one ingestion path), and commit them with the chunk's
 * marker, the job's progress and an audit row in one batch. Then send the message for the
 * next chunk. A chunk lands once: its marker's primary key fails a second batch whole, and a
 * redelivered message finds the marker and only passes the baton on.
 */
import { and, eq, max } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import { scheduledDatabases } from '../../db/scheduled';
import { importChunks, imports, periods, tenants } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import type { Env } from '../../env';
import { deleteObjectRowStatement } from '../../lib/object-store';
import { ObjectUnreadableError } from '../../lib/object-unreadable';
import { writeWithAudit } from '../audit/append';
import { reviewTextKeeper } from '../review/review-text';
import { planRecordSpend } from '../spend/record-spend';
import { CHUNK_ROWS, type ImportMessage } from './import-message';
import { errorRowStatements } from './row-errors';
import type { RowError, StagedRow } from './row-values';
import { deleteStaged, partObjectId, readPart } from './staging';

type ImportRow = typeof imports.$inferSelect;

/** Deliveries of one message before the job is marked failed (then resumable from the API). */
export const MAX_ATTEMPTS = 3;

export async function handleImportBatch(batch: MessageBatch<ImportMessage>, env: Env) {
  for (const message of batch.messages) {
    try {
      await runImportStep(env, message.body, message.id);
      message.ack();
    } catch (error) {
      logStepFailure(message, error);
      const permanent = error instanceof ObjectUnreadableError;
      if (permanent || message.attempts >= MAX_ATTEMPTS) {
        try {
          await markFailed(env, message.body, failureText(error, message.body));
          message.ack();
        } catch (markError) {
          // Not even the failure could be written: let the queue try again (or the stall sweep).
          logStepFailure(message, markError);
          message.retry({ delaySeconds: 30 });
        }
      } else {
        message.retry({ delaySeconds: 2 ** (message.attempts - 1) });
      }
    }
  }
}

export async function runImportStep(env: Env, step: ImportMessage, messageId: string) {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  const db = tenantDbFor(step.tenantId);
  const job = await db.findOne(imports, eq(imports.id, step.importId));
  if (!job || job.status === 'completed' || job.status === 'failed') return;
  const marker = await db.findOne(importChunks, chunkWhere(step));
  if (marker) {
    // Recorded already. Only the message that recorded it passes the baton again (its ack or
    // the next send may have been lost); a stray copy stops here, so chains never fork.
    if (marker.messageId === messageId && job.cursorPart < job.parts) {
      await send(env, { ...step, part: job.cursorPart, firstRow: job.cursorRow });
    }
    return;
  }
  if (job.cursorPart !== step.part || job.cursorRow !== step.firstRow) return;

  const part = await readPart(db, env.BUCKET, env.KEY_WRAPPING_SECRET, job.id, step.part);
  const rows = part.rows.slice(step.firstRow, step.firstRow + CHUNK_ROWS);
  const next = nextStep(job, step, part.rows.length);
  const tenant = await globalDb.findOne(tenants, eq(tenants.id, step.tenantId));
  const at = new Date();
  for (let attempt = 1; ; attempt++) {
    const { accepted, locked } = await splitLocked(db, rows, dateColumn(job));
    const plan = await planRecordSpend(
      db,
      accepted.map((r) => r.line),
      {
        source: 'csv',
        teamId: null,
        teamIds: accepted.map((r) => r.teamId),
        actor: job.createdBy,
        at,
        reviewThreshold: tenant?.reviewThreshold ?? 0.8,
        secret: env.DESCRIPTION_HASH_SECRET,
        reviewText: reviewTextKeeper(db, tenant, env.KEY_WRAPPING_SECRET, {
          actor: job.createdBy,
          requestId: `queue:${messageId}`,
          at,
        }),
      },
    );
    const recorded = plan.recordedIds.length;
    const counts = { recorded, duplicates: accepted.length - recorded, failed: locked.length };
    const statements: TenantStatement[] = [
      ...plan.statements,
      db.insert(importChunks, {
        importId: job.id,
        part: step.part,
        firstRow: step.firstRow,
        rows: rows.length,
        ...counts,
        messageId,
        doneAt: at,
      }),
      db.update(imports, progress(job, counts, next, at), eq(imports.id, job.id)),
      ...(await errorRowStatements(db, job.id, locked)),
      ...(next?.part === step.part
        ? []
        : [deleteObjectRowStatement(db, partObjectId(job.id, step.part))]),
    ];
    try {
      await writeWithAudit(db, statements, {
        actor: job.createdBy,
        action: 'spend.import',
        entityType: 'import',
        entityId: job.id,
        changes: {
          after: {
            part: step.part,
            firstRow: step.firstRow,
            ...counts,
            ledger: plan.ledger,
            status: next ? 'running' : 'completed',
          },
        },
        requestId: `queue:${messageId}`,
        at,
      });
      break;
    } catch (error) {
      if (isUniqueViolation(error, 'import_chunks')) return;
      // Another source stored one of these purchases meanwhile: plan again, it is a duplicate now.
      if (attempt < 3 && (isUniqueViolation(error, 'spend_lines') || isPeriodLocked(error)))
        continue;
      throw error;
    }
  }
  if (next?.part !== step.part) await deleteStaged(env.BUCKET, [part.r2Key]);
  if (next) await send(env, next);
}

const dateColumn = (job: ImportRow) =>
  (job.mapping as Record<string, string | null>).date ?? 'date';

function chunkWhere(step: ImportMessage) {
  return and(
    eq(importChunks.importId, step.importId),
    eq(importChunks.part, step.part),
    eq(importChunks.firstRow, step.firstRow),
  )!;
}

/** The chunk after this one, or null when this was the last. */
function nextStep(job: ImportRow, step: ImportMessage, partRows: number): ImportMessage | null {
  if (step.firstRow + CHUNK_ROWS < partRows)
    return { ...step, firstRow: step.firstRow + CHUNK_ROWS };
  if (step.part + 1 < job.parts) return { ...step, part: step.part + 1, firstRow: 0 };
  return null;
}

export async function send(env: Env, step: ImportMessage): Promise<void> {
  await env.IMPORT_QUEUE.send(step, { contentType: 'json' });
}

function progress(
  job: ImportRow,
  counts: { recorded: number; duplicates: number; failed: number },
  next: ImportMessage | null,
  at: Date,
) {
  // Absolute values are safe: chunks of one job commit one after another (the cursor check,
  // and the chunk marker's key for two copies of one message).
  return {
    status: next ? ('running' as const) : ('completed' as const),
    rowsDone: job.rowsDone + counts.recorded + counts.duplicates,
    rowsFailed: job.rowsFailed + counts.failed,
    recorded: job.recorded + counts.recorded,
    duplicates: job.duplicates + counts.duplicates,
    cursorPart: next?.part ?? job.parts,
    cursorRow: next?.firstRow ?? 0,
    failure: null,
    updatedAt: at,
    completedAt: next ? null : at,
  };
}

/** Rows dated in a signed-off period become row errors instead of failing the chunk. */
async function splitLocked(db: TenantDb, rows: readonly StagedRow[], column: string) {
  const [latest] = await db.selectFields(
    periods,
    { end: max(periods.endDate).as('end') },
    eq(periods.status, 'signed-off'),
  );
  const lockedUntil = latest?.end ?? null;
  const accepted: StagedRow[] = [];
  const locked: RowError[] = [];
  for (const row of rows) {
    if (lockedUntil && row.line.date <= lockedUntil) {
      locked.push({
        row: row.row,
        field: 'date',
        column,
        reason: `falls in a signed-off period (ending ${lockedUntil})`,
        value: row.line.date,
      });
    } else {
      accepted.push(row);
    }
  }
  return { accepted, locked };
}

async function markFailed(env: Env, step: ImportMessage, failure: string) {
  const db = scheduledDatabases(env).tenantDbFor(step.tenantId);
  const job = await db.findOne(imports, eq(imports.id, step.importId));
  if (!job || job.status === 'completed' || job.status === 'failed') return;
  const at = new Date();
  await writeWithAudit(
    db,
    [db.update(imports, { status: 'failed', failure, updatedAt: at }, eq(imports.id, job.id))],
    {
      actor: job.createdBy,
      action: 'import.fail',
      entityType: 'import',
      entityId: job.id,
      changes: { before: { status: job.status }, after: { status: 'failed', failure } },
      requestId: `queue:${step.importId}`,
      at,
    },
  );
}

function failureText(error: unknown, step: ImportMessage): string {
  if (error instanceof ObjectUnreadableError) {
    return 'The staged rows can no longer be decrypted (the tenant key was revoked or the data was altered). Upload the file again.';
  }
  const where = `rows ${step.firstRow + 1}–${step.firstRow + CHUNK_ROWS} of part ${step.part + 1}`;
  return `Recording ${where} failed ${MAX_ATTEMPTS} times. Resume the import to try again.`;
}

function isUniqueViolation(error: unknown, table: string): boolean {
  return new RegExp(`UNIQUE constraint failed: ${table}`).test(errorText(error));
}

function isPeriodLocked(error: unknown): boolean {
  return errorText(error).includes('spendprint:period-locked');
}

function errorText(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  return `${String((error as Error)?.message ?? error)} ${String((cause as Error)?.message ?? cause ?? '')}`;
}

/** Names and the database's own message only: a query's parameters never reach the log. */
function logStepFailure(message: Message<ImportMessage>, error: unknown) {
  const cause = (error as { cause?: unknown })?.cause;
  console.error(
    JSON.stringify({
      event: 'import-step-failed',
      importId: message.body.importId,
      part: message.body.part,
      firstRow: message.body.firstRow,
      attempt: message.attempts,
      error: error instanceof AppError ? error.code : (error as Error)?.name,
      cause: cause instanceof Error ? cause.message.slice(0, 200) : undefined,
    }),
  );
}
