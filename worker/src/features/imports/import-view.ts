import type { z } from 'zod';
import type { ImportRowError, ImportSummary } from '../../../../shared/api/imports';
import type { importRowErrors, imports } from '../../db/schema';

export function toImportSummary(row: typeof imports.$inferSelect): z.infer<typeof ImportSummary> {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    bytes: row.bytes,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    rowsFailed: row.rowsFailed,
    recorded: row.recorded,
    duplicates: row.duplicates,
    mapping: row.mapping as Record<string, string | null>,
    failure: row.failure,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export function toRowError(
  row: typeof importRowErrors.$inferSelect,
): z.infer<typeof ImportRowError> {
  return {
    row: row.row,
    field: row.field,
    column: row.column,
    reason: row.reason,
    value: row.value,
  };
}
