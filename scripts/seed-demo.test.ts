/**
 * The demo seed against a real local D1 (wrangler's platform proxy, the real migrations): it
 * holds the current month so far, and seeding again later in the month adds the days since,
 * each new line recorded in the audit chain's calculation ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/d1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../worker/src/db/schema';
import { TenantDb } from '../worker/src/db/tenant-db';
import { verifyLedger } from '../worker/src/features/spend/ledger';
import { applyLocalMigrations, openLocalBindings } from './local-state';
import { seedDemo } from './seed-demo';

/** The few D1 calls the test makes itself; seedDemo and drizzle take the binding as it is. */
interface D1 {
  prepare(sql: string): { all<T>(): Promise<{ results: T[] }> };
}
let persistDir: string;
let env: { DB: D1 };
let dispose: () => Promise<void>;

beforeAll(async () => {
  persistDir = mkdtempSync(join(tmpdir(), 'spendprint-seed-'));
  applyLocalMigrations(persistDir);
  ({ env, dispose } = await openLocalBindings<{ DB: D1 }>(persistDir));
}, 120_000);

afterAll(async () => {
  await dispose?.();
  rmSync(persistDir, { recursive: true, force: true });
});

async function demoDates(): Promise<string[]> {
  const rows = await env.DB.prepare(
    "SELECT date FROM spend_lines WHERE tenant_id = 'tnt_acme' ORDER BY date",
  ).all<{ date: string }>();
  return rows.results.map((row) => row.date);
}

describe('seedDemo', () => {
  it('seeds twelve months and the current month so far, and a later day adds the days since', async () => {
    await seedDemo(env.DB as never, new Date('2026-03-06T09:00:00Z'), 'test-secret');
    const first = await demoDates();
    expect(first[0]!.slice(0, 7)).toBe('2025-03');
    const march = first.filter((date) => date.startsWith('2026-03'));
    expect(march.length).toBeGreaterThan(0);
    expect(march.every((date) => date <= '2026-03-06')).toBe(true);

    await seedDemo(env.DB as never, new Date('2026-03-20T09:00:00Z'), 'test-secret');
    const later = await demoDates();
    const marchLater = later.filter((date) => date.startsWith('2026-03'));
    expect(marchLater.length).toBeGreaterThan(march.length);
    expect(marchLater.every((date) => date <= '2026-03-20')).toBe(true);
    // Nothing seeded before changed or went missing.
    expect(later.filter((date) => date <= '2026-03-06')).toEqual(first);

    const ledger = await verifyLedger(
      new TenantDb(drizzle(env.DB as never, { schema }), 'tnt_acme'),
    );
    expect(ledger.mismatched).toEqual([]);
    expect(ledger.lines).toBe(later.length);
  }, 60_000);
});
