import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call } from '../../test/http';

const limit = env.TEST_RATE_LIMIT;

describe('CORS allow-list', () => {
  it('answers the console and the extension origins, nobody else', async () => {
    for (const origin of [env.CONSOLE_ORIGIN, env.EXTENSION_ORIGIN]) {
      const response = await call('/api/v1/health', { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of [
      'https://evil.example',
      'null',
      'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ]) {
      const preflight = await call('/api/v1/estimates', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a caller exceeds the limit, on any method', async () => {
    const headers = { 'cf-connecting-ip': '203.0.113.7', 'content-type': 'application/json' };
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const response = await call('/api/v1/auth/login', { method: 'POST', headers, body: '{}' });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, limit).every((s) => s === 400)).toBe(true);
    const last = await call('/api/v1/auth/login', { method: 'POST', headers, body: '{}' });
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('60');
    const other = await call('/api/v1/health', { headers: { 'cf-connecting-ip': '203.0.113.8' } });
    expect(other.status).toBe(200);
  });
});
