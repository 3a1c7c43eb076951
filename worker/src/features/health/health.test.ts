import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../middleware/security-headers';
import { call, json } from '../../../test/http';

describe('health and the API edges', () => {
  it('answers health with the database reachable', async () => {
    const response = await call('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('serves an OpenAPI document listing the health route', async () => {
    const response = await call('/api/v1/openapi.json');
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(response);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/health');
  });

  it('answers an unknown route with problem+json carrying the request id', async () => {
    const response = await call('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json(response);
    expect(problem).toMatchObject({ status: 404, title: 'Not found' });
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('sets the security headers on success and error answers alike', async () => {
    for (const path of ['/api/v1/health', '/api/v1/nope']) {
      const response = await call(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(response.headers.get(name), `${name} on ${path}`).toBe(value);
      }
    }
  });
});
