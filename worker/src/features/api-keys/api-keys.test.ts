import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../lib/crypto/digest';
import { parseApiKey, tokenFingerprint } from '../../lib/crypto/tokens';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';

interface CreatedKey {
  id: string;
  key: string;
  prefix: string;
  scopes: string[];
}
interface ListedKey {
  id: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  key?: string;
}

const jsonHeaders = (token: string) => ({ ...bearer(token), 'content-type': 'application/json' });

async function createKey(token: string, scopes: string[], name = 'ERP sync'): Promise<CreatedKey> {
  const response = await call('/api/v1/api-keys', {
    method: 'POST',
    headers: jsonHeaders(token),
    body: JSON.stringify({ name, scopes }),
  });
  expect(response.status).toBe(201);
  return json<CreatedKey>(response);
}

async function listKeys(token: string): Promise<ListedKey[]> {
  const response = await call('/api/v1/api-keys', { headers: bearer(token) });
  expect(response.status).toBe(200);
  return (await json<{ keys: ListedKey[] }>(response)).keys;
}

async function apiKeyRows(tenantId: string): Promise<string> {
  const rows = await env.DB.prepare('SELECT * FROM api_keys WHERE tenant_id = ?')
    .bind(tenantId)
    .all();
  return JSON.stringify(rows.results);
}

describe('API keys', () => {
  it('are shown once, in the documented format, and stored only as SHA-256', async () => {
    const tenant = await createTenant('keys-once');
    const admin = await signIn(tenant.emails.admin);
    const created = await createKey(admin, ['estimates:read']);
    expect(created.key).toMatch(/^sp_live_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.slice(8, 16)).toBe(created.prefix);

    const stored = await apiKeyRows(tenant.id);
    expect(stored).not.toContain(created.key);
    // The secret part may itself contain '_', so take it by position, not by splitting.
    expect(stored).not.toContain(parseApiKey(created.key)!.secret);
    expect(stored).toContain(await sha256Hex(created.key));

    const listed = await listKeys(admin);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: created.id, prefix: created.prefix, lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(JSON.stringify(listed)).not.toContain(await sha256Hex(created.key));

    const audit = await env.DB.prepare('SELECT * FROM audit_log WHERE tenant_id = ?')
      .bind(tenant.id)
      .all();
    expect(JSON.stringify(audit.results)).not.toContain(created.key);
  });

  it('authenticate as their tenant, record last use, and log their scopes', async () => {
    const tenant = await createTenant('keys-use');
    const admin = await signIn(tenant.emails.admin);
    const { key } = await createKey(admin, ['estimates:read', 'keys:manage']);
    const at = '2026-03-01T10:00:00.000Z';

    const response = await call('/api/v1/api-keys', {
      headers: { ...bearer(key), 'x-test-now': at },
    });
    expect(response.status).toBe(200);
    const [listed] = await listKeys(admin);
    expect(listed!.lastUsedAt).toBe(at);

    const fingerprint = await tokenFingerprint(key);
    await vi.waitFor(async () => {
      const entry = await env.DB.prepare(
        'SELECT scope, route, status FROM access_log WHERE tenant_id = ? AND token_fingerprint = ?',
      )
        .bind(tenant.id, fingerprint)
        .first();
      expect(entry).toEqual({
        scope: 'estimates:read keys:manage',
        route: '/api/v1/api-keys',
        status: 200,
      });
    });
    const log = await env.DB.prepare('SELECT * FROM access_log WHERE tenant_id = ?')
      .bind(tenant.id)
      .all();
    expect(JSON.stringify(log.results)).not.toContain(key);
  });

  it('never exceed their scopes, whoever created them', async () => {
    const tenant = await createTenant('keys-scope');
    const admin = await signIn(tenant.emails.admin);
    const { key } = await createKey(admin, ['estimates:read']);

    const forbidden = await call('/api/v1/api-keys', { headers: bearer(key) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toBe('application/problem+json');
    const audit = await call('/api/v1/audit', { headers: bearer(key) });
    expect(audit.status).toBe(403);

    // A key that may manage keys still cannot mint one broader than itself.
    const manager = await createKey(admin, ['keys:manage']);
    const escalation = await call('/api/v1/api-keys', {
      method: 'POST',
      headers: jsonHeaders(manager.key),
      body: JSON.stringify({ name: 'wider', scopes: ['keys:manage', 'audit:read'] }),
    });
    expect(escalation.status).toBe(403);
  });

  it('may be created only with the keys:manage capability', async () => {
    const tenant = await createTenant('keys-role');
    const analyst = await signIn(tenant.emails.analyst);
    const response = await call('/api/v1/api-keys', {
      method: 'POST',
      headers: jsonHeaders(analyst),
      body: JSON.stringify({ name: 'mine', scopes: ['estimates:read'] }),
    });
    expect(response.status).toBe(403);
  });

  it('refuses bad input with problem+json', async () => {
    const tenant = await createTenant('keys-input');
    const admin = await signIn(tenant.emails.admin);
    for (const body of [
      { name: '', scopes: ['estimates:read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['root'] },
      { name: 'x', scopes: ['estimates:read', 'estimates:read'] },
    ]) {
      const response = await call('/api/v1/api-keys', {
        method: 'POST',
        headers: jsonHeaders(admin),
        body: JSON.stringify(body),
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('stop working the moment they are revoked', async () => {
    const tenant = await createTenant('keys-revoke');
    const admin = await signIn(tenant.emails.admin);
    const { id, key } = await createKey(admin, ['keys:manage']);
    expect((await call('/api/v1/api-keys', { headers: bearer(key) })).status).toBe(200);

    const revoked = await call(`/api/v1/api-keys/${id}`, {
      method: 'DELETE',
      headers: bearer(admin),
    });
    expect(revoked.status).toBe(204);
    const refused = await call('/api/v1/api-keys', { headers: bearer(key) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.text()).not.toContain(key);
    const [listed] = await listKeys(admin);
    expect(listed!.revokedAt).not.toBeNull();
  });

  it('refuses a well-formed key that was never issued', async () => {
    const forged = `sp_live_abcdefgh_${'A'.repeat(43)}`;
    const response = await call('/api/v1/api-keys', { headers: bearer(forged) });
    expect(response.status).toBe(401);
  });

  it("answer 404 to another tenant's admin and stay untouched", async () => {
    const acme = await createTenant('keys-acme');
    const bright = await createTenant('keys-bright');
    const acmeAdmin = await signIn(acme.emails.admin);
    const brightAdmin = await signIn(bright.emails.admin);
    const { id, key } = await createKey(acmeAdmin, ['keys:manage']);

    const response = await call(`/api/v1/api-keys/${id}`, {
      method: 'DELETE',
      headers: bearer(brightAdmin),
    });
    expect(response.status).toBe(404);
    expect(await listKeys(brightAdmin)).toEqual([]);
    expect((await call('/api/v1/api-keys', { headers: bearer(key) })).status).toBe(200);

    // A key is its tenant's credential: it lists its own tenant's keys, never another's.
    const brightKey = await createKey(brightAdmin, ['keys:manage']);
    const seenByBright = await json<{ keys: ListedKey[] }>(
      await call('/api/v1/api-keys', { headers: bearer(brightKey.key) }),
    );
    expect(seenByBright.keys.map((k) => k.id)).toEqual([brightKey.id]);
  });
});
