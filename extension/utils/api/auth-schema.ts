import { z } from 'zod';

export const sessionTokenSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.union([z.string(), z.number()]),
  /** Present because the extension asks for one (`client: 'extension'`). */
  refreshToken: z.string().min(1).optional(),
  refreshExpiresAt: z.string().optional(),
});
export const refreshedSessionSchema = sessionTokenSchema.extend({
  refreshToken: z.string().min(1),
  refreshExpiresAt: z.string(),
});
export const loginResponseSchema = z.union([
  sessionTokenSchema,
  z.object({ mfaRequired: z.literal(true), challenge: z.string().min(1) }),
]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type SessionToken = z.infer<typeof sessionTokenSchema>;
export type RefreshedSession = z.infer<typeof refreshedSessionSchema>;
