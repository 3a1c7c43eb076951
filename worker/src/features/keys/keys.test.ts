import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { createDatabase } from '../../db/client';
import { auditLog } from '../../db/schema';
import { TenantDb } from '../../db/tenant-db';
import { getDecrypted, putEncrypted } from '../../lib/object-store';
import { ObjectUnreadableError } from '../../lib/object-unreadable';

const JSON_HEADERS = { 'content-type': 'application/json' };
const byokJwk = () => ({
  kty: 'oct',
  alg: 'A256GCM',
  k: btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, ''),
});

async function adminWithObject(label: string, plan: 'professional' | 'enterprise' = 'enterprise') {
  const tenant = await createTenant(label, plan);
  const db = new TenantDb(createDatabase(env.DB), tenant.id);
  const objectId = `obj_${crypto.randomUUID()}`;
  await putEncrypted(
    db,
    env.BUCKET,
    env.KEY_WRAPPING_SECRET,
    { objectId, purpose: 'test', bytes: new Uint8Array([7, 7, 7]), contentType: 'x/y' },
    { actor: tenant.userIds.admin, requestId: 'req', at: new Date() },
  );
  const headers = bearer(await signIn(tenant.emails.admin));
  const read = () => getDecrypted(db, env.BUCKET, env.KEY_WRAPPING_SECRET, objectId);
  return { tenant, db, headers, read };
}

describe('tenant key routes', () => {
  it('lists, rotates and keeps objects readable', async () => {
    const { headers, read } = await adminWithObject('keys-rotate');
    const rotated = await json<{ key: { version: number }; rewrappedObjects: number }>(
      await call('/api/v1/keys/rotate', { method: 'POST', headers }),
    );
    expect(rotated).toMatchObject({ key: { version: 2, state: 'active', kind: 'managed' } });
    expect(rotated.rewrappedObjects).toBe(1);
    const list = await json<{ keys: { version: number; state: string }[] }>(
      await call('/api/v1/keys', { headers }),
    );
    expect(list.keys.map((k) => [k.version, k.state])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    expect(JSON.stringify(list)).not.toContain('wrapped');
    expect(Array.from((await read()).bytes)).toEqual([7, 7, 7]);
  });

  it('revokes a version: its objects become unreadable, and the change is audited', async () => {
    const { headers, read, db } = await adminWithObject('keys-revoke');
    const response = await call('/api/v1/keys/1/revoke', { method: 'POST', headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ version: 1, state: 'revoked' });
    await expect(read()).rejects.toBeInstanceOf(ObjectUnreadableError);
    const audit = await db.select(auditLog);
    expect(audit.map((row) => row.action)).toContain('key.revoke');
    expect((await call('/api/v1/keys/99/revoke', { method: 'POST', headers })).status).toBe(404);
  });

  it('accepts a 256-bit JWK on the enterprise plan and re-wraps under it', async () => {
    const { headers, read } = await adminWithObject('keys-byok');
    const response = await call('/api/v1/keys/byok', {
      method: 'POST',
      headers: { ...headers, ...JSON_HEADERS },
      body: JSON.stringify({ jwk: byokJwk() }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      key: { version: 2, kind: 'byok', state: 'active' },
      rewrappedObjects: 1,
    });
    expect(Array.from((await read()).bytes)).toEqual([7, 7, 7]);
  });

  it('refuses bad JWKs with 400', async () => {
    const { headers } = await adminWithObject('keys-byok-bad');
    for (const jwk of [
      { kty: 'oct', k: 'AAAA' },
      { kty: 'RSA', k: byokJwk().k },
      { ...byokJwk(), use: 'sig' },
      { ...byokJwk(), alg: 'HS256' },
    ]) {
      const response = await call('/api/v1/keys/byok', {
        method: 'POST',
        headers: { ...headers, ...JSON_HEADERS },
        body: JSON.stringify({ jwk }),
      });
      expect(response.status, JSON.stringify(jwk)).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('refuses BYOK on the professional plan', async () => {
    const { headers } = await adminWithObject('keys-byok-plan', 'professional');
    const response = await call('/api/v1/keys/byok', {
      method: 'POST',
      headers: { ...headers, ...JSON_HEADERS },
      body: JSON.stringify({ jwk: byokJwk() }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ type: expect.stringContaining('plan-required') });
  });
});
