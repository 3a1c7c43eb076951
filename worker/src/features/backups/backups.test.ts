import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import type { Env } from '../../env';
import { NIGHTLY, runScheduled } from '../scheduled/cron';
import { BackupUnreadableError, openBackup, type BackupEnvelope } from './backup-envelope';
import { backupPrefix } from './create-backup';

const DAY_MS = 24 * 60 * 60 * 1000;
const workerEnv = env as unknown as Env;

async function backupsOf(tenantId: string) {
  const listed = await env.BUCKET.list({ prefix: backupPrefix(tenantId) });
  return Promise.all(
    listed.objects.map(async (o) => ({
      key: o.key,
      text: (await (await env.BUCKET.get(o.key))!.text()) as string,
    })),
  );
}

async function rowsOf(table: string, tenantId: string) {
  return (
    await env.DB.prepare(`SELECT * FROM "${table}" WHERE tenant_id = ? ORDER BY rowid`)
      .bind(tenantId)
      .all()
  ).results;
}

describe('nightly backups', () => {
  it('seals every row of the tenant, restorable with the master secret only', async () => {
    const tenant = await createTenant('backup');
    const at = new Date('2026-11-20T02:40:00Z');
    await runScheduled(workerEnv, at, NIGHTLY);

    const [backup] = await backupsOf(tenant.id);
    expect(backup!.text).not.toContain(tenant.emails.admin);
    const envelope = JSON.parse(backup!.text) as BackupEnvelope;
    const content = JSON.parse(
      new TextDecoder().decode(await openBackup(envelope, env.KEY_WRAPPING_SECRET)),
    );
    expect(content.tenantId).toBe(tenant.id);
    expect(content.createdAt).toBe(at.toISOString());
    expect(content.tables.memberships).toEqual(await rowsOf('memberships', tenant.id));
    expect(content.tables.audit_log).toEqual(await rowsOf('audit_log', tenant.id));
    expect(content.global.users.map((u: { email: string }) => u.email).sort()).toEqual(
      Object.values(tenant.emails).sort(),
    );
    // Sign-in must survive a restore, so the backup keeps the password hashes (sealed).
    expect(content.global.users[0].password_hash).toMatch(/^scrypt/);

    const admin = await signIn(tenant.emails.admin);
    const listed = await json<{ backups: { id: string; createdAt: string }[] }>(
      await call('/api/v1/governance/backups', { headers: bearer(admin) }),
    );
    expect(listed.backups).toEqual([
      expect.objectContaining({ id: envelope.backupId, createdAt: at.toISOString() }),
    ]);
  });

  it('refuses a wrong secret, a tampered byte or a wrong checksum', async () => {
    const tenant = await createTenant('backup-tamper');
    await runScheduled(workerEnv, new Date(), NIGHTLY);
    const envelope = JSON.parse((await backupsOf(tenant.id))[0]!.text) as BackupEnvelope;
    const flipped = envelope.ciphertext.startsWith('A') ? 'B' : 'A';
    const cases: BackupEnvelope[] = [
      { ...envelope, ciphertext: flipped + envelope.ciphertext.slice(1) },
      { ...envelope, tenantId: 'tnt_other' },
      { ...envelope, sha256: '0'.repeat(64) },
    ];
    for (const tampered of cases) {
      await expect(openBackup(tampered, env.KEY_WRAPPING_SECRET)).rejects.toThrow(
        BackupUnreadableError,
      );
    }
    await expect(openBackup(envelope, 'another-master-secret-of-32-chars!!')).rejects.toThrow(
      BackupUnreadableError,
    );
  });

  it('keeps 30 days of backups', async () => {
    const tenant = await createTenant('backup-retention');
    const start = Date.parse('2026-01-01T02:40:00Z');
    for (const day of [0, 1, 31])
      await runScheduled(workerEnv, new Date(start + day * DAY_MS), NIGHTLY);
    const keys = (await backupsOf(tenant.id)).map((b) => b.key);
    expect(keys).toHaveLength(2);
    expect(keys.some((k) => k.includes(`bak_${start}_`))).toBe(false);
  });

  it('deletes the backups made under a key version when it is revoked', async () => {
    const tenant = await createTenant('backup-revoke');
    const admin = await signIn(tenant.emails.admin);
    await runScheduled(workerEnv, new Date(), NIGHTLY);
    expect(await backupsOf(tenant.id)).toHaveLength(1);
    await call('/api/v1/keys/rotate', { method: 'POST', headers: bearer(admin) });
    await runScheduled(workerEnv, new Date(Date.now() + 1000), NIGHTLY);
    expect(await backupsOf(tenant.id)).toHaveLength(2);
    const revoked = await call('/api/v1/keys/1/revoke', { method: 'POST', headers: bearer(admin) });
    expect(revoked.status).toBe(200);
    const left = await backupsOf(tenant.id);
    expect(left).toHaveLength(1);
    expect(JSON.parse(left[0]!.text).kekVersion).toBe(2);
  });
});
