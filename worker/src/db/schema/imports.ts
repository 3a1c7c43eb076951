import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

export const IMPORT_STATUS = ['queued', 'running', 'completed', 'failed'] as const;

/**
 * A CSV import job. Valid rows wait in encrypted parts (`encrypted_objects`, purpose `import`)
 * until the queue consumer has recorded them; `cursor_part`/`cursor_row` is the next chunk.
 * `file_key` is a tenant-keyed hash of the file's bytes, so the same file is refused twice.
 */
export const imports = sqliteTable(
  'imports',
  {
    id: id(),
    tenantId: tenantId(),
    status: text('status', { enum: IMPORT_STATUS }).notNull(),
    fileName: text('file_name'),
    fileKey: text('file_key').notNull(),
    bytes: integer('bytes').notNull(),
    rowsTotal: integer('rows_total').notNull(),
    /** Rows that passed validation and wait in the staged parts. */
    rowsStaged: integer('rows_staged').notNull(),
    rowsDone: integer('rows_done').notNull(),
    rowsFailed: integer('rows_failed').notNull(),
    recorded: integer('recorded').notNull(),
    duplicates: integer('duplicates').notNull(),
    parts: integer('parts').notNull(),
    cursorPart: integer('cursor_part').notNull(),
    cursorRow: integer('cursor_row').notNull(),
    /** Field → header used for this file. */
    mapping: text('mapping', { mode: 'json' }).notNull(),
    /** Why the job stopped, in words for the user (never row text). */
    failure: text('failure'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    completedAt: timestamp('completed_at'),
  },
  (t) => [
    uniqueIndex('imports_tenant_file').on(t.tenantId, t.fileKey),
    index('imports_tenant_created').on(t.tenantId, t.createdAt),
  ],
);

/**
 * One row per chunk recorded: its primary key makes a chunk land once, however often the
 * queue delivers it; `message_id` tells a redelivery of the same message from a stray copy.
 */
export const importChunks = sqliteTable(
  'import_chunks',
  {
    tenantId: tenantId(),
    importId: text('import_id').notNull(),
    part: integer('part').notNull(),
    firstRow: integer('first_row').notNull(),
    rows: integer('rows').notNull(),
    recorded: integer('recorded').notNull(),
    duplicates: integer('duplicates').notNull(),
    failed: integer('failed').notNull(),
    messageId: text('message_id').notNull(),
    doneAt: timestamp('done_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.part, t.firstRow] })],
);

/** The row-level error report (the first MAX_LISTED_ROW_ERRORS of an import). */
export const importRowErrors = sqliteTable(
  'import_row_errors',
  {
    tenantId: tenantId(),
    importId: text('import_id').notNull(),
    row: integer('row').notNull(),
    field: text('field').notNull(),
    column: text('column').notNull(),
    reason: text('reason').notNull(),
    /** The cell, formula-neutralised; null for description cells (never stored). */
    value: text('value'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.row, t.field] })],
);

/** The tenant's last column mapping, reused for the next upload with the same headers. */
export const importMappings = sqliteTable('import_mappings', {
  tenantId: tenantId().primaryKey(),
  mapping: text('mapping', { mode: 'json' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});
