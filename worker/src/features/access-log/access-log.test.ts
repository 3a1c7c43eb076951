import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { bearer, createTenant, signInAs, type TestTenant } from '../../../test/fixtures';
import { call, json } from '../../../test/http';

interface Entry {
  id: string;
  at: string;
  method: string;
  route: string;
  status: number;
  tokenFingerprint: string;
  scope: string;
  requestId: string;
}
interface Page {
  entries: Entry[];
  nextCursor: string | null;
}

const DAY = (d: number, hour = 10) => `2026-01-${String(d).padStart(2, '0')}T${hour}:00:00.000Z`;

function callAt(token: string, path: string, at: string, method = 'GET') {
  return call(path, { method, headers: { ...bearer(token), 'x-test-now': at } });
}

/** The access log is written after the answer (waitUntil): wait until the tenant has `n` rows. */
async function waitForRows(tenant: TestTenant, n: number) {
  await vi.waitFor(async () => {
    const row = await env.DB.prepare('SELECT count(*) AS n FROM access_log WHERE tenant_id = ?')
      .bind(tenant.id)
      .first<{ n: number }>();
    expect(row?.n).toBeGreaterThanOrEqual(n);
  });
}

async function list(token: string, query: string): Promise<Page> {
  const response = await call(`/api/v1/access-log?${query}`, { headers: bearer(token) });
  expect(response.status, await response.clone().text()).toBe(200);
  return json<Page>(response);
}

/** Five calls in January 2026, one per day, from an admin and a viewer. */
async function tenantWithCalls(label: string) {
  const tenant = await createTenant(label);
  const [admin, viewer, auditor] = await signInAs(tenant, 'admin', 'viewer', 'auditor');
  expect((await callAt(admin, '/api/v1/teams', DAY(10))).status).toBe(200);
  expect((await callAt(viewer, '/api/v1/audit', DAY(11))).status).toBe(403);
  expect((await callAt(admin, '/api/v1/rules', DAY(12))).status).toBe(200);
  expect((await callAt(admin, '/api/v1/rules/no_such_rule/history', DAY(13))).status).toBe(404);
  expect((await callAt(admin, '/api/v1/audit/checkpoints', DAY(14), 'POST')).status).toBe(201);
  await waitForRows(tenant, 5);
  return { tenant, admin, viewer, auditor };
}

const JANUARY = 'from=2026-01-01&to=2026-01-31';

describe('GET /api/v1/access-log', () => {
  it("shows this tenant's calls newest first, with fingerprints and never another tenant's", async () => {
    const acme = await tenantWithCalls('access-acme');
    const bright = await tenantWithCalls('access-bright');
    const page = await list(acme.auditor, JANUARY);
    expect(page.entries.map((e) => [e.at, e.method, e.route, e.status, e.scope])).toEqual([
      [DAY(14), 'POST', '/api/v1/audit/checkpoints', 201, 'admin'],
      [DAY(13), 'GET', '/api/v1/rules/:id/history', 404, 'admin'],
      [DAY(12), 'GET', '/api/v1/rules', 200, 'admin'],
      [DAY(11), 'GET', '/api/v1/audit', 403, 'viewer'],
      [DAY(10), 'GET', '/api/v1/teams', 200, 'admin'],
    ]);
    expect(page.nextCursor).toBeNull();
    const body = JSON.stringify(page);
    for (const secret of [acme.admin, acme.viewer, bright.tenant.id, bright.admin]) {
      expect(body).not.toContain(secret);
    }
    const brightRows = await env.DB.prepare('SELECT id FROM access_log WHERE tenant_id = ?')
      .bind(bright.tenant.id)
      .all<{ id: string }>();
    expect(brightRows.results.length).toBeGreaterThanOrEqual(5);
    for (const { id } of brightRows.results) expect(body).not.toContain(id);
    // The admin's fingerprint is the same on each of its calls, and is not the viewer's.
    const fingerprints = new Set(page.entries.map((e) => e.tokenFingerprint));
    expect(fingerprints.size).toBe(2);
  });

  it('filters by day, route prefix, status code or class, and method', async () => {
    const { auditor } = await tenantWithCalls('access-filter');
    const routes = async (query: string) =>
      (await list(auditor, `${JANUARY}&${query}`)).entries.map((e) => e.route);
    expect((await list(auditor, 'from=2026-01-11&to=2026-01-12')).entries.map((e) => e.at)).toEqual(
      [DAY(12), DAY(11)],
    );
    expect(
      (await list(auditor, `from=${DAY(11, 11)}&to=${DAY(13)}`)).entries.map((e) => e.at),
    ).toEqual([DAY(12)]);
    expect(await routes('route=/api/v1/rules')).toEqual([
      '/api/v1/rules/:id/history',
      '/api/v1/rules',
    ]);
    // "_" and "%" are plain characters, not LIKE wildcards.
    expect(await routes('route=/api/v1/r%25')).toEqual([]);
    expect(await routes('status=4xx')).toEqual(['/api/v1/rules/:id/history', '/api/v1/audit']);
    expect(await routes('status=403')).toEqual(['/api/v1/audit']);
    expect(await routes('status=2xx&method=POST')).toEqual(['/api/v1/audit/checkpoints']);
  });

  it('pages with the cursor, without gaps or repeats', async () => {
    const { auditor } = await tenantWithCalls('access-pages');
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: Page = await list(
        auditor,
        `${JANUARY}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.entries.map((e) => e.at));
      cursor = page.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([DAY(14), DAY(13), DAY(12), DAY(11), DAY(10)]);
  });

  it('answers 400 problem+json for a malformed filter, 403 without access-log:read', async () => {
    const { auditor, viewer } = await tenantWithCalls('access-bad');
    for (const query of ['status=4x', 'status=600', 'from=yesterday', 'cursor=abc', 'limit=0']) {
      const response = await call(`/api/v1/access-log?${query}`, { headers: bearer(auditor) });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const refused = await call('/api/v1/access-log', { headers: bearer(viewer) });
    expect(refused.status).toBe(403);
  });
});
