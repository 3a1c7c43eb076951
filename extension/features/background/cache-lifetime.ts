import { forgetPageSummary } from '../../utils/storage/page-summaries';
import { clearUserCaches } from '../../utils/storage/user-caches';

/**
 * A tab's "this page" total describes the page that reported it: it is forgotten when the tab
 * closes or starts loading another page (the new page reports its own once scanned).
 */
export function forgetPageSummariesOfLeftPages(): void {
  browser.tabs.onRemoved.addListener((tabId) => void forgetPageSummary(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetPageSummary(tabId);
  });
}

/** Another server (set by the user or by policy) means another account's data. */
export function clearUserCachesWhenServerChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' || area === 'managed') && 'serverUrl' in changes) void clearUserCaches();
  });
}
