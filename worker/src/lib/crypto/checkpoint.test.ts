import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64Url, toHex } from './encoding';
import {
  exportEd25519PrivateJwk,
  exportEd25519PublicJwk,
  generateEd25519KeyPair,
  importCheckpointSigningKey,
  importEd25519PublicJwk,
  noteKeyHash,
  parseCheckpoint,
  signCheckpoint,
  signNote,
  verifyCheckpoint,
  CheckpointError,
} from './checkpoint';

// Known answer from golang.org/x/mod/sumdb/note (the reference implementation of signed-note).
const NEUMANN_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const NEUMANN_SKEY =
  'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const NEUMANN_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const NEUMANN_NOTE = `${NEUMANN_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const CONTENT = {
  tenantId: 'tnt_acme',
  size: 42,
  headHash: 'ab'.repeat(32),
  time: '2026-11-05T10:00:00.000Z',
};

async function newSigner() {
  const pair = await generateEd25519KeyPair();
  const privateJwk = await exportEd25519PrivateJwk(pair.privateKey);
  return {
    signer: await importCheckpointSigningKey(privateJwk),
    publicJwk: await exportEd25519PublicJwk(pair.publicKey),
  };
}

describe('signed-note compatibility', () => {
  it('reproduces the reference implementation’s key hash and signature byte for byte', async () => {
    const publicKey = fromBase64(NEUMANN_VKEY.split('+').slice(2).join('+')).slice(1);
    const seed = fromBase64(NEUMANN_SKEY.split('+').slice(4).join('+')).slice(1);
    expect(toHex(await noteKeyHash('PeterNeumann', publicKey))).toBe('c74f20a3');
    const signer = await importCheckpointSigningKey({
      kty: 'OKP',
      crv: 'Ed25519',
      x: toBase64Url(publicKey),
      d: toBase64Url(seed),
    });
    expect(await signNote(NEUMANN_TEXT, signer, 'PeterNeumann')).toBe(NEUMANN_NOTE);
  });
});

describe('checkpoints', () => {
  it('signs the C2SP body and verifies with the public JWK', async () => {
    const { signer, publicJwk } = await newSigner();
    const text = await signCheckpoint(signer, 'spendprint.dev/audit', CONTENT);
    const [body, signatureLine] = text.split('\n\n');
    expect(body).toBe(
      `spendprint.dev/audit/tnt_acme\n42\n${btoa(String.fromCharCode(...Array(32).fill(0xab)))}\ntime 2026-11-05T10:00:00.000Z`,
    );
    expect(signatureLine).toMatch(/^— spendprint\.dev\/audit [A-Za-z0-9+/]{91}=\n$/);
    const verified = await verifyCheckpoint(text, publicJwk);
    expect(verified).toMatchObject({
      ok: true,
      keyName: 'spendprint.dev/audit',
      checkpoint: { ...CONTENT, origin: 'spendprint.dev/audit/tnt_acme' },
    });
  });

  it('refuses an altered size, hash, origin or time, another key, and a swapped key name', async () => {
    const { signer, publicJwk } = await newSigner();
    const other = await newSigner();
    const text = await signCheckpoint(signer, 'spendprint.dev/audit', CONTENT);
    const tampered = [
      text.replace('\n42\n', '\n43\n'),
      text.replace('tnt_acme', 'tnt_brig'),
      text.replace('10:00:00', '10:00:01'),
      text.replace(
        /\n([A-Za-z0-9+/]{43}=)\n/,
        (_m, hash: string) => `\n${hash.replace(/^q/, 'r')}\n`,
      ),
      text.replace('— spendprint.dev/audit ', '— spendprint.dev/audix '),
    ];
    for (const candidate of tampered) {
      expect(candidate).not.toBe(text);
      expect((await verifyCheckpoint(candidate, publicJwk)).ok).toBe(false);
    }
    expect(await verifyCheckpoint(text, other.publicJwk)).toMatchObject({
      ok: false,
      reason: 'no signature by the given public key',
    });
  });

  it('accepts the right signature among several signers', async () => {
    const a = await newSigner();
    const b = await newSigner();
    const signedByA = await signCheckpoint(a.signer, 'key-a', CONTENT);
    const signedByB = await signCheckpoint(b.signer, 'key-b', CONTENT);
    const both = `${signedByA}${signedByB.split('\n\n')[1]}`;
    expect(await verifyCheckpoint(both, b.publicJwk)).toMatchObject({ ok: true, keyName: 'key-b' });
  });

  it('parses strictly and never throws from verifyCheckpoint', async () => {
    const { signer, publicJwk } = await newSigner();
    const text = await signCheckpoint(signer, 'k', CONTENT);
    for (const bad of [
      '',
      'x',
      text.replace('\n42\n', '\n042\n'),
      text.replace('\n\n', '\n'),
      text.trimEnd(),
      text.replace('—', '-'),
    ]) {
      expect(() => parseCheckpoint(bad)).toThrow(CheckpointError);
      expect((await verifyCheckpoint(bad, publicJwk)).ok).toBe(false);
    }
    expect((await verifyCheckpoint(text, { kty: 'RSA' })).ok).toBe(false);
    expect((await verifyCheckpoint(text, { ...publicJwk, d: 'A'.repeat(43) })).ok).toBe(false);
  });

  it('imports only Ed25519 public JWKs for verification', async () => {
    await expect(
      importEd25519PublicJwk({ kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) }),
    ).rejects.toThrow();
    await expect(
      importEd25519PublicJwk({ kty: 'OKP', crv: 'Ed25519', x: 'short' }),
    ).rejects.toThrow();
  });
});
