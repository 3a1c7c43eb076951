import type { ApiClient } from '../../utils/api/api-client';
import { ApiError } from '../../utils/api/api-error';
import { API_ROUTES } from '../../utils/api/routes';
import type { MessageResponses } from '../../utils/messaging';
import { createPkcePair } from '../../utils/pkce';
import { clearAuthSession } from '../../utils/storage/auth-session';
import { clearUserCaches } from '../../utils/storage/user-caches';
import { establishSession } from './session-keeper';
import { toFailure } from './to-failure';

/** The part of `browser.identity` this flow uses (the boundary unit tests stand in for). */
export interface WebAuthFlow {
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  getRedirectURL(): string;
}

export interface SsoDeps {
  api: Pick<ApiClient, 'ssoExchange'>;
  serverUrl(): Promise<string | undefined>;
  identity: WebAuthFlow;
}

/** The Worker's start URL for the extension: its chromiumapp.org redirect and its PKCE challenge. */
export function ssoStartUrl(server: string, email: string, redirectUri: string, codeChallenge: string): string {
  const url = new URL(API_ROUTES.ssoStart, server);
  url.search = new URLSearchParams({ email, transport: 'bearer', redirect_uri: redirectUri, code_challenge: codeChallenge }).toString();
  return url.href;
}

/** The one-time code on the redirect the flow ended at, or the error the server sent there. */
export function handoffCode(responseUrl: string | undefined, redirectUri: string): string {
  const expected = new URL(redirectUri);
  let url: URL;
  try {
    url = new URL(responseUrl ?? '');
  } catch {
    throw new ApiError('invalid-response', 'Single sign-on ended somewhere unexpected.');
  }
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) {
    throw new ApiError('invalid-response', 'Single sign-on ended somewhere unexpected.');
  }
  const error = url.searchParams.get('error');
  if (error) throw new ApiError('rejected', (url.searchParams.get('error_description') ?? '').slice(0, 200) || 'Single sign-on did not succeed.');
  const code = url.searchParams.get('code');
  if (!code) throw new ApiError('invalid-response', 'Single sign-on returned no sign-in code.');
  return code;
}

/**
 * Single sign-on through the identity provider in a browser window (identity.launchWebAuthFlow).
 * The Worker redirects back to https://<extension-id>.chromiumapp.org/ with a one-time code,
 * which is traded, with the PKCE verifier that never left this worker, for the session.
 */
export async function signInWithSso(deps: SsoDeps, email: string): Promise<MessageResponses['sign-in-sso']> {
  try {
    const server = await deps.serverUrl();
    if (!server) throw new ApiError('not-configured', 'Set the server URL in Spendprint options.');
    await clearAuthSession();
    const redirectUri = deps.identity.getRedirectURL();
    const pkce = await createPkcePair();
    let responseUrl: string | undefined;
    try {
      responseUrl = await deps.identity.launchWebAuthFlow({ url: ssoStartUrl(server, email, redirectUri, pkce.challenge), interactive: true });
    } catch {
      throw new ApiError('rejected', 'Single sign-on was cancelled or could not be opened.');
    }
    const answer = await deps.api.ssoExchange(handoffCode(responseUrl, redirectUri), pkce.verifier);
    await clearUserCaches();
    await establishSession(answer, email.trim().toLowerCase(), server);
    return { ok: true, status: 'signed-in' };
  } catch (error) {
    return toFailure(error);
  }
}
