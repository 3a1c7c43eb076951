import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { recoveryCodes, users } from '../../db/schema';
import type { AppEnv } from '../../env';
import { sha256Hex } from '../../lib/fingerprint';
import { unseal } from '../../lib/seal';
import { verifyTotp } from './totp';

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
    const step = verifyTotp(secret, code, at, user.totpLastStep);
    if (step === null) return null;
    await globalDb.batch([globalDb.update(users, { totpLastStep: step }, eq(users.id, user.id))]);
    return 'totp' as const;
  }
  const codeHash = await sha256Hex(code);
  const unused = and(
    eq(recoveryCodes.codeHash, codeHash),
    eq(recoveryCodes.userId, user.id),
    isNull(recoveryCodes.usedAt),
  )!;
  if (!(await globalDb.findOne(recoveryCodes, unused))) return null;
  await globalDb.batch([globalDb.update(recoveryCodes, { usedAt: at }, unused)]);
  return 'recovery-code' as const;
}

/** Ten codes like `k3x9q-7mz2a`, shown once; only their SHA-256 is kept. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(10));
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}
