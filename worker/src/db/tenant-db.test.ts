import fc from 'fast-check';
import { env } from 'cloudflare:workers';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './client';
import { GLOBAL_TABLES } from './global-db';
import * as schema from './schema';
import { assertSingleTenant, TenantDb } from './tenant-db';

const db = createDatabase(env.DB);
const team = (id: string) => ({ id, name: id, costCentre: null, createdAt: new Date(0) });

describe('tenant-scoped data layer', () => {
  it('shows a tenant only its own rows', async () => {
    const acme = new TenantDb(db, 'tnt_scope_a');
    const bright = new TenantDb(db, 'tnt_scope_b');
    await acme.batch([acme.insert(schema.teams, team('team_scope_a'))]);
    expect(await acme.select(schema.teams)).toHaveLength(1);
    expect(await bright.select(schema.teams)).toHaveLength(0);
    expect(await bright.findOne(schema.teams, eq(schema.teams.id, 'team_scope_a'))).toBeUndefined();
  });

  it('cannot update or delete another tenant’s row, even by id', async () => {
    const acme = new TenantDb(db, 'tnt_scope_c');
    const bright = new TenantDb(db, 'tnt_scope_d');
    await acme.batch([acme.insert(schema.teams, team('team_scope_c'))]);
    await bright.batch([
      bright.update(schema.teams, { name: 'stolen' }, eq(schema.teams.id, 'team_scope_c')),
      bright.delete(schema.teams, eq(schema.teams.id, 'team_scope_c')),
    ]);
    const row = await acme.findOne(schema.teams, eq(schema.teams.id, 'team_scope_c'));
    expect(row?.name).toBe('team_scope_c');
  });

  it('ignores a tenant id smuggled into insert or update values', async () => {
    const acme = new TenantDb(db, 'tnt_scope_e');
    const smuggled = { ...team('team_scope_e'), tenantId: 'tnt_victim' } as never;
    await acme.batch([acme.insert(schema.teams, smuggled)]);
    await acme.batch([
      acme.update(
        schema.teams,
        { name: 'renamed', tenantId: 'tnt_victim' } as never,
        eq(schema.teams.id, 'team_scope_e'),
      ),
    ]);
    expect(await new TenantDb(db, 'tnt_victim').select(schema.teams)).toHaveLength(0);
    expect(await acme.select(schema.teams)).toHaveLength(1);
  });

  it('refuses a batch naming two tenants before any statement runs', async () => {
    const acme = new TenantDb(db, 'tnt_scope_f');
    const bright = new TenantDb(db, 'tnt_scope_g');
    await expect(
      acme.batch([
        acme.insert(schema.teams, team('team_scope_f')),
        bright.insert(schema.teams, team('team_scope_g')),
      ]),
    ).rejects.toThrow();
    expect(await acme.select(schema.teams)).toHaveLength(0);
    expect(await bright.select(schema.teams)).toHaveLength(0);
  });

  it('covers every table: each is global or carries tenant_id', () => {
    const globals = new Set(Object.values(GLOBAL_TABLES).map((t) => getTableConfig(t).name));
    const tables = (Object.values(schema) as unknown[]).filter(
      (value): value is SQLiteTable =>
        typeof value === 'object' &&
        value !== null &&
        Symbol.for('drizzle:IsDrizzleTable') in value,
    );
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      const config = getTableConfig(table);
      if (globals.has(config.name)) continue;
      expect(
        config.columns.map((c) => c.name),
        config.name,
      ).toContain('tenant_id');
    }
  });
});

describe('assertSingleTenant (property)', () => {
  it('accepts a batch only when every tenant statement was built for the same tenant', () => {
    const tenantIds = ['tnt_a', 'tnt_b', 'tnt_c'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tenantIds, null), { maxLength: 8 }),
        fc.constantFrom(...tenantIds),
        (owners, self) => {
          const statements = owners.map((owner) =>
            owner === null
              ? { tenantId: null, query: db.select().from(schema.users) as never }
              : new TenantDb(db, owner).insert(schema.teams, team(`team_${owner}`)),
          );
          const single = owners.every((owner) => owner === null || owner === self);
          if (single) expect(() => assertSingleTenant(statements, self)).not.toThrow();
          else expect(() => assertSingleTenant(statements, self)).toThrow();
        },
      ),
    );
  });

  it('refuses a statement tagged with the tenant but binding another tenant’s id', () => {
    const forged = {
      tenantId: 'tnt_a',
      query: new TenantDb(db, 'tnt_b').insert(schema.teams, team('x')).query,
    };
    expect(() => assertSingleTenant([forged], 'tnt_a')).toThrow();
  });
});
