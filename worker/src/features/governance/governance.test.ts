import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { createDatabase } from '../../db/client';
import { accessLog, encryptedObjects } from '../../db/schema';
import { listTenantTables } from '../../db/tenant-tables';
import { TenantDb } from '../../db/tenant-db';
import { sha256Hex } from '../../lib/crypto/digest';
import { tenantObjectPrefix } from '../../lib/object-store';
import { enforceAccessLogRetention, purgeDeletedTenants } from './governance-job';

const DAY = 24 * 60 * 60 * 1000;

async function admin(label: string) {
  const tenant = await createTenant(label);
  return { tenant, headers: bearer(await signIn(tenant.emails.admin)) };
}

async function countRows(tenantId: string) {
  let total = 0;
  for (const table of await listTenantTables(env.DB)) {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE tenant_id = ?`)
      .bind(tenantId)
      .first<{ n: number }>();
    total += row!.n;
  }
  return total;
}

describe('governance export', () => {
  it('exports every tenant table with a checksum, stored encrypted and downloadable', async () => {
    const { tenant, headers } = await admin('gov-export');
    const response = await call('/api/v1/governance/export', { headers });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('x-content-sha256')).toBe(await sha256Hex(bytes));
    const body = JSON.parse(new TextDecoder().decode(bytes)) as {
      exported_at: string;
      tenant: { name: string };
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(body.tenant.name).toBe('Tenant gov-export');
    expect(body.exported_at).toMatch(/^\d{4}-/);
    expect(Object.keys(body.tables).sort()).toEqual((await listTenantTables(env.DB)).sort());
    expect(body.tables.memberships).toHaveLength(6);
    expect(body.tables.teams![0]).toMatchObject({ id: tenant.teamId });
    // Credential material is redacted, even for the tenant itself.
    expect(JSON.stringify(body.tables.tenant_keys)).not.toMatch(/"wrapped_kek":"[A-Za-z0-9+/]{20}/);

    const exportId = response.headers.get('x-export-id')!;
    const stored = await env.BUCKET.get(`${tenantObjectPrefix(tenant.id)}export/${exportId}`);
    expect(new TextDecoder('latin1').decode(await stored!.arrayBuffer())).not.toContain(
      'Tenant gov-export',
    );
    const download = await call(`/api/v1/governance/exports/${exportId}`, { headers });
    expect(download.status).toBe(200);
    const again = new Uint8Array(await download.arrayBuffer());
    expect(again).toEqual(bytes);
    expect(download.headers.get('x-content-sha256')).toBe(await sha256Hex(bytes));
  });

  it('refuses a tampered stored export instead of serving it', async () => {
    const { tenant, headers } = await admin('gov-export-tamper');
    const exportId = (await call('/api/v1/governance/export', { headers })).headers.get(
      'x-export-id',
    )!;
    const key = `${tenantObjectPrefix(tenant.id)}export/${exportId}`;
    const stored = new Uint8Array(await (await env.BUCKET.get(key))!.arrayBuffer());
    stored[10]! ^= 0xff;
    await env.BUCKET.put(key, stored);
    const download = await call(`/api/v1/governance/exports/${exportId}`, { headers });
    expect(download.status).toBe(500);
    expect(download.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 404 for an export of another tenant', async () => {
    const owner = await admin('gov-owner');
    const exportId = (
      await call('/api/v1/governance/export', { headers: owner.headers })
    ).headers.get('x-export-id')!;
    const other = await admin('gov-other');
    const response = await call(`/api/v1/governance/exports/${exportId}`, {
      headers: other.headers,
    });
    expect(response.status).toBe(404);
  });
});

describe('tenant deletion', () => {
  it('schedules, cancels and reschedules a deletion request, audited', async () => {
    const { headers } = await admin('gov-delete-cancel');
    const at = '2026-03-01T10:00:00.000Z';
    const requested = await call('/api/v1/governance/delete-request', {
      method: 'POST',
      headers: { ...headers, 'x-test-now': at },
    });
    expect(requested.status).toBe(202);
    expect(await requested.json()).toEqual({
      status: 'scheduled',
      requested_at: at,
      deletion_date: '2026-03-31T10:00:00.000Z',
      retention_days: 30,
    });
    const twice = await call('/api/v1/governance/delete-request', { method: 'POST', headers });
    expect(twice.status).toBe(409);
    const cancelled = await call('/api/v1/governance/delete-request/cancel', {
      method: 'POST',
      headers,
    });
    expect(await cancelled.json()).toMatchObject({ status: 'none', deletion_date: null });
    const audit = await json<{ entries: { action: string }[] }>(
      await call('/api/v1/audit?limit=100', { headers }),
    );
    const actions = audit.entries.map((entry) => entry.action);
    expect(actions).toContain('tenant.delete-request');
    expect(actions).toContain('tenant.delete-cancel');
  });

  it('purges rows, objects and keys at the end of the window, not before', async () => {
    const doomed = await admin('gov-purge');
    const bystander = await admin('gov-bystander');
    await call('/api/v1/governance/export', { headers: doomed.headers });
    await call('/api/v1/governance/export', { headers: bystander.headers });
    const requestedAt = new Date('2026-01-10T00:00:00Z');
    await call('/api/v1/governance/delete-request', {
      method: 'POST',
      headers: { ...doomed.headers, 'x-test-now': requestedAt.toISOString() },
    });
    const bystanderRows = await countRows(bystander.tenant.id);

    expect(
      await purgeDeletedTenants(env, new Date(requestedAt.getTime() + 29 * DAY)),
    ).not.toContain(doomed.tenant.id);
    expect(await countRows(doomed.tenant.id)).toBeGreaterThan(0);

    const purged = await purgeDeletedTenants(env, new Date(requestedAt.getTime() + 30 * DAY + 1));
    expect(purged).toContain(doomed.tenant.id);
    expect(await countRows(doomed.tenant.id)).toBe(0);
    const objects = await env.BUCKET.list({ prefix: tenantObjectPrefix(doomed.tenant.id) });
    expect(objects.objects).toHaveLength(0);
    const tenantRow = await env.DB.prepare('SELECT purge_completed_at FROM tenants WHERE id = ?')
      .bind(doomed.tenant.id)
      .first<{ purge_completed_at: number | null }>();
    expect(tenantRow!.purge_completed_at).not.toBeNull();
    // The other tenant keeps everything, including its readable export.
    expect(await countRows(bystander.tenant.id)).toBe(bystanderRows);
    const bystanderDb = new TenantDb(createDatabase(env.DB), bystander.tenant.id);
    expect(await bystanderDb.select(encryptedObjects)).toHaveLength(1);
    // A purged tenant can no longer sign in.
    await expect(signIn(doomed.tenant.emails.admin)).rejects.toThrow();
  });
});

describe('retention', () => {
  it('publishes the schedule', async () => {
    const { headers } = await admin('gov-retention');
    const schedule = await json<{ rules: { data: string; kept: string }[] }>(
      await call('/api/v1/governance/retention', { headers }),
    );
    const kept = schedule.rules.map((rule) => rule.kept).join(' | ');
    for (const expected of ['subscription + 90 days', '7 years', '+ 30 days', '13 months'])
      expect(kept).toContain(expected);
  });

  it('deletes access-log rows older than 13 months', async () => {
    const { tenant } = await admin('gov-access-log');
    const db = new TenantDb(createDatabase(env.DB), tenant.id);
    const row = (id: string, at: Date) => ({
      id,
      at,
      method: 'GET',
      route: '/api/v1/estimates',
      status: 200,
      tokenFingerprint: 'fp',
      scope: 'session',
      requestId: 'req',
    });
    const now = new Date('2027-06-15T00:00:00Z');
    await db.batch([
      db.insert(accessLog, [
        row(`acc_old_${tenant.id}`, new Date('2026-05-14T00:00:00Z')),
        row(`acc_new_${tenant.id}`, new Date('2026-05-16T00:00:00Z')),
      ]),
    ]);
    await enforceAccessLogRetention(env, now);
    const left = await db.select(accessLog);
    expect(left.map((r) => r.id)).toContain(`acc_new_${tenant.id}`);
    expect(left.map((r) => r.id)).not.toContain(`acc_old_${tenant.id}`);
  });
});
