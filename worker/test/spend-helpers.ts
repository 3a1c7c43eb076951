import { env } from 'cloudflare:workers';
import { vi } from 'vitest';
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

/** Every row of every table and every R2 object, as one string. */
export async function everythingStored(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
  ).all<{ name: string }>();
  const dumps = await Promise.all(
    tables.results.map(async ({ name }) =>
      JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results),
    ),
  );
  const objects = await env.BUCKET.list();
  const bodies = await Promise.all(
    objects.objects.map(async (o) => (await env.BUCKET.get(o.key))?.text()),
  );
  return dumps.join('\n') + bodies.join('\n');
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
