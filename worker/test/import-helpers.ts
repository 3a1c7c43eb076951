import { env } from 'cloudflare:workers';
import { bearer } from './fixtures';
import { call, json } from './http';

export interface ImportSummaryBody {
  id: string;
  status: string;
  fileName: string | null;
  rowsTotal: number;
  rowsDone: number;
  rowsFailed: number;
  recorded: number;
  duplicates: number;
  mapping: Record<string, string | null>;
  failure: string | null;
}
export interface ImportDetailBody {
  import: ImportSummaryBody;
  errors: {
    items: { row: number; field: string; column: string; reason: string; value: string | null }[];
    listed: number;
    nextOffset: number | null;
  };
}

/** Quotes a cell the way a spreadsheet writes CSV. */
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const csvOf = (rows: readonly (readonly string[])[]) =>
  rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';

export const HEADER = ['Item description', 'Vendor', 'Invoice date', 'Net amount', 'Currency'];

const ITEMS = [
  'Laptop computer 14 inch',
  'Office paper A4 80gsm',
  'Diesel fuel ultra low sulfur',
  'Nitrile gloves large',
  'Office chair mesh back',
  'LED lamp 60W A19',
  'Toner cartridge black',
  'Janitorial services monthly',
];

/** `n` distinct purchase rows (distinct amounts, so none is a duplicate of another). */
export function purchaseRows(n: number, start = 0): string[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = start + k;
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    return [
      ITEMS[i % ITEMS.length]!,
      `Supplier ${i % 37}`,
      `2024-${month}-${day}`,
      `${100 + i}.25`,
      'USD',
    ];
  });
}

export function uploadCsv(
  token: string,
  body: BodyInit,
  options: { filename?: string; mapping?: unknown; contentType?: string; path?: string } = {},
) {
  const query = new URLSearchParams();
  if (options.filename) query.set('filename', options.filename);
  if (options.mapping !== undefined) query.set('mapping', JSON.stringify(options.mapping));
  const qs = query.size ? `?${query}` : '';
  return call(`${options.path ?? '/api/v1/imports'}${qs}`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': options.contentType ?? 'text/csv' },
    body,
  });
}

export async function importCsv(
  token: string,
  csv: string,
  options: { filename?: string; mapping?: unknown } = {},
) {
  const response = await uploadCsv(token, csv, options);
  if (response.status !== 202) {
    throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  }
  return json<ImportDetailBody>(response);
}

export async function importDetail(token: string, id: string, query = '') {
  const response = await call(`/api/v1/imports/${id}${query}`, { headers: bearer(token) });
  if (response.status !== 200) throw new Error(`detail answered ${response.status}`);
  return json<ImportDetailBody>(response);
}

/**
 * Waits for the job to settle (the queue consumer runs in the same workerd), watching its row in
 * D1 so the polling does not spend the per-token rate limit; the answer comes from the API.
 */
export async function settled(token: string, id: string, timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await env.DB.prepare('SELECT status FROM imports WHERE id = ?')
      .bind(id)
      .first<{ status: string }>();
    if (row?.status === 'completed' || row?.status === 'failed') return importDetail(token, id);
    if (Date.now() > deadline) throw new Error(`import ${id} still ${row?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
