import { clearEstimateCache } from '../estimate-cache';
import { forgetAllPageSummaries } from './page-summaries';
import { clearCachedSummaries } from './summary-cache';

/**
 * Everything kept for the signed-in account: the popup's summaries, the tabs' page totals and
 * the estimate cache. Cleared at sign-in, sign-out and when the server changes, so that the next
 * account never sees the previous one's data, not even for the moment before the popup refreshes.
 */
export async function clearUserCaches(): Promise<void> {
  await Promise.all([clearEstimateCache(), clearCachedSummaries(), forgetAllPageSummaries()]);
}
