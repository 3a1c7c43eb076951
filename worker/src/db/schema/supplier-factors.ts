import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

/** A supplier's own emission intensity; it outranks the EPA spend-based factor for its lines. */
export const supplierFactors = sqliteTable(
  'supplier_factors',
  {
    id: id(),
    tenantId: tenantId(),
    supplier: text('supplier').notNull(),
    kgPerUsd: real('kg_per_usd'),
    kgPerUnit: real('kg_per_unit'),
    unit: text('unit'),
    /** YYYY-MM-DD, inclusive. */
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    /** Where the figure comes from (e.g. "Supplier EPD 2024, p. 12"). */
    source: text('source').notNull(),
    /** Reference or URL of the source document. */
    sourceDocument: text('source_document'),
    version: integer('version').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [index('supplier_factors_tenant_supplier').on(t.tenantId, t.supplier)],
);
