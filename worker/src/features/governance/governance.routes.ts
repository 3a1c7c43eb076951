import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import {
  DeletionRequest,
  ExportIdParam,
  GovernanceExport,
  RetentionSchedule,
} from '../../../../shared/api/governance';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { tenants } from '../../db/schema';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { getDecrypted } from '../../lib/object-store';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { toDeletionRequest } from './deletion-request';
import { RETENTION_SCHEDULE } from './retention-schedule';
import { createTenantExport } from './tenant-export';

const SHA_HEADER = 'X-Content-SHA256';
const checksumHeader = {
  [SHA_HEADER]: { description: 'SHA-256 (hex) of the body', schema: { type: 'string' as const } },
};

const exportRoute = defineRoute('data:export', {
  method: 'get',
  path: '/governance/export',
  tags: ['governance'],
  summary: "All the tenant's data as one JSON package (also stored encrypted for download)",
  description:
    'Every table holding tenant rows, found from the schema; credential hashes and wrapped keys ' +
    'are redacted. The SHA-256 of the body is in X-Content-SHA256; X-Export-Id names the stored copy.',
  responses: {
    200: { ...jsonContent(GovernanceExport), headers: checksumHeader },
    ...problemResponses(401, 403),
  },
});

const downloadRoute = defineRoute('data:export', {
  method: 'get',
  path: '/governance/exports/{id}',
  tags: ['governance'],
  summary: 'Download a stored export (decrypted, checksum verified)',
  request: { params: ExportIdParam },
  responses: {
    200: { ...jsonContent(GovernanceExport), headers: checksumHeader },
    ...problemResponses(400, 401, 403, 404, 409, 500),
  },
});

const deletionStatusRoute = defineRoute('tenant:delete', {
  method: 'get',
  path: '/governance/delete-request',
  tags: ['governance'],
  summary: "The tenant's deletion request, if any",
  responses: { 200: jsonContent(DeletionRequest), ...problemResponses(401, 403) },
});

const deletionRequestRoute = defineRoute('tenant:delete', {
  method: 'post',
  path: '/governance/delete-request',
  tags: ['governance'],
  summary: 'Request deletion of the whole tenant after a 30-day cancellable window',
  description:
    'At deletion_date every row of the tenant, its stored objects and its keys are destroyed. ' +
    'Export first if you need the data. Cancel within the window with /delete-request/cancel.',
  responses: { 202: jsonContent(DeletionRequest), ...problemResponses(401, 403, 409) },
});

const cancelRoute = defineRoute('tenant:delete', {
  method: 'post',
  path: '/governance/delete-request/cancel',
  tags: ['governance'],
  summary: 'Cancel a pending deletion request',
  responses: { 200: jsonContent(DeletionRequest), ...problemResponses(401, 403, 409) },
});

const retentionRoute = defineRoute('member', {
  method: 'get',
  path: '/governance/retention',
  tags: ['governance'],
  summary: 'How long each class of data is kept',
  responses: { 200: jsonContent(RetentionSchedule), ...problemResponses(401) },
});

function currentTenant(c: Context<AppEnv>) {
  return c.var.globalDb.findOne(tenants, eq(tenants.id, c.var.principal.tenantId));
}

async function setDeletionRequest(c: Context<AppEnv>, requestedAt: Date | null, at: Date) {
  const { db, globalDb, principal } = c.var;
  await writeWithAudit(
    db,
    [globalDb.update(tenants, { deletionRequestedAt: requestedAt }, eq(tenants.id, db.tenantId))],
    {
      actor: principal.userId,
      action: requestedAt ? 'tenant.delete-request' : 'tenant.delete-cancel',
      entityType: 'tenant',
      entityId: db.tenantId,
      changes: {
        before: { deletionRequested: !requestedAt },
        after: { deletionRequested: !!requestedAt },
      },
      requestId: c.var.requestId,
      at,
    },
  );
  return toDeletionRequest(await currentTenant(c));
}

export const governanceRoutes = createRouter()
  .openapi(exportRoute, async (c) => {
    const context = { actor: c.var.principal.userId, requestId: c.var.requestId, at: now(c) };
    const created = await createTenantExport(c.env, c.var.db, c.var.globalDb, context);
    await writeWithAudit(c.var.db, [], {
      ...context,
      action: 'tenant.export',
      entityType: 'export',
      entityId: created.exportId,
      changes: { after: { sha256: created.sha256 } },
    });
    return c.body(created.bytes, 200, {
      'content-type': 'application/json',
      'content-disposition': `attachment; filename="${created.exportId}.json"`,
      [SHA_HEADER]: created.sha256,
      'X-Export-Id': created.exportId,
    }) as never;
  })
  .openapi(downloadRoute, async (c) => {
    const { id } = c.req.valid('param');
    const object = await getDecrypted(
      c.var.db,
      c.env.BUCKET,
      c.env.KEY_WRAPPING_SECRET,
      id,
      'export',
    );
    return c.body(new Uint8Array(object.bytes), 200, {
      'content-type': object.contentType,
      'content-disposition': `attachment; filename="${id}.json"`,
      [SHA_HEADER]: object.sha256,
    }) as never;
  })
  .openapi(deletionStatusRoute, async (c) => c.json(toDeletionRequest(await currentTenant(c)), 200))
  .openapi(deletionRequestRoute, async (c) => {
    const tenant = await currentTenant(c);
    if (tenant?.deletionRequestedAt) {
      throw new AppError(ErrorCode.conflict, 'A deletion request is already pending.');
    }
    const at = now(c);
    return c.json(await setDeletionRequest(c, at, at), 202);
  })
  .openapi(cancelRoute, async (c) => {
    const tenant = await currentTenant(c);
    if (!tenant?.deletionRequestedAt) {
      throw new AppError(ErrorCode.conflict, 'There is no pending deletion request.');
    }
    return c.json(await setDeletionRequest(c, null, now(c)), 200);
  })
  .openapi(retentionRoute, (c) => c.json({ rules: [...RETENTION_SCHEDULE] }, 200));
