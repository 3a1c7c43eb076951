import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { Context } from 'hono';
import type { GlobalDb } from '../../db/global-db';
import type { AppEnv } from '../../env';
import { emailTokens } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import { generateToken, hashToken } from '../../lib/crypto/tokens';
import { queueMail } from '../mail/outbox';

type Kind = (typeof emailTokens.$inferSelect)['kind'];

export const TOKEN_LIFETIME_MS: Record<Kind, number> = {
  invitation: 7 * 24 * 3600_000,
  'email-verification': 24 * 3600_000,
  'password-reset': 3600_000,
};

interface Message {
  kind: Kind;
  email: string;
  subject: string;
  /** The link path the recipient opens, e.g. `/console/accept-invitation`. */
  path: string;
  payload?: Record<string, unknown>;
}

export interface MailDeps {
  globalDb: GlobalDb;
  db: TenantDb;
  origin: string;
  sealingSecret: string;
}

export function mailDeps(c: Context<AppEnv>, db: TenantDb): MailDeps {
  return {
    globalDb: c.var.globalDb,
    db,
    origin: c.env.CONSOLE_ORIGIN,
    sealingSecret: c.env.DATA_SEALING_SECRET,
  };
}

/**
 * A single-use token (256 random bits, stored as SHA-256 with its expiry) and the email that
 * carries it, as statements for the caller's batch.
 */
export async function emailWithToken(
  deps: MailDeps,
  message: Message,
  now: Date,
): Promise<TenantStatement[]> {
  const token = generateToken();
  const link = `${deps.origin}${message.path}?token=${token}`;
  return [
    deps.globalDb.insert(emailTokens, {
      tokenHash: await hashToken(token),
      tenantId: deps.db.tenantId,
      kind: message.kind,
      email: message.email,
      payload: message.payload ?? null,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[message.kind]),
      createdAt: now,
    }),
    await queueMail(
      deps.db,
      deps.sealingSecret,
      {
        to: message.email,
        kind: message.kind,
        subject: message.subject,
        body: `${message.subject}\n\nOpen this link within ${TOKEN_LIFETIME_MS[message.kind] / 3600_000} hours:\n${link}\n`,
      },
      now,
    ),
  ];
}

/** The unused, unexpired token of that kind, and the statement that spends it. */
export async function redeemToken(globalDb: GlobalDb, token: string, kind: Kind, now: Date) {
  const tokenHash = await hashToken(token);
  const live = and(
    eq(emailTokens.tokenHash, tokenHash),
    eq(emailTokens.kind, kind),
    isNull(emailTokens.usedAt),
    gt(emailTokens.expiresAt, now),
  )!;
  const row = await globalDb.findOne(emailTokens, live);
  if (!row) throw new AppError(ErrorCode.validation, 'The link is invalid, used or expired.');
  return { row, spend: globalDb.update(emailTokens, { usedAt: now }, live) };
}
