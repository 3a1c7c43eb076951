import { z } from 'zod';
import { ROLES } from '../roles';

export const LoginRequest = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
  tenant: z.string().max(64).optional().describe('Tenant slug, when the user belongs to several'),
});

export const SessionResponse = z.object({ token: z.string(), expiresAt: z.iso.datetime() });
export const MfaRequiredResponse = z.object({
  mfaRequired: z.literal(true),
  challenge: z.string(),
});
export const LoginResponse = z.union([SessionResponse, MfaRequiredResponse]);

export const VerifyTwoFactorRequest = z.object({
  challenge: z.string().min(1).max(4096),
  code: z.string().regex(/^\d{6}$/, 'a 6-digit code'),
});

export const MeResponse = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  tenant: z.object({ id: z.string(), name: z.string(), plan: z.string() }),
  totpEnabled: z.boolean(),
});

export type LoginRequest = z.infer<typeof LoginRequest>;
export type LoginResponse = z.infer<typeof LoginResponse>;
