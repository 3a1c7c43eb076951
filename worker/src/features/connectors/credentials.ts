import { eq } from 'drizzle-orm';
import { erpConnectors } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import type { KeyContext } from '../../lib/tenant-key-ring';
import { activeKeyRow } from '../../lib/tenant-key-ring';
import { sealedKeyVersion, sealForTenant, unsealForTenant } from '../../lib/tenant-sealed-value';
import { accessTokenBinding, clientSecretBinding, type ConnectorRow } from './connector-store';
import { requestAccessToken, type AccessToken } from './oauth-token';
import { ErpError, type ErpAnswer, type OutboundClient } from './outbound-client';

/** A cached token is used only while it has at least this long to live. */
const TOKEN_MARGIN_MS = 60_000;

/** The stored client secret cannot be opened (its key version was revoked, or it was altered). */
export class CredentialsUnreadableError extends Error {
  override name = 'CredentialsUnreadableError';
}

/**
 * A connector's OAuth session during one pull: opens the sealed secret and cached token,
 * requests a token when none is usable (or once more after a 401), and afterwards gives the
 * changes that store the new token — and re-seal the secret if it sits under an old key
 * version — under the tenant's active key.
 */
export class ConnectorSession {
  private token: AccessToken | undefined;
  private issuedNow = false;

  private constructor(
    private readonly db: TenantDb,
    private readonly masterSecret: string,
    private readonly row: ConnectorRow,
    private readonly clientSecret: string,
    private readonly client: OutboundClient,
    private readonly at: Date,
  ) {}

  static async open(
    db: TenantDb,
    masterSecret: string,
    row: ConnectorRow,
    client: OutboundClient,
    at: Date,
  ): Promise<ConnectorSession> {
    if (!row.clientSecretSealed) throw new CredentialsUnreadableError('no client secret is stored');
    let clientSecret: string;
    try {
      clientSecret = await unsealForTenant(
        db,
        masterSecret,
        clientSecretBinding(row.id),
        row.clientSecretSealed,
      );
    } catch {
      throw new CredentialsUnreadableError(
        "the stored client secret cannot be opened (was the tenant's key revoked?): connect again",
      );
    }
    const session = new ConnectorSession(db, masterSecret, row, clientSecret, client, at);
    session.token = await session.cachedToken();
    return session;
  }

  private async cachedToken(): Promise<AccessToken | undefined> {
    const { accessTokenSealed, accessTokenExpiresAt } = this.row;
    if (!accessTokenSealed || !accessTokenExpiresAt) return undefined;
    if (accessTokenExpiresAt.getTime() - TOKEN_MARGIN_MS <= this.at.getTime()) return undefined;
    const token = await unsealForTenant(
      this.db,
      this.masterSecret,
      accessTokenBinding(this.row.id),
      accessTokenSealed,
    ).catch(() => undefined);
    return token ? { token, expiresAt: accessTokenExpiresAt } : undefined;
  }

  private async bearer(): Promise<string> {
    if (!this.token) {
      this.token = await requestAccessToken(
        this.client,
        {
          tokenUrl: this.row.tokenUrl,
          clientId: this.row.clientId,
          clientSecret: this.clientSecret,
          scopes: this.row.scopes,
        },
        this.at,
      );
      this.issuedNow = true;
    }
    return this.token.token;
  }

  /** An authenticated GET; a cached token the ERP no longer accepts is replaced once. */
  async get(url: string): Promise<ErpAnswer> {
    const send = () =>
      this.client.send('GET', url, {
        bearer: () => this.bearer(),
        headers: { accept: 'application/json' },
      });
    const answer = await send();
    if (answer.status !== 401) return answer;
    if (this.issuedNow) throw new ErpError('the ERP refused a fresh token (401): check the scopes');
    this.token = undefined;
    return send();
  }

  /** Conditional on the connector still being active: a revoked one never gets a token back. */
  async credentialChanges(context: KeyContext): Promise<Partial<ConnectorRow>> {
    const changes: Partial<ConnectorRow> = {};
    if (this.issuedNow && this.token) {
      changes.accessTokenSealed = await sealForTenant(
        this.db,
        this.masterSecret,
        accessTokenBinding(this.row.id),
        this.token.token,
        context,
      );
      changes.accessTokenExpiresAt = this.token.expiresAt;
    }
    const active = await activeKeyRow(this.db);
    const sealedUnder =
      this.row.clientSecretSealed && sealedKeyVersion(this.row.clientSecretSealed);
    if (active && sealedUnder !== active.version) {
      changes.clientSecretSealed = await sealForTenant(
        this.db,
        this.masterSecret,
        clientSecretBinding(this.row.id),
        this.clientSecret,
        context,
      );
    }
    return changes;
  }
}

/** Revocation: the secret and token are erased, so nothing can pull again. */
export function eraseCredentials(
  db: TenantDb,
  connectorId: string,
  by: string,
  at: Date,
): TenantStatement {
  return db.update(
    erpConnectors,
    {
      state: 'revoked',
      clientSecretSealed: null,
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
      pullClaim: null,
      pullClaimedAt: null,
      revokedAt: at,
      revokedBy: by,
    },
    eq(erpConnectors.id, connectorId),
  );
}
