import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant, signIn } from '../../../test/fixtures';
import { rowCount } from '../../../test/spend-helpers';
import { csvOf, HEADER, importCsv, purchaseRows, settled } from './testing/import-helpers';

describe('CSV import job at size', () => {
  it('records 6,000 rows in chunks across two staged parts, then deletes the parts', async () => {
    const tenant = await createTenant('import-6k');
    const analyst = await signIn(tenant.emails.analyst);
    const started = Date.now();
    const accepted = await importCsv(analyst, csvOf([HEADER, ...purchaseRows(6000)]));
    const uploadMs = Date.now() - started;
    const done = await settled(analyst, accepted.import.id, 110_000);
    console.log(`upload ${uploadMs} ms, total ${Date.now() - started} ms`);
    expect(done.import).toMatchObject({ status: 'completed', rowsTotal: 6000, rowsDone: 6000, recorded: 6000 });
    expect(await rowCount('spend_lines', tenant.id)).toBe(6000);
    expect(await rowCount('import_chunks', tenant.id)).toBe(12);
    expect(await rowCount('encrypted_objects', tenant.id)).toBe(0);
    expect((await env.BUCKET.list({ prefix: `tenants/${tenant.id}/import/` })).objects).toEqual([]);
  }, 120_000);
});
