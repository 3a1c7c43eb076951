/**
 * Validated rows wait for the import job in parts of PART_ROWS, each encrypted under the
 * tenant's key (envelope encryption, object-store.ts). A part is deleted once its rows are
 * recorded; the descriptions in it never reach D1 or a log.
 */
import type { Kek } from '../../lib/crypto/envelope';
import type { TenantDb } from '../../db/tenant-db';
import { getDecrypted, uploadSealed, type EncryptedObjectRow } from '../../lib/object-store';
import type { StagedRow } from './row-values';

/**
 * Rows per staged part: large enough that a 1,000,000-row file needs 200 R2 writes in the
 * upload request, small enough (~1 MB) that decrypting one per job step is cheap.
 */
export const PART_ROWS = 5000;

export const partObjectId = (importId: string, part: number) => `${importId}.part-${part}`;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function stagePart(
  db: TenantDb,
  bucket: R2Bucket,
  kek: Kek,
  input: { importId: string; part: number; rows: readonly StagedRow[]; at: Date },
): Promise<EncryptedObjectRow> {
  return uploadSealed(
    db,
    bucket,
    kek,
    {
      objectId: partObjectId(input.importId, input.part),
      purpose: 'import',
      bytes: encoder.encode(JSON.stringify(input.rows)),
      contentType: 'application/json',
    },
    input.at,
  );
}

export async function readPart(
  db: TenantDb,
  bucket: R2Bucket,
  masterSecret: string,
  importId: string,
  part: number,
): Promise<{ rows: StagedRow[]; r2Key: string }> {
  const object = await getDecrypted(
    db,
    bucket,
    masterSecret,
    partObjectId(importId, part),
    'import',
  );
  return {
    rows: JSON.parse(decoder.decode(object.bytes)) as StagedRow[],
    r2Key: object.record.r2Key,
  };
}

/** Best effort: ciphertext left behind is unreadable anyway once its key row is gone. */
export async function deleteStaged(bucket: R2Bucket, r2Keys: readonly string[]): Promise<void> {
  if (r2Keys.length === 0) return;
  await bucket.delete([...r2Keys]).catch((error: unknown) => {
    console.warn(JSON.stringify({ event: 'import-staging-delete-failed', error: String(error) }));
  });
}
