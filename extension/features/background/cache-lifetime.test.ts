import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getPageSummary, savePageSummary } from '../../utils/storage/page-summaries';
import { getCachedSummary, saveCachedSummary } from '../../utils/storage/summary-cache';
import { clearUserCachesWhenServerChanges, forgetPageSummariesOfLeftPages } from './cache-lifetime';

const pageTotal = { lineCount: 4, estimatedCount: 4, totalKg: 792.28 };

describe('cache lifetime', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a tab’s page total is forgotten when the tab loads another page, not when it merely finishes loading', async () => {
    forgetPageSummariesOfLeftPages();
    const tab = await browser.tabs.create({ url: 'https://shop.example/cart' });
    await savePageSummary(tab.id!, pageTotal);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, tab);
    expect(await getPageSummary(tab.id!)).toMatchObject(pageTotal);
    await fakeBrowser.tabs.onUpdated.trigger(
      tab.id!,
      { status: 'loading', url: 'https://shop.example/product/1' },
      tab,
    );
    expect(await getPageSummary(tab.id!)).toBeUndefined();
  });

  test('a change of server (the user’s or the policy’s) forgets the previous account’s summary and page totals', async () => {
    clearUserCachesWhenServerChanges();
    for (const area of ['local', 'managed'] as const) {
      await saveCachedSummary({ period: '2026-03', summary: { totalKg: 4322 }, fetchedAt: 1 });
      await savePageSummary(7, pageTotal);
      await fakeBrowser.storage[area].set({ serverUrl: `https://${area}.example` });
      await expect.poll(() => getCachedSummary('2026-03')).toBeUndefined();
      expect(await getPageSummary(7)).toBeUndefined();
    }
  });
});
