import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { can, ROLES, type Capability } from '../../../shared/roles';
import { listTenantTables } from '../../src/db/tenant-tables';
import { bearer, createTenant, signIn } from '../fixtures';
import { invoke, listOperations, type ApiOperation } from '../routes';

/**
 * The walks are split over SHARDS test files (shard-1 … shard-N), each taking every SHARDS-th
 * operation of the OpenAPI document: each file gets its own workerd, and under
 * vitest-pool-workers every request of a workerd instance is slower than the one before
 * (cloudflare/workers-sdk#15446), so one file of ~700 requests took minutes.
 */
export const SHARDS = 4;

/** Routes that end the caller's own session; the walk signs in again after them. */
const ENDS_SESSION = new Set(['/api/v1/auth/logout']);
/** Below the test rate limit per token and method, so the walk measures access, not throttling. */
const CALLS_PER_TOKEN = 20;
const WALK_TIMEOUT_MS = 120_000;

/** One user's calls, signing in again after a sign-out route or every CALLS_PER_TOKEN calls. */
function walkingSession(email: string) {
  let token: string | undefined;
  let calls = 0;
  return {
    async invoke(op: ApiOperation, id: string) {
      if (!token || calls >= CALLS_PER_TOKEN) [token, calls] = [await signIn(email), 0];
      calls += 1;
      const response = await invoke(op, id, bearer(token));
      if (ENDS_SESSION.has(op.path)) token = undefined;
      return response;
    },
  };
}

async function rowsOfTenant(tenantId: string): Promise<string> {
  const dumps = await Promise.all(
    (await listTenantTables(env.DB)).map(async (name) =>
      JSON.stringify(
        (
          await env.DB.prepare(`SELECT * FROM "${name}" WHERE tenant_id = ? ORDER BY rowid`)
            .bind(tenantId)
            .all()
        ).results,
      ),
    ),
  );
  return dumps.join('\n');
}

/** Every SHARDS-th operation of the OpenAPI document, starting at `shard` (1-based). */
async function operationsOfShard(shard: number): Promise<ApiOperation[]> {
  return (await listOperations()).filter((_, index) => index % SHARDS === shard - 1);
}

/** The role matrix and the other-tenant walk over one shard of the routes. */
export function walkShard(shard: number): void {
  describe(`routes of shard ${shard} of ${SHARDS}`, () => {
    it(
      'let each role do exactly what the matrix allows',
      async () => {
        const tenant = await createTenant('matrix');
        const sessions = new Map(ROLES.map((role) => [role, walkingSession(tenant.emails[role])]));
        for (const op of await operationsOfShard(shard)) {
          if (op.access === 'public') continue;
          for (const role of ROLES) {
            const response = await sessions.get(role)!.invoke(op, tenant.teamId);
            const allowed = op.access === 'member' || can(role, op.access as Capability);
            const where = `${role} → ${op.method} ${op.path} answered ${response.status}`;
            if (allowed) expect([401, 403], where).not.toContain(response.status);
            else expect(response.status, where).toBe(403);
          }
        }
      },
      WALK_TIMEOUT_MS,
    );

    it(
      'show another tenant nothing and let it change nothing',
      async () => {
        const acme = await createTenant('acme');
        const bright = await createTenant('bright');
        const acmeIds = [acme.id, acme.teamId, acme.userIds.admin, acme.userIds.buyer];
        const before = await rowsOfTenant(acme.id);
        const brightAdmin = walkingSession(bright.emails.admin);
        for (const op of await operationsOfShard(shard)) {
          // Routes without an object id in the path are called once; the others with each Acme id.
          for (const id of op.path.includes('{') ? acmeIds : ['-']) {
            const response = await brightAdmin.invoke(op, id);
            // The problem's `instance` only echoes the path the caller sent; everything else must be clean.
            const body = (await response.text()).replace(/"instance":"[^"]*"/, '');
            for (const secret of [acme.id, acme.teamId, ...Object.values(acme.emails)]) {
              expect(body, `${op.method} ${op.path} leaked ${secret}`).not.toContain(secret);
            }
            if (op.path.includes('{'))
              expect([400, 404], `${op.method} ${op.path}`).toContain(response.status);
          }
        }
        expect(await rowsOfTenant(acme.id)).toBe(before);
      },
      WALK_TIMEOUT_MS,
    );
  });
}
