/**
 * The upload request: stream the file through the checks and the CSV reader, validate each
 * row, stage valid rows encrypted in parts, and commit the job (with its row errors, the
 * saved mapping and its audit row) in one batch. Any refusal deletes what was staged, so a
 * refused file leaves nothing behind.
 */
import { eq } from 'drizzle-orm';
import type { ImportMapping } from '../../../../shared/api/imports';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { importMappings, imports, teams } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { Env } from '../../env';
import type { Kek } from '../../lib/crypto/envelope';
import { objectRowStatement, type EncryptedObjectRow } from '../../lib/object-store';
import { activeKek, type KeyContext } from '../../lib/tenant-key-ring';
import { writeWithAudit } from '../audit/append';
import { hashDescription } from '../estimates/description-hash';
import { missingColumnsError, resolveMapping, type ResolvedMapping } from './column-mapping';
import { send } from './import-job';
import { isBlankRecord, readCsvUpload } from './read-csv-upload';
import { errorRowStatements } from './row-errors';
import { readRow, teamLookup, type RowContext, type RowError, type StagedRow } from './row-values';
import { MAX_LISTED_ROW_ERRORS } from '../../../../shared/api/imports';
import { deleteStaged, PART_ROWS, stagePart } from './staging';
import type { Upload } from './upload-body';

/** Rows per file: 200 staged parts, the most one upload request writes to R2. */
export const MAX_IMPORT_ROWS = 1_000_000;

export interface CreateImportInput {
  db: TenantDb;
  env: Env;
  upload: Upload;
  requested: ImportMapping | undefined;
  context: KeyContext;
}

export async function loadSavedMapping(db: TenantDb): Promise<ImportMapping | undefined> {
  const row = await db.findOne(importMappings, eq(importMappings.tenantId, db.tenantId));
  return row ? (row.mapping as ImportMapping) : undefined;
}

export async function rowContextFor(db: TenantDb, resolved: ResolvedMapping): Promise<RowContext> {
  const teamRows = await db.selectFields(teams, {
    id: teams.id,
    name: teams.name,
    costCentre: teams.costCentre,
  });
  return { headers: resolved.headers, columns: resolved.columns, teams: teamLookup(teamRows) };
}

/** A tenant-keyed hash of the file's SHA-256: recognises the same file, proves nothing else. */
const fileKeyOf = (env: Env, tenantId: string, sha256: string) =>
  hashDescription(env.DESCRIPTION_HASH_SECRET, tenantId, `csv import file ${sha256}`);

class ImportDraft {
  readonly id = `imp_${crypto.randomUUID()}`;
  resolved: ResolvedMapping | undefined;
  rowContext: RowContext | undefined;
  rowsTotal = 0;
  rowsFailed = 0;
  rowsStaged = 0;
  readonly errors: RowError[] = [];
  pending: StagedRow[] = [];
  readonly parts: EncryptedObjectRow[] = [];
  private kek: Kek | undefined;

  constructor(private readonly input: CreateImportInput) {}

  async onRecord(cells: string[], row: number, saved: ImportMapping | undefined) {
    if (!this.resolved) {
      if (isBlankRecord(cells)) return;
      this.resolved = resolveMapping(
        cells.map((c) => c.trim()),
        saved,
        this.input.requested,
      );
      if (this.resolved.missing.length > 0) throw missingColumnsError(this.resolved);
      this.rowContext = await rowContextFor(this.input.db, this.resolved);
      return;
    }
    if (isBlankRecord(cells)) return;
    if (++this.rowsTotal > MAX_IMPORT_ROWS) {
      throw new AppError(
        ErrorCode.payloadTooLarge,
        `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows. Split it into smaller files.`,
        { reason: 'too-many-rows' },
      );
    }
    const { staged, errors } = readRow(cells, row, this.rowContext!);
    if (staged) {
      this.pending.push(staged);
      if (this.pending.length === PART_ROWS) await this.flush();
    } else {
      this.rowsFailed += 1;
      if (this.errors.length < MAX_LISTED_ROW_ERRORS) this.errors.push(...errors);
    }
  }

  async flush() {
    if (this.pending.length === 0) return;
    const { db, env, context } = this.input;
    this.kek ??= await activeKek(db, env.KEY_WRAPPING_SECRET, context);
    const rows = this.pending;
    this.pending = [];
    this.parts.push(
      await stagePart(db, env.BUCKET, this.kek, {
        importId: this.id,
        part: this.parts.length,
        rows,
        at: context.at,
      }),
    );
    this.rowsStaged += rows.length;
  }
}

export async function createImport(input: CreateImportInput) {
  const { db, env, upload, context } = input;
  const draft = new ImportDraft(input);
  const saved = await loadSavedMapping(db);
  try {
    const file = await readCsvUpload(upload.chunks, (cells, row) =>
      draft.onRecord(cells, row, saved),
    );
    if (!draft.resolved) {
      throw new AppError(ErrorCode.validation, 'The file has no header row.', { reason: 'empty' });
    }
    if (draft.rowsTotal === 0) {
      throw new AppError(ErrorCode.validation, 'The file has a header row but no data rows.', {
        reason: 'no-rows',
      });
    }
    await draft.flush();
    const fileKey = await fileKeyOf(env, db.tenantId, file.sha256);
    const earlier = await db.findOne(imports, eq(imports.fileKey, fileKey));
    if (earlier) throw alreadyImported(earlier.id);
    const toSave = mappingToSave(saved, draft.resolved.mapping, input.requested);
    const row = jobRow(draft, {
      fileName: upload.fileName ?? null,
      fileKey,
      bytes: file.bytes,
      actor: context.actor,
      at: context.at,
    });
    try {
      await writeWithAudit(
        db,
        [
          db.insert(imports, row),
          ...draft.parts.map((part) => objectRowStatement(db, part)),
          ...(await errorRowStatements(db, draft.id, draft.errors, 0)),
          db.insertOrIgnore(importMappings, {
            mapping: toSave,
            updatedBy: context.actor,
            updatedAt: context.at,
          }),
          db.update(
            importMappings,
            { mapping: toSave, updatedBy: context.actor, updatedAt: context.at },
            eq(importMappings.tenantId, db.tenantId),
          ),
        ],
        {
          actor: context.actor,
          action: 'import.create',
          entityType: 'import',
          entityId: draft.id,
          changes: {
            after: {
              fileName: row.fileName,
              bytes: row.bytes,
              rowsTotal: row.rowsTotal,
              rowsStaged: row.rowsStaged,
              rowsFailed: row.rowsFailed,
              mapping: row.mapping,
            },
          },
          requestId: context.requestId,
          at: context.at,
        },
      );
    } catch (error) {
      if (/UNIQUE constraint failed: imports/.test(String((error as Error)?.cause ?? error))) {
        throw alreadyImported(undefined);
      }
      throw error;
    }
    if (row.status === 'queued') await enqueueFirst(env, db.tenantId, draft.id);
    return row;
  } catch (error) {
    await deleteStaged(
      env.BUCKET,
      draft.parts.map((part) => part.r2Key),
    );
    throw error;
  } finally {
    await upload.close();
  }
}

/**
 * What the next upload starts from: the columns this file used, and the fields the caller left
 * out on purpose, over what was saved before. A field this file simply lacks keeps its saved
 * column, so a narrower file does not erase the mapping of a wider one.
 */
export function mappingToSave(
  saved: ImportMapping | undefined,
  used: Record<string, string | null>,
  requested: ImportMapping | undefined,
): ImportMapping {
  const next: Record<string, string | null> = { ...saved };
  for (const [field, header] of Object.entries(used)) {
    if (header !== null) next[field] = header;
    else if (requested?.[field as keyof ImportMapping] === null) next[field] = null;
  }
  return next as ImportMapping;
}

/** A failed send leaves the job queued; the resume route sends it again. */
async function enqueueFirst(env: Env, tenantId: string, importId: string) {
  try {
    await send(env, { tenantId, importId, part: 0, firstRow: 0 });
  } catch (error) {
    console.error(
      JSON.stringify({ event: 'import-enqueue-failed', importId, error: String(error) }),
    );
  }
}

function alreadyImported(importId: string | undefined): AppError {
  return new AppError(
    ErrorCode.conflict,
    'This file was imported already; its lines are counted once. Change the file to import new lines.',
    { reason: 'duplicate-file', ...(importId ? { importId } : {}) },
  );
}

function jobRow(
  draft: ImportDraft,
  file: { fileName: string | null; fileKey: string; bytes: number; actor: string; at: Date },
) {
  return {
    id: draft.id,
    status: draft.rowsStaged > 0 ? ('queued' as const) : ('completed' as const),
    fileName: file.fileName,
    fileKey: file.fileKey,
    bytes: file.bytes,
    rowsTotal: draft.rowsTotal,
    rowsStaged: draft.rowsStaged,
    rowsDone: 0,
    rowsFailed: draft.rowsFailed,
    recorded: 0,
    duplicates: 0,
    parts: draft.parts.length,
    cursorPart: 0,
    cursorRow: 0,
    mapping: draft.resolved!.mapping,
    failure: null,
    createdBy: file.actor,
    createdAt: file.at,
    updatedAt: file.at,
    completedAt: draft.rowsStaged > 0 ? null : file.at,
  };
}
