import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createMessageHandlers } from './message-handlers';
import { createBackgroundServices } from './services';
import { createFakeAuthServer } from './testing/fake-auth-server';

const noIdentity = {
  launchWebAuthFlow: async () => undefined,
  getRedirectURL: () => 'https://x.chromiumapp.org/',
};
const contentScript = {
  id: fakeBrowser.runtime.id,
  url: 'https://shop.example/cart',
  tab: { id: 7 },
};

function pageSettings() {
  const handlers = createMessageHandlers(
    createBackgroundServices({ identity: noIdentity, fetch: createFakeAuthServer().fetch }),
  );
  return handlers['page-settings']({}, contentScript);
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
