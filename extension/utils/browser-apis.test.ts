import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

describe('unit test harness', () => {
  test('WXT fake browser stands in for the extension APIs', async () => {
    await fakeBrowser.storage.local.set({ probe: 1 });
    expect(await browser.storage.local.get('probe')).toEqual({ probe: 1 });
  });
});
