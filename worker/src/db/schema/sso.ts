import { sql } from 'drizzle-orm';
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { IdTokenAlgorithm } from '../../../../shared/api/sso';
import { createdAt, id, tenantId, timestamp } from './columns';

/** A tenant's OIDC identity provider (one per tenant). The client secret is sealed at rest. */
export const ssoConnections = sqliteTable('sso_connections', {
  tenantId: tenantId().primaryKey(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  authorizationEndpoint: text('authorization_endpoint').notNull(),
  tokenEndpoint: text('token_endpoint').notNull(),
  jwksUri: text('jwks_uri').notNull(),
  idTokenAlgorithms: text('id_token_algorithms', { mode: 'json' })
    .$type<IdTokenAlgorithm[]>()
    .notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * Email domains that route people to a tenant's provider, once proven by a DNS TXT record.
 * A domain may be verified by one tenant only.
 */
export const ssoDomains = sqliteTable(
  'sso_domains',
  {
    id: id(),
    tenantId: tenantId(),
    domain: text('domain').notNull(),
    /** Published in DNS by the customer, so it is not a secret. */
    verificationToken: text('verification_token').notNull(),
    createdAt: createdAt(),
    verifiedAt: timestamp('verified_at'),
  },
  (t) => [
    uniqueIndex('sso_domains_tenant_domain').on(t.tenantId, t.domain),
    uniqueIndex('sso_domains_verified_domain')
      .on(t.domain)
      .where(sql`verified_at IS NOT NULL`),
  ],
);

/**
 * One pending authorization request: short-lived and single-use. The state and nonce are kept
 * as SHA-256 only; the PKCE verifier (which must be sent later) is sealed to its state.
 */
export const ssoLoginRequests = sqliteTable('sso_login_requests', {
  stateHash: text('state_hash').primaryKey(),
  tenantId: tenantId(),
  nonceHash: text('nonce_hash').notNull(),
  verifierSealed: text('verifier_sealed').notNull(),
  transport: text('transport', { enum: ['cookie', 'bearer'] }).notNull(),
  /** Bearer transport only: the extension's allow-listed redirect URI. */
  redirectUri: text('redirect_uri'),
  /** Bearer transport only: the extension's own PKCE challenge (S256) for the hand-off code. */
  clientCodeChallenge: text('client_code_challenge'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at').notNull(),
  usedAt: timestamp('used_at'),
  /** Random value written by whichever callback consumed the request; proves it was this one. */
  claim: text('claim'),
});

/**
 * The extension's one-time hand-off after a successful SSO callback: a short-lived code (kept
 * as SHA-256) that the extension exchanges, with its PKCE verifier, for a session and a refresh
 * token. No token ever travels in a URL.
 */
export const ssoHandoffs = sqliteTable('sso_handoffs', {
  codeHash: text('code_hash').primaryKey(),
  tenantId: tenantId(),
  userId: text('user_id').notNull(),
  codeChallenge: text('code_challenge').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at').notNull(),
  usedAt: timestamp('used_at'),
  claim: text('claim'),
});
