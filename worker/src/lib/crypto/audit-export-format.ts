/**
 * The JSONL audit export that `npm run audit:verify` checks offline.
 *
 * UTF-8, one JSON object per line (RFC 8785 canonical JSON, so a given export has exactly one
 * byte form), every line ended by "\n":
 *
 *   line 1, header (not covered by any hash; it only says where the chain starts):
 *     {"exportedAt":"<ISO UTC>","format":"spendprint.audit-export","startPrevHash":"<hex>",
 *      "startSeq":<n>,"tenantId":"<id>","version":1}
 *     startSeq 1 with startPrevHash = 64 zeros for a chain from genesis; after a retention purge or
 *     for a date-range export, the seq and prevHash of the first row exported.
 *   lines 2…, one per audit row in seq order, contiguous (an entity or actor filter leaves gaps
 *   and is not a verifiable export):
 *     every AuditRow field (tenantId, seq, at, actor, action, entityType, entityId, changes,
 *     requestId, personalHash, prevHash), plus
 *     "hash":     the row hash stored when the row was appended — read from the database, never
 *                 recomputed at export, so a row edited in the database shows up as a mismatch;
 *     "personal": the erasable personal details whose hash is personalHash, or null once erased
 *                 (or when there were none).
 * Unknown or missing fields make a line invalid.
 */
import { canonicalJson, type JsonValue } from './canonical-json';
import {
  auditRowProblem,
  GENESIS_PREV_HASH,
  type AuditPersonalDetails,
  type AuditRow,
} from './audit-hash';

export const AUDIT_EXPORT_FORMAT = 'spendprint.audit-export';
export const AUDIT_EXPORT_VERSION = 1;

export interface AuditExportHeader {
  format: typeof AUDIT_EXPORT_FORMAT;
  version: typeof AUDIT_EXPORT_VERSION;
  tenantId: string;
  exportedAt: string;
  startSeq: number;
  startPrevHash: string;
}

export interface ExportedAuditRow extends AuditRow {
  hash: string;
  personal: AuditPersonalDetails | null;
}

export type ParsedExportLine<T> = { ok: true; value: T } | { ok: false; problem: string };

const ROW_KEYS = [
  'tenantId',
  'seq',
  'at',
  'actor',
  'action',
  'entityType',
  'entityId',
  'changes',
  'requestId',
  'personalHash',
  'prevHash',
  'hash',
  'personal',
].sort();
const HEADER_KEYS = [
  'format',
  'version',
  'tenantId',
  'exportedAt',
  'startSeq',
  'startPrevHash',
].sort();
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function auditExportHeaderLine(
  header: Omit<AuditExportHeader, 'format' | 'version'>,
): string {
  const full: AuditExportHeader = {
    format: AUDIT_EXPORT_FORMAT,
    version: AUDIT_EXPORT_VERSION,
    ...header,
  };
  return `${canonicalJson(full)}\n`;
}

export function auditExportRowLine(row: ExportedAuditRow): string {
  return `${canonicalJson(row)}\n`;
}

export function serializeAuditExport(
  header: Omit<AuditExportHeader, 'format' | 'version'>,
  rows: readonly ExportedAuditRow[],
): string {
  return auditExportHeaderLine(header) + rows.map(auditExportRowLine).join('');
}

function parseJsonObject(line: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'not a JSON object';
  return value as Record<string, unknown>;
}

function hasExactKeys(record: Record<string, unknown>, keys: readonly string[]): boolean {
  const present = Object.keys(record).sort();
  return present.length === keys.length && present.every((key, i) => key === keys[i]);
}

export function parseAuditExportHeader(line: string): ParsedExportLine<AuditExportHeader> {
  const record = parseJsonObject(line);
  if (typeof record === 'string') return { ok: false, problem: `header is ${record}` };
  if (!hasExactKeys(record, HEADER_KEYS))
    return { ok: false, problem: 'header fields differ from the format' };
  if (record.format !== AUDIT_EXPORT_FORMAT || record.version !== AUDIT_EXPORT_VERSION)
    return { ok: false, problem: 'unknown export format or version' };
  const { tenantId, exportedAt, startSeq, startPrevHash } = record;
  if (typeof tenantId !== 'string' || tenantId === '' || typeof exportedAt !== 'string')
    return { ok: false, problem: 'header tenantId/exportedAt invalid' };
  if (typeof startSeq !== 'number' || !Number.isSafeInteger(startSeq) || startSeq < 1)
    return { ok: false, problem: 'header startSeq invalid' };
  if (typeof startPrevHash !== 'string' || !SHA256_HEX.test(startPrevHash))
    return { ok: false, problem: 'header startPrevHash invalid' };
  if ((startSeq === 1) !== (startPrevHash === GENESIS_PREV_HASH))
    return { ok: false, problem: 'only seq 1 starts from the genesis hash' };
  return { ok: true, value: record as unknown as AuditExportHeader };
}

export function parseAuditExportRow(line: string): ParsedExportLine<ExportedAuditRow> {
  const record = parseJsonObject(line);
  if (typeof record === 'string') return { ok: false, problem: `row is ${record}` };
  if (!hasExactKeys(record, ROW_KEYS))
    return { ok: false, problem: 'row fields differ from the format' };
  const problem = auditRowProblem(record);
  if (problem) return { ok: false, problem };
  if (typeof record.hash !== 'string' || !SHA256_HEX.test(record.hash))
    return { ok: false, problem: 'hash must be SHA-256 hex' };
  const personal = record.personal as JsonValue | undefined;
  if (personal !== null && (typeof personal !== 'object' || Array.isArray(personal)))
    return { ok: false, problem: 'personal must be an object or null' };
  return { ok: true, value: record as unknown as ExportedAuditRow };
}
