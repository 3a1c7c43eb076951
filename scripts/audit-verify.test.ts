import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  serializeAuditExport,
  type ExportedAuditRow,
} from '../worker/src/lib/crypto/audit-export-format';
import { verifyAuditExport } from '../worker/src/lib/crypto/audit-export-verify';
import { buildChain } from '../worker/src/lib/crypto/audit-test-chain';
import { GENESIS_PREV_HASH, hashAuditRow } from '../worker/src/lib/crypto/audit-hash';
import {
  exportEd25519PrivateJwk,
  exportEd25519PublicJwk,
  generateEd25519KeyPair,
  importCheckpointSigningKey,
  signCheckpoint,
  type CheckpointSigningKey,
  type Ed25519PublicJwk,
} from '../worker/src/lib/crypto/checkpoint';
import { runAuditVerify } from './audit-verify';

const TENANT = 'tnt_acme';
const EXPORTED_AT = '2026-11-05T12:00:00.000Z';
let dir: string;
let signer: CheckpointSigningKey;
let publicJwk: Ed25519PublicJwk;
let rows: ExportedAuditRow[];
let keyPath: string;

async function checkpointFile(
  name: string,
  size: number,
  headHash: string,
  tenantId = TENANT,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(
    path,
    await signCheckpoint(signer, 'spendprint.dev/audit', {
      tenantId,
      size,
      headHash,
      time: '2026-11-05T11:00:00.000Z',
    }),
  );
  return path;
}

async function exportFile(name: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

function genesisExport(exported: readonly ExportedAuditRow[]): string {
  return serializeAuditExport(
    { tenantId: TENANT, exportedAt: EXPORTED_AT, startSeq: 1, startPrevHash: GENESIS_PREV_HASH },
    exported,
  );
}

async function verify(text: string | Uint8Array, checkpointPaths: string[]) {
  const path = await exportFile(`export-${Math.random().toString(36).slice(2)}.jsonl`, text);
  return runAuditVerify([
    path,
    ...checkpointPaths.flatMap((cp) => ['--checkpoint', cp]),
    '--public-key',
    keyPath,
  ]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-verify-'));
  const pair = await generateEd25519KeyPair();
  signer = await importCheckpointSigningKey(await exportEd25519PrivateJwk(pair.privateKey));
  publicJwk = await exportEd25519PublicJwk(pair.publicKey);
  keyPath = await exportFile('key.jwk', JSON.stringify(publicJwk));
  rows = await buildChain(TENANT, 20);
});

describe('audit:verify', () => {
  it('passes an untouched export and prints a summary', async () => {
    const cp = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    const run = await verify(genesisExport(rows), [cp]);
    expect(run.exitCode).toBe(0);
    expect(run.output.join('\n')).toContain('rows 1..20 (20), from genesis');
    expect(run.output.join('\n')).toContain('checkpoint size 20');
  });

  it('passes rows appended after the checkpoint and says they are not yet signed', async () => {
    const cp = await checkpointFile('cp15.txt', 15, rows[14]!.hash);
    const run = await verify(genesisExport(rows), [cp]);
    expect(run.exitCode).toBe(0);
    expect(run.output.join('\n')).toContain('5 row(s) after the checkpoint');
  });

  it('passes after personal details are erased (the chain covers only their hash)', async () => {
    const cp = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    const erased = rows.map((row) => ({ ...row, personal: null }));
    const run = await verify(genesisExport(erased), [cp]);
    expect(run.exitCode).toBe(0);
    expect(run.output.join('\n')).toContain(
      `${rows.filter((r) => r.personalHash).length} row(s) with erased personal details`,
    );
  });

  it('fails naming the seq of an edited row, an edited hash, or edited personal details', async () => {
    const cp = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    const cases: [ExportedAuditRow[], number][] = [
      [
        rows.map((r) =>
          r.seq === 7 ? { ...r, changes: { ...r.changes, after: { status: 'rejected' } } } : r,
        ),
        7,
      ],
      [
        rows.map((r) =>
          r.seq === 12 ? { ...r, hash: r.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } : r,
        ),
        12,
      ],
      [rows.map((r) => (r.seq === 4 ? { ...r, personal: { ip: '198.51.100.1' } } : r)), 4],
      [rows.map((r) => (r.seq === 20 ? { ...r, actor: 'usr_mallory' } : r)), 20],
    ];
    for (const [edited, seq] of cases) {
      const run = await verify(genesisExport(edited), [cp]);
      expect(run.exitCode).toBe(1);
      expect(run.output[0]).toContain(`first bad seq ${seq}:`);
    }
  });

  it('fails naming the seq of a dropped or reordered row, and of truncation below the checkpoint', async () => {
    const cp = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    const dropped = await verify(genesisExport(rows.filter((r) => r.seq !== 9)), [cp]);
    expect(dropped).toMatchObject({ exitCode: 1 });
    expect(dropped.output[0]).toContain('first bad seq 9: seq-gap');
    const reordered = [...rows];
    [reordered[13], reordered[14]] = [reordered[14]!, reordered[13]!];
    expect((await verify(genesisExport(reordered), [cp])).output[0]).toContain('first bad seq 14:');
    const truncated = await verify(genesisExport(rows.slice(0, 17)), [cp]);
    expect(truncated).toMatchObject({ exitCode: 1 });
    expect(truncated.output[0]).toContain('first bad seq 18: truncated');
    const firstDropped = await verify(genesisExport(rows.slice(1)), [cp]);
    expect(firstDropped.output[0]).toContain('first bad seq 1:');
  });

  it('fails when the whole chain was rewritten consistently (the signed head differs)', async () => {
    const cp = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    // Rewrite seq 5 and recompute every later hash and link: internally consistent, but not what was signed.
    const rechained: ExportedAuditRow[] = [];
    for (const row of rows) {
      const prevHash = rechained.at(-1)?.hash ?? GENESIS_PREV_HASH;
      const base = { ...row, prevHash, actor: row.seq === 5 ? 'usr_mallory' : row.actor };
      const { hash: _h, personal: _p, ...chained } = base;
      rechained.push({ ...base, hash: await hashAuditRow(chained) });
    }
    const mismatch = await verify(genesisExport(rechained), [cp]);
    expect(mismatch.exitCode).toBe(1);
    expect(mismatch.output[0]).toContain('checkpoint-mismatch');
    const cp4 = await checkpointFile('cp4.txt', 4, rows[3]!.hash);
    expect((await verify(genesisExport(rechained), [cp4, cp])).output[0]).toContain(
      'first bad seq 5: checkpoint-mismatch',
    );
  });

  it('refuses a checkpoint with a bad signature, another key, or another tenant', async () => {
    const cp = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    const tampered = await exportFile(
      'cp-tampered.txt',
      (await readFile(cp, 'utf8')).replace('\n20\n', '\n19\n'),
    );
    expect((await verify(genesisExport(rows), [tampered])).output[0]).toContain('bad-checkpoint');
    const otherPair = await generateEd25519KeyPair();
    const otherKey = await exportFile(
      'other.jwk',
      JSON.stringify(await exportEd25519PublicJwk(otherPair.publicKey)),
    );
    const path = await exportFile('plain.jsonl', genesisExport(rows));
    expect(
      await runAuditVerify([path, '--checkpoint', cp, '--public-key', otherKey]),
    ).toMatchObject({ exitCode: 1 });
    const bright = await checkpointFile('cp-bright.txt', 20, rows[19]!.hash, 'tnt_bright');
    expect((await verify(genesisExport(rows), [bright])).output[0]).toContain('tenant-mismatch');
  });

  it('verifies a chain cut by a retention purge from the checkpoint at its new start', async () => {
    const tail = rows.slice(10);
    const text = serializeAuditExport(
      { tenantId: TENANT, exportedAt: EXPORTED_AT, startSeq: 11, startPrevHash: rows[9]!.hash },
      tail,
    );
    const cp10 = await checkpointFile('cp10.txt', 10, rows[9]!.hash);
    const cp20 = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    const anchored = await verify(text, [cp10, cp20]);
    expect(anchored.exitCode).toBe(0);
    expect(anchored.output.join('\n')).toContain('start anchored by a signed checkpoint');
    const unanchored = await verify(text, [cp20]);
    expect(unanchored.exitCode).toBe(0);
    expect(unanchored.output.join('\n')).toContain('start not anchored');
    const wrongStart = serializeAuditExport(
      { tenantId: TENANT, exportedAt: EXPORTED_AT, startSeq: 11, startPrevHash: rows[8]!.hash },
      tail,
    );
    expect((await verify(wrongStart, [cp20])).output[0]).toContain('first bad seq 11:');
  });

  it('property: any single-byte edit of a row line fails verification or changes no value', async () => {
    const text = genesisExport(rows);
    const bytes = new TextEncoder().encode(text);
    const headerEnd = bytes.indexOf(0x0a) + 1;
    const checkpoint = await readFile(await checkpointFile('cp20.txt', 20, rows[19]!.hash), 'utf8');
    const parseRows = (b: Uint8Array) => {
      try {
        return new TextDecoder('utf-8', { fatal: true })
          .decode(b)
          .trimEnd()
          .split('\n')
          .slice(1)
          .map((l) => JSON.parse(l) as unknown);
      } catch {
        return null;
      }
    };
    const original = JSON.stringify(parseRows(bytes));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: headerEnd, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, xor) => {
          const edited = new Uint8Array(bytes);
          edited[at] = edited[at]! ^ xor;
          const result = await verifyAuditExport({
            exportBytes: edited,
            checkpoints: [checkpoint],
            publicKeyJwk: publicJwk,
          });
          if (result.ok) expect(JSON.stringify(parseRows(edited))).toBe(original);
          else expect(result.firstBadSeq).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('runs as `npm run audit:verify` with real exit codes', async () => {
    const cp = await checkpointFile('cp20.txt', 20, rows[19]!.hash);
    const good = await exportFile('good.jsonl', genesisExport(rows));
    const bad = await exportFile('bad.jsonl', genesisExport(rows.filter((r) => r.seq !== 3)));
    const run = (path: string) =>
      promisify(execFile)(
        'npm',
        [
          'run',
          '--silent',
          'audit:verify',
          '--',
          path,
          '--checkpoint',
          cp,
          '--public-key',
          keyPath,
        ],
        {
          cwd: join(import.meta.dirname, '..'),
        },
      ).then(
        (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const ok = await run(good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('OK: audit export of tenant tnt_acme verified');
    const failed = await run(bad);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('first bad seq 3');
    const usage = await run('');
    expect(usage.code).toBe(2);
  });
});
