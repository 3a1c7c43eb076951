import { z } from 'zod';

export const AuditQuery = z.object({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  entity: z.string().max(64).optional(),
  actor: z.string().max(128).optional(),
  afterSeq: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Cursor: the last seq of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditExportQuery = z.object({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  entity: z.string().max(64).optional(),
});

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.object({
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
  requestId: z.string(),
  personalHash: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  nextAfterSeq: z.number().int().nullable(),
});

export const AuditVerification = z.union([
  z.object({
    ok: z.literal(true),
    size: z.number().int(),
    head: z.string(),
    from: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    firstBadSeq: z.number().int(),
    reason: z.string(),
    detail: z.string(),
  }),
]);

export const Checkpoint = z.object({
  size: z.number().int(),
  headHash: z.string(),
  at: z.string(),
  note: z.string(),
});

export const LedgerVerification = z.object({
  ok: z.boolean(),
  /** Stored lines checked against the formula digests the audit chain recorded. */
  lines: z.number().int(),
  /** Lines whose stored formula differs from (or is absent in) the chain: edited outside the API. */
  mismatched: z.array(z.string()),
});
