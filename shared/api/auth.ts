import { z } from 'zod';
import { ROLES } from '../roles';

const client = z
  .literal('extension')
  .optional()
  .describe(
    'extension: also issue a rotating refresh token (bearer transport only), for POST /auth/refresh',
  );

export const LoginRequest = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
  tenant: z.string().max(64).optional().describe('Tenant slug, when the user belongs to several'),
  transport: z
    .enum(['bearer', 'cookie'])
    .default('bearer')
    .describe(
      'cookie: the console; the token goes into an HttpOnly cookie and a CSRF token comes back',
    ),
  client,
});

export const SessionResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  /** Only when the client asked for one (`client: 'extension'`): single-use, 30 days. */
  refreshToken: z.string().optional(),
  refreshExpiresAt: z.iso.datetime().optional(),
});
/** A session with its refresh token: the answer of /auth/refresh and /auth/sso/exchange. */
export const RefreshedSessionResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  refreshExpiresAt: z.iso.datetime(),
});
export const CookieSessionResponse = z.object({
  expiresAt: z.iso.datetime(),
  csrfToken: z.string(),
});
export const MfaRequiredResponse = z.object({
  mfaRequired: z.literal(true),
  challenge: z.string(),
});
export const LoginResponse = z.union([SessionResponse, CookieSessionResponse, MfaRequiredResponse]);
export const VerifiedResponse = z.union([SessionResponse, CookieSessionResponse]);

export const VerifyTwoFactorRequest = z.object({
  transport: z.enum(['bearer', 'cookie']).default('bearer'),
  client,
  challenge: z.string().min(1).max(4096),
  code: z
    .string()
    .regex(/^(\d{6}|[A-Za-z2-7]{4}(-?[A-Za-z2-7]{4}){3})$/, 'a 6-digit code or a recovery code'),
});

export const RefreshRequest = z.object({
  refreshToken: z.string().min(1).max(4096).describe('The single-use refresh token last issued'),
});

export const TotpEnrolment = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpConfirmRequest = z.object({ code: z.string().regex(/^\d{6}$/, 'a 6-digit code') });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const CsrfResponse = z.object({ csrfToken: z.string() });

export const MeResponse = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  tenant: z.object({ id: z.string(), name: z.string(), plan: z.string() }),
  totpEnabled: z.boolean(),
  emailVerified: z.boolean(),
});

export const EmailVerificationConfirm = z.object({ token: z.string().min(20).max(200) });

export type LoginRequest = z.infer<typeof LoginRequest>;
export type LoginResponse = z.infer<typeof LoginResponse>;
export type SessionResponse = z.infer<typeof SessionResponse>;
export type RefreshedSessionResponse = z.infer<typeof RefreshedSessionResponse>;
