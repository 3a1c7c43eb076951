import { eq } from 'drizzle-orm';
import type { GlobalDb } from '../../db/global-db';
import { tenants } from '../../db/schema';
import { readTenantTables } from '../../db/tenant-tables';
import type { TenantDb } from '../../db/tenant-db';
import type { Env } from '../../env';
import { utf8 } from '../../lib/crypto/encoding';
import { putEncrypted } from '../../lib/object-store';
import type { KeyContext } from '../../lib/tenant-key-ring';

/**
 * The tenant's whole data as one JSON package (credential columns redacted), stored encrypted
 * in R2 under the tenant's key. Returns the exact bytes and their SHA-256.
 */
export async function createTenantExport(
  env: Env,
  db: TenantDb,
  globalDb: GlobalDb,
  context: KeyContext,
) {
  const tenant = await globalDb.findOne(tenants, eq(tenants.id, db.tenantId));
  const exportId = `exp_${crypto.randomUUID()}`;
  const body = {
    format: 'spendprint-tenant-export/v1',
    export_id: exportId,
    exported_at: context.at.toISOString(),
    tenant: { id: db.tenantId, name: tenant?.name ?? '' },
    tables: await readTenantTables(env, db.tenantId, { redactSecrets: true }),
  };
  const bytes = utf8(JSON.stringify(body));
  const stored = await putEncrypted(
    db,
    env.BUCKET,
    env.KEY_WRAPPING_SECRET,
    { objectId: exportId, purpose: 'export', bytes, contentType: 'application/json' },
    context,
  );
  return { exportId, bytes, sha256: stored.plaintextSha256 };
}
