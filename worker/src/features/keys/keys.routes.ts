import { eq } from 'drizzle-orm';
import {
  ByokUpload,
  KeyVersionParam,
  TenantKeyChange,
  TenantKeyList,
  TenantKeyVersion,
} from '../../../../shared/api/keys';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { tenantKeys } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { now } from '../../lib/clock';
import { generateTenantKek, importByokJwk, KeyImportError } from '../../lib/crypto/tenant-keys';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import {
  addKeyVersion,
  listKeyVersions,
  revokeKeyVersion,
  type KeyContext,
  type KeyKind,
} from '../../lib/tenant-key-ring';
import { writeWithAudit } from '../audit/append';
import { deleteBackupsUnderKey } from '../backups/backup-job';
import { toKeySummary } from './key-summary';

const listRoute = defineRoute('keys:manage', {
  method: 'get',
  path: '/keys',
  tags: ['keys'],
  summary: "The tenant's encryption key versions (kind, state, dates; never key material)",
  responses: { 200: jsonContent(TenantKeyList), ...problemResponses(401, 403) },
});

const rotateRoute = defineRoute('keys:manage', {
  method: 'post',
  path: '/keys/rotate',
  tags: ['keys'],
  summary: 'Rotate: a new managed key version; every data key is re-wrapped under it',
  description:
    'Stored objects are not re-encrypted; their data keys are re-wrapped in one batch, and the ' +
    'previous version is retired (no object depends on it any more).',
  responses: { 200: jsonContent(TenantKeyChange), ...problemResponses(401, 403) },
});

const byokRoute = defineRoute(
  'keys:manage',
  {
    method: 'post',
    path: '/keys/byok',
    tags: ['keys'],
    summary: 'Bring your own key: a 256-bit AES JWK becomes the active key version',
    description:
      'Enterprise plan. The JWK (kty "oct", 256 bits, use "enc" if given) is stored only wrapped ' +
      'by the service master key; every data key is re-wrapped under it.',
    request: jsonBody(ByokUpload),
    responses: { 200: jsonContent(TenantKeyChange), ...problemResponses(400, 401, 403) },
  },
  { planFeature: 'customer-keys' },
);

const revokeRoute = defineRoute('keys:manage', {
  method: 'post',
  path: '/keys/{version}/revoke',
  tags: ['keys'],
  summary: 'Revoke a key version — IRREVERSIBLE: everything encrypted under it becomes unreadable',
  description:
    'WARNING: crypto-shredding. The wrapped key is erased; every export, backup and report still ' +
    'wrapped under this version can never be decrypted again, by anyone. Rotate first if you ' +
    'want to keep the data. Audited.',
  request: { params: KeyVersionParam },
  responses: { 200: jsonContent(TenantKeyVersion), ...problemResponses(400, 401, 403, 404) },
});

async function addVersion(
  db: TenantDb,
  secret: string,
  kind: KeyKind,
  key: CryptoKey,
  context: KeyContext,
) {
  const change = await addKeyVersion(db, secret, { kind, key, ...context });
  await writeWithAudit(db, change.statements, {
    actor: context.actor,
    action: kind === 'byok' ? 'key.import' : 'key.rotate',
    entityType: 'tenant-key',
    entityId: String(change.version),
    changes: { after: { version: change.version, kind, rewrappedObjects: change.rewrapped } },
    requestId: context.requestId,
    at: context.at,
  });
  const row = await db.findOne(tenantKeys, eq(tenantKeys.version, change.version));
  return { key: toKeySummary(row!), rewrappedObjects: change.rewrapped };
}

export const keysRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const rows = await listKeyVersions(c.var.db);
    return c.json({ keys: rows.map(toKeySummary) }, 200);
  })
  .openapi(rotateRoute, async (c) => {
    const context = { actor: c.var.principal.userId, requestId: c.var.requestId, at: now(c) };
    const key = await generateTenantKek();
    return c.json(
      await addVersion(c.var.db, c.env.KEY_WRAPPING_SECRET, 'managed', key, context),
      200,
    );
  })
  .openapi(byokRoute, async (c) => {
    const { jwk } = c.req.valid('json');
    let key: CryptoKey;
    try {
      key = await importByokJwk(jwk);
    } catch (error) {
      if (error instanceof KeyImportError) throw new AppError(ErrorCode.validation, error.message);
      throw error;
    }
    const context = { actor: c.var.principal.userId, requestId: c.var.requestId, at: now(c) };
    return c.json(await addVersion(c.var.db, c.env.KEY_WRAPPING_SECRET, 'byok', key, context), 200);
  })
  .openapi(revokeRoute, async (c) => {
    const { db, principal } = c.var;
    const { version } = c.req.valid('param');
    const row = await db.findOne(tenantKeys, eq(tenantKeys.version, version));
    if (!row) throw new AppError(ErrorCode.notFound, 'No such key version.');
    if (row.state !== 'revoked') {
      const at = now(c);
      await writeWithAudit(db, [revokeKeyVersion(db, version, at)], {
        actor: principal.userId,
        action: 'key.revoke',
        entityType: 'tenant-key',
        entityId: String(version),
        changes: { before: { state: row.state }, after: { state: 'revoked' } },
        requestId: c.var.requestId,
        at,
      });
      // Backups carry their own wrapped copy of the key; shredding it means deleting them.
      await deleteBackupsUnderKey(c.env.BUCKET, db.tenantId, version);
    }
    const revoked = await db.findOne(tenantKeys, eq(tenantKeys.version, version));
    return c.json(toKeySummary(revoked!), 200);
  });
