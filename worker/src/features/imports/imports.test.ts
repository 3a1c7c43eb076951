import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTenant, signIn } from '../../../test/fixtures';
import { rowCount } from '../../../test/spend-helpers';
import { csvOf, HEADER, importCsv, purchaseRows, settled } from './testing/import-helpers';

afterEach(() => vi.restoreAllMocks());

describe('POST /api/v1/imports', () => {
  it('imports a small file through the queue job', async () => {
    const tenant = await createTenant('import-small');
    const analyst = await signIn(tenant.emails.analyst);
    const accepted = await importCsv(analyst, csvOf([HEADER, ...purchaseRows(20)]), { filename: 'q1.csv' });
    expect(accepted.import).toMatchObject({ status: 'queued', rowsTotal: 20, fileName: 'q1.csv' });
    const done = await settled(analyst, accepted.import.id);
    expect(done.import).toMatchObject({ status: 'completed', rowsDone: 20, recorded: 20, rowsFailed: 0 });
    expect(await rowCount('spend_lines', tenant.id)).toBe(20);
  });
});
