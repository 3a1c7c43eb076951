import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP: 30-second steps, 6 digits, SHA-1 (what authenticator apps expect). */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Spendprint';

export function totpFor(secretBase32: string, label = 'account', algorithm = 'SHA1', digits = 6) {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm,
    digits,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret, base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/**
 * The time step the code belongs to (±1 step of drift), or null. Codes are single-use: a step
 * at or before `lastUsedStep` is refused even when the code is right.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  now: Date,
  lastUsedStep: number,
): number | null {
  const delta = totpFor(secretBase32).validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
  return step > lastUsedStep ? step : null;
}
