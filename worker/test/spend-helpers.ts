import { env } from 'cloudflare:workers';
import { vi } from 'vitest';
import { createDatabase } from '../src/db/client';
import { TenantDb } from '../src/db/tenant-db';
import { getDecrypted } from '../src/lib/object-store';
import { bearer } from './fixtures';
import { call, json } from './http';

/** A JSON request with a bearer token. */
export function send(token: string, method: string, path: string, body?: unknown) {
  return call(path, {
    method,
    headers: {
      ...bearer(token),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function sendJson<T = Record<string, unknown>>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  expected = 200,
): Promise<T> {
  const response = await send(token, method, path, body);
  if (response.status !== expected) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return json<T>(response);
}

/**
 * Every row of every table and every R2 object, as one string; with `decrypted`, each tenant's
 * encrypted objects are added in plain text too.
 */
export async function everythingStored(options: { decrypted?: boolean } = {}): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
  ).all<{ name: string }>();
  const dumps = await Promise.all(
    tables.results.map(async ({ name }) =>
      JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results),
    ),
  );
  const bodies = await Promise.all(
    (await allObjectKeys()).map(async (key) => (await env.BUCKET.get(key))?.text()),
  );
  const plain = options.decrypted ? await decryptedObjects() : [];
  return [...dumps, ...bodies, ...plain].join('\n');
}

/** Every R2 key, page by page (one listing stops at 1,000). */
async function allObjectKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.BUCKET.list(cursor ? { cursor } : {});
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

async function decryptedObjects(): Promise<string[]> {
  const rows = await env.DB.prepare(
    'SELECT tenant_id AS tenantId, object_id AS id FROM encrypted_objects',
  ).all<{ tenantId: string; id: string }>();
  return Promise.all(
    rows.results.map(async ({ tenantId, id }) => {
      const db = new TenantDb(createDatabase(env.DB), tenantId);
      const { bytes } = await getDecrypted(db, env.BUCKET, env.KEY_WRAPPING_SECRET, id);
      return new TextDecoder().decode(bytes);
    }),
  );
}

/** Captures every console line; call the returned function to read them. */
export function captureLogs(): () => string {
  const logged: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
    );
  }
  return () => logged.join('\n');
}

export async function rowCount(table: string, tenantId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table}" WHERE tenant_id = ?`)
    .bind(tenantId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** The audit actions recorded for a tenant, oldest first. */
export async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await env.DB.prepare('SELECT action FROM audit_log WHERE tenant_id = ? ORDER BY seq')
    .bind(tenantId)
    .all<{ action: string }>();
  return rows.results.map((r) => r.action);
}
