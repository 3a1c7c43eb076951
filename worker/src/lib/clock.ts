import type { Context } from 'hono';

/**
 * The current time for a request. Tests inject a clock through the `X-Test-Now` header,
 * honoured only when the Worker runs under the test environment.
 */
export function now(c: Context): Date {
  if (c.env.ENVIRONMENT === 'test') {
    const injected = c.req.header('x-test-now');
    if (injected) return new Date(injected);
  }
  return new Date();
}
