import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import { seal, unseal } from '../../lib/seal';
import type { MailSender } from './mail-sender';

const OUTBOX_SEAL_PURPOSE = 'email-outbox';
/** Mail carries single-use links; after delivery the body is no longer needed and is blanked. */
const DELIVERED_BODY = '';
const DELIVERY_BATCH = 20;

type Kind = (typeof emailOutbox.$inferSelect)['kind'];

export interface QueuedMail {
  to: string;
  kind: Kind;
  subject: string;
  body: string;
}

/** The statement that queues a mail; its body (with any link) is sealed at rest. */
export async function queueMail(
  db: TenantDb,
  sealingSecret: string,
  mail: QueuedMail,
  at: Date,
): Promise<TenantStatement> {
  const id = crypto.randomUUID();
  const body = await seal(sealingSecret, OUTBOX_SEAL_PURPOSE, id, mail.body);
  return db.insert(emailOutbox, { id, ...mail, body, createdAt: at });
}

/** The latest mail of the tenant with readable bodies (the local dev mailbox). */
export async function readOutbox(db: TenantDb, sealingSecret: string, limit = 50) {
  const latest = await db.select(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
  return Promise.all(
    latest.map(async (row) => ({
      ...row,
      body: row.sentAt
        ? DELIVERED_BODY
        : await unseal(sealingSecret, OUTBOX_SEAL_PURPOSE, row.id, row.body),
    })),
  );
}

/**
 * Sends the tenant's unsent mail, oldest first. A failed send stays queued for the next run;
 * a sent one is marked and its body blanked.
 */
export async function deliverPending(
  db: TenantDb,
  sealingSecret: string,
  sender: MailSender,
  at: Date,
): Promise<{ sent: number; failed: number }> {
  const pending = await db
    .select(emailOutbox, isNull(emailOutbox.sentAt))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(DELIVERY_BATCH);
  let sent = 0;
  for (const row of pending) {
    try {
      const text = await unseal(sealingSecret, OUTBOX_SEAL_PURPOSE, row.id, row.body);
      await sender.send({ to: row.to, subject: row.subject, text });
    } catch {
      continue;
    }
    const unsent = and(eq(emailOutbox.id, row.id), isNull(emailOutbox.sentAt))!;
    await db.batch([db.update(emailOutbox, { sentAt: at, body: DELIVERED_BODY }, unsent)]);
    sent += 1;
  }
  return { sent, failed: pending.length - sent };
}
