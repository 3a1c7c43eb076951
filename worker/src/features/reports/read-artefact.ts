import type { ReportFormat } from '../../../../shared/api/reports';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { TenantDb } from '../../db/tenant-db';
import type { Env } from '../../env';
import { getDecrypted, type DecryptedObject } from '../../lib/object-store';
import { ObjectUnreadableError } from '../../lib/object-unreadable';
import type { ReportRow } from './workflow';

export const SHA_HEADER = 'X-Content-SHA256';

/**
 * The decrypted artefact, checked twice: the GCM tag and the object's own checksum (in the
 * object store), then the checksum the report row recorded when it was prepared, which the
 * approval's audit entry also carries. Any mismatch is an error; wrong bytes are never returned.
 * The whole object is decrypted before the first byte goes out: GCM can only vouch for it then.
 */
export async function readArtefact(
  env: Env,
  db: TenantDb,
  report: ReportRow,
  format: ReportFormat,
): Promise<DecryptedObject> {
  const artefact = report.artefacts.find((a) => a.format === format);
  if (!artefact) throw new AppError(ErrorCode.notFound, `The report has no ${format} artefact.`);
  const object = await getDecrypted(
    db,
    env.BUCKET,
    env.KEY_WRAPPING_SECRET,
    artefact.objectId,
    'report',
  );
  if (object.sha256 !== artefact.sha256) throw new ObjectUnreadableError('integrity');
  return object;
}
