import { describe, expect, it } from 'vitest';
import { GENESIS_PREV_HASH } from './audit-hash';
import { parseAuditExportRow, serializeAuditExport } from './audit-export-format';
import { verifyAuditExport } from './audit-export-verify';
import { buildChain } from './audit-test-chain';
import {
  exportEd25519PrivateJwk,
  exportEd25519PublicJwk,
  generateEd25519KeyPair,
  importCheckpointSigningKey,
  signCheckpoint,
} from './checkpoint';
import { utf8 } from './encoding';

describe('audit export verification inside workerd', () => {
  it('verifies a signed export and names the first bad seq of a tampered one', async () => {
    const pair = await generateEd25519KeyPair();
    const signer = await importCheckpointSigningKey(await exportEd25519PrivateJwk(pair.privateKey));
    const publicKeyJwk = await exportEd25519PublicJwk(pair.publicKey);
    const rows = await buildChain('tnt_acme', 6);
    const checkpoint = await signCheckpoint(signer, 'spendprint.dev/audit', {
      tenantId: 'tnt_acme',
      size: 6,
      headHash: rows[5]!.hash,
      time: '2026-11-05T11:00:00Z',
    });
    const header = {
      tenantId: 'tnt_acme',
      exportedAt: '2026-11-05T12:00:00Z',
      startSeq: 1,
      startPrevHash: GENESIS_PREV_HASH,
    };
    const text = serializeAuditExport(header, rows);
    expect(
      await verifyAuditExport({ exportBytes: utf8(text), checkpoints: [checkpoint], publicKeyJwk }),
    ).toMatchObject({
      ok: true,
      summary: { firstSeq: 1, lastSeq: 6, head: rows[5]!.hash, start: 'genesis' },
    });
    const tampered = text.replace('"entityId":"ent_3"', '"entityId":"ent_9"');
    expect(
      await verifyAuditExport({
        exportBytes: utf8(tampered),
        checkpoints: [checkpoint],
        publicKeyJwk,
      }),
    ).toMatchObject({
      ok: false,
      firstBadSeq: 3,
    });
  });

  it('rejects rows with missing or unknown fields', () => {
    expect(parseAuditExportRow('{"seq":1}')).toMatchObject({ ok: false });
    expect(parseAuditExportRow('not json')).toMatchObject({ ok: false });
  });
});
