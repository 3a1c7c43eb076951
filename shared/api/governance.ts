import { z } from 'zod';

export const ExportIdParam = z.object({ id: z.string().regex(/^exp_[0-9a-f-]{36}$/) });

export const DeletionRequest = z.object({
  status: z.enum(['none', 'scheduled', 'purged']),
  requested_at: z.string().nullable(),
  deletion_date: z.string().nullable(),
  retention_days: z.number().int(),
});

export const RetentionRule = z.object({
  data: z.string(),
  kept: z.string(),
  enforcement: z.string(),
});

export const RetentionSchedule = z.object({ rules: z.array(RetentionRule) });

export const GovernanceExport = z.object({
  format: z.literal('spendprint-tenant-export/v1'),
  export_id: z.string(),
  exported_at: z.string(),
  tenant: z.object({ id: z.string(), name: z.string() }),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export type DeletionRequest = z.infer<typeof DeletionRequest>;

export const BackupList = z.object({
  backups: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      keyVersion: z.number().int(),
      bytes: z.number().int(),
    }),
  ),
  retentionDays: z.number().int(),
});
