import type { AuditRow } from '../../lib/crypto/audit-hash';

type ChainRow = AuditRow & { hash: string };

const CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'entityType',
  'entityId',
  'changes',
  'requestId',
  'prevHash',
  'hash',
] as const;

/** Cells that a spreadsheet would run as a formula are prefixed with a quote (OWASP CSV injection). */
export function csvCell(value: unknown): string {
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly ChainRow[]): string {
  const lines = rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
