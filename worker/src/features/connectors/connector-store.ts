import { desc, eq, sql } from 'drizzle-orm';
import {
  CONNECTOR_KIND_INFO,
  type ConnectorCallView,
  type ConnectorCreate,
  type ConnectorKind,
  type ConnectorPullView,
  type ConnectorView,
} from '../../../../shared/api/connectors';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { erpConnectorCalls } from '../../db/schema';
import { erpConnectorPulls, erpConnectors } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { describeAllowList, type AllowList } from './allow-list';
import type { ConnectorDefinition } from './connector-definition';
import { coupaConnector } from './coupa/coupa-connector';

export type ConnectorRow = typeof erpConnectors.$inferSelect;
export type PullRow = typeof erpConnectorPulls.$inferSelect;

export const CONNECTOR_DEFINITIONS: Record<ConnectorKind, ConnectorDefinition> = {
  coupa: coupaConnector,
};

/** Sealed-value bindings: a sealed secret only opens for its own connector and purpose. */
export const clientSecretBinding = (connectorId: string) =>
  `erp-connector/${connectorId}/client-secret`;
export const accessTokenBinding = (connectorId: string) =>
  `erp-connector/${connectorId}/access-token`;

export function allowListOf(row: Pick<ConnectorRow, 'kind' | 'baseUrl' | 'tokenUrl'>): AllowList {
  return {
    baseUrl: row.baseUrl,
    tokenUrl: row.tokenUrl,
    reads: CONNECTOR_DEFINITIONS[row.kind].reads,
  };
}

function onKindHost(kind: ConnectorKind, url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return CONNECTOR_KIND_INFO[kind].hostSuffixes.some(
    (suffix) => host.endsWith(suffix) && host.length > suffix.length,
  );
}

/**
 * Settings a connector may be created with: the instance and token URL on the ERP's own hosts
 * (the secret never goes anywhere else) and read scopes the connector knows, its required ones
 * included. Each problem is reported against its field.
 */
export function checkSettings(input: ConnectorCreate): void {
  const info = CONNECTOR_KIND_INFO[input.kind];
  const errors: { path: string; message: string }[] = [];
  const suffixes = info.hostSuffixes.join(' or ');
  if (new URL(input.baseUrl).pathname !== '/') {
    errors.push({
      path: 'baseUrl',
      message: 'the instance URL has no path, e.g. https://acme.coupahost.com',
    });
  }
  if (!onKindHost(input.kind, input.baseUrl)) {
    errors.push({ path: 'baseUrl', message: `a ${info.label} instance is on ${suffixes}` });
  }
  if (!onKindHost(input.kind, input.tokenUrl)) {
    errors.push({ path: 'tokenUrl', message: `a ${info.label} token URL is on ${suffixes}` });
  }
  const known = new Set<string>([...info.requiredScopes, ...info.optionalScopes]);
  const unknown = input.scopes.filter((scope) => !known.has(scope));
  if (unknown.length > 0) {
    errors.push({
      path: 'scopes',
      message: `read-only connector: ${unknown.join(', ')} is not among ${[...known].join(', ')}`,
    });
  }
  const missing = info.requiredScopes.filter((scope) => !input.scopes.includes(scope));
  if (missing.length > 0)
    errors.push({ path: 'scopes', message: `${missing.join(', ')} is required` });
  if (errors.length > 0) {
    throw new AppError(ErrorCode.validation, 'Some connector settings are not allowed.', {
      errors,
    });
  }
}

export function stateOf(row: ConnectorRow): ConnectorView['state'] {
  return row.deletedAt ? 'deleted' : row.state;
}

export function presentPull(row: PullRow): ConnectorPullView {
  return {
    id: row.id,
    connectorId: row.connectorId,
    trigger: row.trigger,
    requestedBy: row.requestedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
    status: row.status,
    documents: row.documents,
    linesNew: row.linesNew,
    linesDuplicate: row.linesDuplicate,
    linesSkipped: row.linesSkipped,
    errors: [...row.errors],
    more: row.more,
  };
}

/** What the API shows of a connector: never the client secret or a token, sealed or not. */
export function presentConnector(row: ConnectorRow, lastPull: PullRow | undefined): ConnectorView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    baseUrl: row.baseUrl,
    tokenUrl: row.tokenUrl,
    clientId: row.clientId,
    scopes: row.scopes.split(' '),
    clientSecretSet: row.clientSecretSealed !== null,
    state: stateOf(row),
    since: row.since,
    cursor: row.cursor,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    allowList: describeAllowList(allowListOf(row)),
    lastPull: lastPull ? presentPull(lastPull) : null,
  };
}

export async function findConnector(db: TenantDb, id: string): Promise<ConnectorRow> {
  const row = await db.findOne(erpConnectors, eq(erpConnectors.id, id));
  if (!row) throw new AppError(ErrorCode.notFound, 'No such connector.');
  return row;
}

export async function latestPull(db: TenantDb, connectorId: string) {
  const [row] = await recentPulls(db, connectorId, 1);
  return row;
}

export function recentPulls(db: TenantDb, connectorId: string, limit: number) {
  return db
    .select(erpConnectorPulls, eq(erpConnectorPulls.connectorId, connectorId))
    .orderBy(desc(erpConnectorPulls.startedAt), desc(sql`rowid`))
    .limit(limit);
}

export function presentCall(row: typeof erpConnectorCalls.$inferSelect): ConnectorCallView {
  return {
    id: row.id,
    connectorId: row.connectorId,
    pullId: row.pullId,
    at: row.at.toISOString(),
    method: row.method,
    endpoint: row.endpoint,
    operation: row.operation,
    status: row.status,
    outcome: row.outcome,
    tokenFingerprint: row.tokenFingerprint,
    scope: row.scope,
    durationMs: row.durationMs,
  };
}
