import { and, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AppError, ErrorCode } from '../../../shared/errors';
import { chunkForParameters } from './bulk';
import type { Database } from './client';

export type TenantTable = SQLiteTable & { tenantId: SQLiteColumn };

/**
 * A write tagged with the tenant whose layer built it (null: a global table such as users),
 * so a batch can prove it names one tenant at most.
 */
export interface TenantStatement {
  readonly tenantId: string | null;
  readonly query: BatchItem<'sqlite'>;
}

type InsertValues<T extends TenantTable> = Omit<T['$inferInsert'], 'tenantId'>;
type UpdateValues<T extends TenantTable> = Partial<Omit<T['$inferInsert'], 'tenantId'>>;

/**
 * The only way feature code reads or writes tenant data: every query gets the tenant filter,
 * every insert gets the tenant id, and a batch naming another tenant is refused before it runs.
 */
export class TenantDb {
  constructor(
    private readonly db: Database,
    readonly tenantId: string,
  ) {}

  scope<T extends TenantTable>(table: T, where?: SQL): SQL {
    const own = eq(table.tenantId, this.tenantId);
    return where ? (and(own, where) as SQL) : own;
  }

  select<T extends TenantTable>(table: T, where?: SQL) {
    return this.db.select().from(table).where(this.scope(table, where));
  }

  selectFields<T extends TenantTable, F extends Record<string, SQLiteColumn | SQL.Aliased>>(
    table: T,
    fields: F,
    where?: SQL,
  ) {
    return this.db.select(fields).from(table).where(this.scope(table, where));
  }

  async findOne<T extends TenantTable>(
    table: T,
    where: SQL,
  ): Promise<T['$inferSelect'] | undefined> {
    const rows = await this.db.select().from(table).where(this.scope(table, where)).limit(1);
    return rows[0] as T['$inferSelect'] | undefined;
  }

  insert<T extends TenantTable>(
    table: T,
    values: InsertValues<T> | InsertValues<T>[],
  ): TenantStatement {
    const rows = (Array.isArray(values) ? values : [values]).map((row) => ({
      ...row,
      tenantId: this.tenantId,
    }));
    return this.tag(this.db.insert(table).values(rows as T['$inferInsert'][]));
  }

  /** Insert unless a row with the same key exists (idempotent writes such as checkpoints). */
  insertOrIgnore<T extends TenantTable>(table: T, values: InsertValues<T>): TenantStatement {
    const row = { ...values, tenantId: this.tenantId } as T['$inferInsert'];
    return this.tag(this.db.insert(table).values(row).onConflictDoNothing());
  }

  /** Multi-row insert split into statements that each stay within D1's bound-parameter limit. */
  insertMany<T extends TenantTable>(table: T, values: InsertValues<T>[]): TenantStatement[] {
    const rows = values.map((row) => ({ ...row, tenantId: this.tenantId }));
    return chunkForParameters(rows).map((chunk) =>
      this.tag(this.db.insert(table).values(chunk as T['$inferInsert'][])),
    );
  }

  update<T extends TenantTable>(table: T, values: UpdateValues<T>, where: SQL): TenantStatement {
    const { tenantId: _ignored, ...safe } = values as Record<string, unknown>;
    return this.tag(
      this.db
        .update(table)
        .set(safe as never)
        .where(this.scope(table, where)),
    );
  }

  delete<T extends TenantTable>(table: T, where: SQL): TenantStatement {
    return this.tag(this.db.delete(table).where(this.scope(table, where)));
  }

  /** Runs writes atomically (D1 has no interactive transactions; a batch is all or nothing). */
  async batch(statements: readonly TenantStatement[]): Promise<void> {
    assertSingleTenant(statements, this.tenantId);
    if (statements.length === 0) return;
    const [first, ...rest] = statements.map((statement) => statement.query);
    await this.db.batch([first!, ...rest]);
  }

  private tag(query: BatchItem<'sqlite'>): TenantStatement {
    return { tenantId: this.tenantId, query };
  }
}

/**
 * Refuses a batch unless every statement was built by this tenant's layer and binds its id.
 * Pure so that it can be property-tested on its own.
 */
export function assertSingleTenant(statements: readonly TenantStatement[], tenantId: string): void {
  for (const statement of statements) {
    if (statement.tenantId === null) continue;
    const query = statement.query as { toSQL?: () => { params: unknown[] } };
    const params = query.toSQL?.().params ?? [];
    if (statement.tenantId !== tenantId || !params.includes(tenantId)) {
      throw new AppError(
        ErrorCode.internal,
        undefined,
        {},
        {
          cause: new Error('batch names more than one tenant'),
        },
      );
    }
  }
}
