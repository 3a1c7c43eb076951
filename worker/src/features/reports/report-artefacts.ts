/**
 * The report's rendered artefacts (JSON, CSV, PDF) sealed in R2 under the tenant's key. The D1 rows come back as statements so that they land in the same
 * batch as the report row and its audit entry.
 */
import type { ReportFormat } from '../../../../shared/api/reports';
import type { ReportArtefact } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import type { Env } from '../../env';
import { sealEncrypted, type EncryptedObjectRow } from '../../lib/object-store';
import type { KeyContext } from '../../lib/tenant-key-ring';
import { artefactObjectId, CONTENT_TYPES } from './report-render';

export interface SealedArtefacts {
  artefacts: ReportArtefact[];
  statements: TenantStatement[];
  /** The uploaded objects, to discard if the batch that records them fails. */
  objects: EncryptedObjectRow[];
}

export async function sealArtefacts(
  env: Env,
  db: TenantDb,
  reportId: string,
  rendered: Record<ReportFormat, Uint8Array>,
  context: KeyContext,
): Promise<SealedArtefacts> {
  const sealed: SealedArtefacts = { artefacts: [], statements: [], objects: [] };
  // One after another: the first seal may create the tenant's key, the others reuse it.
  for (const format of Object.keys(rendered) as ReportFormat[]) {
    const { row, statement } = await sealEncrypted(
      db,
      env.BUCKET,
      env.KEY_WRAPPING_SECRET,
      {
        objectId: artefactObjectId(reportId, format),
        purpose: 'report',
        bytes: rendered[format],
        contentType: CONTENT_TYPES[format],
      },
      context,
    );
    sealed.objects.push(row);
    sealed.statements.push(statement);
    sealed.artefacts.push({
      format,
      objectId: row.objectId,
      contentType: row.contentType,
      sha256: row.plaintextSha256,
      bytes: row.plaintextBytes,
    });
  }
  return sealed;
}
