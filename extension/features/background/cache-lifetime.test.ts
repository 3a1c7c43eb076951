import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetFramePageSummary, getPageSummary, savePageSummary } from '../../utils/storage/page-summaries';
import { getCachedSummary, saveCachedSummary } from '../../utils/storage/summary-cache';
import { clearUserCachesWhenServerChanges, forgetPageSummariesOfLeftPages } from './cache-lifetime';

const pageTotal = { lineCount: 4, estimatedCount: 4, totalKg: 792.28 };

describe('cache lifetime', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a tab’s page total is forgotten when the tab loads another page, not when it merely finishes loading or loads an iframe', async () => {
    forgetPageSummariesOfLeftPages();
    const tab = await browser.tabs.create({ url: 'https://shop.example/cart' });
    await savePageSummary({ tabId: tab.id!, frameId: 0 }, pageTotal);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'loading' }, tab); // an iframe (a chat widget) loads
    expect(await getPageSummary(tab.id!)).toMatchObject(pageTotal);
    await fakeBrowser.tabs.onUpdated.trigger(
      tab.id!,
      { status: 'loading', url: 'https://shop.example/product/1' },
      tab,
    );
    expect(await getPageSummary(tab.id!)).toBeUndefined();
  });

  test('a page whose lines sit in frames is the sum of its frames, and only of its own tab', async () => {
    await savePageSummary({ tabId: 7, frameId: 0 }, { lineCount: 2, estimatedCount: 1, totalKg: null });
    await savePageSummary({ tabId: 7, frameId: 3 }, { lineCount: 4, estimatedCount: 4, totalKg: 792.28 });
    await savePageSummary({ tabId: 7, frameId: 5 }, { lineCount: 1, estimatedCount: 1, totalKg: 0.111 });
    await savePageSummary({ tabId: 70, frameId: 0 }, pageTotal);
    expect(await getPageSummary(7)).toMatchObject({ lineCount: 7, estimatedCount: 6, totalKg: 792.391 });
    await savePageSummary({ tabId: 7, frameId: 3 }, { lineCount: 0, estimatedCount: 0, totalKg: null }); // the frame's page changed
    expect(await getPageSummary(7)).toMatchObject({ lineCount: 3, estimatedCount: 2, totalKg: 0.111 });
    await forgetFramePageSummary({ tabId: 7, frameId: 5 }); // the frame left for a site where no content script runs
    expect(await getPageSummary(7)).toMatchObject({ lineCount: 2, estimatedCount: 1, totalKg: null });
    await forgetFramePageSummary({ tabId: 7, frameId: 0 });
    expect(await getPageSummary(7)).toMatchObject({ lineCount: 0 });
    expect(await getPageSummary(70)).toMatchObject(pageTotal);
  });

  test('a change of server (the user’s or the policy’s) forgets the previous account’s summary and page totals', async () => {
    clearUserCachesWhenServerChanges();
    for (const area of ['local', 'managed'] as const) {
      await saveCachedSummary({ period: '2026-03', summary: { totalKg: 4322 }, fetchedAt: 1 });
      await savePageSummary({ tabId: 7, frameId: 0 }, pageTotal);
      await fakeBrowser.storage[area].set({ serverUrl: `https://${area}.example` });
      await expect.poll(() => getCachedSummary('2026-03')).toBeUndefined();
      expect(await getPageSummary(7)).toBeUndefined();
    }
  });
});
