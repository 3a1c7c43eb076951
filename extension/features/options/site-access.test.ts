import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { listSites, removeSiteAccess, requestSiteAccess, sitePattern } from './site-access';

describe('site access', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('turns what the user typed into an origin pattern', () => {
    expect(sitePattern('procurement.example.com/cart?x=1')).toBe('https://procurement.example.com/*');
    expect(sitePattern('http://127.0.0.1:8080/page')).toBe('http://127.0.0.1/*');
    expect(() => sitePattern('ftp://example.com')).toThrow();
  });

  test('requests the optional host permission, then has the background re-register the content script', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    const messages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      messages.push(message);
      return { ok: true, origins: ['https://erp.example.com/*'] };
    });
    await expect(requestSiteAccess('erp.example.com')).resolves.toEqual({ pattern: 'https://erp.example.com/*', granted: true });
    expect(request).toHaveBeenCalledWith({ origins: ['https://erp.example.com/*'] });
    expect(messages).toEqual([{ type: 'sites-changed', payload: {} }]);
  });

  test('a refused request changes nothing', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    const listener = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(listener);
    await expect(requestSiteAccess('erp.example.com')).resolves.toMatchObject({ granted: false });
    expect(listener).not.toHaveBeenCalled();
  });

  test('lists granted sites and removes one', async () => {
    vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({ origins: ['https://b.example/*', 'https://a.example/*'], permissions: ['storage'] } as never);
    const remove = vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, origins: [] }));
    expect(await listSites()).toEqual(['https://a.example/*', 'https://b.example/*']);
    expect(await removeSiteAccess('https://a.example/*')).toBe(true);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://a.example/*'] });
  });
});
