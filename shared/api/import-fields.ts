/**
 * CSV import constants without zod, so the console can import them too (its bundle carries no
 * schema library). The request and response schemas are in imports.ts.
 */
/** Largest CSV file accepted by POST /imports, counted while the body streams in. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Largest beginning of a file POST /imports/preview reads. */
export const MAX_PREVIEW_BYTES = 1024 * 1024;

/** The spend-line fields a CSV column can feed. */
export const IMPORT_FIELDS = [
  'description',
  'supplier',
  'date',
  'amount',
  'currency',
  'glAccount',
  'team',
  'quantity',
  'naics',
  'erpLineId',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row cannot be estimated; the file is refused if they have no column. */
export const REQUIRED_IMPORT_FIELDS = ['description', 'amount', 'date'] as const;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  description: 'Description',
  supplier: 'Supplier',
  date: 'Date',
  amount: 'Amount',
  currency: 'Currency',
  glAccount: 'GL account',
  team: 'Team / cost centre',
  quantity: 'Quantity',
  naics: 'NAICS code',
  erpLineId: 'ERP document line',
};

/** Row errors beyond this many are counted in rowsFailed but not listed. */
export const MAX_LISTED_ROW_ERRORS = 1000;
