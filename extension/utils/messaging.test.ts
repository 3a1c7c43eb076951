import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatchMessage, parseEnvelope, type MessageHandlers } from './messaging-guard';

const extensionPage = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
const contentScript = { id: fakeBrowser.runtime.id, url: 'https://shop.example/cart', tab: { id: 7 } };

function handlers(): MessageHandlers {
  const ok = vi.fn(async () => ({ ok: true }) as never);
  return new Proxy({} as MessageHandlers, { get: () => ok });
}

describe('messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  test('refuses unknown types, extra fields and oversized lines', () => {
    expect(parseEnvelope({ type: 'steal-token', payload: {} })).toBeUndefined();
    expect(parseEnvelope({ type: 'estimate-lines', payload: { lines: [{ description: 'x', html: '<b>' }] } })).toBeUndefined();
    expect(parseEnvelope({ type: 'estimate-lines', payload: { lines: [{ description: 'x'.repeat(301) }] } })).toBeUndefined();
    expect(parseEnvelope({ type: 'estimate-lines', payload: { lines: [{ description: 'Paper', amount: 5, currency: 'USD' }] } })).toBeDefined();
    expect(parseEnvelope('estimate-lines')).toBeUndefined();
    expect(parseEnvelope({ type: '__proto__', payload: {} })).toBeUndefined();
  });

  test('content scripts cannot trigger privileged actions', async () => {
    for (const [type, payload] of [
      ['sign-in', { email: 'a@b.test', password: 'x' }],
      ['sign-out', {}],
      ['auth-status', {}],
      ['get-summary', { period: '2026-03' }],
      ['sites-changed', {}],
      ['verify-2fa', { code: '123456' }],
      ['sign-in-sso', { email: 'a@b.test' }],
    ] as const) {
      await expect(dispatchMessage(handlers(), { type, payload }, contentScript)).resolves.toEqual({
        ok: false,
        error: 'forbidden',
        message: 'Not allowed from this context.',
      });
      await expect(dispatchMessage(handlers(), { type, payload }, extensionPage)).resolves.toEqual({ ok: true });
    }
  });

  test('another extension cannot pose as an extension page', async () => {
    const other = { id: 'someone-else', url: 'chrome-extension://someone-else/options.html' };
    await expect(dispatchMessage(handlers(), { type: 'sign-out', payload: {} }, other)).resolves.toMatchObject({ error: 'forbidden' });
  });

  test('content scripts may ask for estimates', async () => {
    const message = { type: 'estimate-lines', payload: { lines: [{ description: 'Paper', amount: 5 }] } };
    await expect(dispatchMessage(handlers(), message, contentScript)).resolves.toEqual({ ok: true });
  });
});
