import { z } from 'zod';

export const TenantKeyVersion = z.object({
  version: z.number().int(),
  kind: z.enum(['managed', 'byok']),
  state: z.enum(['active', 'retired', 'revoked']),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const TenantKeyList = z.object({ keys: z.array(TenantKeyVersion) });

/** A new key version and how many stored objects were re-wrapped under it. */
export const TenantKeyChange = z.object({
  key: TenantKeyVersion,
  rewrappedObjects: z.number().int(),
});

/** A customer-supplied 256-bit AES key as a JWK (kty "oct"); stored only wrapped. */
export const ByokUpload = z.object({
  jwk: z.looseObject({ kty: z.string(), k: z.string() }),
});

export const KeyVersionParam = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000),
});
