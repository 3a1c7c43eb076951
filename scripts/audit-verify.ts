/**
 * `npm run audit:verify -- export.jsonl --checkpoint cp.txt --public-key key.jwk`
 *
 * Verifies an audit export offline (format: worker/src/lib/crypto/audit-export-format.ts): every
 * row's hash, the chain links, the checkpoint's Ed25519 signature, and that the chain head at the
 * checkpoint's size equals the signed hash. `--checkpoint` may be repeated (e.g. the checkpoint at
 * the start of a retention-purged chain plus the latest one).
 * Exit 0: verified. Exit 1: tampering or truncation (names the first bad seq). Exit 2: usage or I/O.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyAuditExport } from '../worker/src/lib/crypto/audit-export-verify';

const USAGE =
  'usage: npm run audit:verify -- <export.jsonl> --checkpoint <checkpoint.txt> [--checkpoint …] --public-key <key.jwk>';

export interface AuditVerifyRun {
  exitCode: 0 | 1 | 2;
  output: string[];
}

export async function runAuditVerify(argv: readonly string[]): Promise<AuditVerifyRun> {
  let exportPath: string;
  let checkpointPaths: string[];
  let keyPath: string;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { checkpoint: { type: 'string', multiple: true }, 'public-key': { type: 'string' } },
    });
    if (positionals.length !== 1 || !values.checkpoint?.length || !values['public-key'])
      throw new Error('missing arguments');
    exportPath = positionals[0]!;
    checkpointPaths = values.checkpoint;
    keyPath = values['public-key'];
  } catch (error) {
    return { exitCode: 2, output: [`${(error as Error).message}`, USAGE] };
  }

  let exportBytes: Uint8Array;
  let checkpoints: string[];
  let publicKeyJwk: unknown;
  try {
    exportBytes = new Uint8Array(await readFile(exportPath));
    checkpoints = await Promise.all(checkpointPaths.map((path) => readFile(path, 'utf8')));
    publicKeyJwk = JSON.parse(await readFile(keyPath, 'utf8'));
  } catch (error) {
    return { exitCode: 2, output: [`cannot read input: ${(error as Error).message}`] };
  }

  const result = await verifyAuditExport({ exportBytes, checkpoints, publicKeyJwk });
  if (!result.ok) {
    const where = result.firstBadSeq === null ? '' : ` first bad seq ${result.firstBadSeq}:`;
    return { exitCode: 1, output: [`FAILED:${where} ${result.reason} — ${result.detail}`] };
  }
  const s = result.summary;
  const start = {
    genesis: 'from genesis',
    'anchored-by-checkpoint': `from seq ${s.firstSeq}, start anchored by a signed checkpoint`,
    'cut-unanchored': `from seq ${s.firstSeq} (earlier rows not in this export; start not anchored by a checkpoint)`,
  }[s.start];
  return {
    exitCode: 0,
    output: [
      `OK: audit export of tenant ${s.tenantId} verified`,
      `  rows ${s.firstSeq}..${s.lastSeq} (${s.rowCount}), ${start}`,
      `  head ${s.head}`,
      `  checkpoint size ${s.checkpoint.size} at ${s.checkpoint.time}, signed by ${s.checkpoint.keyName}: matches`,
      ...(s.rowsBeyondCheckpoint > 0
        ? [`  ${s.rowsBeyondCheckpoint} row(s) after the checkpoint are chained but not yet signed`]
        : []),
      ...(s.erasedPersonalDetails > 0
        ? [`  ${s.erasedPersonalDetails} row(s) with erased personal details (covered by hash)`]
        : []),
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = await runAuditVerify(process.argv.slice(2));
  for (const line of run.output) (run.exitCode === 0 ? console.info : console.error)(line);
  process.exitCode = run.exitCode;
}
