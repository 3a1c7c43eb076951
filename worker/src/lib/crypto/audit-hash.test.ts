import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './digest';
import { GENESIS_PREV_HASH, hashAuditRow, verifyChain, type AuditRow } from './audit-hash';
import { buildChain } from './audit-test-chain';

const strip = ({
  hash: _hash,
  personal: _personal,
  ...row
}: AuditRow & { hash?: string; personal?: unknown }): AuditRow => row;

describe('hashAuditRow', () => {
  it('is SHA-256 hex over the canonical JSON of exactly the chained fields', async () => {
    const [row] = await buildChain('tnt_acme', 1);
    const plain = strip(row!);
    expect(await hashAuditRow(plain)).toBe(await sha256Hex(canonicalJson(plain)));
    expect(await hashAuditRow({ ...plain, extra: 'ignored' } as AuditRow)).toBe(row!.hash);
    expect(await hashAuditRow({ ...plain, prevHash: 'f'.repeat(64) })).not.toBe(row!.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain from genesis and reports its head', async () => {
    const rows = await buildChain('tnt_acme', 12);
    expect(await verifyChain(rows)).toEqual({
      ok: true,
      size: 12,
      head: rows[11]!.hash,
      rowCount: 12,
    });
    expect(await verifyChain(rows.map(strip))).toMatchObject({ ok: true, head: rows[11]!.hash });
    expect(await verifyChain([])).toEqual({
      ok: true,
      size: 0,
      head: GENESIS_PREV_HASH,
      rowCount: 0,
    });
  });

  it('accepts a chain that starts after a retention purge from its start hash', async () => {
    const rows = await buildChain('tnt_acme', 10);
    const tail = rows.slice(4);
    expect(await verifyChain(tail, { startPrevHash: rows[3]!.hash })).toMatchObject({
      ok: true,
      size: 10,
    });
    expect(await verifyChain(tail, { startPrevHash: rows[2]!.hash })).toMatchObject({
      ok: false,
      firstBadSeq: 5,
    });
    expect(await verifyChain(tail)).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'seq-gap' });
  });

  it('pins an edited row to its own seq when stored hashes are present', async () => {
    const rows = await buildChain('tnt_acme', 8);
    rows[4] = { ...rows[4]!, changes: { before: {}, after: { status: 'forged' } } };
    expect(await verifyChain(rows)).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      reason: 'hash-mismatch',
    });
    expect(await verifyChain(rows.map(strip))).toMatchObject({
      ok: false,
      firstBadSeq: 6,
      reason: 'prev-hash-mismatch',
    });
  });

  it('catches an edit that recomputed the row hash at the broken link', async () => {
    const rows = await buildChain('tnt_acme', 8);
    const forged = { ...strip(rows[2]!), actor: 'usr_mallory' };
    rows[2] = { ...rows[2]!, ...forged, hash: await hashAuditRow(forged) };
    expect(await verifyChain(rows)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      reason: 'prev-hash-mismatch',
    });
  });

  it('names the missing seq of a dropped row and of reordered rows', async () => {
    const rows = await buildChain('tnt_acme', 8);
    expect(await verifyChain([...rows.slice(0, 3), ...rows.slice(4)])).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      reason: 'seq-gap',
    });
    const swapped = [...rows];
    [swapped[5], swapped[6]] = [swapped[6]!, swapped[5]!];
    expect(await verifyChain(swapped)).toMatchObject({
      ok: false,
      firstBadSeq: 6,
      reason: 'seq-gap',
    });
  });

  it('detects a fork: two rows claiming the same seq', async () => {
    const rows = await buildChain('tnt_acme', 5);
    const fork = { ...strip(rows[3]!), entityId: 'ent_other' };
    const forked = [...rows.slice(0, 4), { ...fork, hash: await hashAuditRow(fork) }, rows[4]!];
    expect(await verifyChain(forked)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      reason: 'seq-duplicate',
    });
  });

  it('refuses rows of another tenant and malformed rows', async () => {
    const acme = await buildChain('tnt_acme', 3);
    const bright = await buildChain('tnt_bright', 3);
    expect(await verifyChain([acme[0]!, bright[1]!])).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      reason: 'tenant-mismatch',
    });
    const badTime = [acme[0]!, { ...acme[1]!, at: '2026-11-05 10:00' }];
    expect(await verifyChain(badTime)).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      reason: 'malformed-row',
    });
    const badAction = [{ ...acme[0]!, action: 'Approve' }];
    expect(await verifyChain(badAction)).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      reason: 'malformed-row',
    });
  });

  it('property: any single-byte change to a chained field of any row is detected', async () => {
    const rows = await buildChain('tnt_acme', 6);
    const lines = rows.map((row) => canonicalJson(strip(row)));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: rows.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (rowIndex, position, xor) => {
          const bytes = new TextEncoder().encode(lines[rowIndex]!);
          const at = position % bytes.length;
          bytes[at] = bytes[at]! ^ xor;
          let edited: AuditRow;
          try {
            edited = JSON.parse(
              new TextDecoder('utf-8', { fatal: true }).decode(bytes),
            ) as AuditRow;
          } catch {
            return; // unreadable: the export parser refuses the line before any hashing
          }
          // An escape spelled differently (\u001f vs \u001F) is the same value: nothing changed.
          if (canonicalJson(edited) === lines[rowIndex]) return;
          const plain = rows.map((row, i) => (i === rowIndex ? edited : strip(row)));
          const withoutHashes = await verifyChain(plain);
          if (withoutHashes.ok) expect(withoutHashes.head).not.toBe(rows.at(-1)!.hash);
          const withHashes = await verifyChain(
            plain.map((row, i) => ({ ...row, hash: rows[i]!.hash })),
          );
          expect(withHashes.ok).toBe(false);
          if (!withHashes.ok && withHashes.reason === 'hash-mismatch')
            expect(withHashes.firstBadSeq).toBe(rowIndex + 1);
        },
      ),
      { numRuns: 400 },
    );
  });
});
