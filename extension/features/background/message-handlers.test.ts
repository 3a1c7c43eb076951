import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createMessageHandlers } from './message-handlers';
import { createBackgroundServices } from './services';
import { createFakeAuthServer } from './testing/fake-auth-server';
import { getPageSummary } from '../../utils/storage/page-summaries';

const noIdentity = {
  launchWebAuthFlow: async () => undefined,
  getRedirectURL: () => 'https://x.chromiumapp.org/',
};
const contentScript = {
  id: fakeBrowser.runtime.id,
  url: 'https://shop.example/cart',
  tab: { id: 7 },
};

const backgroundHandlers = () =>
  createMessageHandlers(createBackgroundServices({ identity: noIdentity, fetch: createFakeAuthServer().fetch }));

function pageSettings() {
  return backgroundHandlers()['page-settings']({}, contentScript);
}

describe('page-settings', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a default currency set by policy reaches the page, and wins over the user’s own', async () => {
    await fakeBrowser.storage.managed.set({ defaultCurrency: 'EUR' });
    await expect(pageSettings()).resolves.toEqual({ ok: true, defaultCurrency: 'EUR' });
    await browser.storage.local.set({ defaultCurrency: 'GBP' });
    await expect(pageSettings()).resolves.toEqual({ ok: true, defaultCurrency: 'EUR' });
  });

  test('without a policy, the user’s own default currency', async () => {
    await browser.storage.local.set({ defaultCurrency: 'GBP' });
    await expect(pageSettings()).resolves.toEqual({ ok: true, defaultCurrency: 'GBP' });
  });
});

describe('page summaries', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a frame reports and forgets only its own page total', async () => {
    const handlers = backgroundHandlers();
    const cartFrame = { ...contentScript, frameId: 3 };
    const summary = { lineCount: 4, estimatedCount: 4, totalKg: 792.28 };
    await handlers['report-page-summary'](summary, contentScript);
    await handlers['report-page-summary'](summary, cartFrame);
    await handlers['report-page-summary'](summary, { ...cartFrame, tab: { id: 8 } });
    await expect(getPageSummary(7)).resolves.toMatchObject({ lineCount: 8 });

    await expect(handlers['forget-page-summary']({}, cartFrame)).resolves.toEqual({ ok: true });
    await expect(getPageSummary(7)).resolves.toMatchObject({ lineCount: 4 });
    await expect(getPageSummary(8)).resolves.toMatchObject({ lineCount: 4 });
    await expect(handlers['forget-page-summary']({}, { id: fakeBrowser.runtime.id })).resolves.toMatchObject({ ok: false, error: 'bad-request' });
  });

  test('a document that leaves does not forget the report its frame’s next document already made', async () => {
    const handlers = backgroundHandlers();
    const summary = { lineCount: 4, estimatedCount: 4, totalKg: 792.28 };
    const oldDocument = { ...contentScript, frameId: 0, documentId: 'A1' };
    const newDocument = { ...oldDocument, documentId: 'B2' };
    await handlers['report-page-summary'](summary, oldDocument);
    await handlers['report-page-summary']({ ...summary, lineCount: 2 }, newDocument);
    await handlers['forget-page-summary']({}, oldDocument); // its pagehide, from another process, came late
    await expect(getPageSummary(7)).resolves.toMatchObject({ lineCount: 2 });
    await handlers['forget-page-summary']({}, newDocument);
    await expect(getPageSummary(7)).resolves.toBeUndefined();
  });
});
