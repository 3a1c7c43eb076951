import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

export const CONNECTOR_KINDS = ['coupa'] as const;
export const CONNECTOR_STATES = ['active', 'revoked'] as const;
export const PULL_TRIGGERS = ['schedule', 'manual'] as const;
export const PULL_STATUSES = ['ok', 'failed'] as const;
export const CALL_OUTCOMES = ['ok', 'http-error', 'network-error', 'refused'] as const;

/**
 * A read-only ERP connector: an OAuth 2.0 client (client credentials) configured by a tenant
 * admin. The client secret and the current access token are sealed under the tenant's key
 * (`*_sealed`, envelope encryption); revocation erases both and stops the pulls. `cursor` is
 * the ERP's own "updated at" of the last document taken, so each pull asks only for newer ones.
 * `pull_claim` is a lease: one pull at a time per connector.
 */
export const erpConnectors = sqliteTable(
  'erp_connectors',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind', { enum: CONNECTOR_KINDS }).notNull(),
    name: text('name').notNull(),
    baseUrl: text('base_url').notNull(),
    tokenUrl: text('token_url').notNull(),
    clientId: text('client_id').notNull(),
    /** Space-separated OAuth scopes requested with each token. */
    scopes: text('scopes').notNull(),
    clientSecretSealed: text('client_secret_sealed'),
    accessTokenSealed: text('access_token_sealed'),
    accessTokenExpiresAt: timestamp('access_token_expires_at'),
    state: text('state', { enum: CONNECTOR_STATES }).notNull(),
    /** First pull: documents updated after this date (YYYY-MM-DD). */
    since: text('since').notNull(),
    cursor: text('cursor'),
    pullClaim: text('pull_claim'),
    pullClaimedAt: timestamp('pull_claimed_at'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at'),
    revokedBy: text('revoked_by'),
    /** Deleted connectors leave the list; their pulls and calls stay readable for auditors. */
    deletedAt: timestamp('deleted_at'),
  },
  (t) => [index('erp_connectors_tenant_state').on(t.tenantId, t.state)],
);

/** One pull (scheduled or on demand): what came in, what was already there, what went wrong. */
export const erpConnectorPulls = sqliteTable(
  'erp_connector_pulls',
  {
    id: id(),
    tenantId: tenantId(),
    connectorId: text('connector_id').notNull(),
    trigger: text('trigger', { enum: PULL_TRIGGERS }).notNull(),
    requestedBy: text('requested_by').notNull(),
    startedAt: timestamp('started_at').notNull(),
    finishedAt: timestamp('finished_at').notNull(),
    status: text('status', { enum: PULL_STATUSES }).notNull(),
    documents: integer('documents').notNull(),
    linesNew: integer('lines_new').notNull(),
    linesDuplicate: integer('lines_duplicate').notNull(),
    linesSkipped: integer('lines_skipped').notNull(),
    /** Safe, text-free messages: ERP line ids and reasons, never descriptions or tokens. */
    errors: text('errors', { mode: 'json' }).$type<string[]>().notNull(),
    cursorBefore: text('cursor_before'),
    cursorAfter: text('cursor_after'),
    /** More documents are waiting: the pull stopped at its page limit. */
    more: integer('more', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('erp_connector_pulls_tenant_connector').on(t.tenantId, t.connectorId, t.startedAt)],
);

/**
 * The outbound access log: every call a connector made or tried to make (a refused one too),
 * with the token's fingerprint (never the token), the scope and the endpoint without its query.
 */
export const erpConnectorCalls = sqliteTable(
  'erp_connector_calls',
  {
    id: id(),
    tenantId: tenantId(),
    connectorId: text('connector_id').notNull(),
    pullId: text('pull_id'),
    at: timestamp('at').notNull(),
    method: text('method').notNull(),
    endpoint: text('endpoint').notNull(),
    /** The allow-listed operation, or null when the call was refused. */
    operation: text('operation'),
    status: integer('status'),
    outcome: text('outcome', { enum: CALL_OUTCOMES }).notNull(),
    tokenFingerprint: text('token_fingerprint'),
    scope: text('scope').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    index('erp_connector_calls_tenant_connector').on(t.tenantId, t.connectorId, t.at),
    index('erp_connector_calls_tenant_at').on(t.tenantId, t.at),
  ],
);
