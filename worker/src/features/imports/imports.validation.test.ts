import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { BASE, json } from '../../../test/http';
import { auditActions, rowCount } from '../../../test/spend-helpers';
import { tenantObjectPrefix } from '../../../src/lib/object-store';
import { csvOf, HEADER, purchaseRows, uploadCsv } from '../../../test/import-helpers';

const encoder = new TextEncoder();
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...encoder.encode(p)] : p)));
const GOOD = csvOf([HEADER, ...purchaseRows(3)]);

interface Problem {
  type: string;
  status: number;
  detail: string;
  reason: string;
  requestId: string;
}

async function expectNothingStored(tenantId: string) {
  for (const table of [
    'imports',
    'import_row_errors',
    'import_chunks',
    'import_mappings',
    'encrypted_objects',
    'spend_lines',
  ]) {
    expect(await rowCount(table, tenantId), table).toBe(0);
  }
  expect((await env.BUCKET.list({ prefix: tenantObjectPrefix(tenantId) })).objects).toEqual([]);
  expect(await auditActions(tenantId)).not.toContain('import.create');
}

function multipart(
  fileName: string,
  content: Uint8Array<ArrayBuffer> | string,
  fields: Record<string, string> = {},
) {
  const boundary = `----spendprint${crypto.randomUUID()}`;
  const head = Object.entries(fields)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join('');
  const body = bytes(
    `${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    [...(typeof content === 'string' ? encoder.encode(content) : content)],
    `\r\n--${boundary}--\r\n`,
  );
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('POST /api/v1/imports refuses what is not a CSV file, and stores nothing', () => {
  const cases: {
    name: string;
    body: Uint8Array<ArrayBuffer> | string;
    filename?: string;
    status: number;
    reason: string;
    detail: RegExp;
  }[] = [
    {
      name: 'an .xlsx workbook renamed .csv',
      body: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], 'xl/workbook.xml'),
      filename: 'spend.csv',
      status: 415,
      reason: 'zip',
      detail: /Excel workbook/,
    },
    {
      name: 'a PDF',
      body: bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      filename: 'invoice.csv',
      status: 415,
      reason: 'pdf',
      detail: /PDF/,
    },
    {
      name: 'a legacy .xls',
      body: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      status: 415,
      reason: 'xls',
      detail: /legacy Office/,
    },
    {
      name: 'NUL bytes',
      body: bytes(`${GOOD}Laptop,Dell,2024-01-01,5`, [0], ',USD\r\n'),
      status: 400,
      reason: 'nul-byte',
      detail: /NUL byte \(at byte \d+\)/,
    },
    {
      name: 'invalid UTF-8 (Windows-1252)',
      body: bytes(GOOD, 'Caf', [0xe9], ' au lait,Bistro,2024-01-01,5,EUR\r\n'),
      status: 400,
      reason: 'invalid-utf8',
      detail: /not valid UTF-8 \(at byte \d+\)/,
    },
    {
      name: 'UTF-16 text',
      body: bytes([0xff, 0xfe], 'I\0t\0e\0m\0'),
      status: 400,
      reason: 'utf16',
      detail: /UTF-16/,
    },
    {
      name: 'a name that is not .csv',
      body: GOOD,
      filename: 'spend.xlsx',
      status: 415,
      reason: 'extension',
      detail: /not \.xlsx/,
    },
    { name: 'an empty body', body: '', status: 400, reason: 'empty', detail: /empty/ },
    {
      name: 'a header without rows',
      body: csvOf([HEADER]),
      status: 400,
      reason: 'no-rows',
      detail: /no data rows/,
    },
    {
      name: 'no usable columns',
      body: csvOf([
        ['Foo', 'Bar'],
        ['1', '2'],
      ]),
      status: 400,
      reason: 'mapping',
      detail: /No column found for description, amount, date/,
    },
    {
      name: 'an unclosed quote',
      body: `${GOOD}"Laptop,Dell,2024-01-01,5,USD\r\nmore,rows,here\r\n`,
      status: 400,
      reason: 'unclosed-quote',
      detail: /starts on row 5 is never closed/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const tenant = await createTenant('import-refuse');
      const analyst = await signIn(tenant.emails.analyst);
      const response = await uploadCsv(analyst, c.body, { filename: c.filename });
      expect(response.status).toBe(c.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json<Problem>(response);
      expect(problem.reason).toBe(c.reason);
      expect(problem.detail).toMatch(c.detail);
      expect(problem.requestId).toBeTruthy();
      await expectNothingStored(tenant.id);
    });
  }

  it('refuses the same files sent as multipart, and a workbook named .xlsx in the form', async () => {
    const tenant = await createTenant('import-refuse-form');
    const analyst = await signIn(tenant.emails.analyst);
    const zip = multipart('spend.csv', bytes([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    const named = multipart('spend.xlsx', GOOD);
    for (const [form, reason] of [
      [zip, 'zip'],
      [named, 'extension'],
    ] as const) {
      const response = await uploadCsv(analyst, form.body, { contentType: form.contentType });
      expect(response.status).toBe(415);
      expect((await json<Problem>(response)).reason).toBe(reason);
    }
    await expectNothingStored(tenant.id);
  });

  it('refuses JSON and other content types with 415', async () => {
    const tenant = await createTenant('import-415');
    const analyst = await signIn(tenant.emails.analyst);
    const response = await uploadCsv(analyst, '{}', { contentType: 'application/json' });
    expect(response.status).toBe(415);
    expect((await json<Problem>(response)).reason).toBe('content-type');
    await expectNothingStored(tenant.id);
  });

  it('stops a chunked body without Content-Length at 50 MB with 413, and keeps nothing staged', async () => {
    const tenant = await createTenant('import-413');
    const analyst = await signIn(tenant.emails.analyst);
    // Valid rows padded with an unmapped 8 kB column: a first part of 5,000 rows is staged in R2
    // before the cap is reached, and must be gone after the 413.
    const header = 'Description,Amount,Date,Notes\n';
    const row = (i: number) => `Copy paper box ${i},${i + 1},2024-02-01,${'n'.repeat(8 * 1024)}\n`;
    const chunk = (k: number) =>
      encoder.encode(Array.from({ length: 100 }, (_, i) => row(k * 100 + i)).join(''));
    let sent = 0;
    let k = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(header));
      },
      pull(controller) {
        if (sent > 60 * 1024 * 1024) return controller.close();
        const piece = chunk(k++);
        sent += piece.length;
        controller.enqueue(piece);
      },
    });
    const request = new Request(`${BASE}/api/v1/imports?filename=big.csv`, {
      method: 'POST',
      headers: { ...bearer(analyst), 'content-type': 'text/csv' },
      body,
      // @ts-expect-error -- streaming request bodies need `duplex` (not yet in the Request types)
      duplex: 'half',
    });
    expect(request.headers.get('content-length')).toBeNull();
    const response = await exports.default.fetch(request);
    expect(response.status).toBe(413);
    expect((await json<Problem>(response)).reason).toBe('too-large');
    expect(sent).toBeGreaterThan(50 * 1024 * 1024);
    expect(sent).toBeLessThan(56 * 1024 * 1024);
    await expectNothingStored(tenant.id);
  });

  it('refuses a mapping naming a column the file lacks, or an unknown field', async () => {
    const tenant = await createTenant('import-bad-mapping');
    const analyst = await signIn(tenant.emails.analyst);
    const missing = await uploadCsv(analyst, GOOD, { mapping: { description: 'Nope' } });
    expect(missing.status).toBe(400);
    expect(await json<Problem>(missing)).toMatchObject({ reason: 'mapping' });
    const unknown = await uploadCsv(analyst, GOOD, { mapping: { colour: 'Vendor' } });
    expect(unknown.status).toBe(400);
    await expectNothingStored(tenant.id);
  });

  it('is only for roles with spend:upload', async () => {
    const tenant = await createTenant('import-roles');
    const buyer = await signIn(tenant.emails.buyer);
    expect((await uploadCsv(buyer, GOOD)).status).toBe(403);
    await expectNothingStored(tenant.id);
  });
});
