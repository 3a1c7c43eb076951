import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { createDatabase } from '../../src/db/client';
import { TenantDb } from '../../src/db/tenant-db';
import { activeKek } from '../../src/lib/tenant-key-ring';
import { createTenant, signIn, type TestTenant } from '../fixtures';
import { json } from '../http';
import { send } from '../spend-helpers';

/** What a write scenario gets: a fresh tenant (one per scenario) and a way to call it. */
export interface Walk {
  tenant: TestTenant;
  /** A fresh admin session (scenarios that sign out or change roles do not disturb others). */
  admin(): Promise<string>;
  call(token: string, method: string, path: string, body?: unknown): Promise<Response>;
  /** Calls and expects a 2xx JSON answer. */
  ok<T = Record<string, unknown>>(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T>;
}

/** Counts the audit rows of the one request the scenario is about. */
export type Measure = (request: () => Promise<Response>) => Promise<Response>;

export interface Scenario {
  /** Audit rows the measured request must append: 1 for a write, 0 for a read. */
  appends: 0 | 1;
  run(walk: Walk, measure: Measure): Promise<unknown>;
}

/**
 * Audit rows a request appended, in any tenant: those carrying its request id (work a request
 * leaves to a queue consumer appends its own rows under the consumer's ids).
 */
export async function auditRowsOf(response: Response): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM audit_log WHERE request_id = ?')
    .bind(response.headers.get('x-request-id'))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * A tenant in its steady state: its managed key already exists, so the first encrypted object
 * does not also append the key's own `key.create` row.
 */
export async function newWalk(label: string): Promise<Walk> {
  const tenant = await createTenant(label, 'enterprise');
  const db = new TenantDb(createDatabase(env.DB), tenant.id);
  await activeKek(db, env.KEY_WRAPPING_SECRET, {
    actor: tenant.userIds.admin,
    requestId: 'walk-setup',
    at: new Date(),
  });
  return {
    tenant,
    admin: () => signIn(tenant.emails.admin),
    call: (token, method, path, body) => send(token, method, path, body),
    async ok(token, method, path, body) {
      const response = await send(token, method, path, body);
      expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(
        300,
      );
      return response.status === 204 ? ({} as never) : json(response);
    },
  };
}
