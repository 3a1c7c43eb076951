import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { createDatabase } from '../../db/client';
import { TenantDb } from '../../db/tenant-db';
import type { Env } from '../../env';
import { writeWithAudit } from './append';
import { enforceAuditRetention } from './retention-job';

const YEAR_MS = 365.25 * 24 * 3600_000;

async function seqs(tenantId: string) {
  const rows = await env.DB.prepare(
    'SELECT seq, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq',
  )
    .bind(tenantId)
    .all<{ seq: number; hash: string }>();
  return rows.results;
}

describe('audit retention', () => {
  it('drops rows past 7 years and keeps the rest verifiable from a signed checkpoint', async () => {
    const tenant = await createTenant('audit-retention');
    const db = new TenantDb(createDatabase(env.DB), tenant.id);
    const now = new Date();
    const ages = [9, 8, 7.5, 6, 0];
    for (const [i, years] of ages.entries()) {
      await writeWithAudit(db, [], {
        actor: tenant.userIds.admin,
        action: 'setting.change',
        entityType: 'setting',
        entityId: `s${i}`,
        changes: { after: { n: i } },
        requestId: `req-${i}`,
        at: new Date(now.getTime() - years * YEAR_MS),
      });
    }
    const before = await seqs(tenant.id);

    await enforceAuditRetention(env as unknown as Env, now);

    expect((await seqs(tenant.id)).map((r) => r.seq)).toEqual([4, 5]);
    const auditor = await signIn(tenant.emails.auditor);
    const checkpoint = await json<{ size: number; headHash: string }>(
      await call('/api/v1/audit/checkpoints/latest', { headers: bearer(auditor) }),
    );
    expect(checkpoint).toMatchObject({ size: 3, headHash: before[2]!.hash });
    const verdict = await json(await call('/api/v1/audit/verify', { headers: bearer(auditor) }));
    // Row 6 is the auditor's own sign-in.
    expect(verdict).toMatchObject({ ok: true, size: 6, from: 4 });

    // Nothing younger than 7 years can go, even by a direct write.
    await expect(
      env.DB.prepare('DELETE FROM audit_log WHERE tenant_id = ? AND seq = 4').bind(tenant.id).run(),
    ).rejects.toThrow(/kept 7 years/);
  });
});
