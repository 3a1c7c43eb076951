import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { captureLogs, everythingStored, send } from '../../../test/spend-helpers';

const postEstimates = (token: string, body: unknown) =>
  send(token, 'POST', '/api/v1/estimates', body);

afterEach(() => vi.restoreAllMocks());

describe('POST /api/v1/estimates', () => {
  it('estimates lines in order with the formula behind each number', async () => {
    const tenant = await createTenant('estimates');
    const token = await signIn(tenant.emails.buyer);
    const response = await postEstimates(token, {
      lines: [
        {
          description: 'Laptop computer 14 inch',
          amount: 1200,
          currency: 'USD',
          date: '2024-03-15',
        },
        { description: 'zzqx', amount: 10 },
        { description: 'Office paper A4 80gsm', amount: 500, currency: 'EUR', date: '2022-01-10' },
      ],
    });
    expect(response.status).toBe(200);
    const body = await json<{ ruleVersion: number; results: Record<string, unknown>[] }>(response);
    expect(body.results).toHaveLength(3);
    const [laptop, nonsense, paper] = body.results;
    expect(laptop).toMatchObject({
      status: 'estimated',
      naics: '334111',
      calculationMethod: 'spend-based',
    });
    expect(laptop!.kgCO2e as number).toBeGreaterThan(0);
    expect(nonsense!.status).toBe('unable');
    expect(paper).toMatchObject({ status: 'estimated' });
  });

  it('refuses more than 500 lines with 413 problem+json', async () => {
    const tenant = await createTenant('too-many');
    const token = await signIn(tenant.emails.buyer);
    const lines = Array.from({ length: 501 }, () => ({ description: 'bolts', amount: 1 }));
    const response = await postEstimates(token, { lines });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers invalid lines with 400 naming the field', async () => {
    const tenant = await createTenant('invalid');
    const token = await signIn(tenant.emails.buyer);
    const response = await postEstimates(token, {
      lines: [{ description: 'bolts', currency: 'euro' }],
    });
    expect(response.status).toBe(400);
    const problem = await json<{ errors: { path: string }[] }>(response);
    expect(problem.errors.map((e) => e.path)).toContain('lines.0.currency');
  });

  it('stores and logs no description text (zero persistence), whether a line is estimated or refused', async () => {
    const tenant = await createTenant('zero-persistence');
    const token = await signIn(tenant.emails.buyer);
    // One run of letters and digits, so a normalised or lower-cased copy would still contain it.
    const canary = `canary${crypto.randomUUID().replaceAll('-', '')}`;
    const logs = captureLogs();
    const lines = [
      { description: `${canary.toUpperCase()} stainless steel bolts`, amount: 10 },
      { description: `${canary} zzqx`, amount: 10, currency: 'ZZZ' },
    ];
    expect((await postEstimates(token, { lines })).status).toBe(200);
    const refused = await postEstimates(token, { lines: [{ ...lines[0], amount: -1 }] });
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain(canary.toUpperCase());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await everythingStored({ decrypted: true })).toLowerCase()).not.toContain(canary);
    expect(logs().toLowerCase()).not.toContain(canary);
  });

  it('asks for a credential before it looks at the body', async () => {
    const lines = Array.from({ length: 501 }, () => ({ description: 'bolts', amount: 1 }));
    const response = await call('/api/v1/estimates', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines }),
    });
    expect(response.status).toBe(401);
  });

  it('takes 500 lines at the longest description, in a script of three bytes a character', async () => {
    const tenant = await createTenant('long-lines');
    const token = await signIn(tenant.emails.buyer);
    const description = '炭'.repeat(1000);
    const lines = Array.from({ length: 500 }, () => ({ description, amount: 1 }));
    const response = await postEstimates(token, { lines });
    expect(response.status).toBe(200);
    expect((await json<{ results: unknown[] }>(response)).results).toHaveLength(500);
  });
});
