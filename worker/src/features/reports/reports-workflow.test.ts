import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant, signIn, signInAs } from '../../../test/fixtures';
import { json } from '../../../test/http';
import { rowCount, send, sendJson } from '../../../test/spend-helpers';
import { purgeDeletedTenants } from '../governance/governance-job';
import {
  definePeriod,
  prepare,
  recordLines,
  step,
  type Report,
} from '../../../test/report-helpers';

const line = (date: string, amount: number) => ({
  description: 'Laptop computer 14 inch',
  amount,
  currency: 'USD',
  date,
  supplier: 'Dell Inc.',
});

async function reportAudit(tenantId: string) {
  const rows = await env.DB.prepare(
    "SELECT action, actor, at, entity_id AS entityId, changes FROM audit_log WHERE tenant_id = ? AND entity_type = 'report' ORDER BY seq",
  )
    .bind(tenantId)
    .all<{ action: string; actor: string; at: string; entityId: string; changes: string }>();
  return rows.results;
}

describe('report workflow', () => {
  it('an analyst prepares and submits, another user approves; every step audited with actor and time', async () => {
    const tenant = await createTenant('reports-flow');
    const [analyst, approver, buyer, viewer, auditor] = await signInAs(
      tenant,
      'analyst',
      'approver',
      'buyer',
      'viewer',
      'auditor',
    );
    await recordLines(buyer, [line('2024-02-10', 1000), line('2024-03-10', 3000)]);
    const periodId = await definePeriod(approver, {
      name: 'FY 2024',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });

    for (const token of [buyer, viewer, approver, auditor]) {
      expect((await send(token, 'POST', '/api/v1/reports', { periodId })).status).toBe(403);
    }
    const draft = await prepare(analyst, periodId);
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      supersedesId: null,
      period: { id: periodId, name: 'FY 2024', startDate: '2024-01-01', status: 'open' },
      preparedBy: { id: tenant.userIds.analyst, name: expect.stringContaining('analyst') },
      totals: { lines: 2, spendUsd: 4000, unestimatedLines: 0 },
    });
    expect(draft.totals.kgCO2e).toBeGreaterThan(0);
    expect(draft.artefacts.map((a) => a.format).sort()).toEqual(['csv', 'json', 'pdf']);
    for (const artefact of draft.artefacts) expect(artefact.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Reading: every role with tenant-wide figures; buyers (team-scoped) are refused.
    expect((await send(buyer, 'GET', '/api/v1/reports')).status).toBe(403);
    for (const token of [viewer, auditor, approver]) {
      const list = await sendJson<{ reports: Report[] }>(token, 'GET', '/api/v1/reports');
      expect(list.reports.map((r) => r.id)).toEqual([draft.id]);
    }

    expect((await step(approver, draft.id, 'approve')).status).toBe(409);
    expect((await step(analyst, draft.id, 'approve')).status).toBe(403);
    const submitted = await step(analyst, draft.id, 'submit');
    expect(await json(submitted)).toMatchObject({
      status: 'submitted',
      submittedBy: { id: tenant.userIds.analyst },
    });
    expect((await step(analyst, draft.id, 'submit')).status).toBe(409);

    expect((await step(approver, draft.id, 'reject', {})).status).toBe(400);
    const approved = await json<Report>(
      await step(approver, draft.id, 'approve', { comment: 'Checked against the ledger.' }),
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: { id: tenant.userIds.approver },
      decisionComment: 'Checked against the ledger.',
      artefacts: draft.artefacts,
    });

    const audit = await reportAudit(tenant.id);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['report.prepare', tenant.userIds.analyst],
      ['report.submit', tenant.userIds.analyst],
      ['report.approve', tenant.userIds.approver],
    ]);
    for (const entry of audit) {
      expect(entry.entityId).toBe(draft.id);
      expect(Date.parse(entry.at)).not.toBeNaN();
    }
    // The approval records exactly which bytes were approved.
    const approval = JSON.parse(audit[2]!.changes) as { after: { sha256: Record<string, string> } };
    for (const artefact of draft.artefacts) {
      expect(approval.after.sha256[artefact.format]).toBe(artefact.sha256);
    }
  });

  it('refuses self-approval with a clear 403, for admins too', async () => {
    const tenant = await createTenant('reports-self');
    const [admin, approver] = await signInAs(tenant, 'admin', 'approver');
    const periodId = await definePeriod(approver, {
      name: 'March 2024',
      startDate: '2024-03-01',
      endDate: '2024-03-31',
    });
    const report = await prepare(admin, periodId);
    expect((await step(admin, report.id, 'submit')).status).toBe(200);
    for (const action of ['approve', 'reject']) {
      const refused = await step(admin, report.id, action, { comment: 'looks fine to me' });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await json(refused)).toMatchObject({
        title: 'Not allowed',
        detail:
          'You prepared or submitted this report; another approver must approve or reject it.',
      });
    }
    // Another approver may decide; a rejection carries its reason.
    const rejected = await json<Report>(
      await step(approver, report.id, 'reject', { comment: 'Q1 supplier factors missing.' }),
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionComment: 'Q1 supplier factors missing.',
    });
  });

  it('refuses changes after approval, in the API and in the database; a correction is a new version', async () => {
    const tenant = await createTenant('reports-final');
    const [analyst, approver, buyer] = await signInAs(tenant, 'analyst', 'approver', 'buyer');
    await recordLines(buyer, [line('2024-05-02', 800)]);
    const periodId = await definePeriod(approver, {
      name: 'May 2024',
      startDate: '2024-05-01',
      endDate: '2024-05-31',
    });
    const first = await prepare(analyst, periodId);
    expect((await step(analyst, first.id, 'revise')).status).toBe(409);
    await step(analyst, first.id, 'submit');
    await step(approver, first.id, 'approve');

    for (const [token, action] of [
      [analyst, 'submit'],
      [approver, 'approve'],
      [approver, 'reject'],
    ] as const) {
      const refused = await step(token, first.id, action, { comment: 'change it' });
      expect(refused.status, action).toBe(409);
    }
    const direct = (sql: string) => env.DB.prepare(sql).bind(first.id).run();
    await expect(direct('UPDATE reports SET kg_co2e = 0 WHERE id = ?')).rejects.toThrow(
      /spendprint:report-final/,
    );
    await expect(direct("UPDATE reports SET status = 'draft' WHERE id = ?")).rejects.toThrow(
      /spendprint:report-final/,
    );
    await expect(direct('DELETE FROM reports WHERE id = ?')).rejects.toThrow(
      /spendprint:report-final/,
    );
    await expect(
      direct("DELETE FROM encrypted_objects WHERE object_id = ? || '.pdf'"),
    ).rejects.toThrow(/spendprint:report-final/);

    // New spend in the period, then a correction: version 2 references version 1.
    await recordLines(buyer, [line('2024-05-20', 200)]);
    const second = await sendJson<Report>(
      analyst,
      'POST',
      `/api/v1/reports/${first.id}/revise`,
      undefined,
      201,
    );
    expect(second).toMatchObject({ version: 2, supersedesId: first.id, status: 'draft' });
    expect(second.totals.lines).toBe(2);
    const old = await sendJson<Report>(analyst, 'GET', `/api/v1/reports/${first.id}`);
    expect(old).toMatchObject({
      status: 'approved',
      supersededById: second.id,
      totals: first.totals,
      artefacts: first.artefacts,
    });
    expect((await step(analyst, first.id, 'revise')).status).toBe(409);
    const actions = (await reportAudit(tenant.id)).map((a) => [a.action, a.entityId]);
    expect(actions.at(-1)).toEqual(['report.revise', second.id]);
  });

  it('lets a due tenant purge remove approved reports, their objects and their rows', async () => {
    const tenant = await createTenant('reports-purge');
    const [analyst, approver, admin] = await signInAs(tenant, 'analyst', 'approver', 'admin');
    const periodId = await definePeriod(approver, {
      name: 'June 2024',
      startDate: '2024-06-01',
      endDate: '2024-06-30',
    });
    const report = await prepare(analyst, periodId);
    await step(analyst, report.id, 'submit');
    expect((await step(approver, report.id, 'approve')).status).toBe(200);
    await sendJson(admin, 'POST', '/api/v1/governance/delete-request', undefined, 202);

    const due = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
    expect(await purgeDeletedTenants(env, due)).toContain(tenant.id);
    expect(await rowCount('reports', tenant.id)).toBe(0);
    expect(await rowCount('encrypted_objects', tenant.id)).toBe(0);
    expect((await env.BUCKET.list({ prefix: `tenants/${tenant.id}/` })).objects).toEqual([]);
  });

  it('answers 404 for unknown ids and periods, and 400 for a bad format', async () => {
    const tenant = await createTenant('reports-404');
    const analyst = await signIn(tenant.emails.analyst);
    expect((await send(analyst, 'POST', '/api/v1/reports', { periodId: 'prd_nope' })).status).toBe(
      404,
    );
    expect((await send(analyst, 'GET', '/api/v1/reports/rpt_nope')).status).toBe(404);
    expect(
      (await send(analyst, 'GET', '/api/v1/reports/rpt_nope/download?format=pdf')).status,
    ).toBe(404);
    expect(
      (await send(analyst, 'GET', '/api/v1/reports/rpt_nope/download?format=docx')).status,
    ).toBe(400);
    expect((await send(analyst, 'POST', '/api/v1/reports', {})).status).toBe(400);
  });
});
