import { z } from 'zod';

export const sessionTokenSchema = z.object({ token: z.string().min(1), expiresAt: z.union([z.string(), z.number()]) });
export const loginResponseSchema = z.union([
  sessionTokenSchema,
  z.object({ mfaRequired: z.literal(true), challenge: z.string().min(1) }),
]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;
