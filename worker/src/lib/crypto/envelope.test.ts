import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from './encoding';
import {
  decryptObject,
  encryptObject,
  EnvelopeError,
  rewrapDataKey,
  sha256Hex,
  type Kek,
} from './envelope';
import { generateTenantKek } from './tenant-keys';

async function newKek(version = 1): Promise<Kek> {
  return { key: await generateTenantKek(), version };
}

function flipBit(base64: string, bit: number): string {
  const bytes = fromBase64(base64);
  const i = bit % (bytes.length * 8);
  bytes[i >> 3] = bytes[i >> 3]! ^ (1 << (i & 7));
  return toBase64(bytes);
}

const BINDING = { tenantId: 'tnt_acme', objectId: 'rep_1' };

describe('envelope encryption', () => {
  it('round-trips and uses a fresh data key and IV per object', async () => {
    const kek = await newKek();
    const plaintext = utf8('quarterly report');
    const a = await encryptObject({ kek, ...BINDING, plaintext });
    const b = await encryptObject({ kek, ...BINDING, plaintext });
    expect(a).toMatchObject({ algorithm: 'AES-256-GCM', kekVersion: 1, ...BINDING });
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.wrappedDataKey).not.toBe(b.wrappedDataKey);
    expect(toBase64(a.ciphertext)).not.toBe(toBase64(b.ciphertext));
    expect(await decryptObject({ kek, ...a })).toEqual(plaintext);
  });

  it('fails with a typed error on a wrong tenant, object, key or version', async () => {
    const kek = await newKek();
    const sealed = await encryptObject({ kek, ...BINDING, plaintext: utf8('x') });
    const attempts = [
      { ...sealed, kek, tenantId: 'tnt_bright' },
      { ...sealed, kek, objectId: 'rep_2' },
      { ...sealed, kek: await newKek() },
      { ...sealed, kek, kekVersion: 2 },
      { ...sealed, kek, iv: 'AAAA' },
      { ...sealed, kek, wrappedDataKey: 'not base64!' },
    ];
    for (const attempt of attempts)
      await expect(decryptObject(attempt)).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('does not let a wrapped data key be moved to another object', async () => {
    const kek = await newKek();
    const first = await encryptObject({ kek, ...BINDING, plaintext: utf8('one') });
    const second = await encryptObject({
      kek,
      tenantId: 'tnt_acme',
      objectId: 'rep_2',
      plaintext: utf8('two'),
    });
    await expect(
      decryptObject({ kek, ...second, wrappedDataKey: first.wrappedDataKey }),
    ).rejects.toMatchObject({ code: 'unwrap-failed' });
  });

  it('rotation re-wraps without re-encrypting; the old key no longer opens it; destroying the key shreds it', async () => {
    const oldKek = await newKek(1);
    const newKek2 = await newKek(2);
    const sealed = await encryptObject({ kek: oldKek, ...BINDING, plaintext: utf8('keep me') });
    const rewrapped = await rewrapDataKey(oldKek, newKek2, sealed);
    expect(rewrapped).toMatchObject({ ...BINDING, kekVersion: 2 });
    const rotated = { ...sealed, ...rewrapped };
    expect(new TextDecoder().decode(await decryptObject({ kek: newKek2, ...rotated }))).toBe(
      'keep me',
    );
    await expect(decryptObject({ kek: oldKek, ...rotated })).rejects.toBeInstanceOf(EnvelopeError);
    await expect(rewrapDataKey(newKek2, oldKek, sealed)).rejects.toBeInstanceOf(EnvelopeError);
    // Crypto-shredding: without the KEK the stored record is all that is left, and no other key opens it.
    await expect(
      decryptObject({ kek: { key: await generateTenantKek(), version: 2 }, ...rotated }),
    ).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('property: round-trips arbitrary bytes and fails on any bit flip', async () => {
    const kek = await newKek();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.constantFrom('ciphertext', 'iv', 'wrappedDataKey'),
        fc.nat(),
        async (plaintext, part, bit) => {
          const sealed = await encryptObject({ kek, ...BINDING, plaintext });
          expect(await decryptObject({ kek, ...sealed })).toEqual(new Uint8Array(plaintext));
          const tampered =
            part === 'ciphertext'
              ? { ...sealed, ciphertext: fromBase64(flipBit(toBase64(sealed.ciphertext), bit)) }
              : { ...sealed, [part]: flipBit(sealed[part], bit) };
          await expect(decryptObject({ kek, ...tampered })).rejects.toBeInstanceOf(EnvelopeError);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sha256Hex gives the download checksum', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
