import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './client';
import {
  apiKeys,
  emailTokens,
  loginAttempts,
  memberships,
  recoveryCodes,
  refreshTokens,
  ssoDomains,
  ssoHandoffs,
  ssoLoginRequests,
  tenants,
  users,
} from './schema';
import type { TenantStatement } from './tenant-db';

/** Tables that belong to no single tenant. Everything else carries `tenant_id`. */
export const GLOBAL_TABLES = { users, tenants, loginAttempts, recoveryCodes, emailTokens } as const;
export type GlobalTable = (typeof GLOBAL_TABLES)[keyof typeof GLOBAL_TABLES];

/** Access to the global tables only; tenant tables are out of reach by type. */
export class GlobalDb {
  constructor(private readonly db: Database) {}

  select<T extends GlobalTable>(table: T, where?: SQL) {
    const query = this.db.select().from(table as GlobalTable);
    return (where ? query.where(where) : query) as unknown as Promise<T['$inferSelect'][]>;
  }

  async findOne<T extends GlobalTable>(
    table: T,
    where: SQL,
  ): Promise<T['$inferSelect'] | undefined> {
    const rows = await this.db
      .select()
      .from(table as GlobalTable)
      .where(where)
      .limit(1);
    return rows[0] as T['$inferSelect'] | undefined;
  }

  insert<T extends GlobalTable>(table: T, values: T['$inferInsert']): TenantStatement {
    return global(this.db.insert(table).values(values as never));
  }

  upsert<T extends GlobalTable>(
    table: T,
    values: T['$inferInsert'],
    target: SQLiteColumn,
    set: Partial<T['$inferInsert']>,
  ): TenantStatement {
    return global(
      this.db
        .insert(table)
        .values(values as never)
        .onConflictDoUpdate({ target, set: set as never }),
    );
  }

  update<T extends GlobalTable>(
    table: T,
    values: Partial<T['$inferInsert']>,
    where: SQL,
  ): TenantStatement {
    return global(
      this.db
        .update(table)
        .set(values as never)
        .where(where),
    );
  }

  delete<T extends GlobalTable>(table: T, where: SQL): TenantStatement {
    return global(this.db.delete(table).where(where));
  }

  async batch(statements: readonly TenantStatement[]): Promise<void> {
    if (statements.length === 0) return;
    const [first, ...rest] = statements.map((statement) => statement.query);
    await this.db.batch([first!, ...rest]);
  }

  /** Sign-in only: which tenants a person belongs to, before any tenant is known. */
  membershipsOf(userId: string) {
    return this.db.select().from(memberships).where(eq(memberships.userId, userId));
  }

  /** API-key sign-in only: which tenant a key hash belongs to, before any tenant is known. */
  async apiKeyTenantByHash(keyHash: string): Promise<{ tenantId: string } | undefined> {
    const rows = await this.db
      .select({ tenantId: apiKeys.tenantId })
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, keyHash))
      .limit(1);
    return rows[0];
  }

  /** SSO start only: the tenant whose verified domain an email belongs to. */
  async tenantByVerifiedSsoDomain(domain: string): Promise<{ tenantId: string } | undefined> {
    const rows = await this.db
      .select({ tenantId: ssoDomains.tenantId })
      .from(ssoDomains)
      .where(and(eq(ssoDomains.domain, domain), isNotNull(ssoDomains.verifiedAt)))
      .limit(1);
    return rows[0];
  }

  /** SSO callback only: which tenant a pending sign-in (by its state's hash) belongs to. */
  async ssoLoginTenantByStateHash(stateHash: string): Promise<{ tenantId: string } | undefined> {
    const rows = await this.db
      .select({ tenantId: ssoLoginRequests.tenantId })
      .from(ssoLoginRequests)
      .where(eq(ssoLoginRequests.stateHash, stateHash))
      .limit(1);
    return rows[0];
  }

  /** SSO hand-off exchange only: which tenant a one-time code (by its hash) belongs to. */
  async ssoHandoffTenantByHash(codeHash: string): Promise<{ tenantId: string } | undefined> {
    const rows = await this.db
      .select({ tenantId: ssoHandoffs.tenantId })
      .from(ssoHandoffs)
      .where(eq(ssoHandoffs.codeHash, codeHash))
      .limit(1);
    return rows[0];
  }

  /** Refresh only: which tenant a refresh token (by its hash) belongs to. */
  async refreshTokenTenantByHash(tokenHash: string): Promise<{ tenantId: string } | undefined> {
    const rows = await this.db
      .select({ tenantId: refreshTokens.tenantId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1);
    return rows[0];
  }

  tenantBySlug(slug: string) {
    return this.findOne(tenants, eq(tenants.slug, slug));
  }

  ping(): Promise<'ok' | 'unavailable'> {
    return this.db
      .run(sql`SELECT 1`)
      .then(() => 'ok' as const)
      .catch(() => 'unavailable' as const);
  }
}

function global(query: BatchItem<'sqlite'>): TenantStatement {
  return { tenantId: null, query };
}
