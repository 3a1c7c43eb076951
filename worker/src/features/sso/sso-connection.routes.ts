import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { SsoConnection, SsoConnectionPut } from '../../../../shared/api/sso';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { ssoConnections } from '../../db/schema';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { seal } from '../../lib/seal';
import { writeWithAudit } from '../audit/append';
import { callbackUrl } from './callback-url';
import { CLIENT_SECRET_PURPOSE } from './sealing';

const sso = { planFeature: 'sso' } as const;

const getRoute = defineRoute(
  'sso:manage',
  {
    method: 'get',
    path: '/sso',
    tags: ['sso'],
    summary: "The tenant's OIDC provider (never its client secret)",
    responses: { 200: jsonContent(SsoConnection), ...problemResponses(401, 403, 404) },
  },
  sso,
);

const putRoute = defineRoute(
  'sso:manage',
  {
    method: 'put',
    path: '/sso',
    tags: ['sso'],
    summary: 'Set the OIDC provider (authorization code + PKCE); the client secret is sealed',
    request: jsonBody(SsoConnectionPut),
    responses: { 200: jsonContent(SsoConnection), ...problemResponses(400, 401, 403) },
  },
  sso,
);

const deleteRoute = defineRoute(
  'sso:manage',
  {
    method: 'delete',
    path: '/sso',
    tags: ['sso'],
    summary: 'Turn single sign-on off (domains stay, routing stops)',
    responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
  },
  sso,
);

type ConnectionRow = typeof ssoConnections.$inferSelect;

function present(c: Context<AppEnv>, row: Omit<ConnectionRow, 'tenantId'>) {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: true as const,
    authorizationEndpoint: row.authorizationEndpoint,
    tokenEndpoint: row.tokenEndpoint,
    jwksUri: row.jwksUri,
    idTokenAlgorithms: [...row.idTokenAlgorithms],
    callbackUrl: callbackUrl(c),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const ssoConnectionRoutes = createRouter()
  .openapi(getRoute, async (c) => {
    const row = await c.var.db.findOne(
      ssoConnections,
      eq(ssoConnections.tenantId, c.var.db.tenantId),
    );
    if (!row) throw new AppError(ErrorCode.notFound, 'Single sign-on is not set up.');
    return c.json(present(c, row), 200);
  })
  .openapi(putRoute, async (c) => {
    const { db, principal } = c.var;
    const { clientSecret, ...settings } = c.req.valid('json');
    const existing = await db.findOne(ssoConnections, eq(ssoConnections.tenantId, db.tenantId));
    if (!clientSecret && !existing) {
      throw new AppError(ErrorCode.validation, 'The client secret is required the first time.');
    }
    const at = now(c);
    const clientSecretSealed = clientSecret
      ? await seal(c.env.DATA_SEALING_SECRET, CLIENT_SECRET_PURPOSE, db.tenantId, clientSecret)
      : existing!.clientSecretSealed;
    const row = {
      ...settings,
      clientSecretSealed,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      updatedBy: principal.userId,
    };
    const own = eq(ssoConnections.tenantId, db.tenantId);
    await writeWithAudit(db, [db.delete(ssoConnections, own), db.insert(ssoConnections, row)], {
      actor: principal.userId,
      action: existing ? 'sso.update' : 'sso.create',
      entityType: 'sso-connection',
      entityId: db.tenantId,
      changes: {
        ...(existing
          ? {
              before: {
                issuer: existing.issuer,
                clientId: existing.clientId,
                idTokenAlgorithms: existing.idTokenAlgorithms,
              },
            }
          : {}),
        after: {
          issuer: settings.issuer,
          clientId: settings.clientId,
          idTokenAlgorithms: settings.idTokenAlgorithms,
          clientSecretChanged: Boolean(clientSecret),
        },
      },
      requestId: c.var.requestId,
      at,
    });
    return c.json(present(c, row), 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { db, principal } = c.var;
    const own = eq(ssoConnections.tenantId, db.tenantId);
    const existing = await db.findOne(ssoConnections, own);
    if (!existing) throw new AppError(ErrorCode.notFound, 'Single sign-on is not set up.');
    const at = now(c);
    await writeWithAudit(db, [db.delete(ssoConnections, own)], {
      actor: principal.userId,
      action: 'sso.delete',
      entityType: 'sso-connection',
      entityId: db.tenantId,
      changes: { before: { issuer: existing.issuer, clientId: existing.clientId } },
      requestId: c.var.requestId,
      at,
    });
    return c.body(null, 204);
  });
