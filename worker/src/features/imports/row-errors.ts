import { count, eq } from 'drizzle-orm';
import { MAX_LISTED_ROW_ERRORS } from '../../../../shared/api/imports';
import { importRowErrors } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import type { RowError } from './row-values';

/**
 * Inserts for an import's row errors, up to MAX_LISTED_ROW_ERRORS listed per import (the rest
 * are counted in rows_failed only), so a file of bad rows cannot blow the statement budget.
 */
export async function errorRowStatements(
  db: TenantDb,
  importId: string,
  errors: readonly RowError[],
  alreadyListed?: number,
): Promise<TenantStatement[]> {
  if (errors.length === 0) return [];
  const listed =
    alreadyListed ??
    (
      await db.selectFields(
        importRowErrors,
        { n: count().as('n') },
        eq(importRowErrors.importId, importId),
      )
    )[0]?.n ??
    0;
  const room = Math.max(0, MAX_LISTED_ROW_ERRORS - listed);
  return db.insertMany(
    importRowErrors,
    errors.slice(0, room).map((error) => ({ importId, ...error })),
  );
}
