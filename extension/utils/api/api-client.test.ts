import { describe, expect, test, vi } from 'vitest';
import { createApiClient } from './api-client';

function client(response: Response | Error, token: string | null = 'tok-123') {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => {
    if (response instanceof Error) throw response;
    return response;
  });
  const api = createApiClient({ serverUrl: async () => 'http://127.0.0.1:8787', token: async () => token ?? undefined, fetch: fetch as unknown as typeof globalThis.fetch });
  return { api, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('api client', () => {
  test('estimates: bearer token, no cookies, no referrer, only the lines in the body', async () => {
    const { api, fetch } = client(json({ ruleVersion: 3, results: [{ status: 'unable', reason: 'no price' }] }));
    const answer = await api.estimate([{ description: 'Paper' }]);
    expect(answer.ruleVersion).toBe(3);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:8787/api/v1/estimates');
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok-123');
    expect(JSON.parse(init.body as string)).toEqual({ lines: [{ description: 'Paper' }] });
  });

  test('maps failures to kinds', async () => {
    await expect(client(json({ title: 'Unauthorized' }, 401)).api.estimate([])).rejects.toMatchObject({ kind: 'signed-out' });
    await expect(client(json({ title: 'Locked', detail: 'Too many attempts' }, 429, { 'retry-after': '900' })).api.login('a@b.c', 'x')).rejects.toMatchObject({
      kind: 'rate-limited',
      message: 'Too many attempts',
      retryAfterSeconds: 900,
    });
    await expect(client(new TypeError('offline')).api.estimate([])).rejects.toMatchObject({ kind: 'network' });
    await expect(client(json({ nope: true })).api.estimate([])).rejects.toMatchObject({ kind: 'invalid-response' });
    await expect(client(json({}), null).api.estimate([])).rejects.toMatchObject({ kind: 'signed-out' });
  });

  test('login answers either a token or a second-factor challenge', async () => {
    await expect(client(json({ token: 't', expiresAt: '2030-01-01T00:00:00Z' })).api.login('a@b.c', 'pw')).resolves.toMatchObject({ token: 't' });
    await expect(client(json({ mfaRequired: true, challenge: 'c1' })).api.login('a@b.c', 'pw')).resolves.toEqual({ mfaRequired: true, challenge: 'c1' });
  });
});
