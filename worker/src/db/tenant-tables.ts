/**
 * Whole-tenant reads and deletes for governance (export, purge, backup). The tables are found
 * by enumerating the live schema (every table with a `tenant_id` column), so a table added
 * later is exported and purged without anyone remembering to list it. Table names come from
 * sqlite_master, never from a caller; every statement binds the tenant id.
 */
import type { Env } from '../env';

type Row = Record<string, unknown>;

/** Credential material never leaves the database, even in the tenant's own export. */
const SECRET_COLUMN =
  /(^|_)(password_hash|key_hash|token_hash|code_hash|state_hash|nonce_hash|verification_token)$|_sealed$|^wrapped_/;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

export async function listTenantTables(d1: D1Database): Promise<string[]> {
  const tables = await d1
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
    )
    .all<{ name: string }>();
  const withTenant: string[] = [];
  for (const { name } of tables.results) {
    const columns = await d1.prepare(`PRAGMA table_info(${quote(name)})`).all<{ name: string }>();
    if (columns.results.some((column) => column.name === 'tenant_id')) withTenant.push(name);
  }
  return withTenant;
}

function redact(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      SECRET_COLUMN.test(column) && value !== null ? '[redacted]' : value,
    ]),
  );
}

async function rowsOf(d1: D1Database, table: string, tenantId: string): Promise<Row[]> {
  const result = await d1
    .prepare(`SELECT * FROM ${quote(table)} WHERE tenant_id = ? ORDER BY rowid`)
    .bind(tenantId)
    .all<Row>();
  return result.results;
}

/** Every row of the tenant, table by table. `redactSecrets` for exports handed to people. */
export async function readTenantTables(
  env: Env,
  tenantId: string,
  options: { redactSecrets: boolean },
): Promise<Record<string, Row[]>> {
  const tables: Record<string, Row[]> = {};
  for (const table of await listTenantTables(env.DB)) {
    const rows = await rowsOf(env.DB, table, tenantId);
    tables[table] = options.redactSecrets ? rows.map(redact) : rows;
  }
  return tables;
}

/**
 * Deletes every row of the tenant in one batch. `purge_completed_at` is set first, in the same
 * batch, because the audit log's DELETE trigger only lets a purged tenant's rows go.
 * The `tenants` row stays, as the record that the purge happened.
 */
export async function purgeTenantRows(env: Env, tenantId: string, at: Date): Promise<string[]> {
  const tables = await listTenantTables(env.DB);
  await env.DB.batch([
    env.DB.prepare('UPDATE tenants SET purge_completed_at = ? WHERE id = ?').bind(
      at.getTime(),
      tenantId,
    ),
    ...tables.map((table) =>
      env.DB.prepare(`DELETE FROM ${quote(table)} WHERE tenant_id = ?`).bind(tenantId),
    ),
  ]);
  return tables;
}

/** The global rows a tenant needs to work after a restore: itself, its members, their codes. */
export async function readTenantGlobalRows(env: Env, tenantId: string) {
  const all = async (sql: string) => (await env.DB.prepare(sql).bind(tenantId).all<Row>()).results;
  const members = 'SELECT user_id FROM memberships WHERE tenant_id = ?';
  return {
    tenants: await all('SELECT * FROM tenants WHERE id = ? ORDER BY rowid'),
    users: await all(`SELECT * FROM users WHERE id IN (${members}) ORDER BY rowid`),
    recovery_codes: await all(
      `SELECT * FROM recovery_codes WHERE user_id IN (${members}) ORDER BY rowid`,
    ),
  };
}
