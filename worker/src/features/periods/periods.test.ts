import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn, signInAs } from '../../../test/fixtures';
import { call, json } from '../../../test/http';

const post = (path: string, token: string, body?: unknown) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const purchase = (date: string) => ({
  lines: [
    {
      description: `office chair ${crypto.randomUUID()}`,
      amount: 250,
      currency: 'USD',
      date,
      supplier: 'Seats Inc',
    },
  ],
});

describe('periods and sign-off', () => {
  it('locks a signed-off period in the API and in the database, until an admin reopens it', async () => {
    const tenant = await createTenant('periods');
    const [approver, buyer, admin] = await signInAs(tenant, 'approver', 'buyer', 'admin');
    const period = await json<{ id: string }>(
      await post('/api/v1/periods', approver, {
        name: 'Q1 2026',
        startDate: '2026-01-01',
        endDate: '2026-03-31',
      }),
    );
    expect((await post('/api/v1/spend/record', buyer, purchase('2026-02-10'))).status).toBe(201);
    expect((await post(`/api/v1/periods/${period.id}/sign-off`, approver)).status).toBe(200);

    const locked = await post('/api/v1/spend/record', buyer, purchase('2026-03-31'));
    expect(locked.status).toBe(409);
    expect(await json(locked)).toMatchObject({
      type: 'https://spendprint.dev/problems/period-locked',
    });
    expect((await post('/api/v1/spend/record', buyer, purchase('2026-04-01'))).status).toBe(201);

    await expect(
      env.DB.prepare(
        "UPDATE spend_lines SET amount = 1 WHERE tenant_id = ? AND date = '2026-02-10'",
      )
        .bind(tenant.id)
        .run(),
    ).rejects.toThrow(/period-locked/);

    expect((await post(`/api/v1/periods/${period.id}/reopen`, approver)).status).toBe(403);
    expect((await post(`/api/v1/periods/${period.id}/reopen`, admin)).status).toBe(200);
    expect((await post('/api/v1/spend/record', buyer, purchase('2026-03-31'))).status).toBe(201);
  });

  it('refuses a period that ends before it starts', async () => {
    const tenant = await createTenant('periods-bad');
    const approver = await signIn(tenant.emails.approver);
    const response = await post('/api/v1/periods', approver, {
      name: 'x',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
    });
    expect(response.status).toBe(400);
  });
});
