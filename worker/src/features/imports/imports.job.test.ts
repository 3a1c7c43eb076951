import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import {
  auditActions,
  captureLogs,
  everythingStored,
  rowCount,
  send,
} from '../../../test/spend-helpers';
import { createDatabase } from '../../db/client';
import { TenantDb } from '../../db/tenant-db';
import worker from '../../index';
import { getDecrypted } from '../../lib/object-store';
import type { ImportMessage } from './import-message';
import { resumeStalledImports } from './stalled-imports';
import {
  csvOf,
  HEADER,
  importCsv,
  purchaseRows,
  settled,
  type ImportDetailBody,
} from '../../../test/import-helpers';

afterEach(() => vi.restoreAllMocks());

/** Every encrypted object the tenant still has, decrypted, as one string. */
async function decryptedObjects(tenantId: string): Promise<{ count: number; text: string }> {
  const db = new TenantDb(createDatabase(env.DB), tenantId);
  const rows = await env.DB.prepare(
    'SELECT object_id AS id FROM encrypted_objects WHERE tenant_id = ?',
  )
    .bind(tenantId)
    .all<{ id: string }>();
  const texts = await Promise.all(
    rows.results.map(async ({ id }) =>
      new TextDecoder().decode(
        (await getDecrypted(db, env.BUCKET, env.KEY_WRAPPING_SECRET, id)).bytes,
      ),
    ),
  );
  return { count: texts.length, text: texts.join('\n') };
}

const stagedObjects = async (tenantId: string) =>
  (await env.BUCKET.list({ prefix: `tenants/${tenantId}/import/` })).objects.length;

describe('CSV import job at size', () => {
  it('records 6,000 rows in 12 chunks across two staged parts, then deletes the parts', async () => {
    const tenant = await createTenant('import-6k');
    const analyst = await signIn(tenant.emails.analyst);
    const accepted = await importCsv(analyst, csvOf([HEADER, ...purchaseRows(6000)]));
    expect(accepted.import).toMatchObject({ rowsTotal: 6000, rowsDone: 0 });
    const done = await settled(analyst, accepted.import.id, 110_000);
    expect(done.import).toMatchObject({
      status: 'completed',
      rowsTotal: 6000,
      rowsDone: 6000,
      recorded: 6000,
    });
    expect(await rowCount('spend_lines', tenant.id)).toBe(6000);
    expect(await rowCount('import_chunks', tenant.id)).toBe(12);
    expect(await rowCount('encrypted_objects', tenant.id)).toBe(0);
    expect(await stagedObjects(tenant.id)).toBe(0);
    const steps = (await auditActions(tenant.id)).filter((a) => a === 'spend.import');
    expect(steps).toHaveLength(12);
  }, 120_000);
});

describe('interrupted imports', () => {
  it('fail after three attempts, resume from the failed chunk, and count every row once', async () => {
    const tenant = await createTenant('import-resume');
    const analyst = await signIn(tenant.emails.analyst);
    const canary = `CANARY-${crypto.randomUUID()}`;
    const outage = `Outage ${crypto.randomUUID().slice(0, 8)}`;
    const rows = purchaseRows(1000).map((r, i) =>
      i % 100 === 0 ? [`${canary} ${r[0]}`, ...r.slice(1)] : r,
    );
    rows[500]![1] = outage; // the first row of the second chunk
    // A real database failure on the real path: inserting that supplier aborts its whole batch.
    const trigger = `test_outage_${tenant.slug.replace(/\W/g, '_')}`;
    await env.DB.prepare(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON spend_lines WHEN NEW.supplier = '${outage}' BEGIN SELECT RAISE(ABORT, 'injected outage'); END`,
    ).run();
    const logs = captureLogs();

    const accepted = await importCsv(analyst, csvOf([HEADER, ...rows]));
    const failed = await settled(analyst, accepted.import.id, 90_000);
    expect(failed.import).toMatchObject({ status: 'failed', rowsDone: 500, recorded: 500 });
    expect(failed.import.failure).toMatch(/rows 501–1000 of part 1 failed 3 times\. Resume/);
    expect(await rowCount('spend_lines', tenant.id)).toBe(500);
    // While it waits, the rest of the file is in R2 as ciphertext only.
    expect(await stagedObjects(tenant.id)).toBe(1);
    expect(await everythingStored()).not.toContain(canary);
    expect((await decryptedObjects(tenant.id)).text).toContain(canary);

    await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
    const resumed = await send(analyst, 'POST', `/api/v1/imports/${accepted.import.id}/resume`);
    expect(resumed.status).toBe(202);
    // A second copy of the resumed step races the queue's: the chunk still lands once.
    const batch = createMessageBatch<ImportMessage>('spendprint-imports', [
      {
        id: 'second-copy',
        timestamp: new Date(),
        attempts: 1,
        body: { tenantId: tenant.id, importId: accepted.import.id, part: 0, firstRow: 500 },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['second-copy']);
    const done = await settled(analyst, accepted.import.id, 60_000);
    expect(done.import).toMatchObject({
      status: 'completed',
      rowsDone: 1000,
      recorded: 1000,
      duplicates: 0,
      failure: null,
    });
    expect(await rowCount('spend_lines', tenant.id)).toBe(1000);
    expect(await rowCount('import_chunks', tenant.id)).toBe(2);
    const again = await send(analyst, 'POST', `/api/v1/imports/${accepted.import.id}/resume`);
    expect(again.status).toBe(409);

    const actions = (await auditActions(tenant.id)).filter(
      (a) => a.startsWith('import.') || a === 'spend.import',
    );
    expect(actions).toEqual([
      'import.create',
      'spend.import',
      'import.fail',
      'import.resume',
      'spend.import',
    ]);
    expect(logs()).toContain('import-step-failed');
    expect(logs()).not.toContain(canary);
    expect(await stagedObjects(tenant.id)).toBe(0);
    expect(await everythingStored()).not.toContain(canary);
  }, 180_000);

  it('refuses to resume a job that is still running', async () => {
    const tenant = await createTenant('import-busy');
    const analyst = await signIn(tenant.emails.analyst);
    const accepted = await importCsv(analyst, csvOf([HEADER, ...purchaseRows(5)]));
    // Queued or running and recently updated (or already complete): nothing to resume.
    const busy = await send(analyst, 'POST', `/api/v1/imports/${accepted.import.id}/resume`);
    expect(busy.status).toBe(409);
    await settled(analyst, accepted.import.id);
    const complete = await send(analyst, 'POST', `/api/v1/imports/${accepted.import.id}/resume`);
    expect(complete.status).toBe(409);
    expect(await complete.json()).toMatchObject({ detail: expect.stringMatching(/complete/) });
    expect((await send(analyst, 'POST', '/api/v1/imports/imp_nope/resume')).status).toBe(404);
  });

  it('never double counts when a resume races a live job', async () => {
    const tenant = await createTenant('import-race');
    const analyst = await signIn(tenant.emails.analyst);
    // Uploaded "an hour ago", so the job counts as stalled until its first chunk lands.
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    const upload = await call('/api/v1/imports', {
      method: 'POST',
      headers: { ...bearer(analyst), 'content-type': 'text/csv', 'x-test-now': hourAgo },
      body: csvOf([HEADER, ...purchaseRows(700)]),
    });
    const { import: job } = await json<ImportDetailBody>(upload);
    const resume = await send(analyst, 'POST', `/api/v1/imports/${job.id}/resume`);
    expect([202, 409]).toContain(resume.status);
    const done = await settled(analyst, job.id, 90_000);
    expect(done.import).toMatchObject({ status: 'completed', rowsDone: 700, recorded: 700 });
    expect(await rowCount('spend_lines', tenant.id)).toBe(700);
    expect(await rowCount('import_chunks', tenant.id)).toBe(2);
  }, 120_000);
});

describe('the hourly stall sweep', () => {
  it('picks up a job whose chain was lost and finishes it once', async () => {
    const tenant = await createTenant('import-stall');
    const analyst = await signIn(tenant.emails.analyst);
    const outage = `Outage ${crypto.randomUUID().slice(0, 8)}`;
    const rows = purchaseRows(600);
    rows[0]![1] = outage;
    const trigger = `test_outage_${tenant.slug.replace(/\W/g, '_')}`;
    await env.DB.prepare(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON spend_lines WHEN NEW.supplier = '${outage}' BEGIN SELECT RAISE(ABORT, 'injected outage'); END`,
    ).run();
    const accepted = await importCsv(analyst, csvOf([HEADER, ...rows]));
    expect((await settled(analyst, accepted.import.id, 60_000)).import.status).toBe('failed');
    await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
    // What a lost chain looks like: still "running", nothing recorded for 20 minutes.
    const twentyMinutesAgo = Date.now() - 20 * 60 * 1000;
    await env.DB.prepare(
      "UPDATE imports SET status = 'running', failure = NULL, updated_at = ? WHERE id = ?",
    )
      .bind(twentyMinutesAgo, accepted.import.id)
      .run();

    await resumeStalledImports(env, new Date());
    const done = await settled(analyst, accepted.import.id, 60_000);
    expect(done.import).toMatchObject({ status: 'completed', recorded: 600, rowsDone: 600 });
    expect(await rowCount('spend_lines', tenant.id)).toBe(600);
    // A second sweep finds nothing stalled.
    await resumeStalledImports(env, new Date());
    expect(await rowCount('import_chunks', tenant.id)).toBe(2);
  }, 120_000);
});

describe('zero persistence', () => {
  it('keeps no description text in any table, object or log line, even in row errors', async () => {
    const tenant = await createTenant('import-zero');
    const analyst = await signIn(tenant.emails.analyst);
    const canary = `CANARY-${crypto.randomUUID()}`;
    const rows = [
      [`${canary} stainless steel bolts`, 'Fastenal', '2024-02-03', '45.10', 'USD'],
      [canary, 'Fastenal', '2024-02-04', '12', 'USD'],
      [`${canary} washers`, 'Fastenal', '2024-02-05', 'about ten', 'USD'],
      [`${canary} ${'x'.repeat(1000)}`, 'Fastenal', '2024-02-06', '10', 'USD'],
    ];
    const logs = captureLogs();
    const accepted = await importCsv(analyst, csvOf([HEADER, ...rows]));
    const done = await settled(analyst, accepted.import.id);
    expect(done.import).toMatchObject({ recorded: 2, rowsFailed: 2 });
    expect(done.errors.items.map((e) => e.field)).toEqual(['amount', 'description']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stored = await everythingStored();
    expect(stored).not.toContain(canary);
    expect(stored.toLowerCase()).not.toContain('stainless');
    const objects = await decryptedObjects(tenant.id);
    expect(objects.text).not.toContain(canary);
    expect(await stagedObjects(tenant.id)).toBe(0);
    expect(JSON.stringify(done)).not.toContain(canary);
    expect(logs()).not.toContain(canary);
  });
});
