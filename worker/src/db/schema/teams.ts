import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId } from './columns';

export const teams = sqliteTable(
  'teams',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    costCentre: text('cost_centre'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_tenant_name').on(t.tenantId, t.name)],
);

/** Who belongs to which team; a manager sees the team's summaries. */
export const teamMembers = sqliteTable(
  'team_members',
  {
    tenantId: tenantId(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    isManager: integer('is_manager', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.teamId, t.userId] })],
);
