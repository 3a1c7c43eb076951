import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { recoveryCodes, users } from '../../db/schema';
import type { AppEnv } from '../../env';
import { unseal } from '../../lib/seal';
import { hashRecoveryCode, verifyTotp } from '../../lib/crypto/totp';

export const TOTP_SEAL_PURPOSE = 'totp-secret';
type User = typeof users.$inferSelect;

/**
 * Checks a TOTP code (single use: the step must be newer than the last one used) or a
 * recovery code (single use), and records the use. Returns how the user proved it, or null.
 */
export async function useSecondFactor(c: Context<AppEnv>, user: User, code: string, at: Date) {
  const globalDb = c.var.globalDb;
  if (/^\d{6}$/.test(code)) {
    const secret = await unseal(
      c.env.DATA_SEALING_SECRET,
      TOTP_SEAL_PURPOSE,
      user.id,
      user.totpSecretSealed!,
    );
    const step = await verifyTotp(secret, code, at, user.totpLastStep);
    if (step === null) return null;
    await globalDb.batch([globalDb.update(users, { totpLastStep: step }, eq(users.id, user.id))]);
    return 'totp' as const;
  }
  const codeHash = await hashRecoveryCode(code);
  const unused = and(
    eq(recoveryCodes.codeHash, codeHash),
    eq(recoveryCodes.userId, user.id),
    isNull(recoveryCodes.usedAt),
  )!;
  if (!(await globalDb.findOne(recoveryCodes, unused))) return null;
  await globalDb.batch([globalDb.update(recoveryCodes, { usedAt: at }, unused)]);
  return 'recovery-code' as const;
}
