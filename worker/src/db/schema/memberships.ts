import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../../shared/roles';
import { createdAt, id, tenantId } from './columns';

export const memberships = sqliteTable(
  'memberships',
  {
    id: id(),
    tenantId: tenantId(),
    userId: text('user_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('memberships_tenant_user').on(t.tenantId, t.userId)],
);
