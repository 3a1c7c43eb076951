import { real, sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { PLANS } from '../../../../shared/plans';
import { createdAt, id, timestamp } from './columns';

export const tenants = sqliteTable('tenants', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  plan: text('plan', { enum: PLANS }).notNull(),
  reviewThreshold: real('review_threshold').notNull().default(0.8),
  keepReviewText: integer('keep_review_text', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  deletionRequestedAt: timestamp('deletion_requested_at'),
  /** Set when a deletion request's purge has run; audit rows of such a tenant may then be deleted. */
  purgeCompletedAt: timestamp('purge_completed_at'),
});
