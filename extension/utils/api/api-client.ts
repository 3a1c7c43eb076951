import { z } from 'zod';
import { ApiError, problemMessage } from './api-error';
import {
  loginResponseSchema,
  refreshedSessionSchema,
  sessionTokenSchema,
  type LoginResponse,
  type RefreshedSession,
  type SessionToken,
} from './auth-schema';
import { estimatesResponseSchema, type EstimatesResponse } from './estimate-schema';
import type { LineFieldsInput } from './line-schema';
import { API_ROUTES } from './routes';

export interface ApiClientDeps {
  serverUrl(): Promise<string | undefined>;
  /** The live access token (the background resumes the session from its refresh token). */
  token(): Promise<string | undefined>;
  /** After a 401 for `rejected`: a newer access token, or undefined when the session is over. */
  renewToken?(rejected: string): Promise<string | undefined>;
  fetch?: typeof fetch;
}

interface CallOptions {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  authenticated: boolean;
}

/**
 * The extension's only HTTP client, used by the background service worker alone.
 * No cookies (`credentials: 'omit'`), no referrer, bearer token only.
 */
export function createApiClient(deps: ApiClientDeps) {
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));

  async function send(server: string, options: CallOptions, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await doFetch(new URL(options.path, server).toString(), {
        method: options.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError('network', 'Cannot reach the Spendprint server.');
    }
  }

  /** Sends with the session's token; after a 401, once more with a renewed token if there is one. */
  async function sendAuthenticated(server: string, options: CallOptions): Promise<Response> {
    const token = await deps.token();
    if (!token) throw new ApiError('signed-out', 'Sign in to Spendprint.');
    const response = await send(server, options, token);
    if (response.status !== 401 || !deps.renewToken) return response;
    const renewed = await deps.renewToken(token);
    return renewed && renewed !== token ? send(server, options, renewed) : response;
  }

  async function call<T>(options: CallOptions, schema: z.ZodType<T>): Promise<T> {
    const server = await deps.serverUrl();
    if (!server) throw new ApiError('not-configured', 'Set the server URL in Spendprint options.');
    const response = options.authenticated ? await sendAuthenticated(server, options) : await send(server, options, undefined);
    if (response.status === 401 && options.authenticated) throw new ApiError('signed-out', 'Your session ended. Sign in again.', 401);
    if (response.status === 429) {
      const retry = Number(response.headers.get('retry-after'));
      throw new ApiError('rate-limited', await problemMessage(response), 429, Number.isFinite(retry) ? retry : undefined);
    }
    if (response.status >= 400 && response.status < 500) throw new ApiError('rejected', await problemMessage(response), response.status);
    if (!response.ok) throw new ApiError('server', await problemMessage(response), response.status);
    if (response.status === 204) return schema.parse(undefined);
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('invalid-response', 'The server sent something that is not JSON.', response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError('invalid-response', 'The server answered in an unexpected shape.', response.status);
    return parsed.data;
  }

  return {
    estimate(lines: LineFieldsInput[]): Promise<EstimatesResponse> {
      return call({ method: 'POST', path: API_ROUTES.estimates, body: { lines }, authenticated: true }, estimatesResponseSchema);
    },
    /** `client: 'extension'` asks for a rotating refresh token along with the session. */
    login(email: string, password: string): Promise<LoginResponse> {
      const body = { email, password, client: 'extension' };
      return call({ method: 'POST', path: API_ROUTES.login, body, authenticated: false }, loginResponseSchema);
    },
    verify2fa(challenge: string, code: string): Promise<SessionToken> {
      const body = { challenge, code, client: 'extension' };
      return call({ method: 'POST', path: API_ROUTES.verify2fa, body, authenticated: false }, sessionTokenSchema);
    },
    /** Spends the refresh token: the answer carries its successor. */
    refresh(refreshToken: string): Promise<RefreshedSession> {
      return call({ method: 'POST', path: API_ROUTES.refresh, body: { refreshToken }, authenticated: false }, refreshedSessionSchema);
    },
    /** Trades the one-time code from the SSO redirect, with the PKCE verifier kept in memory. */
    ssoExchange(code: string, codeVerifier: string): Promise<RefreshedSession> {
      const body = { code, codeVerifier };
      return call({ method: 'POST', path: API_ROUTES.ssoExchange, body, authenticated: false }, refreshedSessionSchema);
    },
    logout(): Promise<unknown> {
      return call({ method: 'POST', path: API_ROUTES.logout, authenticated: true }, anything);
    },
    summary(period: string): Promise<unknown> {
      const path = `${API_ROUTES.summary}?period=${encodeURIComponent(period)}`;
      return call({ method: 'GET', path, authenticated: true }, anything);
    },
    /** Body of shared/api/review.ts CorrectionRequest: the text is hashed by the Worker. */
    correction(body: { description: string; suggestedNaics: string; supplier?: string; glAccount?: string }): Promise<unknown> {
      return call({ method: 'POST', path: API_ROUTES.corrections, body, authenticated: true }, anything);
    },
    /** Body of shared/api/spend.ts RecordSpendRequest. */
    recordPurchase(lines: RecordLine[]): Promise<{ recorded: number; duplicates: number }> {
      return call({ method: 'POST', path: API_ROUTES.recordPurchase, body: { lines }, authenticated: true }, recordResponseSchema);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
const anything = z.unknown();
const recordResponseSchema = z.looseObject({ recorded: z.number(), duplicates: z.number().catch(0) });

/** A line for the spend ledger: amount and a full date are required there. */
export interface RecordLine {
  description: string;
  amount: number;
  currency: string;
  date: string;
  supplier?: string;
  glAccount?: string;
  quantity?: number;
}
