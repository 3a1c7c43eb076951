/**
 * Restore rehearsal: the real Worker (wrangler dev, local D1/R2) makes its nightly backups,
 * `npm run restore` puts Acme's into an empty database, and every table is compared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../worker/console/test/support/local-worker';
import { DEMO_PASSWORD, OFFLINE_WRANGLER_ENV } from './local-env';
import { REPO_ROOT, withLocalBindings } from './local-state';

const TENANT = 'tnt_acme';
const MASTER_SECRET = `restore-rehearsal-${'x'.repeat(32)}`;
const GLOBAL_FILTERS: Record<string, string> = {
  tenants: 'id = ?',
  users: 'id IN (SELECT user_id FROM memberships WHERE tenant_id = ?)',
  recovery_codes: 'user_id IN (SELECT user_id FROM memberships WHERE tenant_id = ?)',
};

type Row = Record<string, unknown>;
interface Db {
  prepare(sql: string): {
    bind(...values: unknown[]): { all<T>(): Promise<{ results: T[] }> };
    all<T>(): Promise<{ results: T[] }>;
  };
}

type LocalState = { DB: Db; BUCKET: R2Like };
interface R2Like {
  list(options: { prefix: string }): Promise<{ objects: { key: string }[] }>;
  get(key: string): Promise<{ text(): Promise<string> } | null>;
}

/** Acme's rows in every table, as the restored database must hold them. */
async function tenantRows(db: Db, onlyTenant: boolean): Promise<Record<string, Row[]>> {
  const tables = await db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
    )
    .all<{ name: string }>();
  const dump: Record<string, Row[]> = {};
  for (const { name } of tables.results) {
    const columns = await db.prepare(`PRAGMA table_info("${name}")`).all<{ name: string }>();
    const hasTenant = columns.results.some((c) => c.name === 'tenant_id');
    const filter = hasTenant ? 'tenant_id = ?' : GLOBAL_FILTERS[name];
    const order = `ORDER BY ${columns.results.map((c) => `"${c.name}"`).join(', ')}`;
    const query =
      onlyTenant && filter
        ? db.prepare(`SELECT * FROM "${name}" WHERE ${filter} ${order}`).bind(TENANT)
        : db.prepare(`SELECT * FROM "${name}" ${order}`);
    dump[name] = onlyTenant && !filter ? [] : (await query.all<Row>()).results;
  }
  return dump;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function bearerOf(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function backupCount(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/governance/backups`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { backups: unknown[] }).backups.length;
}

function restoreCli(backup: string, persistTo: string) {
  return spawnSync('npm', ['run', '--silent', 'restore', '--', backup, '--persist-to', persistTo], {
    cwd: REPO_ROOT,
    env: { ...OFFLINE_WRANGLER_ENV, KEY_WRAPPING_SECRET: MASTER_SECRET },
    encoding: 'utf8',
  });
}

describe('npm run restore', () => {
  let worker: LocalWorker;
  let expected: Record<string, Row[]>;
  const scratch = mkdtempSync(join(tmpdir(), 'spendprint-restore-'));
  const backupFile = join(scratch, 'acme-backup.json');

  beforeAll(async () => {
    worker = await startLocalWorker({
      vars: { KEY_WRAPPING_SECRET: MASTER_SECRET },
      testScheduled: true,
    });
    // Some activity first, so the backup holds sessions and audit rows too.
    const login = await fetch(`${worker.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@acme.test', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cron = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('40 2 * * *')}`);
    expect(cron.status).toBe(200);
    // The job backs tenants up in turn, Acme first: Bright's backup means Acme's is written.
    // (Asked as Bright, so the access log rows of the polling land outside Acme's data.)
    const bright = await bearerOf(worker.url, 'admin@bright.test');
    await until(async () => (await backupCount(worker.url, bright)) === 1, 90_000);
    // The database files are read once workerd has let go of them.
    await worker.stopServing();
    const backup = await withLocalBindings(worker.persistDir, async (env: LocalState) => {
      const listed = await env.BUCKET.list({ prefix: `tenants/${TENANT}/backup/` });
      expect(listed.objects).toHaveLength(1);
      expected = await tenantRows(env.DB, true);
      return (await env.BUCKET.get(listed.objects[0]!.key))!.text();
    });
    writeFileSync(backupFile, backup);
  }, 240_000);

  afterAll(async () => {
    await worker?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  const target = join(scratch, 'restored');

  it('restores every table of the tenant into an empty database', () => {
    const result = restoreCli(backupFile, target);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Restored tenant tnt_acme/);
    return withLocalBindings(target, async (env: LocalState) => {
      const restored = await tenantRows(env.DB, false);
      expect(Object.keys(restored)).toEqual(Object.keys(expected));
      expect(expected.spend_lines!.length).toBeGreaterThan(200);
      expect(expected.sessions!.length).toBeGreaterThan(0);
      for (const table of Object.keys(expected)) {
        expect(restored[table], table).toEqual(expected[table]);
      }
    });
  }, 120_000);

  it('refuses a database that is not empty', () => {
    const again = restoreCli(backupFile, target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  }, 120_000);

  it('refuses a tampered backup and writes nothing', () => {
    const envelope = JSON.parse(readFileSync(backupFile, 'utf8'));
    const middle = envelope.ciphertext.length >> 1;
    const flipped = envelope.ciphertext[middle] === 'A' ? 'B' : 'A';
    envelope.ciphertext = `${envelope.ciphertext.slice(0, middle)}${flipped}${envelope.ciphertext.slice(middle + 1)}`;
    const tampered = join(scratch, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(envelope));
    const untouched = join(scratch, 'untouched');
    const result = restoreCli(tampered, untouched);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/does not decrypt/);
    expect(existsSync(untouched)).toBe(false);
  }, 120_000);
});
