import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTenant, signIn, signInAs } from '../../../test/fixtures';
import { json } from '../../../test/http';
import {
  auditActions,
  captureLogs,
  everythingStored,
  rowCount,
  send,
  sendJson,
} from '../../../test/spend-helpers';

interface Recorded {
  ruleVersion: number;
  recorded: number;
  duplicates: number;
  lines: {
    id: string;
    duplicate: boolean;
    needsReview: boolean;
    status: string;
    naics: string | null;
  }[];
}
interface Page {
  lines: {
    id: string;
    teamId: string | null;
    supplier: string;
    naics: string;
    needsReview: boolean;
    amountUsd: number | null;
    estimate: { steps?: unknown[] };
  }[];
  total: number;
  nextOffset: number | null;
}

const line = (over: Record<string, unknown> = {}) => ({
  description: 'Laptop computer 14 inch',
  amount: 1200,
  currency: 'USD',
  date: '2024-03-15',
  supplier: 'Dell Inc.',
  glAccount: '6100',
  ...over,
});

afterEach(() => vi.restoreAllMocks());

async function joinTeam(tenantId: string, teamId: string, userId: string, isManager = false) {
  await env.DB.prepare(
    'INSERT INTO team_members (tenant_id, team_id, user_id, is_manager) VALUES (?, ?, ?, ?)',
  )
    .bind(tenantId, teamId, userId, isManager ? 1 : 0)
    .run();
}

describe('POST /api/v1/spend/record', () => {
  it("stores estimated lines with the buyer's team and the whole formula", async () => {
    const tenant = await createTenant('record');
    await joinTeam(tenant.id, tenant.teamId, tenant.userIds.buyer);
    const buyer = await signIn(tenant.emails.buyer);
    const answer = await sendJson<Recorded>(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [
          line(),
          line({
            description: 'Office paper A4 80gsm',
            amount: 90,
            currency: 'EUR',
            supplier: 'Staples',
          }),
        ],
      },
      201,
    );
    expect(answer).toMatchObject({ recorded: 2, duplicates: 0 });
    const page = await sendJson<Page>(buyer, 'GET', '/api/v1/spend/lines');
    expect(page.total).toBe(2);
    const laptop = page.lines.find((l) => l.supplier === 'Dell Inc.')!;
    expect(laptop).toMatchObject({ teamId: tenant.teamId, naics: '334111', amountUsd: 1200 });
    expect(laptop.estimate.steps!.length).toBeGreaterThan(2);
    const paper = page.lines.find((l) => l.supplier === 'Staples')!;
    expect(paper.amountUsd).toBeGreaterThan(90);
    expect(await auditActions(tenant.id)).toContain('spend.record');
  });

  it('counts duplicates once: same supplier, date, amount and description, or same ERP line', async () => {
    const tenant = await createTenant('dedup');
    const buyer = await signIn(tenant.emails.buyer);
    const first = await sendJson<Recorded>(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [line({ erpLineId: 'PO-1/1' }), line({ description: 'LAPTOP computer, 14 inch' })],
      },
      201,
    );
    // The second line normalises to the same description: a duplicate within the request.
    expect(first.recorded).toBe(1);
    expect(first.lines.map((l) => l.duplicate)).toEqual([false, true]);
    const again = await sendJson<Recorded>(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [
          line(),
          line({ erpLineId: 'PO-1/1', amount: 999, description: 'different words' }),
          line({ amount: 1300 }),
        ],
      },
      201,
    );
    expect(again.lines.map((l) => l.duplicate)).toEqual([true, true, false]);
    expect(again.lines[0]!.id).toBe(first.lines[0]!.id);
    expect(again).toMatchObject({ recorded: 1, duplicates: 2 });
    expect(await rowCount('spend_lines', tenant.id)).toBe(2);
  });

  it('sends lines below the review threshold to the review queue', async () => {
    const tenant = await createTenant('threshold');
    const [buyer, analyst] = await signInAs(tenant, 'buyer', 'analyst');
    // A supplier rule makes the Dell line certain; the nonsense line stays unclassified.
    await sendJson(
      analyst,
      'POST',
      '/api/v1/rules',
      { kind: 'supplier', match: 'Dell Inc.', naics: '334111' },
      201,
    );
    const answer = await sendJson<Recorded>(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [line(), line({ description: 'zzqx misc item', supplier: 'Misc Co' })],
      },
      201,
    );
    expect(answer.lines.map((l) => l.needsReview)).toEqual([false, true]);
    const queue = await sendJson<{ items: { spendLineId: string; supplier: string }[] }>(
      analyst,
      'GET',
      '/api/v1/review',
    );
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ spendLineId: answer.lines[1]!.id, supplier: 'Misc Co' });
    const flagged = await sendJson<Page>(analyst, 'GET', '/api/v1/spend/lines?needsReview=true');
    expect(flagged.lines.map((l) => l.id)).toEqual([answer.lines[1]!.id]);
  });

  it('stores and logs no description text (zero persistence, the default)', async () => {
    const tenant = await createTenant('record-zero');
    const [buyer, admin] = await signInAs(tenant, 'buyer', 'admin');
    // A new tenant keeps no review text unless an admin opts in (review-text.test.ts).
    expect(await sendJson(admin, 'GET', '/api/v1/settings')).toMatchObject({
      keepReviewText: false,
    });
    const canary = `CANARY-${crypto.randomUUID()}`;
    const logs = captureLogs();
    await sendJson(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [
          line({ description: `${canary} stainless steel bolts` }),
          line({ description: canary }),
        ],
      },
      201,
    );
    const correction = await send(buyer, 'POST', '/api/v1/review/corrections', {
      description: `${canary} steel bolts`,
      suggestedNaics: '332722',
    });
    expect(correction.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stored = await everythingStored();
    expect(stored).not.toContain('CANARY-');
    expect(stored.toLowerCase()).not.toContain('stainless');
    expect(logs()).not.toContain('CANARY-');
  });

  it('refuses bad input with problem+json naming the field, and stores nothing', async () => {
    const tenant = await createTenant('record-invalid');
    const buyer = await signIn(tenant.emails.buyer);
    const cases: [unknown, string][] = [
      [{ lines: [] }, 'lines'],
      [{ lines: [line({ date: '2024-02-30' })] }, 'lines.0.date'],
      [{ lines: [line({ amount: -5 })] }, 'lines.0.amount'],
      [{ lines: [line({ currency: 'euro' })] }, 'lines.0.currency'],
      [{ lines: [line({ description: '' })] }, 'lines.0.description'],
      [{ lines: [line(), line({ date: 'yesterday' })] }, 'lines.1.date'],
    ];
    for (const [body, path] of cases) {
      const response = await send(buyer, 'POST', '/api/v1/spend/record', body);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json<{ errors: { path: string }[]; requestId: string }>(response);
      expect(problem.errors.map((e) => e.path)).toContain(path);
      expect(problem.requestId).toBeTruthy();
    }
    const notMine = await send(buyer, 'POST', '/api/v1/spend/record', {
      teamId: 'team_other',
      lines: [line()],
    });
    expect(notMine.status).toBe(404);
    expect(await rowCount('spend_lines', tenant.id)).toBe(0);
    expect(await rowCount('review_items', tenant.id)).toBe(0);
  });
});

describe('GET /api/v1/spend/lines', () => {
  it('filters by period, supplier, NAICS, team and status, and pages', async () => {
    const tenant = await createTenant('lines');
    await joinTeam(tenant.id, tenant.teamId, tenant.userIds.buyer);
    const [buyer, viewer] = await signInAs(tenant, 'buyer', 'viewer');
    await sendJson(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [
          line({ date: '2024-01-10' }),
          line({ date: '2024-02-10' }),
          line({
            date: '2024-02-11',
            supplier: 'Staples',
            description: 'Office paper A4 80gsm',
            amount: 40,
          }),
        ],
      },
      201,
    );
    const get = (q: string) => sendJson<Page>(viewer, 'GET', `/api/v1/spend/lines${q}`);
    expect((await get('?period=2024-02')).total).toBe(2);
    expect((await get('?period=2024')).total).toBe(3);
    expect((await get('?supplier=staples')).total).toBe(1);
    expect((await get('?naics=334')).total).toBe(2);
    expect((await get(`?team=${tenant.teamId}`)).total).toBe(3);
    const first = await get('?limit=2');
    expect(first).toMatchObject({ total: 3, nextOffset: 2 });
    expect((await get('?limit=2&offset=2')).nextOffset).toBeNull();
    expect((await get('?status=estimated')).total).toBe(3);
    await sendJson(
      buyer,
      'POST',
      '/api/v1/spend/record',
      { lines: [line({ date: '2023-05-02', currency: 'XQQ' })] },
      201,
    );
    const unable = await get('?status=unable');
    expect(unable.lines.map((l) => l.amountUsd)).toEqual([null]);
    expect(unable.total).toBe(1);
    expect((await get('?status=estimated')).total).toBe(3);
    expect((await send(viewer, 'GET', '/api/v1/spend/lines?status=broken')).status).toBe(400);
    expect((await send(viewer, 'GET', '/api/v1/spend/lines?period=2024-13')).status).toBe(400);
    expect((await send(viewer, 'GET', '/api/v1/spend/lines?team=nope')).status).toBe(404);
  });
});
