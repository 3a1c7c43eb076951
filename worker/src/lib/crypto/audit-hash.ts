import { canonicalJson, type JsonValue } from './canonical-json';
import { sha256Hex } from './digest';

/** prevHash of the first row of every tenant's chain. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

export type AuditFieldValues = Record<string, JsonValue>;

/** Before/after of the fields a change touched (a create has an empty `before`, a delete an empty `after`). */
export interface AuditChanges {
  before: AuditFieldValues;
  after: AuditFieldValues;
}

/**
 * One link of a tenant's audit chain: exactly the fields the hash covers. Personal details
 * (IP, user agent, names) live outside the row so they can be erased; the row keeps only
 * their hash, which keeps the chain verifiable after erasure.
 */
export interface AuditRow {
  tenantId: string;
  seq: number;
  /** ISO 8601 UTC, e.g. 2026-11-05T10:00:00.000Z */
  at: string;
  actor: string;
  /** `resource.verb`, e.g. `report.approve` */
  action: string;
  entityType: string;
  entityId: string;
  changes: AuditChanges;
  requestId: string;
  personalHash: string | null;
  prevHash: string;
}

/** The erasable personal-details object, e.g. { ip, userAgent, actorName }. */
export type AuditPersonalDetails = Record<string, JsonValue>;

export type ChainBreakReason =
  | 'malformed-row'
  | 'tenant-mismatch'
  | 'seq-gap'
  | 'seq-duplicate'
  | 'prev-hash-mismatch'
  | 'hash-mismatch';

export type ChainVerification =
  | { ok: true; size: number; head: string; rowCount: number }
  | { ok: false; firstBadSeq: number; reason: ChainBreakReason; detail: string };

export interface VerifyChainOptions {
  /** Hash the first row must follow; genesis unless the chain was cut by a retention purge. */
  startPrevHash?: string;
  /** Seq of the first row; 1 from genesis, otherwise the first row's own seq. */
  startSeq?: number;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const ACTION = /^[a-z][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a row cannot be part of a chain, or null when its shape is valid. */
export function auditRowProblem(row: unknown): string | null {
  if (!isPlainObject(row)) return 'row is not an object';
  const r = row as Partial<Record<keyof AuditRow, unknown>>;
  for (const key of ['tenantId', 'actor', 'entityType', 'entityId', 'requestId'] as const) {
    if (typeof r[key] !== 'string' || r[key] === '') return `${key} must be a non-empty string`;
  }
  if (typeof r.seq !== 'number' || !Number.isSafeInteger(r.seq) || r.seq < 1)
    return 'seq must be a positive integer';
  if (typeof r.at !== 'string' || !ISO_UTC.test(r.at) || Number.isNaN(Date.parse(r.at)))
    return 'at must be ISO 8601 UTC';
  if (typeof r.action !== 'string' || !ACTION.test(r.action))
    return 'action must look like resource.verb';
  if (
    !isPlainObject(r.changes) ||
    !isPlainObject(r.changes.before) ||
    !isPlainObject(r.changes.after)
  ) {
    return 'changes must be {before, after} objects';
  }
  if (
    r.personalHash !== null &&
    (typeof r.personalHash !== 'string' || !SHA256_HEX.test(r.personalHash))
  ) {
    return 'personalHash must be SHA-256 hex or null';
  }
  if (typeof r.prevHash !== 'string' || !SHA256_HEX.test(r.prevHash))
    return 'prevHash must be SHA-256 hex';
  return null;
}

/** Only the chained fields, so extra columns (stored hash, ids, personal details) never alter the hash. */
export function chainedFields(row: AuditRow): AuditRow {
  return {
    tenantId: row.tenantId,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: { before: row.changes.before, after: row.changes.after },
    requestId: row.requestId,
    personalHash: row.personalHash,
    prevHash: row.prevHash,
  };
}

/** SHA-256 hex over the RFC 8785 canonical JSON of the row, prevHash included. */
export async function hashAuditRow(row: AuditRow): Promise<string> {
  return sha256Hex(canonicalJson(chainedFields(row)));
}

/** SHA-256 hex of the canonical JSON of the personal details, or null when there are none. */
export async function hashPersonalDetails(
  details: AuditPersonalDetails | null,
): Promise<string | null> {
  return details === null ? null : sha256Hex(canonicalJson(details));
}

/**
 * Walks a tenant's rows in order. A row may carry the `hash` stored when it was appended: then an
 * edit is pinned to the edited row itself rather than to the next row's broken link.
 */
export async function verifyChain(
  rows: readonly (AuditRow & { hash?: string })[],
  options: VerifyChainOptions = {},
): Promise<ChainVerification> {
  const startPrevHash = options.startPrevHash ?? GENESIS_PREV_HASH;
  const fromGenesis = startPrevHash === GENESIS_PREV_HASH;
  let expectedSeq = options.startSeq ?? (fromGenesis ? 1 : (rows[0]?.seq ?? 1));
  let prevHash = startPrevHash;
  const tenantId = rows[0]?.tenantId;
  const fail = (
    firstBadSeq: number,
    reason: ChainBreakReason,
    detail: string,
  ): ChainVerification => ({
    ok: false,
    firstBadSeq,
    reason,
    detail,
  });

  for (const row of rows) {
    const problem = auditRowProblem(row);
    if (problem) return fail(expectedSeq, 'malformed-row', problem);
    if (row.tenantId !== tenantId)
      return fail(row.seq, 'tenant-mismatch', 'row belongs to another tenant');
    if (row.seq < expectedSeq)
      return fail(row.seq, 'seq-duplicate', `seq ${row.seq} appears again (fork or reorder)`);
    if (row.seq > expectedSeq)
      return fail(expectedSeq, 'seq-gap', `expected seq ${expectedSeq}, found ${row.seq}`);
    const hash = await hashAuditRow(row);
    if (row.hash !== undefined && row.hash !== hash)
      return fail(row.seq, 'hash-mismatch', 'row content does not match its stored hash');
    if (row.prevHash !== prevHash)
      return fail(row.seq, 'prev-hash-mismatch', 'row does not link to the previous row');
    prevHash = hash;
    expectedSeq += 1;
  }
  return { ok: true, size: expectedSeq - 1, head: prevHash, rowCount: rows.length };
}
