import { inject } from 'vitest';
import '../../../../scripts/test-support/provided-context';
import { startStubApi, type StubApi } from './stub-api';

/** Set when the tests run against a real Worker rather than the stub. */
export const realWorkerUrl: string | undefined = process.env.SPENDPRINT_API_URL ?? inject('spendprintApiUrl');

export interface ApiTarget {
  url: string;
  /** Present when the tests run against the local stub (exact numbers can be asserted). */
  stub: StubApi | undefined;
  email: string;
  password: string;
  close(): Promise<void>;
}

/**
 * The API the browser tests talk to: the real Worker when SPENDPRINT_API_URL is set (e.g.
 * `wrangler dev` on http://127.0.0.1:8787 with the demo seed) or the `browser-worker` project
 * started one, else the local stub.
 */
export async function startApiTarget(): Promise<ApiTarget> {
  const email = process.env.SPENDPRINT_TEST_EMAIL ?? 'buyer@acme.test';
  const password = process.env.SPENDPRINT_TEST_PASSWORD ?? 'demo-password-123';
  const real = realWorkerUrl;
  if (real) return { url: real, stub: undefined, email, password, close: async () => undefined };
  const stub = await startStubApi();
  return { url: stub.url, stub, email, password, close: () => stub.close() };
}

/**
 * Calls the real Worker directly as `email` (to compare what the extension shows with what the
 * Worker answers for the same line, or to read what it stored).
 */
export async function workerSession(url: string, email: string, password: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email} answered ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
}
