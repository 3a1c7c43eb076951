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
    await savePageSummary(tab.id!, 0, pageTotal);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, tab);
    expect(await getPageSummary(tab.id!)).toMatchObject(pageTotal);
    await fakeBrowser.tabs.onUpdated.trigger(
      tab.id!,
      { status: 'loading', url: 'https://shop.example/product/1' },
      tab,
    );
    expect(await getPageSummary(tab.id!)).toBeUndefined();
  });

  test('a page whose lines sit in frames is the sum of its frames, and only of its own tab', async () => {
    await savePageSummary(7, 0, { lineCount: 2, estimatedCount: 1, totalKg: null });
    await savePageSummary(7, 3, { lineCount: 4, estimatedCount: 4, totalKg: 792.28 });
    await savePageSummary(7, 5, { lineCount: 1, estimatedCount: 1, totalKg: 0.111 });
    await savePageSummary(70, 0, pageTotal);
    expect(await getPageSummary(7)).toMatchObject({ lineCount: 7, estimatedCount: 6, totalKg: 792.391 });
    await savePageSummary(7, 3, { lineCount: 0, estimatedCount: 0, totalKg: null }); // the frame's page changed
    expect(await getPageSummary(7)).toMatchObject({ lineCount: 3, estimatedCount: 2, totalKg: 0.111 });
  });

  test('a change of server (the user’s or the policy’s) forgets the previous account’s summary and page totals', async () => {
    clearUserCachesWhenServerChanges();
    for (const area of ['local', 'managed'] as const) {
      await saveCachedSummary({ period: '2026-03', summary: { totalKg: 4322 }, fetchedAt: 1 });
      await savePageSummary(7, 0, pageTotal);
      await fakeBrowser.storage[area].set({ serverUrl: `https://${area}.example` });
      await expect.poll(() => getCachedSummary('2026-03')).toBeUndefined();
      expect(await getPageSummary(7)).toBeUndefined();
    }
  });
});
