import { pkceChallenge } from '../../../utils/pkce';

/**
 * A network-level stand-in for the Worker's auth routes in unit tests (the Worker's own behaviour
 * is proven in workerd): rotating single-use refresh tokens, revocable access tokens, one-time SSO
 * codes bound to a PKCE challenge, and an estimates route that needs a live access token.
 */
export const SERVER = 'https://spendprint.test';

export interface FakeAuthServer {
  fetch: typeof fetch;
  calls: Array<{ path: string; body: unknown; authorization: string | undefined }>;
  paths(): string[];
  /** Ends every access token issued so far (as an expiry or revocation would). */
  revokeAccessTokens(): void;
  /** Ends every refresh token too (sign-out elsewhere, role change, theft detection). */
  revokeEverything(): void;
  /** What /auth/sso/start would hand back: a one-time code for this PKCE challenge. */
  issueSsoCode(codeChallenge: string): string;
  offline: boolean;
  accessTokenLifetimeMs: number;
}

export function createFakeAuthServer(now: () => number = Date.now): FakeAuthServer {
  let counter = 0;
  const live = new Set<string>();
  const refreshTokens = new Map<string, 'live' | 'spent'>();
  const ssoCodes = new Map<string, string>();
  const calls: FakeAuthServer['calls'] = [];

  const session = () => {
    const token = `access-${++counter}`;
    const refreshToken = `sprt_refresh-${counter}`;
    live.add(token);
    refreshTokens.set(refreshToken, 'live');
    return {
      token,
      expiresAt: new Date(now() + server.accessTokenLifetimeMs).toISOString(),
      refreshToken,
      refreshExpiresAt: new Date(now() + 30 * 86_400_000).toISOString(),
    };
  };
  const reply = (status: number, body?: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const server: FakeAuthServer = {
    calls,
    offline: false,
    accessTokenLifetimeMs: 7 * 86_400_000,
    paths: () => calls.map((call) => call.path),
    revokeAccessTokens: () => live.clear(),
    revokeEverything: () => {
      live.clear();
      for (const key of refreshTokens.keys()) refreshTokens.set(key, 'spent');
    },
    issueSsoCode(codeChallenge) {
      const code = `sso-code-${++counter}`;
      ssoCodes.set(code, codeChallenge);
      return code;
    },
    fetch: (async (input: string, init: RequestInit = {}) => {
      if (server.offline) throw new TypeError('Failed to fetch');
      const path = new URL(input).pathname;
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      const authorization = (init.headers as Record<string, string> | undefined)?.authorization;
      calls.push({ path, body, authorization });
      const bearer = authorization?.replace(/^Bearer /, '');
      switch (path) {
        case '/api/v1/auth/login':
          return reply(200, body.client === 'extension' ? session() : { token: `access-${++counter}`, expiresAt: new Date(now() + 1e9).toISOString() });
        case '/api/v1/auth/refresh': {
          if (refreshTokens.get(body.refreshToken) !== 'live') return reply(401, { title: 'Sign-in required' });
          refreshTokens.set(body.refreshToken, 'spent');
          return reply(200, session());
        }
        case '/api/v1/auth/sso/exchange': {
          const challenge = ssoCodes.get(body.code);
          ssoCodes.delete(body.code);
          if (!challenge || (await pkceChallenge(body.codeVerifier)) !== challenge) return reply(401, { title: 'Sign-in required' });
          return reply(200, session());
        }
        case '/api/v1/auth/logout':
          if (!bearer || !live.has(bearer)) return reply(401, { title: 'Sign-in required' });
          server.revokeEverything();
          return reply(204);
        case '/api/v1/estimates':
          if (!bearer || !live.has(bearer)) return reply(401, { title: 'Sign-in required' });
          return reply(200, { ruleVersion: 1, results: body.lines.map(() => ({ status: 'unable', reasonCode: 'unclassifiable', reason: 'test' })) });
        default:
          return reply(404, { title: 'Not found' });
      }
    }) as typeof fetch,
  };
  return server;
}
