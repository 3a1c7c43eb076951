import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant, signInAs } from '../../../test/fixtures';
import { json } from '../../../test/http';
import { send } from '../../../test/spend-helpers';
import { objectR2Key } from '../../lib/object-store';
import {
  definePeriod,
  download,
  prepare,
  recordLines,
  sha256Hex,
  type Report,
} from '../../../test/report-helpers';

const SUPPLIER = 'Zephyr Quarry Works';

async function storedReport(label: string) {
  const tenant = await createTenant(label);
  const [analyst, approver, buyer, admin] = await signInAs(
    tenant,
    'analyst',
    'approver',
    'buyer',
    'admin',
  );
  await recordLines(buyer, [
    {
      description: 'Crushed granite aggregate, 20 tonnes',
      amount: 12345.67,
      currency: 'USD',
      date: '2024-06-12',
      supplier: SUPPLIER,
    },
  ]);
  const periodId = await definePeriod(approver, {
    name: 'June 2024',
    startDate: '2024-06-01',
    endDate: '2024-06-30',
  });
  const report = await prepare(analyst, periodId);
  const keyOf = (format: string) => objectR2Key(tenant.id, 'report', `${report.id}.${format}`);
  return { tenant, analyst, approver, admin, report, keyOf };
}

const text = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

async function expectUnreadable(token: string, id: string, format: string, status = 500) {
  const answer = await download(token, id, format);
  expect(answer.status, format).toBe(status);
  expect(answer.response.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.header).toBeNull();
  const body = text(answer.bytes);
  expect(body).not.toContain(SUPPLIER);
  expect(body).not.toContain('%PDF');
  return JSON.parse(body) as { detail: string };
}

describe('report storage', () => {
  it('round-trips every artefact, with the checksum shown, sent and matching the bytes', async () => {
    const { analyst, report } = await storedReport('report-roundtrip');
    for (const artefact of report.artefacts) {
      const answer = await download(analyst, report.id, artefact.format);
      expect(answer.status).toBe(200);
      expect(answer.header).toBe(artefact.sha256);
      expect(await sha256Hex(answer.bytes)).toBe(artefact.sha256);
      expect(answer.bytes.length).toBe(artefact.bytes);
      expect(answer.response.headers.get('content-type')).toBe(artefact.contentType);
      expect(answer.response.headers.get('content-disposition')).toBe(
        `attachment; filename="spendprint-report-june-2024-v1.${artefact.format}"`,
      );
    }
    const [jsonFile, csvFile, pdfFile] = await Promise.all(
      ['json', 'csv', 'pdf'].map(
        async (format) => (await download(analyst, report.id, format)).bytes,
      ),
    );
    expect(JSON.parse(text(jsonFile!))).toMatchObject({
      format: 'spendprint-report/v1',
      report: { id: report.id },
      lines: [expect.objectContaining({ supplier: SUPPLIER, amount: 12345.67 })],
    });
    expect(text(csvFile!)).toContain(SUPPLIER);
    expect(text(pdfFile!).startsWith('%PDF-')).toBe(true);
  });

  it('puts no plaintext report in R2', async () => {
    const { tenant, report, keyOf } = await storedReport('report-no-plaintext');
    const listed = await env.BUCKET.list({ prefix: `tenants/${tenant.id}/report/` });
    expect(listed.objects.map((o) => o.key).sort()).toEqual(
      ['csv', 'json', 'pdf'].map(keyOf).sort(),
    );
    for (const format of ['json', 'csv', 'pdf']) {
      const stored = new Uint8Array(await (await env.BUCKET.get(keyOf(format)))!.arrayBuffer());
      const raw = text(stored);
      for (const plaintext of [
        SUPPLIER,
        'Zephyr',
        '12345.67',
        report.id,
        '%PDF',
        'spendprint-report/v1',
        'kg_co2e',
      ]) {
        expect(raw, `${format} object holds ${plaintext}`).not.toContain(plaintext);
      }
      // The encrypted row in D1 holds no content either.
      const row = await env.DB.prepare('SELECT * FROM encrypted_objects WHERE r2_key = ?')
        .bind(keyOf(format))
        .first();
      expect(JSON.stringify(row)).not.toContain('Zephyr');
    }
  });

  it('answers an error, never wrong bytes, when the ciphertext is tampered with', async () => {
    const { analyst, report, keyOf } = await storedReport('report-tamper-ct');
    const stored = new Uint8Array(await (await env.BUCKET.get(keyOf('pdf')))!.arrayBuffer());
    stored[stored.length >> 1]! ^= 0x01;
    await env.BUCKET.put(keyOf('pdf'), stored);
    const problem = await expectUnreadable(analyst, report.id, 'pdf');
    expect(problem.detail).toMatch(/integrity check/);
    // The others are untouched and still readable.
    expect((await download(analyst, report.id, 'json')).status).toBe(200);

    // A ciphertext swapped in from another artefact of the same report is refused too.
    await env.BUCKET.put(keyOf('csv'), await (await env.BUCKET.get(keyOf('json')))!.arrayBuffer());
    await expectUnreadable(analyst, report.id, 'csv');
  });

  it('answers an error when the key record or the tenant key is tampered with', async () => {
    const { tenant, analyst, report, keyOf } = await storedReport('report-tamper-key');
    const wrapped = async (format: string) =>
      (await env.DB.prepare('SELECT wrapped_data_key AS k FROM encrypted_objects WHERE r2_key = ?')
        .bind(keyOf(format))
        .first<{ k: string }>())!.k;
    // Another artefact's wrapped data key moved onto this record (re-wrapping is the one change
    // the report triggers allow, so the cryptography has to catch it).
    await env.DB.prepare('UPDATE encrypted_objects SET wrapped_data_key = ? WHERE r2_key = ?')
      .bind(await wrapped('csv'), keyOf('json'))
      .run();
    await expectUnreadable(analyst, report.id, 'json');
    expect((await download(analyst, report.id, 'csv')).status).toBe(200);

    const key = await env.DB.prepare('SELECT wrapped_kek AS k FROM tenant_keys WHERE tenant_id = ?')
      .bind(tenant.id)
      .first<{ k: string }>();
    const flipped = `${key!.k.startsWith('A') ? 'B' : 'A'}${key!.k.slice(1)}`;
    await env.DB.prepare('UPDATE tenant_keys SET wrapped_kek = ? WHERE tenant_id = ?')
      .bind(flipped, tenant.id)
      .run();
    for (const format of ['csv', 'pdf']) await expectUnreadable(analyst, report.id, format);
  });

  it("refuses to repoint a report's object record, and checks the report's own checksum", async () => {
    const { analyst, report, keyOf } = await storedReport('report-tamper-sum');
    await expect(
      env.DB.prepare('UPDATE encrypted_objects SET plaintext_sha256 = ? WHERE r2_key = ?')
        .bind('0'.repeat(64), keyOf('pdf'))
        .run(),
    ).rejects.toThrow(/spendprint:report-final/);
    // With its trigger dropped, a report row naming other bytes than the object holds: the
    // download compares both checksums and refuses.
    await env.DB.prepare('DROP TRIGGER reports_workflow').run();
    try {
      await env.DB.prepare(
        "UPDATE reports SET artefacts = json_set(artefacts, '$[2].sha256', ?) WHERE id = ?",
      )
        .bind('f'.repeat(64), report.id)
        .run();
    } finally {
      const migration = env.TEST_MIGRATIONS.find((m) => m.name.includes('reports'))!;
      await env.DB.prepare(
        migration.queries.find((q) => q.includes('CREATE TRIGGER reports_workflow'))!,
      ).run();
    }
    expect(report.artefacts[2]!.format).toBe('pdf');
    await expectUnreadable(analyst, report.id, 'pdf');
  });

  it('stays readable after key rotation and unreadable (409) after revocation', async () => {
    const { admin, analyst, report } = await storedReport('report-keys');
    const rotated = await send(admin, 'POST', '/api/v1/keys/rotate');
    expect(rotated.status).toBe(200);
    expect((await json<{ rewrappedObjects: number }>(rotated)).rewrappedObjects).toBe(3);
    const after = await download(analyst, report.id, 'pdf');
    expect(after.status).toBe(200);
    expect(after.header).toBe(report.artefacts.find((a) => a.format === 'pdf')!.sha256);

    expect((await send(admin, 'POST', '/api/v1/keys/2/revoke')).status).toBe(200);
    const problem = await expectUnreadable(analyst, report.id, 'json', 409);
    expect(problem.detail).toMatch(/revoked/);
    const stillListed = await send(analyst, 'GET', `/api/v1/reports/${report.id}`);
    expect((await json<Report>(stillListed)).artefacts).toHaveLength(3);
  });
});
