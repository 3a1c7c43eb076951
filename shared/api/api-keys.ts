import { z } from 'zod';
import { CAPABILITIES } from '../roles';

const scopes = z
  .array(z.enum(CAPABILITIES))
  .min(1, 'name at least one scope')
  .max(CAPABILITIES.length)
  .refine((list) => new Set(list).size === list.length, 'scopes must not repeat');

export const ApiKeyCreate = z.object({
  name: z.string().trim().min(1).max(100),
  scopes,
});

export const ApiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  /** The 8 characters after `sp_live_`: enough to tell keys apart, useless to an attacker. */
  prefix: z.string(),
  scopes: z.array(z.enum(CAPABILITIES)),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** The only response that ever carries the whole key. */
export const ApiKeyCreated = ApiKeySummary.extend({ key: z.string() });
export const ApiKeyList = z.object({ keys: z.array(ApiKeySummary) });
export const ApiKeyIdParam = z.object({ id: z.string().regex(/^key_[0-9a-f-]{36}$/) });

export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;
