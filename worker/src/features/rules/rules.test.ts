import { describe, expect, it } from 'vitest';
import { createTenant, signIn, signInAs } from '../../../test/fixtures';
import { json } from '../../../test/http';
import { auditActions, rowCount, send, sendJson } from '../../../test/spend-helpers';

interface Estimates {
  ruleVersion: number;
  results: {
    status: string;
    naics?: string;
    classificationSource?: string;
    rule?: { id: string };
  }[];
}

const laptop = {
  description: 'Laptop computer 14 inch',
  amount: 1200,
  currency: 'USD',
  date: '2024-03-15',
  supplier: 'Dell Inc.',
  glAccount: '6100',
};

describe('tenant rules', () => {
  it('changes later estimates of this tenant and bumps the rule version', async () => {
    const tenant = await createTenant('rules');
    const [analyst, buyer] = await signInAs(tenant, 'analyst', 'buyer');
    const before = await sendJson<Estimates>(buyer, 'POST', '/api/v1/estimates', {
      lines: [laptop],
    });
    expect(before.ruleVersion).toBe(0);
    expect(before.results[0]).toMatchObject({
      naics: '334111',
      classificationSource: 'classifier',
    });

    const created = await sendJson<{ rule: { id: string; version: number }; ruleVersion: number }>(
      analyst,
      'POST',
      '/api/v1/rules',
      { kind: 'supplier', match: 'DELL INC', naics: '334118' },
      201,
    );
    expect(created.ruleVersion).toBe(1);
    const after = await sendJson<Estimates>(buyer, 'POST', '/api/v1/estimates', {
      lines: [laptop],
    });
    expect(after.ruleVersion).toBe(1);
    expect(after.results[0]).toMatchObject({
      naics: '334118',
      classificationSource: 'tenant-rule',
      rule: { id: created.rule.id },
    });

    // A description-hash rule outranks the supplier rule and stores only a hash.
    await sendJson(
      analyst,
      'POST',
      '/api/v1/rules',
      {
        kind: 'description-hash',
        match: 'laptop   COMPUTER, 14 inch',
        naics: '334111',
      },
      201,
    );
    const exact = await sendJson<Estimates>(buyer, 'POST', '/api/v1/estimates', {
      lines: [laptop],
    });
    expect(exact.results[0]).toMatchObject({
      naics: '334111',
      classificationSource: 'tenant-rule',
    });

    const disabled = await sendJson<{
      rule: { enabled: boolean; version: number };
      ruleVersion: number;
    }>(analyst, 'PATCH', `/api/v1/rules/${created.rule.id}`, { enabled: false });
    expect(disabled.rule).toMatchObject({ enabled: false, version: 2 });
    expect(disabled.ruleVersion).toBe(3);
    const history = await sendJson<{ versions: { version: number; enabled: boolean }[] }>(
      analyst,
      'GET',
      `/api/v1/rules/${created.rule.id}/history`,
    );
    expect(history.versions.map((v) => [v.version, v.enabled])).toEqual([
      [1, true],
      [2, false],
    ]);
    const list = await sendJson<{ rules: { kind: string; match: string }[] }>(
      analyst,
      'GET',
      '/api/v1/rules',
    );
    const hashRule = list.rules.find((r) => r.kind === 'description-hash')!;
    expect(hashRule.match).not.toContain('laptop');
  });

  it("another tenant's rules change nothing here", async () => {
    const [mine, theirs] = await Promise.all([createTenant('rules-a'), createTenant('rules-b')]);
    const [theirAnalyst, myBuyer] = await Promise.all([
      signIn(theirs.emails.analyst),
      signIn(mine.emails.buyer),
    ]);
    for (const rule of [
      { kind: 'supplier', match: 'Dell Inc.', naics: '111110' },
      { kind: 'keyword', match: 'laptop', naics: '111110' },
      { kind: 'gl-account', match: '6100', naics: '111110' },
      { kind: 'description-hash', match: laptop.description, naics: '111110' },
    ]) {
      await sendJson(theirAnalyst, 'POST', '/api/v1/rules', rule, 201);
    }
    const answer = await sendJson<Estimates>(myBuyer, 'POST', '/api/v1/estimates', {
      lines: [laptop],
    });
    expect(answer.ruleVersion).toBe(0);
    expect(answer.results[0]).toMatchObject({
      naics: '334111',
      classificationSource: 'classifier',
    });
  });

  it('refuses an unknown NAICS code or an empty change with problem+json and stores nothing', async () => {
    const tenant = await createTenant('rules-invalid');
    const analyst = await signIn(tenant.emails.analyst);
    for (const body of [
      { kind: 'supplier', match: 'Acme', naics: '999999' },
      { kind: 'supplier', match: '', naics: '334111' },
      { kind: 'colour', match: 'red', naics: '334111' },
    ]) {
      const response = await send(analyst, 'POST', '/api/v1/rules', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await json<{ errors: unknown[] }>(response)).errors.length).toBeGreaterThan(0);
    }
    expect(await rowCount('tenant_rules', tenant.id)).toBe(0);
    expect((await auditActions(tenant.id)).filter((a) => a.startsWith('rule.'))).toEqual([]);
  });
});
