import type { ImportMapping } from '../../../../shared/api/imports';
import { IMPORT_FIELDS } from '../../../../shared/api/imports';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { TenantDb } from '../../db/tenant-db';
import type { ResolvedMapping } from './column-mapping';
import { resolveMapping } from './column-mapping';
import { loadSavedMapping, rowContextFor } from './create-import';
import { isBlankRecord, readCsvUpload, StopReading } from './read-csv-upload';
import { readRow, type RowContext, type RowError } from './row-values';
import type { Upload } from './upload-body';

export const PREVIEW_ROWS = 10;

interface PreviewRow {
  row: number;
  values: Record<string, string>;
  errors: RowError[];
}

/**
 * The mapping the import would use and its first rows read as the import would read them, from
 * the beginning of a file; nothing is stored. `partial`: the body is cut, its last row unfinished.
 */
export async function previewImport(input: {
  db: TenantDb;
  upload: Upload;
  requested: ImportMapping | undefined;
  partial: boolean;
}) {
  const saved = await loadSavedMapping(input.db);
  let resolved: ResolvedMapping | undefined;
  let context: RowContext | undefined;
  const rows: PreviewRow[] = [];
  try {
    await readCsvUpload(
      input.upload.chunks,
      async (cells, row) => {
        if (isBlankRecord(cells)) return;
        if (!resolved) {
          resolved = resolveMapping(
            cells.map((c) => c.trim()),
            saved,
            input.requested,
          );
          context = await rowContextFor(input.db, resolved);
          return;
        }
        const values: Record<string, string> = {};
        for (const field of IMPORT_FIELDS) {
          const index = resolved.columns[field];
          if (index !== undefined) values[field] = cells[index] ?? '';
        }
        rows.push({ row, values, errors: readRow(cells, row, context!).errors });
        if (rows.length >= PREVIEW_ROWS) throw new StopReading();
      },
      { partial: input.partial },
    );
  } finally {
    await input.upload.close();
  }
  if (!resolved) {
    throw new AppError(ErrorCode.validation, 'The file has no header row.', { reason: 'empty' });
  }
  const { headers, mapping, sources, missing } = resolved;
  // Errors for unmapped required fields say so once, in `missing`, not on every row.
  const shown = rows.map((r) => ({
    ...r,
    errors: r.errors.filter((e) => !missing.includes(e.field as (typeof missing)[number])),
  }));
  return { headers, mapping, sources, missing, rows: shown };
}
