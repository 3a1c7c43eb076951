import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../middleware/security-headers';
import { call } from '../../../test/http';

// Needs the built console (worker/console/dist): `npm test` runs `npm run build:console` first.
const CSP = SECURITY_HEADERS['Content-Security-Policy']!;

async function html(path: string) {
  const response = await call(path);
  return { response, body: await response.text() };
}

describe('the console is served by the Worker', () => {
  it('answers /console with the SPA and the strict CSP', async () => {
    const { response, body } = await html('/console');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(CSP).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(body).toContain('<div id="app"></div>');
  });

  it('has no inline script or style attribute for the CSP to refuse', async () => {
    const { body } = await html('/console/');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(body).not.toMatch(/\sstyle=/);
    expect(body).not.toMatch(/\son[a-z]+=/);
    expect(body).toMatch(/<script type="module" crossorigin src="\/console\/assets\/[\w-]+\.js">/);
  });

  it('answers deep links with the same page (SPA fallback)', async () => {
    for (const path of ['/console/audit', '/console/members/usr_1', '/console/security/']) {
      const { response, body } = await html(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(body).toContain('<div id="app"></div>');
    }
  });

  it('serves the built script and stylesheet with long caching and the headers', async () => {
    const { body } = await html('/console');
    const files = [...body.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const response = await call(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript|css/);
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      await response.arrayBuffer();
    }
  });

  it('answers a missing asset with problem+json 404, not the page', async () => {
    const response = await call('/console/assets/missing-0000.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
  });

  it('leaves the API and other paths alone', async () => {
    expect((await call('/api/v1/health')).headers.get('content-type')).toMatch(/json/);
    expect((await call('/consoles')).status).toBe(404);
  });
});
