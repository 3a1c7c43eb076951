import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client';
import { TenantDb } from '../../db/tenant-db';
import { verifyAuditExport } from '../../lib/crypto/audit-export-verify';
import { verifyCheckpoint } from '../../lib/crypto/checkpoint';
import { sha256Hex } from '../../lib/crypto/digest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import worker from '../../index';
import { writeWithAudit } from './append';

async function tenantWithHistory(label: string, events = 3) {
  const tenant = await createTenant(label);
  const db = new TenantDb(createDatabase(env.DB), tenant.id);
  for (let i = 1; i <= events; i++) {
    await writeWithAudit(db, [], {
      actor: tenant.userIds.admin,
      action: 'setting.change',
      entityType: i % 2 ? 'setting' : 'rule',
      entityId: `=HYPERLINK("x")${i}`,
      changes: { before: { threshold: 0.8 }, after: { threshold: 0.7 } },
      requestId: `req-${i}`,
      at: new Date(Date.UTC(2026, 0, i)),
    });
  }
  return { tenant, token: await signIn(tenant.emails.auditor) };
}

describe('audit routes', () => {
  it('pages through the log with filters', async () => {
    const { token } = await tenantWithHistory('audit-list', 5);
    const first = await json<{ entries: { seq: number }[]; nextAfterSeq: number }>(
      await call('/api/v1/audit?limit=2', { headers: bearer(token) }),
    );
    // Sign-in of the auditor appended a session.create row after the five settings rows.
    expect(first.entries.map((e) => e.seq)).toEqual([1, 2]);
    const second = await json<{ entries: { seq: number }[] }>(
      await call(`/api/v1/audit?limit=2&afterSeq=${first.nextAfterSeq}`, {
        headers: bearer(token),
      }),
    );
    expect(second.entries.map((e) => e.seq)).toEqual([3, 4]);
    const rules = await json<{ entries: { entityType: string }[] }>(
      await call('/api/v1/audit?entity=rule', { headers: bearer(token) }),
    );
    expect(rules.entries).toHaveLength(2);
  });

  it('verifies the chain', async () => {
    const { token } = await tenantWithHistory('audit-verify');
    const verdict = await json(await call('/api/v1/audit/verify', { headers: bearer(token) }));
    expect(verdict).toMatchObject({ ok: true, size: 4, from: 1 });
  });

  it('exports JSONL with its SHA-256, and CSV with formulas neutralised', async () => {
    const { token } = await tenantWithHistory('audit-export');
    const jsonl = await call('/api/v1/audit/export?format=jsonl', { headers: bearer(token) });
    const text = await jsonl.text();
    expect(jsonl.headers.get('x-content-sha256')).toBe(await sha256Hex(text));
    // A header line, then the three settings rows and the auditor's sign-in.
    expect(text.trim().split('\n')).toHaveLength(5);
    const csv = await (
      await call('/api/v1/audit/export?format=csv', { headers: bearer(token) })
    ).text();
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });

  it('signs checkpoints that verify with the published key', async () => {
    const { token } = await tenantWithHistory('audit-checkpoint');
    expect(
      (await call('/api/v1/audit/checkpoints/latest', { headers: bearer(token) })).status,
    ).toBe(404);
    const created = await call('/api/v1/audit/checkpoints', {
      method: 'POST',
      headers: bearer(token),
    });
    expect(created.status).toBe(201);
    const latest = await json<{ note: string; size: number }>(
      await call('/api/v1/audit/checkpoints/latest', { headers: bearer(token) }),
    );
    expect(latest.size).toBe(4);
    const publicKey = await json(
      await call('/api/v1/audit/public-key', { headers: bearer(token) }),
    );
    expect(await verifyCheckpoint(latest.note, publicKey)).toMatchObject({ ok: true });
    const forged = latest.note.replace('\n4\n', '\n3\n');
    expect((await verifyCheckpoint(forged, publicKey)).ok).toBe(false);
  });

  it('checkpoints every tenant from the Cron trigger', async () => {
    const { tenant, token } = await tenantWithHistory('audit-cron');
    const controller = createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' });
    const ctx = createExecutionContext();
    worker.scheduled(controller, env, ctx);
    await waitOnExecutionContext(ctx);
    const latest = await call('/api/v1/audit/checkpoints/latest', { headers: bearer(token) });
    expect(latest.status).toBe(200);
    expect((await json<{ note: string }>(latest)).note).toContain(
      `spendprint.dev/audit/${tenant.id}`,
    );
  });

  it('exports what the offline verifier accepts, and it names an edited row', async () => {
    const { tenant, token } = await tenantWithHistory('audit-offline', 6);
    const get = (path: string) => call(path, { headers: bearer(token) });
    await call('/api/v1/audit/checkpoints', { method: 'POST', headers: bearer(token) });
    const checkpoint = (await json<{ note: string }>(await get('/api/v1/audit/checkpoints/latest')))
      .note;
    const publicKeyJwk = await json(await get('/api/v1/audit/public-key'));
    const exportOf = async () =>
      new Uint8Array(await (await get('/api/v1/audit/export?format=jsonl')).arrayBuffer());

    expect(
      await verifyAuditExport({
        exportBytes: await exportOf(),
        checkpoints: [checkpoint],
        publicKeyJwk,
      }),
    ).toMatchObject({ ok: true });

    await env.DB.prepare('DROP TRIGGER audit_log_no_update').run();
    try {
      await env.DB.prepare("UPDATE audit_log SET actor = 'mallory' WHERE tenant_id = ? AND seq = 4")
        .bind(tenant.id)
        .run();
    } finally {
      const migration = env.TEST_MIGRATIONS.find((m) => m.name.includes('audit_triggers'))!;
      await env.DB.prepare(migration.queries.find((q) => q.includes('audit_log_no_update'))!).run();
    }
    const tampered = await verifyAuditExport({
      exportBytes: await exportOf(),
      checkpoints: [checkpoint],
      publicKeyJwk,
    });
    expect(tampered).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(await json(await get('/api/v1/audit/verify'))).toMatchObject({
      ok: false,
      firstBadSeq: 4,
    });
  });
});
