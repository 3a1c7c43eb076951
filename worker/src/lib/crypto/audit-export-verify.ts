/**
 * Offline verification of a JSONL audit export (audit-export-format.ts) against signed
 * checkpoints. Shared by `npm run audit:verify` and any in-Worker verification.
 */
import { hashPersonalDetails, verifyChain } from './audit-hash';
import {
  parseAuditExportHeader,
  parseAuditExportRow,
  type ExportedAuditRow,
} from './audit-export-format';
import { verifyCheckpoint, type ParsedCheckpoint } from './checkpoint';
import { decodeUtf8Strict } from './encoding';

export interface AuditExportSummary {
  tenantId: string;
  firstSeq: number;
  lastSeq: number;
  rowCount: number;
  head: string;
  /** The largest checkpoint checked against the chain. */
  checkpoint: { size: number; headHash: string; time: string; keyName: string };
  /** 'genesis', or whether a checkpoint at startSeq − 1 vouches for the cut start. */
  start: 'genesis' | 'anchored-by-checkpoint' | 'cut-unanchored';
  /** Rows after the newest checkpoint: consistent with the chain, not yet signed. */
  rowsBeyondCheckpoint: number;
  erasedPersonalDetails: number;
}

export type AuditExportVerification =
  | { ok: true; summary: AuditExportSummary }
  | { ok: false; firstBadSeq: number | null; reason: string; detail: string };

function fail(firstBadSeq: number | null, reason: string, detail: string): AuditExportVerification {
  return { ok: false, firstBadSeq, reason, detail };
}

/** Lines without their terminators, decoded strictly: an invalid UTF-8 byte fails its line. */
function splitLines(bytes: Uint8Array): (string | null)[] {
  const lines: (string | null)[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (i === bytes.length && start === i) break;
      try {
        lines.push(decodeUtf8Strict(bytes.subarray(start, i)));
      } catch {
        lines.push(null);
      }
      start = i + 1;
    }
  }
  return lines;
}

export async function verifyAuditExport(input: {
  exportBytes: Uint8Array;
  checkpoints: readonly string[];
  publicKeyJwk: unknown;
}): Promise<AuditExportVerification> {
  if (input.checkpoints.length === 0)
    return fail(null, 'no-checkpoint', 'at least one signed checkpoint is required');
  const checkpoints: { checkpoint: ParsedCheckpoint; keyName: string }[] = [];
  for (const text of input.checkpoints) {
    const verified = await verifyCheckpoint(text, input.publicKeyJwk);
    if (!verified.ok) return fail(null, 'bad-checkpoint', verified.reason);
    checkpoints.push(verified);
  }
  checkpoints.sort((a, b) => a.checkpoint.size - b.checkpoint.size);

  const lines = splitLines(input.exportBytes);
  const headerLine = lines[0];
  if (headerLine === undefined || headerLine === null)
    return fail(null, 'bad-header', 'export is empty or its header is not UTF-8');
  const header = parseAuditExportHeader(headerLine);
  if (!header.ok) return fail(null, 'bad-header', header.problem);
  const { tenantId, startSeq, startPrevHash } = header.value;

  const rows: ExportedAuditRow[] = [];
  let lineProblem: { seq: number; detail: string } | null = null;
  let erased = 0;
  for (const [index, line] of lines.slice(1).entries()) {
    const seqHere = startSeq + index;
    const parsed =
      line === null
        ? { ok: false as const, problem: 'line is not valid UTF-8' }
        : parseAuditExportRow(line);
    if (!parsed.ok) {
      lineProblem = { seq: seqHere, detail: `line ${index + 2}: ${parsed.problem}` };
      break;
    }
    const row = parsed.value;
    if (row.personal === null) {
      if (row.personalHash !== null) erased += 1;
    } else if ((await hashPersonalDetails(row.personal)) !== row.personalHash) {
      lineProblem = {
        seq: row.seq,
        detail: `line ${index + 2}: personal details do not match personalHash`,
      };
      break;
    }
    rows.push(row);
  }

  // A break earlier in the chain than the unreadable line is the first bad seq.
  const chain = await verifyChain(rows, { startPrevHash, startSeq });
  if (!chain.ok) return fail(chain.firstBadSeq, chain.reason, chain.detail);
  if (lineProblem) return fail(lineProblem.seq, 'malformed-row', lineProblem.detail);
  const misfiled = rows.find((row) => row.tenantId !== tenantId);
  if (misfiled)
    return fail(misfiled.seq, 'tenant-mismatch', 'row of another tenant than the header names');

  const lastSeq = startSeq + rows.length - 1;
  const hashAt = (size: number) =>
    size === startSeq - 1 ? startPrevHash : rows[size - startSeq]?.hash;
  let provenThrough = startSeq - 1;
  let anchored = startSeq === 1;
  let covering: (typeof checkpoints)[number] | null = null;
  for (const entry of checkpoints) {
    const { checkpoint } = entry;
    if (checkpoint.tenantId !== tenantId)
      return fail(null, 'tenant-mismatch', `checkpoint is for tenant ${checkpoint.tenantId}`);
    if (checkpoint.size < startSeq - 1)
      return fail(
        null,
        'checkpoint-before-export',
        `checkpoint size ${checkpoint.size} precedes the export start`,
      );
    if (checkpoint.size > lastSeq) {
      return fail(
        lastSeq + 1,
        'truncated',
        `export ends at seq ${lastSeq}, checkpoint covers ${checkpoint.size}`,
      );
    }
    if (hashAt(checkpoint.size) !== checkpoint.headHash) {
      return fail(
        provenThrough + 1,
        'checkpoint-mismatch',
        `chain head at seq ${checkpoint.size} differs from the signed checkpoint; rows after ${provenThrough} are not proven`,
      );
    }
    if (checkpoint.size === startSeq - 1) anchored = true;
    provenThrough = checkpoint.size;
    if (checkpoint.size >= startSeq) covering = entry;
  }
  if (!covering) return fail(startSeq, 'unproven', 'no checkpoint covers any exported row');

  return {
    ok: true,
    summary: {
      tenantId,
      firstSeq: startSeq,
      lastSeq,
      rowCount: rows.length,
      head: chain.head,
      checkpoint: {
        size: covering.checkpoint.size,
        headHash: covering.checkpoint.headHash,
        time: covering.checkpoint.time,
        keyName: covering.keyName,
      },
      start: startSeq === 1 ? 'genesis' : anchored ? 'anchored-by-checkpoint' : 'cut-unanchored',
      rowsBeyondCheckpoint: lastSeq - covering.checkpoint.size,
      erasedPersonalDetails: erased,
    },
  };
}
