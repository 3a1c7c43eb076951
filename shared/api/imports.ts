import { z } from 'zod';
import { IMPORT_FIELDS, type ImportField } from './import-fields';

export {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
  MAX_LISTED_ROW_ERRORS,
  MAX_PREVIEW_BYTES,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
} from './import-fields';

/**
 * Field → the header of the column that feeds it (matched case-insensitively), or null to
 * leave the field out even when a column looks like it.
 */
export const ImportMapping = z
  .object(
    Object.fromEntries(
      IMPORT_FIELDS.map((field) => [
        field,
        z.string().trim().min(1).max(200).nullable().optional(),
      ]),
    ) as Record<ImportField, z.ZodOptional<z.ZodNullable<z.ZodString>>>,
  )
  .strict();
export type ImportMapping = z.infer<typeof ImportMapping>;

/** `mapping` travels as JSON in the query (text/csv bodies) or a form field before the file. */
export const mappingJson = z
  .string()
  .max(8_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(ImportMapping);

export const ImportUploadQuery = z.object({
  /** The file's name, when the body is the bare file (text/csv); only .csv and .txt are taken. */
  filename: z.string().trim().min(1).max(200).optional(),
  mapping: mappingJson.optional(),
});

export const ImportPreviewQuery = ImportUploadQuery.extend({
  /** The body is only the beginning of the file: an unfinished last row is left out. */
  partial: z.enum(['true', 'false']).optional(),
});

export const MAPPING_SOURCES = ['request', 'saved', 'detected'] as const;

export const ResolvedMapping = z.object({
  /** The file's headers, in order. */
  headers: z.array(z.string()),
  /** Field → header used (null: not imported). */
  mapping: z.record(z.string(), z.string().nullable()),
  /** Where each mapped field's column came from. */
  sources: z.record(z.string(), z.enum(MAPPING_SOURCES)),
});

export const ImportRowError = z.object({
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  field: z.string(),
  /** The file's header for that field. */
  column: z.string(),
  reason: z.string(),
  /** The cell as it was, made safe to open in a spreadsheet; never description text. */
  value: z.string().nullable(),
});

export const ImportPreview = ResolvedMapping.extend({
  missing: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      values: z.record(z.string(), z.string()),
      errors: z.array(ImportRowError),
    }),
  ),
});

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;

export const ImportSummary = z.object({
  id: z.string(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string().nullable(),
  bytes: z.number().int(),
  /** Data rows in the file (header and blank lines not counted). */
  rowsTotal: z.number().int(),
  /** Rows processed so far: recorded plus duplicates. */
  rowsDone: z.number().int(),
  /** Rows refused, each with its reason in the error report. */
  rowsFailed: z.number().int(),
  recorded: z.number().int(),
  duplicates: z.number().int(),
  mapping: z.record(z.string(), z.string().nullable()),
  failure: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});

export const ImportIdParam = z.object({ id: z.string().min(1).max(128) });

export const ImportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ImportList = z.object({
  imports: z.array(ImportSummary),
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
});

export const ImportDetailQuery = z.object({
  errorsLimit: z.coerce.number().int().min(1).max(500).default(50),
  errorsOffset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ImportDetail = z.object({
  import: ImportSummary,
  errors: z.object({
    items: z.array(ImportRowError),
    /** Errors listed for this import (at most the first MAX_LISTED_ROW_ERRORS). */
    listed: z.number().int(),
    nextOffset: z.number().int().nullable(),
  }),
});

export type ImportSummaryBody = z.infer<typeof ImportSummary>;
export type ImportDetailBody = z.infer<typeof ImportDetail>;
export type ImportPreviewBody = z.infer<typeof ImportPreview>;
export type ImportListBody = z.infer<typeof ImportList>;
