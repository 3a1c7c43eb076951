import { env } from 'cloudflare:workers';
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client';
import { auditLog, teams } from '../../db/schema';
import { TenantDb } from '../../db/tenant-db';
import { verifyChain, type AuditRow } from '../../lib/crypto/audit-hash';
import { writeWithAudit, type AuditEvent } from './append';

const raw = createDatabase(env.DB);
const event = (entityId: string, personal: AuditEvent['personal'] = null): AuditEvent => ({
  actor: 'usr_test',
  action: 'team.create',
  entityType: 'team',
  entityId,
  changes: { after: { name: entityId } },
  requestId: crypto.randomUUID(),
  personal,
  at: new Date(),
});

async function chainOf(db: TenantDb) {
  const rows = await db.select(auditLog).orderBy(asc(auditLog.seq));
  return rows.map((row) => ({ ...row }) as AuditRow & { hash: string });
}

describe('audit chain', () => {
  it('applies the change and its audit row together', async () => {
    const db = new TenantDb(raw, `tnt_${crypto.randomUUID()}`);
    await writeWithAudit(
      db,
      [db.insert(teams, { id: 'team_x', name: 'X', createdAt: new Date() })],
      event('team_x'),
    );
    expect(await db.select(teams)).toHaveLength(1);
    expect(await chainOf(db)).toHaveLength(1);
  });

  it('writes neither the change nor the row when the change fails', async () => {
    const db = new TenantDb(raw, `tnt_${crypto.randomUUID()}`);
    const duplicate = () =>
      db.insert(teams, { id: 'team_dup', name: 'Dup', createdAt: new Date() });
    await writeWithAudit(db, [duplicate()], event('team_dup'));
    await expect(writeWithAudit(db, [duplicate()], event('team_dup'))).rejects.toThrow();
    expect(await chainOf(db)).toHaveLength(1);
  });

  it('never forks under 50 concurrent appends', async () => {
    const db = new TenantDb(raw, `tnt_${crypto.randomUUID()}`);
    await Promise.all(Array.from({ length: 50 }, (_, i) => writeWithAudit(db, [], event(`e${i}`))));
    const rows = await chainOf(db);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyChain(rows)).toMatchObject({ ok: true, size: 50 });
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    const tenantId = `tnt_${crypto.randomUUID()}`;
    const db = new TenantDb(raw, tenantId);
    await writeWithAudit(db, [], event('e1'));
    await expect(
      env.DB.prepare("UPDATE audit_log SET action = 'x.y' WHERE tenant_id = ?")
        .bind(tenantId)
        .run(),
    ).rejects.toThrow(/append-only/);
    await expect(
      env.DB.prepare('DELETE FROM audit_log WHERE tenant_id = ?').bind(tenantId).run(),
    ).rejects.toThrow(/kept 7 years/);
  });

  it('lets personal details be erased and still verifies', async () => {
    const tenantId = `tnt_${crypto.randomUUID()}`;
    const db = new TenantDb(raw, tenantId);
    await writeWithAudit(db, [], event('e1', { ip: '198.51.100.4', userAgent: 'Firefox' }));
    await env.DB.prepare('UPDATE audit_log SET personal = NULL WHERE tenant_id = ?')
      .bind(tenantId)
      .run();
    const rows = await chainOf(db);
    expect(rows[0]!.personalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyChain(rows)).toMatchObject({ ok: true, size: 1 });
  });

  it('names the first bad row when a trigger is dropped and a row edited', async () => {
    const tenantId = `tnt_${crypto.randomUUID()}`;
    const db = new TenantDb(raw, tenantId);
    for (let i = 1; i <= 5; i++) await writeWithAudit(db, [], event(`e${i}`));
    await env.DB.prepare('DROP TRIGGER audit_log_no_update').run();
    try {
      await env.DB.prepare("UPDATE audit_log SET actor = 'mallory' WHERE tenant_id = ? AND seq = 3")
        .bind(tenantId)
        .run();
    } finally {
      const migration = env.TEST_MIGRATIONS.find((m) => m.name.includes('audit_triggers'))!;
      await env.DB.prepare(migration.queries.find((q) => q.includes('audit_log_no_update'))!).run();
    }
    expect(await verifyChain(await chainOf(db))).toMatchObject({ ok: false, firstBadSeq: 3 });
  });
});
