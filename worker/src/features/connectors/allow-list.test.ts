import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkOutbound, type AllowList } from './allow-list';
import { OffAllowListError, OutboundClient } from './outbound-client';

const LIST: AllowList = {
  baseUrl: 'https://acme.coupahost.com',
  tokenUrl: 'https://acme.coupahost.com/oauth2/token',
  reads: [
    { operation: 'list-purchase-orders', method: 'GET', path: '/api/purchase_orders' },
    { operation: 'show-purchase-order', method: 'GET', path: '/api/purchase_orders/:id' },
  ],
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the connector allow-list', () => {
  it.each([
    ['GET', 'https://acme.coupahost.com/api/purchase_orders?offset=50', 'list-purchase-orders'],
    ['get', 'https://acme.coupahost.com/api/purchase_orders/1234', 'show-purchase-order'],
    ['POST', 'https://acme.coupahost.com/oauth2/token', 'token'],
  ])('allows %s %s', (method, url, operation) => {
    expect(checkOutbound(LIST, method, url)).toEqual({ allowed: true, operation });
  });

  it.each([
    ['POST', 'https://acme.coupahost.com/api/purchase_orders', 'the only write'],
    ['PUT', 'https://acme.coupahost.com/api/purchase_orders/1', 'not a read'],
    ['DELETE', 'https://acme.coupahost.com/api/purchase_orders/1', 'not a read'],
    ['PATCH', 'https://acme.coupahost.com/oauth2/token', 'not a read'],
    [
      'POST',
      'https://acme.coupahost.com/oauth2/token?scope=core.purchase_order.write',
      'the only write',
    ],
    ['POST', 'https://evil.example.com/oauth2/token', 'the only write'],
    ['GET', 'https://acme.coupahost.com/api/users', 'does not declare'],
    ['GET', 'https://acme.coupahost.com/api/purchase_orders/', 'does not declare'],
    ['GET', 'https://acme.coupahost.com/api/purchase_orders/1/close', 'does not declare'],
    ['GET', 'https://acme.coupahost.com/api/purchase_orders/%2e%2e/users', 'does not declare'],
    ['GET', 'https://acme.coupahost.com/api/purchase_orders/a%2Fb', 'does not declare'],
    ['GET', 'https://acme.coupahost.com.evil.example/api/purchase_orders', 'another host'],
    ['GET', 'https://acme.coupahost.com:8443/api/purchase_orders', 'another host'],
    ['GET', 'http://acme.coupahost.com/api/purchase_orders', 'only https'],
    ['GET', 'https://user:pw@acme.coupahost.com/api/purchase_orders', 'credentials'],
    ['GET', 'not a url', 'not a URL'],
  ])('refuses %s %s', (method, url, reason) => {
    const verdict = checkOutbound(LIST, method, url);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? '' : verdict.reason).toContain(reason);
  });

  it('refuses before any network call, and records the refusal for the access log', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const client = new OutboundClient(LIST, 'core.purchase_order.read');
    const attempts: [string, string][] = [
      ['POST', 'https://acme.coupahost.com/api/purchase_orders'],
      ['DELETE', 'https://acme.coupahost.com/api/purchase_orders/7'],
      ['GET', 'https://acme.coupahost.com/api/suppliers'],
      ['GET', 'https://elsewhere.example.com/api/purchase_orders'],
    ];
    for (const [method, url] of attempts) {
      await expect(
        client.send(method, url, { bearer: async () => 'secret-token' }),
      ).rejects.toBeInstanceOf(OffAllowListError);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(client.calls.map((call) => [call.method, call.endpoint, call.outcome])).toEqual([
      ['POST', 'https://acme.coupahost.com/api/purchase_orders', 'refused'],
      ['DELETE', 'https://acme.coupahost.com/api/purchase_orders/7', 'refused'],
      ['GET', 'https://acme.coupahost.com/api/suppliers', 'refused'],
      ['GET', 'https://elsewhere.example.com/api/purchase_orders', 'refused'],
    ]);
    expect(JSON.stringify(client.calls)).not.toContain('secret-token');
  });

  it('sends an allowed read without following redirects, recording status and fingerprint', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        new Response(null, { status: 302, headers: { location: 'https://x.test/' } }),
      );
    const client = new OutboundClient(LIST, 'core.purchase_order.read');
    const answer = await client.send(
      'GET',
      'https://acme.coupahost.com/api/purchase_orders?updated_at%5Bgt%5D=2026-01-01',
      { bearer: async () => 'tok' },
    );
    expect(answer.status).toBe(302);
    const init = fetchSpy.mock.calls[0]![1]!;
    expect(init.redirect).toBe('manual');
    expect(client.calls[0]).toMatchObject({
      method: 'GET',
      endpoint: 'https://acme.coupahost.com/api/purchase_orders',
      operation: 'list-purchase-orders',
      status: 302,
      outcome: 'http-error',
      scope: 'core.purchase_order.read',
    });
    expect(client.calls[0]!.tokenFingerprint).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
