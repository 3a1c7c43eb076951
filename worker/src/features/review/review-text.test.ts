import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearer, createTenant, signIn, signInAs, type TestTenant } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import {
  auditActions,
  captureLogs,
  everythingStored,
  send,
  sendJson,
} from '../../../test/spend-helpers';
import type { Env } from '../../env';
import { openBackup, type BackupEnvelope } from '../backups/backup-envelope';
import { backupPrefix } from '../backups/create-backup';
import { NIGHTLY, runScheduled } from '../scheduled/cron';

const DAY_MS = 24 * 60 * 60 * 1000;
const workerEnv = env as unknown as Env;

interface Queue {
  items: { id: string; kind: string; spendLineId: string | null; reviewText: string | null }[];
}

afterEach(() => vi.restoreAllMocks());

let recorded = 0;

/** A line the engine cannot place (each from its own supplier, so no anomaly joins it). */
const unplaceable = (description: string) => ({
  description,
  amount: 240,
  currency: 'USD',
  date: '2026-03-02',
  supplier: `Obscure Supplies ${++recorded}`,
});

async function keepReviewText(tenant: TestTenant, keep: boolean) {
  const admin = await signIn(tenant.emails.admin);
  return sendJson(admin, 'PATCH', '/api/v1/settings', { keepReviewText: keep });
}

async function recordAt(token: string, description: string, at?: Date) {
  const response = await call('/api/v1/spend/record', {
    method: 'POST',
    headers: {
      ...bearer(token),
      'content-type': 'application/json',
      ...(at ? { 'x-test-now': at.toISOString() } : {}),
    },
    body: JSON.stringify({ lines: [unplaceable(description)] }),
  });
  expect(response.status).toBe(201);
}

async function queueAt(token: string, at?: Date) {
  const response = await call('/api/v1/review', {
    headers: { ...bearer(token), ...(at ? { 'x-test-now': at.toISOString() } : {}) },
  });
  expect(response.status).toBe(200);
  return json<Queue>(response);
}

async function storedTexts(tenantId: string) {
  const rows = await env.DB.prepare(
    'SELECT review_text_sealed AS sealed FROM review_items WHERE tenant_id = ? AND review_text_sealed IS NOT NULL',
  )
    .bind(tenantId)
    .all<{ sealed: string }>();
  return rows.results.map((row) => row.sealed);
}

describe('opt-in review text', () => {
  it('is off by default and turned on and off by an admin only, audited', async () => {
    const tenant = await createTenant('text-setting');
    const [admin, analyst] = await signInAs(tenant, 'admin', 'analyst');
    expect(await sendJson(admin, 'GET', '/api/v1/settings')).toEqual({
      reviewThreshold: 0.8,
      keepReviewText: false,
      reviewTextDays: 30,
    });
    expect(
      (await send(analyst, 'PATCH', '/api/v1/settings', { keepReviewText: true })).status,
    ).toBe(403);
    const refused = await send(admin, 'PATCH', '/api/v1/settings', { keepReviewText: 'yes' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await keepReviewText(tenant, true)).toMatchObject({ keepReviewText: true });
    expect(await sendJson(admin, 'GET', '/api/v1/settings')).toMatchObject({
      keepReviewText: true,
    });
    expect(await auditActions(tenant.id)).toContain('settings.update');
  });

  it('stores the text only as ciphertext and shows it to the tenant reviewers alone', async () => {
    const tenant = await createTenant('text-on');
    const other = await createTenant('text-other');
    await keepReviewText(tenant, true);
    await keepReviewText(other, true);
    const [buyer, analyst, otherAnalyst] = await Promise.all([
      signIn(tenant.emails.buyer),
      signIn(tenant.emails.analyst),
      signIn(other.emails.analyst),
    ]);
    const canary = `CANARY-${crypto.randomUUID()}`;
    const logs = captureLogs();
    await recordAt(buyer, `zzqx ${canary} part`);
    const correction = await send(buyer, 'POST', '/api/v1/review/corrections', {
      description: `${canary} steel bolts`,
      suggestedNaics: '332722',
    });
    expect(correction.status).toBe(201);

    const stored = await everythingStored();
    expect(stored).not.toContain(canary);
    expect(logs()).not.toContain(canary);
    const sealed = await storedTexts(tenant.id);
    expect(sealed).toHaveLength(2);
    for (const value of sealed) expect(value).toMatch(/^tk1\.\d+\./);

    const queue = await queueAt(analyst);
    expect(queue.items.map((item) => item.reviewText).sort()).toEqual([
      `${canary} steel bolts`,
      `zzqx ${canary} part`,
    ]);
    // A buyer may not review; another tenant's reviewer sees none of it.
    expect((await send(buyer, 'GET', '/api/v1/review')).status).toBe(403);
    const foreign = await send(otherAnalyst, 'GET', '/api/v1/review');
    expect(await foreign.text()).not.toContain(canary);
    // Ciphertext is bound to its tenant and item: moved into another tenant's item, it stays shut.
    await recordAt(await signIn(other.emails.buyer), 'zzqx unrelated part');
    await env.DB.prepare('UPDATE review_items SET review_text_sealed = ? WHERE tenant_id = ?')
      .bind(sealed[0], other.id)
      .run();
    const moved = await queueAt(otherAnalyst);
    expect(moved.items.map((item) => item.reviewText)).toEqual([null]);
  });

  it('is never returned after 30 days and the hourly job erases it', async () => {
    const tenant = await createTenant('text-expiry');
    await keepReviewText(tenant, true);
    const [buyer, analyst] = await signInAs(tenant, 'buyer', 'analyst');
    const created = new Date('2026-03-02T09:00:00Z');
    await recordAt(buyer, 'zzqx expiring part', created);
    const expiry = new Date(created.getTime() + 30 * DAY_MS);

    const before = await queueAt(analyst, new Date(expiry.getTime() - 1));
    expect(before.items.map((item) => item.reviewText)).toEqual(['zzqx expiring part']);
    // Past its expiry the text is withheld even before the job has run.
    const after = await queueAt(analyst, expiry);
    expect(after.items.map((item) => item.reviewText)).toEqual([null]);

    await runScheduled(workerEnv, new Date(expiry.getTime() - DAY_MS));
    expect(await storedTexts(tenant.id)).toHaveLength(1);
    await runScheduled(workerEnv, expiry);
    expect(await storedTexts(tenant.id)).toEqual([]);
    expect((await queueAt(analyst)).items).toHaveLength(1);
  });

  it('is dropped when its item is resolved, and all of it when the setting is turned off', async () => {
    const tenant = await createTenant('text-drop');
    await keepReviewText(tenant, true);
    const [buyer, analyst] = await signInAs(tenant, 'buyer', 'analyst');
    for (const n of ['first', 'second', 'third']) await recordAt(buyer, `zzqx ${n} part`);
    const queue = await queueAt(analyst);
    expect(queue.items).toHaveLength(3);
    const first = queue.items.find((item) => item.reviewText === 'zzqx first part')!;
    await sendJson(analyst, 'POST', `/api/v1/review/${first.id}/resolve`, { naics: '332510' });
    expect(await storedTexts(tenant.id)).toHaveLength(2);
    const resolved = await sendJson<Queue>(analyst, 'GET', '/api/v1/review?status=resolved');
    expect(resolved.items.map((item) => item.reviewText)).toEqual([null]);

    await keepReviewText(tenant, false);
    expect(await storedTexts(tenant.id)).toEqual([]);
    expect((await queueAt(analyst)).items.map((item) => item.reviewText)).toEqual([null, null]);
    // Off again: new review items keep nothing.
    await recordAt(buyer, 'zzqx fourth part');
    expect(await storedTexts(tenant.id)).toEqual([]);
  });

  it('is left out of the nightly backup, which outlives it', async () => {
    const tenant = await createTenant('text-backup');
    await keepReviewText(tenant, true);
    await recordAt(await signIn(tenant.emails.buyer), 'zzqx backed-up part');
    expect(await storedTexts(tenant.id)).toHaveLength(1);
    await runScheduled(workerEnv, new Date(), NIGHTLY);
    const [object] = (await env.BUCKET.list({ prefix: backupPrefix(tenant.id) })).objects;
    const envelope = JSON.parse(
      await (await env.BUCKET.get(object!.key))!.text(),
    ) as BackupEnvelope;
    const content = JSON.parse(
      new TextDecoder().decode(await openBackup(envelope, env.KEY_WRAPPING_SECRET)),
    ) as { tables: { review_items: Record<string, unknown>[] } };
    expect(content.tables.review_items).toEqual([
      expect.objectContaining({ review_text_sealed: null, review_text_expires_at: null }),
    ]);
  });

  it('becomes unreadable when the key it is sealed under is revoked', async () => {
    const tenant = await createTenant('text-revoke');
    await keepReviewText(tenant, true);
    const [admin, buyer, analyst] = await signInAs(tenant, 'admin', 'buyer', 'analyst');
    await recordAt(buyer, 'zzqx shredded part');
    expect((await queueAt(analyst)).items[0]!.reviewText).toBe('zzqx shredded part');
    await sendJson(admin, 'POST', '/api/v1/keys/1/revoke');
    expect((await queueAt(analyst)).items.map((item) => item.reviewText)).toEqual([null]);
    // Text recorded afterwards is sealed under the next version and readable.
    await recordAt(buyer, 'zzqx later part');
    const texts = (await queueAt(analyst)).items.map((item) => item.reviewText);
    expect(texts).toHaveLength(2);
    expect(texts).toEqual(expect.arrayContaining(['zzqx later part', null]));
  });
});
