import { DEMO_PASSWORD } from './local-worker';

/** A Bearer session for a demo user, as the extension would hold one. */
export async function bearerFor(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} answered ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return {
    token,
    call(method: string, path: string, body?: unknown) {
      return fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
  };
}

export interface EstimateAnswer {
  naics?: string;
  classificationSource?: string;
  rule?: { id: string; version: number; kind: string };
  status: string;
}

/** POST /estimates for one line, as the extension asks when a page shows it. */
export async function estimateOne(
  session: Awaited<ReturnType<typeof bearerFor>>,
  line: Record<string, unknown>,
): Promise<EstimateAnswer> {
  const response = await session.call('POST', '/estimates', { lines: [line] });
  if (!response.ok) throw new Error(`estimate answered ${response.status}`);
  const { results } = (await response.json()) as { results: EstimateAnswer[] };
  return results[0]!;
}
