/**
 * The console's one API client: same-origin /api/v1 calls with the cookie session. Writes carry
 * the session's CSRF token and a JSON content type (CSV uploads: text/csv). Errors become `ApiError` with the
 * problem+json title and detail (never a stack). The CSRF token lives only in memory.
 */
import type { z } from 'zod';
import type { MeResponse } from '../../../shared/api/auth';

export const API_BASE = '/api/v1';

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

export type Me = z.infer<typeof MeResponse>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | undefined;
let onUnauthenticated: () => void = () => undefined;

/** The app registers what happens when the session ends (back to sign-in). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function ensureCsrfToken(): Promise<string> {
  if (!csrfToken) {
    const { csrfToken: token } = await request<{ csrfToken: string }>('GET', '/auth/csrf');
    csrfToken = token;
  }
  return csrfToken;
}

async function toProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        type: body.type,
        title: body.title ?? response.statusText ?? 'Request failed',
        status: body.status ?? response.status,
        detail: body.detail,
        requestId: body.requestId,
        errors: body.errors,
      };
    } catch {
      // fall through to a generic problem
    }
  }
  return { title: `Request failed (${response.status})`, status: response.status };
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: { quiet401?: boolean } = {},
): Promise<T> {
  return jsonOf<T>(await send(method, path, body, options));
}

async function jsonOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The answer itself (for its headers, e.g. a checksum), after the same error handling. */
async function send(
  method: Method,
  path: string,
  body: unknown,
  options: { quiet401?: boolean },
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = await ensureCsrfToken();
  }
  return fetchChecked(
    path,
    {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    },
    options,
  );
}

/**
 * Posts a file as the text/csv body (streamed by the browser, never read into memory here),
 * with the CSRF token; the upload routes are the only ones that take a body other than JSON.
 */
export async function uploadCsv<T>(path: string, file: Blob): Promise<T> {
  const response = await fetchChecked(path, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'text/csv',
      'X-CSRF-Token': await ensureCsrfToken(),
    },
    credentials: 'same-origin',
    body: file,
  });
  return jsonOf<T>(response);
}

async function fetchChecked(
  path: string,
  init: RequestInit,
  options: { quiet401?: boolean } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, init);
  } catch {
    throw new ApiError({ title: 'The server cannot be reached', status: 0 });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === 401 && !options.quiet401) {
      csrfToken = undefined;
      onUnauthenticated();
    }
    throw new ApiError(problem);
  }
  return response;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A GET whose headers matter too (downloads with X-Content-SHA256). */
  getResponse: (path: string) => send('GET', path, undefined, {}),
};

/** Who is signed in, or undefined when no session cookie is live. */
export async function currentUser(): Promise<Me | undefined> {
  try {
    return await request<Me>('GET', '/auth/me', undefined, { quiet401: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return undefined;
    throw error;
  }
}

export type SignInResult = { signedIn: true } | { signedIn: false; challenge: string };

export async function signIn(email: string, password: string): Promise<SignInResult> {
  const answer = await unauthenticatedPost<
    { expiresAt: string; csrfToken: string } | { mfaRequired: true; challenge: string }
  >('/auth/login', { email, password, transport: 'cookie' });
  if ('mfaRequired' in answer) return { signedIn: false, challenge: answer.challenge };
  csrfToken = answer.csrfToken;
  return { signedIn: true };
}

export async function verifySecondFactor(challenge: string, code: string): Promise<void> {
  const answer = await unauthenticatedPost<{ expiresAt: string; csrfToken: string }>(
    '/auth/verify-2fa',
    { challenge, code, transport: 'cookie' },
  );
  csrfToken = answer.csrfToken;
}

export async function signOut(): Promise<void> {
  try {
    await request<void>('POST', '/auth/logout', {}, { quiet401: true });
  } finally {
    csrfToken = undefined;
  }
}

/** Sign-in calls need no CSRF token (no session yet) but still go as JSON. */
async function unauthenticatedPost<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ title: 'The server cannot be reached', status: 0 });
  }
  if (!response.ok) throw new ApiError(await toProblem(response));
  return (await response.json()) as T;
}

/** The operations the deployed API offers, from its OpenAPI document: path → methods. */
export type Operations = Map<string, Set<string>>;

export async function loadOperations(): Promise<Operations> {
  const doc = await request<{ paths?: Record<string, Record<string, unknown>> }>(
    'GET',
    '/openapi.json',
  );
  const operations: Operations = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    operations.set(path.replace(/^\/api\/v1/, ''), new Set(Object.keys(item)));
  }
  return operations;
}

/** Emails a reset link when the address has an account; the answer is the same either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  await unauthenticatedPost('/auth/password-reset', { email });
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await unauthenticatedPost('/auth/password-reset/confirm', { token, password });
}

export async function acceptInvitation(token: string, name: string, password: string) {
  await unauthenticatedPost('/auth/invitations/accept', { token, name, password });
}

export async function confirmEmailVerification(token: string): Promise<void> {
  await unauthenticatedPost('/auth/email-verification/confirm', { token });
}

/**
 * Single sign-on for an email: where the browser should go next (the identity provider), or an
 * ApiError when the Worker refuses (e.g. the domain has no SSO). A manual-redirect fetch shows
 * a redirect without following it; the page then navigates there itself.
 */
export async function ssoStartUrl(email: string): Promise<string> {
  const url = `${API_BASE}/auth/sso/start?${new URLSearchParams({ email })}`;
  const response = await fetch(url, { redirect: 'manual', credentials: 'same-origin' });
  if (response.type === 'opaqueredirect') return url;
  throw new ApiError(await toProblem(response));
}
