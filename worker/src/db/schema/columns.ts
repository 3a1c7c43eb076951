import { integer, text } from 'drizzle-orm/sqlite-core';

/** Shared column builders so every table spells ids, tenancy and times the same way. */
export const id = () => text('id').primaryKey();
export const tenantId = () => text('tenant_id').notNull();
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
export const createdAt = () => timestamp('created_at').notNull();
