import { z } from 'zod';

const day = z.iso.date();
const instant = z.iso.datetime();

/** Opaque keyset cursor: the last entry of the previous page (newest first). */
export const ACCESS_LOG_CURSOR = /^\d{1,15}\.[\w-]{1,64}$/;

export const AccessLogQuery = z.object({
  /** Inclusive: a day (from its start, UTC) or an instant. */
  from: z.union([day, instant]).optional(),
  /** A day includes that whole day (UTC); an instant is exclusive. */
  to: z.union([day, instant]).optional(),
  route: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Route prefix as logged, e.g. /api/v1/rules or /api/v1/review/:id/resolve'),
  status: z
    .string()
    .regex(/^[1-5](\d\d|xx)$/, 'status must be a code such as 403 or a class such as 4xx')
    .optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  cursor: z
    .string()
    .regex(ACCESS_LOG_CURSOR, 'cursor must be a nextCursor this route answered')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AccessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  method: z.string(),
  route: z.string(),
  status: z.number().int(),
  /** SHA-256 fingerprint of the session token or API key, never the credential itself. */
  tokenFingerprint: z.string(),
  /** The role of a session, or an API key's scopes separated by spaces. */
  scope: z.string(),
  requestId: z.string(),
});

export const AccessLogPage = z.object({
  entries: z.array(AccessLogEntry),
  nextCursor: z.string().nullable(),
});
