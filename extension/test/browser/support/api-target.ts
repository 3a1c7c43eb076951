import { startStubApi, type StubApi } from './stub-api';

export interface ApiTarget {
  url: string;
  /** Present when the tests run against the local stub (exact numbers can be asserted). */
  stub: StubApi | undefined;
  email: string;
  password: string;
  close(): Promise<void>;
}

/**
 * The API the browser tests talk to: the real Worker when SPENDPRINT_API_URL is set
 * (e.g. `wrangler dev` on http://127.0.0.1:8787 with the demo seed), else the local stub.
 */
export async function startApiTarget(): Promise<ApiTarget> {
  const email = process.env.SPENDPRINT_TEST_EMAIL ?? 'buyer@acme.test';
  const password = process.env.SPENDPRINT_TEST_PASSWORD ?? 'demo-password-123';
  const real = process.env.SPENDPRINT_API_URL;
  if (real) return { url: real, stub: undefined, email, password, close: async () => undefined };
  const stub = await startStubApi();
  return { url: stub.url, stub, email, password, close: () => stub.close() };
}
