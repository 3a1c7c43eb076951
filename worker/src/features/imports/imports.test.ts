import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { auditActions, rowCount, sendJson } from '../../../test/spend-helpers';
import {
  csvOf,
  HEADER,
  importCsv,
  importDetail,
  purchaseRows,
  settled,
  uploadCsv,
  type ImportDetailBody,
} from '../../../test/import-helpers';

afterEach(() => vi.restoreAllMocks());

const importAudit = async (tenantId: string) =>
  (await auditActions(tenantId)).filter((a) => a.startsWith('import.') || a === 'spend.import');

async function sourcesOf(tenantId: string) {
  const rows = await env.DB.prepare(
    'SELECT source, count(*) AS n FROM spend_lines WHERE tenant_id = ? GROUP BY source',
  )
    .bind(tenantId)
    .all<{ source: string; n: number }>();
  return Object.fromEntries(rows.results.map((r) => [r.source, r.n]));
}

describe('CSV import job', () => {
  it('records the rows through the queue, shows progress in the list, and audits each step', async () => {
    const tenant = await createTenant('import-small');
    const analyst = await signIn(tenant.emails.analyst);
    const accepted = await importCsv(analyst, csvOf([HEADER, ...purchaseRows(20)]), {
      filename: 'q1.csv',
    });
    expect(accepted.import).toMatchObject({
      status: 'queued',
      rowsTotal: 20,
      rowsDone: 0,
      fileName: 'q1.csv',
      mapping: {
        description: 'Item description',
        supplier: 'Vendor',
        date: 'Invoice date',
        amount: 'Net amount',
      },
    });
    const done = await settled(analyst, accepted.import.id);
    expect(done.import).toMatchObject({
      status: 'completed',
      rowsDone: 20,
      recorded: 20,
      duplicates: 0,
      rowsFailed: 0,
    });
    expect(await sourcesOf(tenant.id)).toEqual({ csv: 20 });
    const list = await sendJson<{ imports: { id: string; status: string }[]; total: number }>(
      analyst,
      'GET',
      '/api/v1/imports',
    );
    expect(list).toMatchObject({
      total: 1,
      imports: [{ id: accepted.import.id, status: 'completed' }],
    });
    expect(await importAudit(tenant.id)).toEqual(['import.create', 'spend.import']);
    // The lines are in the ledger like any other: the spend list shows them with their estimate.
    const lines = await sendJson<{ total: number }>(
      analyst,
      'GET',
      '/api/v1/spend/lines?supplier=Supplier%203',
    );
    expect(lines.total).toBe(1);
  });
});

describe('column mapping', () => {
  const odd = ['Posting', 'Text', 'Value', 'Kreditor', 'Kostenstelle'];
  const oddRows = (n: number, start = 0) =>
    purchaseRows(n, start).map(([item, supplier, date, amount]) => [
      date!,
      item!,
      amount!,
      supplier!,
      'CC-7',
    ]);

  it('takes a mapping from the caller, saves it, and reuses it for the next upload', async () => {
    const tenant = await createTenant('import-mapping');
    await env.DB.prepare('UPDATE teams SET cost_centre = ? WHERE id = ?')
      .bind('CC-7', tenant.teamId)
      .run();
    const analyst = await signIn(tenant.emails.analyst);
    const mapping = {
      date: 'Posting',
      description: 'Text',
      amount: 'Value',
      supplier: 'Kreditor',
      team: 'Kostenstelle',
    };
    const first = await importCsv(analyst, csvOf([odd, ...oddRows(3)]), { mapping });
    expect(first.import.mapping).toMatchObject(mapping);
    await settled(analyst, first.import.id);
    const teams = await env.DB.prepare(
      'SELECT DISTINCT team_id AS t FROM spend_lines WHERE tenant_id = ?',
    )
      .bind(tenant.id)
      .all<{ t: string }>();
    expect(teams.results.map((r) => r.t)).toEqual([tenant.teamId]);

    // Same headers, no mapping sent: the saved one is used (the preview says so).
    const next = csvOf([odd, ...oddRows(2, 50)]);
    const preview = await json<{ sources: Record<string, string>; missing: string[] }>(
      await uploadCsv(analyst, next, { path: '/api/v1/imports/preview' }),
    );
    expect(preview.missing).toEqual([]);
    expect(preview.sources).toMatchObject({ description: 'saved', amount: 'saved', date: 'saved' });
    const second = await importCsv(analyst, next);
    expect(second.import.mapping).toMatchObject(mapping);

    // The caller may leave a column out, and the choice is saved too.
    const third = await importCsv(analyst, csvOf([odd, ...oddRows(2, 80)]), {
      mapping: { team: null },
    });
    expect(third.import.mapping.team).toBeNull();
    expect(await importAudit(tenant.id)).toContain('import.create');
  });

  it('accepts multipart/form-data with the mapping field before the file', async () => {
    const tenant = await createTenant('import-multipart');
    const analyst = await signIn(tenant.emails.analyst);
    const form = new FormData();
    form.append(
      'mapping',
      JSON.stringify({ description: 'Text', amount: 'Value', date: 'Posting' }),
    );
    form.append(
      'file',
      new File([csvOf([odd, ...oddRows(4)])], 'ledger export.csv', { type: 'text/csv' }),
    );
    const response = await call('/api/v1/imports', {
      method: 'POST',
      headers: bearer(analyst),
      body: form,
    });
    expect(response.status).toBe(202);
    const accepted = await json<ImportDetailBody>(response);
    expect(accepted.import).toMatchObject({ fileName: 'ledger export.csv', rowsTotal: 4 });
    expect((await settled(analyst, accepted.import.id)).import.recorded).toBe(4);
  });

  it('previews headers, mapping and the first rows of a cut file without storing anything', async () => {
    const tenant = await createTenant('import-preview');
    const analyst = await signIn(tenant.emails.analyst);
    const text = csvOf([HEADER, ...purchaseRows(30)]);
    const response = await uploadCsv(analyst, text.slice(0, 700), {
      path: '/api/v1/imports/preview?partial=true',
    });
    expect(response.status).toBe(200);
    const preview = await json<{
      headers: string[];
      rows: { row: number; values: Record<string, string> }[];
    }>(response);
    expect(preview.headers).toEqual(HEADER);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(preview.rows[0]!.values).toMatchObject({
      description: 'Laptop computer 14 inch',
      amount: '100.25',
    });
    for (const table of ['imports', 'import_mappings', 'spend_lines'])
      expect(await rowCount(table, tenant.id)).toBe(0);
  });
});

describe('row errors', () => {
  it('lists each bad row (row, column, reason) with formula-safe echoes, records the good ones, and pages', async () => {
    const tenant = await createTenant('import-row-errors');
    const analyst = await signIn(tenant.emails.analyst);
    await env.DB.prepare(
      "INSERT INTO periods (id, tenant_id, name, start_date, end_date, status, signed_off_by, signed_off_at, created_at) VALUES (?, ?, 'FY2023', '2023-01-01', '2023-12-31', 'signed-off', 'x', 0, 0)",
    )
      .bind(`per_${crypto.randomUUID()}`, tenant.id)
      .run();
    const header = [...HEADER, 'Team'];
    const good = purchaseRows(4).map((r) => [...r, '']);
    const rows = [
      good[0]!,
      ['Paper', 'Staples', '2024-01-05', '=HYPERLINK("http://evil.example","x")', 'USD', ''],
      ['Paper', 'Staples', '31/13/2024', '12', 'euro', ''],
      good[1]!,
      ['', 'Staples', '2024-01-05', '12', 'USD', ''],
      ['Paper', 'Staples', '2024-01-05', '-40', 'USD', 'Marketing'],
      good[2]!,
      ['Old paper', 'Staples', '2023-06-30', '12', 'USD', ''],
      good[3]!,
    ];
    const accepted = await importCsv(analyst, csvOf([header, ...rows]));
    expect(accepted.import).toMatchObject({ rowsTotal: 9, rowsFailed: 4 });
    const done = await settled(analyst, accepted.import.id);
    expect(done.import).toMatchObject({
      status: 'completed',
      recorded: 4,
      rowsFailed: 5,
      rowsDone: 4,
    });
    expect(done.errors.items).toEqual([
      {
        row: 3,
        field: 'amount',
        column: 'Net amount',
        reason: 'not a number',
        value: `'=HYPERLINK("http://evil.example","x")`,
      },
      {
        row: 4,
        field: 'currency',
        column: 'Currency',
        reason: 'not an ISO 4217 currency code',
        value: 'euro',
      },
      {
        row: 4,
        field: 'date',
        column: 'Invoice date',
        reason: 'not a calendar date',
        value: '31/13/2024',
      },
      { row: 6, field: 'description', column: 'Item description', reason: 'missing', value: null },
      {
        row: 7,
        field: 'amount',
        column: 'Net amount',
        reason: 'negative amounts (credits) are not imported',
        value: "'-40",
      },
      {
        row: 7,
        field: 'team',
        column: 'Team',
        reason: 'no team has this name, id or cost centre',
        value: 'Marketing',
      },
      {
        row: 9,
        field: 'date',
        column: 'Invoice date',
        reason: 'falls in a signed-off period (ending 2023-12-31)',
        value: '2023-06-30',
      },
    ]);
    const page = await importDetail(analyst, accepted.import.id, '?errorsLimit=2&errorsOffset=2');
    expect(page.errors).toMatchObject({ listed: 7, nextOffset: 4 });
    expect(page.errors.items.map((e) => e.row)).toEqual([4, 6]);
    expect(await rowCount('spend_lines', tenant.id)).toBe(4);
  });
});

describe('re-uploads', () => {
  it('refuses the same file twice, and counts lines shared with an earlier file once', async () => {
    const tenant = await createTenant('import-dedup');
    const analyst = await signIn(tenant.emails.analyst);
    const file = csvOf([HEADER, ...purchaseRows(30)]);
    const first = await importCsv(analyst, file);
    await settled(analyst, first.import.id);

    const again = await uploadCsv(analyst, file);
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({
      reason: 'duplicate-file',
      importId: first.import.id,
    });

    // Rows 20–29 again, in a different file with 10 new rows: only the new ones count.
    const overlapping = csvOf([HEADER, ...purchaseRows(20, 20)]);
    const second = await importCsv(analyst, overlapping);
    const done = await settled(analyst, second.import.id);
    expect(done.import).toMatchObject({ rowsDone: 20, recorded: 10, duplicates: 10 });
    expect(await rowCount('spend_lines', tenant.id)).toBe(40);
    expect(await rowCount('imports', tenant.id)).toBe(2);
  });
});

describe('console uploads (cookie session)', () => {
  async function consoleSession(email: string) {
    const response = await call('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        password: 'correct horse battery staple',
        transport: 'cookie',
      }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { cookie, csrf: (await json<{ csrfToken: string }>(response)).csrfToken };
  }

  it('takes text/csv and multipart with the CSRF token, same-site, and refuses cross-site writes', async () => {
    const tenant = await createTenant('import-csrf');
    const { cookie, csrf } = await consoleSession(tenant.emails.analyst);
    const sameSite = { cookie, origin: env.CONSOLE_ORIGIN, 'sec-fetch-site': 'same-origin' };
    const post = (
      path: string,
      headers: Record<string, string>,
      body: BodyInit = csvOf([HEADER, ...purchaseRows(2)]),
    ) => call(path, { method: 'POST', headers, body });
    const csv = { 'content-type': 'text/csv' };

    expect((await post('/api/v1/imports', { ...sameSite, ...csv })).status).toBe(403);
    expect(
      (await post('/api/v1/imports', { ...sameSite, ...csv, 'x-csrf-token': 'wrong' })).status,
    ).toBe(403);
    expect(
      (
        await post('/api/v1/imports', {
          ...sameSite,
          ...csv,
          'x-csrf-token': csrf,
          'sec-fetch-site': 'cross-site',
        })
      ).status,
    ).toBe(403);
    const form = new FormData();
    form.append('file', new File([csvOf([HEADER, ...purchaseRows(2)])], 'a.csv'));
    const formRequest = new Request('http://x', { method: 'POST', body: form });
    const formType = formRequest.headers.get('content-type')!;
    const formBody = await formRequest.arrayBuffer();
    expect(
      (
        await post(
          '/api/v1/imports',
          {
            ...sameSite,
            'content-type': formType,
            'x-csrf-token': csrf,
            origin: 'https://evil.example',
          },
          formBody,
        )
      ).status,
    ).toBe(403);
    // Only the upload routes take a file body; other writes stay JSON-only.
    expect(
      (await post('/api/v1/spend/record', { ...sameSite, ...csv, 'x-csrf-token': csrf })).status,
    ).toBe(403);
    expect(
      (await post('/api/v1/imports/x/resume', { ...sameSite, ...csv, 'x-csrf-token': csrf }))
        .status,
    ).toBe(403);
    expect(
      (
        await post('/api/v1/imports', {
          ...sameSite,
          'content-type': 'text/plain',
          'x-csrf-token': csrf,
        })
      ).status,
    ).toBe(403);
    expect(await rowCount('imports', tenant.id)).toBe(0);

    expect(
      (await post('/api/v1/imports', { ...sameSite, ...csv, 'x-csrf-token': csrf })).status,
    ).toBe(202);
    expect(
      (
        await post(
          '/api/v1/imports',
          { ...sameSite, 'content-type': formType, 'x-csrf-token': csrf },
          formBody,
        )
      ).status,
    ).toBe(409);
  });
});
