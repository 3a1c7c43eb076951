import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

export const RULE_KINDS = ['supplier', 'gl-account', 'description-hash', 'keyword'] as const;

/**
 * A tenant's classification rule in its current version. `match` is a supplier name, a GL
 * account, a keyword, or, for `description-hash`, the tenant-keyed HMAC of the normalised
 * description (never the text).
 */
export const tenantRules = sqliteTable(
  'tenant_rules',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind', { enum: RULE_KINDS }).notNull(),
    match: text('match').notNull(),
    naics: text('naics').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [index('tenant_rules_tenant_kind').on(t.tenantId, t.kind)],
);

/** Every version a rule has had, the current one included. */
export const tenantRuleVersions = sqliteTable(
  'tenant_rule_versions',
  {
    tenantId: tenantId(),
    ruleId: text('rule_id').notNull(),
    version: integer('version').notNull(),
    kind: text('kind', { enum: RULE_KINDS }).notNull(),
    match: text('match').notNull(),
    naics: text('naics').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    changedAt: timestamp('changed_at').notNull(),
    changedBy: text('changed_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.ruleId, t.version] })],
);

/**
 * The tenant's classification version: bumps on every rule or supplier-factor change, so
 * clients that cache estimates (the extension) know when to drop them.
 */
export const classificationVersions = sqliteTable('classification_versions', {
  tenantId: text('tenant_id').primaryKey(),
  ruleVersion: integer('rule_version').notNull().default(0),
});
