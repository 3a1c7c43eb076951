import { z } from 'zod';

/** The tenant's own settings, read and changed by its admin. */
export const TenantSettings = z.object({
  /** Lines estimated below this confidence go to the review queue. */
  reviewThreshold: z.number(),
  /** Opt-in: review items keep their line's description, sealed under the tenant key. */
  keepReviewText: z.boolean(),
  /** How long kept review text lives before the hourly job erases it. */
  reviewTextDays: z.number().int(),
});

/** Turning `keepReviewText` off erases every stored review text at once. */
export const TenantSettingsUpdate = z.object({ keepReviewText: z.boolean() });
