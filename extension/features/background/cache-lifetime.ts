import { forgetPageSummary } from '../../utils/storage/page-summaries';
import { clearUserCaches } from '../../utils/storage/user-caches';

/**
 * A tab's "this page" total describes the page that reported it: it is forgotten when the tab
 * closes or starts loading another address (the new page reports its own once scanned). Not
 * when only an iframe loads (the tab reports "loading" then too): the other frames' lines are
 * still there and would not report again. A frame's own document forgets its report as it leaves
 * (`forget-page-summary`).
 */
export function forgetPageSummariesOfLeftPages(): void {
  browser.tabs.onRemoved.addListener((tabId) => void forgetPageSummary(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) void forgetPageSummary(tabId);
  });
}

/** Another server (set by the user or by policy) means another account's data. */
export function clearUserCachesWhenServerChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' || area === 'managed') && 'serverUrl' in changes) void clearUserCaches();
  });
}
