/**
 * Opt-in review text. A tenant with `keepReviewText` keeps the description of each new review
 * item sealed under its own key (bound to the item, so it cannot be moved to another) for
 * REVIEW_TEXT_DAYS; every other tenant stores no text at all. The text is dropped when the
 * item is resolved, when it expires (hourly Cron job), when the tenant turns the setting off,
 * and becomes unreadable when the key version it is sealed under is revoked. Backups (kept 30
 * days themselves) leave it out, so no copy outlives the 30 days.
 */
import { and, isNotNull, isNull, lte } from 'drizzle-orm';
import { scheduledDatabases } from '../../db/scheduled';
import { reviewItems, tenants } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import type { Env } from '../../env';
import { ObjectUnreadableError } from '../../lib/object-unreadable';
import type { KeyContext } from '../../lib/tenant-key-ring';
import { tenantOpener, tenantSealer, type TenantSealer } from '../../lib/tenant-sealed-value';
import type { ReviewRow } from './review-view';

export const REVIEW_TEXT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

type ReviewTextColumns = Pick<ReviewRow, 'reviewTextSealed' | 'reviewTextExpiresAt'>;

/** Seals the description of a new review item (created at the keeper's `at`). */
export type ReviewTextKeeper = (
  reviewItemId: string,
  description: string,
) => Promise<ReviewTextColumns>;

/** What a resolved, expired or purged item keeps of its text: nothing. */
export const NO_REVIEW_TEXT: ReviewTextColumns = {
  reviewTextSealed: null,
  reviewTextExpiresAt: null,
};

const bindingOf = (reviewItemId: string) => `review-item/${reviewItemId}/text`;

/**
 * The keeper for a tenant that keeps review text, or null. The active key is looked up on the
 * first item only, so a batch without review items touches no key.
 */
export function reviewTextKeeper(
  db: TenantDb,
  tenant: { keepReviewText: boolean } | undefined,
  masterSecret: string,
  context: KeyContext,
): ReviewTextKeeper | null {
  if (!tenant?.keepReviewText) return null;
  const expiresAt = new Date(context.at.getTime() + REVIEW_TEXT_DAYS * DAY_MS);
  let sealer: Promise<TenantSealer> | undefined;
  return async (reviewItemId, description) => {
    sealer ??= tenantSealer(db, masterSecret, context);
    const seal = await sealer;
    return {
      reviewTextSealed: await seal(bindingOf(reviewItemId), description),
      reviewTextExpiresAt: expiresAt,
    };
  };
}

/**
 * The readable text of each item, by id: expired text is never opened, and text under a
 * revoked key version (crypto-shredded) or altered is left out rather than failing the page.
 */
export async function openReviewTexts(
  db: TenantDb,
  masterSecret: string,
  rows: readonly ReviewRow[],
  at: Date,
): Promise<Map<string, string>> {
  const open = tenantOpener(db, masterSecret);
  const texts = new Map<string, string>();
  await Promise.all(
    rows.map(async (row) => {
      const { reviewTextSealed: sealed, reviewTextExpiresAt: expiresAt } = row;
      if (!sealed || !expiresAt || expiresAt <= at) return;
      try {
        texts.set(row.id, await open(bindingOf(row.id), sealed));
      } catch (error) {
        if (!(error instanceof ObjectUnreadableError)) throw error;
      }
    }),
  );
  return texts;
}

/** Drops every stored text of the tenant (setting turned off), or only text expired by `at`. */
export function purgeReviewText(db: TenantDb, expiredBy?: Date): TenantStatement {
  const expired = expiredBy ? lte(reviewItems.reviewTextExpiresAt, expiredBy) : undefined;
  return db.update(
    reviewItems,
    NO_REVIEW_TEXT,
    and(isNotNull(reviewItems.reviewTextSealed), expired)!,
  );
}

/**
 * Hourly Cron: expired text is nulled in every tenant, including one that has just turned the
 * setting off while a request that read it as on was still sealing.
 */
export async function purgeExpiredReviewText(env: Env, at: Date): Promise<void> {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  for (const tenant of await globalDb.select(tenants, isNull(tenants.purgeCompletedAt))) {
    const db = tenantDbFor(tenant.id);
    await db.batch([purgeReviewText(db, at)]);
  }
}

/** A backup's table rows with the review text left out (the raw rows of `review_items`). */
export function withoutReviewText<T extends Record<string, Record<string, unknown>[]>>(
  tables: T,
): T {
  const items = tables.review_items;
  if (!items) return tables;
  const cleared = items.map((row) => ({
    ...row,
    review_text_sealed: null,
    review_text_expires_at: null,
  }));
  return { ...tables, review_items: cleared };
}
