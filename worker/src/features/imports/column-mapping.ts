/**
 * Which column feeds which field: detected from the headers, then the tenant's saved mapping
 * (where its headers are in this file), then the caller's mapping, each overriding the last.
 */
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type MAPPING_SOURCES,
} from '../../../../shared/api/imports';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { formulaSafe } from './formula-safe';

type MappingSource = (typeof MAPPING_SOURCES)[number];

const words = (list: string) => list.split('|');

/** Normalised header spellings that name a field outright. */
const EXACT: Record<ImportField, string[]> = {
  description: words(
    'description|item|item description|line description|item name|product|product description|material description|short text|goods or services|line item|details|commodity description|purchase description|article',
  ),
  supplier: words('supplier|vendor|supplier name|vendor name|merchant|payee|seller'),
  date: words(
    'date|purchase date|order date|invoice date|posting date|document date|transaction date|po date|receipt date',
  ),
  amount: words(
    'amount|total|line total|net amount|total amount|extended price|spend|line amount|net value|value|cost|total cost|extended amount',
  ),
  currency: words('currency|currency code|ccy|curr|iso currency'),
  glAccount: words(
    'gl account|gl|gl code|general ledger|general ledger account|gl acct|ledger account|expense account|account|account code',
  ),
  team: words('team|cost centre|cost center|department|cost centre code|cost center code|cc'),
  quantity: words('quantity|qty|units|quantity ordered'),
  naics: words('naics|naics code|naics 6'),
  erpLineId: words(
    'erp line id|erp document line|document line|document line id|po line|po line id|line id|invoice line id|order line id',
  ),
};

/** Words that point at a field when no header names it outright (first match wins). */
const CONTAINS: [ImportField, RegExp][] = [
  ['erpLineId', /\b(line id|line number|document line|po line)\b/],
  ['naics', /\bnaics\b/],
  ['currency', /\b(currency|ccy)\b/],
  ['glAccount', /\b(gl|ledger)\b/],
  ['team', /\b(cost cent(re|er)|team|department)\b/],
  ['supplier', /\b(supplier|vendor)\b/],
  ['quantity', /\b(quantity|qty)\b/],
  ['date', /\bdate\b/],
  ['amount', /\b(amount|total)\b/],
  ['description', /\b(description|item|product)\b/],
];

export const normaliseHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface ResolvedMapping {
  headers: string[];
  /** Field → header (null: not imported). */
  mapping: Record<string, string | null>;
  sources: Record<string, MappingSource>;
  /** Field → column index, for mapped fields. */
  columns: Partial<Record<ImportField, number>>;
  missing: ImportField[];
}

export function detectMapping(headers: readonly string[]): Partial<Record<ImportField, number>> {
  const normalised = headers.map(normaliseHeader);
  const found: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const index = normalised.findIndex((h, i) => !used.has(i) && EXACT[field].includes(h));
    if (index !== -1) {
      found[field] = index;
      used.add(index);
    }
  }
  for (const [field, pattern] of CONTAINS) {
    if (found[field] !== undefined) continue;
    const index = normalised.findIndex((h, i) => !used.has(i) && pattern.test(h));
    if (index !== -1) {
      found[field] = index;
      used.add(index);
    }
  }
  return found;
}

function headerIndex(headers: readonly string[], name: string): number {
  const wanted = normaliseHeader(name);
  const exact = headers.findIndex((h) => h.trim() === name.trim());
  return exact !== -1 ? exact : headers.findIndex((h) => normaliseHeader(h) === wanted);
}

/**
 * Layers the mappings. A saved header that is not in this file is skipped (files change); a
 * header the caller names that is not in the file is an error.
 */
export function resolveMapping(
  headers: readonly string[],
  saved: ImportMapping | undefined,
  requested: ImportMapping | undefined,
): ResolvedMapping {
  const columns: Partial<Record<ImportField, number>> = {};
  const sources: Record<string, MappingSource> = {};
  for (const [field, index] of Object.entries(detectMapping(headers))) {
    columns[field as ImportField] = index;
    sources[field] = 'detected';
  }
  const layer = (mapping: ImportMapping | undefined, source: MappingSource) => {
    for (const field of IMPORT_FIELDS) {
      const header = mapping?.[field];
      if (header === undefined) continue;
      if (header === null) {
        delete columns[field];
        sources[field] = source;
        continue;
      }
      const index = headerIndex(headers, header);
      if (index === -1) {
        if (source === 'saved') continue;
        throw new AppError(
          ErrorCode.validation,
          `The mapping names a column "${formulaSafe(header)}" for ${field}, and the file has none.`,
          { reason: 'mapping', headers: headers.map(formulaSafe) },
        );
      }
      for (const other of IMPORT_FIELDS) if (columns[other] === index) delete columns[other];
      columns[field] = index;
      sources[field] = source;
    }
  };
  layer(saved, 'saved');
  layer(requested, 'request');
  const mapping: Record<string, string | null> = {};
  for (const field of IMPORT_FIELDS) {
    const index = columns[field];
    mapping[field] = index === undefined ? null : headers[index]!;
    if (index === undefined && sources[field] === 'detected') delete sources[field];
  }
  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => columns[field] === undefined);
  return { headers: [...headers], mapping, sources, columns, missing };
}

export function missingColumnsError(resolved: ResolvedMapping): AppError {
  return new AppError(
    ErrorCode.validation,
    `No column found for ${resolved.missing.join(', ')}. The header row must name them, or send a mapping (field → header).`,
    { reason: 'mapping', missing: resolved.missing, headers: resolved.headers.map(formulaSafe) },
  );
}
