import { desc, eq } from 'drizzle-orm';
import {
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyIdParam,
  ApiKeyList,
} from '../../../../shared/api/api-keys';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { apiKeys } from '../../db/schema';
import { hasCapability } from '../../middleware/authenticate';
import { now } from '../../lib/clock';
import { generateApiKey } from '../../lib/crypto/tokens';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { toApiKeySummary } from './api-key-summary';

const createRoute = defineRoute('keys:manage', {
  method: 'post',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: 'Create an API key (the whole key is shown in this answer only)',
  request: jsonBody(ApiKeyCreate),
  responses: { 201: jsonContent(ApiKeyCreated), ...problemResponses(400, 401, 403) },
});

const listRoute = defineRoute('keys:manage', {
  method: 'get',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: "The tenant's API keys, by prefix, with last use",
  responses: { 200: jsonContent(ApiKeyList), ...problemResponses(401, 403) },
});

const revokeRoute = defineRoute('keys:manage', {
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['api-keys'],
  summary: 'Revoke an API key (at once, for good)',
  request: { params: ApiKeyIdParam },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});

export const apiKeysRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const { db, principal } = c.var;
    const { name, scopes } = c.req.valid('json');
    const beyond = scopes.filter((scope) => !hasCapability(principal, scope));
    if (beyond.length > 0) {
      throw new AppError(ErrorCode.forbidden, `A key cannot have more than you: ${beyond[0]}.`);
    }
    const { key, prefix, hash } = await generateApiKey();
    const at = now(c);
    const row = {
      id: `key_${crypto.randomUUID()}`,
      name,
      prefix,
      keyHash: hash,
      scopes,
      createdBy: principal.userId,
      createdAt: at,
      lastUsedAt: null,
      revokedAt: null,
    };
    await writeWithAudit(db, [db.insert(apiKeys, row)], {
      actor: principal.userId,
      action: 'api-key.create',
      entityType: 'api-key',
      entityId: row.id,
      changes: { after: { name, prefix, scopes } },
      requestId: c.var.requestId,
      at,
    });
    return c.json({ ...toApiKeySummary(row), key }, 201);
  })
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db.select(apiKeys).orderBy(desc(apiKeys.createdAt));
    return c.json({ keys: rows.map(toApiKeySummary) }, 200);
  })
  .openapi(revokeRoute, async (c) => {
    const { db, principal } = c.var;
    const { id } = c.req.valid('param');
    const key = await db.findOne(apiKeys, eq(apiKeys.id, id));
    if (!key) throw new AppError(ErrorCode.notFound, 'No such API key.');
    if (key.revokedAt) return c.body(null, 204);
    const at = now(c);
    await writeWithAudit(db, [db.update(apiKeys, { revokedAt: at }, eq(apiKeys.id, id))], {
      actor: principal.userId,
      action: 'api-key.revoke',
      entityType: 'api-key',
      entityId: id,
      changes: { before: { revoked: false }, after: { revoked: true } },
      requestId: c.var.requestId,
      at,
    });
    return c.body(null, 204);
  });
