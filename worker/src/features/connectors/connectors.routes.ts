import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import {
  Connector,
  ConnectorCallPage,
  ConnectorCallsQuery,
  ConnectorCreate,
  ConnectorIdParam,
  ConnectorList,
  ConnectorPull,
  ConnectorPullList,
} from '../../../../shared/api/connectors';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { erpConnectorCalls, erpConnectors, tenants } from '../../db/schema';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { sealForTenant } from '../../lib/tenant-sealed-value';
import { writeWithAudit } from '../audit/append';
import {
  checkSettings,
  clientSecretBinding,
  findConnector,
  latestPull,
  presentCall,
  presentConnector,
  presentPull,
  recentPulls,
  type ConnectorRow,
} from './connector-store';
import { eraseCredentials } from './credentials';
import { runPull } from './run-pull';

const connectors = { planFeature: 'erp-connectors' } as const;
const idParam = { params: ConnectorIdParam };
const DEFAULT_SINCE_DAYS = 90;
const PULLS_SHOWN = 20;

const createRoute = defineRoute(
  'settings:manage',
  {
    method: 'post',
    path: '/connectors',
    tags: ['connectors'],
    summary: 'Connect an ERP (OAuth 2.0 client credentials); the client secret is sealed',
    description:
      'The client secret is sealed under the tenant key and never returned. The instance and ' +
      "token URL must be on the ERP's own hosts and the scopes read-only.",
    request: jsonBody(ConnectorCreate),
    responses: { 201: jsonContent(Connector), ...problemResponses(400, 401, 403, 409) },
  },
  connectors,
);

const listRoute = defineRoute(
  'settings:manage',
  {
    method: 'get',
    path: '/connectors',
    tags: ['connectors'],
    summary: "The tenant's ERP connectors with their allow-lists and last pull",
    responses: { 200: jsonContent(ConnectorList), ...problemResponses(401, 403) },
  },
  connectors,
);

const getRoute = defineRoute(
  'settings:manage',
  {
    method: 'get',
    path: '/connectors/{id}',
    tags: ['connectors'],
    summary: 'One connector (a deleted one too, for its history)',
    request: idParam,
    responses: { 200: jsonContent(Connector), ...problemResponses(400, 401, 403, 404) },
  },
  connectors,
);

const revokeRoute = defineRoute(
  'settings:manage',
  {
    method: 'post',
    path: '/connectors/{id}/revoke',
    tags: ['connectors'],
    summary: 'Revoke: erase the client secret and token at once and stop pulling',
    request: idParam,
    responses: { 200: jsonContent(Connector), ...problemResponses(400, 401, 403, 404) },
  },
  connectors,
);

const deleteRoute = defineRoute(
  'settings:manage',
  {
    method: 'delete',
    path: '/connectors/{id}',
    tags: ['connectors'],
    summary: 'Revoke and remove from the list (pulls and outbound calls stay readable)',
    request: idParam,
    responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
  },
  connectors,
);

const pullRoute = defineRoute(
  'settings:manage',
  {
    method: 'post',
    path: '/connectors/{id}/pull',
    tags: ['connectors'],
    summary: 'Pull new purchase lines now; the answer is the recorded pull (ok or failed)',
    request: idParam,
    responses: { 200: jsonContent(ConnectorPull), ...problemResponses(400, 401, 403, 404, 409) },
  },
  connectors,
);

const pullsRoute = defineRoute(
  'settings:manage',
  {
    method: 'get',
    path: '/connectors/{id}/pulls',
    tags: ['connectors'],
    summary: `The last ${PULLS_SHOWN} pulls: when, lines new and duplicate, errors`,
    request: idParam,
    responses: { 200: jsonContent(ConnectorPullList), ...problemResponses(400, 401, 403, 404) },
  },
  connectors,
);

const callsRoute = defineRoute(
  'access-log:read',
  {
    method: 'get',
    path: '/connectors/{id}/calls',
    tags: ['connectors'],
    summary: 'Outbound access log: every call the connector made or was refused, newest first',
    request: { ...idParam, query: ConnectorCallsQuery },
    responses: { 200: jsonContent(ConnectorCallPage), ...problemResponses(400, 401, 403, 404) },
  },
  connectors,
);

function daysBefore(at: Date, days: number): string {
  return new Date(at.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

async function view(c: Context<AppEnv>, row: ConnectorRow) {
  return presentConnector(row, await latestPull(c.var.db, row.id));
}

function auditContext(c: Context<AppEnv>, at: Date) {
  return { actor: c.var.principal.userId, requestId: c.var.requestId, at };
}

export const connectorsRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const { db, principal } = c.var;
    const input = c.req.valid('json');
    checkSettings(input);
    const baseUrl = new URL(input.baseUrl).origin;
    const twin = await db.findOne(
      erpConnectors,
      and(
        eq(erpConnectors.baseUrl, baseUrl),
        eq(erpConnectors.state, 'active'),
        isNull(erpConnectors.deletedAt),
      )!,
    );
    if (twin) {
      throw new AppError(
        ErrorCode.conflict,
        'This instance is already connected; revoke it first.',
      );
    }
    const at = now(c);
    const id = `erp_${crypto.randomUUID()}`;
    const row: ConnectorRow = {
      id,
      tenantId: db.tenantId,
      kind: input.kind,
      name: input.name,
      baseUrl,
      tokenUrl: input.tokenUrl,
      clientId: input.clientId,
      scopes: input.scopes.join(' '),
      clientSecretSealed: await sealForTenant(
        db,
        c.env.KEY_WRAPPING_SECRET,
        clientSecretBinding(id),
        input.clientSecret,
        auditContext(c, at),
      ),
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
      state: 'active',
      since: input.since ?? daysBefore(at, DEFAULT_SINCE_DAYS),
      cursor: null,
      pullClaim: null,
      pullClaimedAt: null,
      createdBy: principal.userId,
      createdAt: at,
      revokedAt: null,
      revokedBy: null,
      deletedAt: null,
    };
    const { tenantId: _tenant, ...values } = row;
    await writeWithAudit(db, [db.insert(erpConnectors, values)], {
      ...auditContext(c, at),
      action: 'connector.create',
      entityType: 'erp-connector',
      entityId: id,
      changes: {
        after: {
          kind: row.kind,
          name: row.name,
          baseUrl: row.baseUrl,
          tokenUrl: row.tokenUrl,
          clientId: row.clientId,
          scopes: row.scopes,
          since: row.since,
        },
      },
    });
    return c.json(presentConnector(row, undefined), 201);
  })
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db
      .select(erpConnectors, isNull(erpConnectors.deletedAt))
      .orderBy(desc(erpConnectors.createdAt), desc(erpConnectors.id));
    return c.json({ connectors: await Promise.all(rows.map((row) => view(c, row))) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const row = await findConnector(c.var.db, c.req.valid('param').id);
    return c.json(await view(c, row), 200);
  })
  .openapi(revokeRoute, async (c) => {
    const { db, principal } = c.var;
    const row = await findConnector(db, c.req.valid('param').id);
    if (row.state === 'revoked') return c.json(await view(c, row), 200);
    const at = now(c);
    await writeWithAudit(db, [eraseCredentials(db, row.id, principal.userId, at)], {
      ...auditContext(c, at),
      action: 'connector.revoke',
      entityType: 'erp-connector',
      entityId: row.id,
      changes: {
        before: { state: row.state, credentialsStored: true },
        after: { state: 'revoked', credentialsStored: false },
      },
    });
    return c.json(await view(c, await findConnector(db, row.id)), 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { db, principal } = c.var;
    const row = await findConnector(db, c.req.valid('param').id);
    if (row.deletedAt) return c.body(null, 204);
    const at = now(c);
    const statements = [
      ...(row.state === 'active' ? [eraseCredentials(db, row.id, principal.userId, at)] : []),
      db.update(erpConnectors, { deletedAt: at }, eq(erpConnectors.id, row.id)),
    ];
    await writeWithAudit(db, statements, {
      ...auditContext(c, at),
      action: 'connector.delete',
      entityType: 'erp-connector',
      entityId: row.id,
      changes: {
        before: { state: row.state },
        after: { state: 'deleted', credentialsStored: false },
      },
    });
    return c.body(null, 204);
  })
  .openapi(pullRoute, async (c) => {
    const { db, principal, globalDb } = c.var;
    const { id } = c.req.valid('param');
    await findConnector(db, id);
    const tenant = await globalDb.findOne(tenants, eq(tenants.id, principal.tenantId));
    const pull = await runPull(
      {
        db,
        env: c.env,
        reviewThreshold: tenant?.reviewThreshold ?? 0.8,
        keepReviewText: tenant?.keepReviewText ?? false,
        trigger: 'manual',
        actor: principal.userId,
        requestId: c.var.requestId,
        at: now(c),
      },
      id,
    );
    return c.json(presentPull(pull), 200);
  })
  .openapi(pullsRoute, async (c) => {
    const { id } = c.req.valid('param');
    await findConnector(c.var.db, id);
    const rows = await recentPulls(c.var.db, id, PULLS_SHOWN);
    return c.json({ pulls: rows.map(presentPull) }, 200);
  })
  .openapi(callsRoute, async (c) => {
    const { db } = c.var;
    const { id } = c.req.valid('param');
    const { limit, offset } = c.req.valid('query');
    await findConnector(db, id);
    const own = eq(erpConnectorCalls.connectorId, id);
    const [rows, [total]] = await Promise.all([
      db
        .select(erpConnectorCalls, own)
        // Calls of one pull often share a millisecond; insertion order (rowid) breaks the tie.
        .orderBy(desc(erpConnectorCalls.at), desc(sql`rowid`))
        .limit(limit)
        .offset(offset),
      db.selectFields(erpConnectorCalls, { n: count().as('n') }, own),
    ]);
    const n = total?.n ?? 0;
    const nextOffset = offset + rows.length < n ? offset + rows.length : null;
    return c.json({ calls: rows.map(presentCall), total: n, nextOffset }, 200);
  });
