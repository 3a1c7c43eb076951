import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields the chain covers, in the form hashed and exported. */
export interface ChainedAuditRow {
  tenantId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
  requestId: string;
  personalHash: string | null;
  prevHash: string;
}

export async function sha256HexOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 over the RFC 8785 canonical JSON of the row, which includes the previous hash. */
export function hashAuditRow(row: ChainedAuditRow): Promise<string> {
  return sha256HexOf(canonicalize(chainedFields(row))!);
}

export function chainedFields(row: ChainedAuditRow): ChainedAuditRow {
  const {
    tenantId,
    seq,
    at,
    actor,
    action,
    entityType,
    entityId,
    changes,
    requestId,
    personalHash,
    prevHash,
  } = row;
  return {
    tenantId,
    seq,
    at,
    actor,
    action,
    entityType,
    entityId,
    changes,
    requestId,
    personalHash,
    prevHash,
  };
}

export type ChainVerdict =
  { ok: true; size: number; head: string } | { ok: false; firstBadSeq: number; reason: string };

/**
 * Recomputes the chain. `start` is where a verified range begins (seq and the hash before it),
 * so a chain whose oldest rows were purged verifies from a signed checkpoint.
 */
export async function verifyChain(
  rows: readonly (ChainedAuditRow & { hash: string })[],
  start = { seq: 1, prevHash: GENESIS_HASH },
): Promise<ChainVerdict> {
  let expectedSeq = start.seq;
  let prevHash = start.prevHash;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        firstBadSeq: expectedSeq,
        reason: `expected sequence ${expectedSeq}, found ${row.seq}`,
      };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, firstBadSeq: row.seq, reason: 'previous hash does not match' };
    }
    if ((await hashAuditRow(row)) !== row.hash) {
      return { ok: false, firstBadSeq: row.seq, reason: 'row content does not match its hash' };
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, size: expectedSeq - 1, head: prevHash };
}
