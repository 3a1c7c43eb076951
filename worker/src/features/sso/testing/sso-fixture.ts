import { expect } from 'vitest';
import type { IdTokenAlgorithm } from '../../../../../shared/api/sso';
import { bearer, createTenant, signIn } from '../../../../test/fixtures';
import { call, json } from '../../../../test/http';
import { createPkcePair } from '../pkce';
import { routeOutboundFetch } from './outbound';
import { StubDohResolver } from './stub-doh-resolver';
import { StubOidcProvider } from './stub-oidc-provider';

export const EXTENSION_REDIRECT = 'https://nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org/';

function fromAnywhere(): Record<string, string> {
  const [a, b] = crypto.getRandomValues(new Uint8Array(2));
  return { 'cf-connecting-ip': `198.18.${a}.${b}` };
}

export function adminCall(token: string, path: string, method = 'GET', body?: unknown) {
  return call(path, {
    method,
    headers: { ...bearer(token), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** An enterprise tenant with a stub provider configured and its email domain verified. */
export async function ssoTenant(
  label: string,
  options: { alg?: IdTokenAlgorithm; algorithms?: IdTokenAlgorithm[] } = {},
) {
  const tenant = await createTenant(label, 'enterprise');
  const admin = await signIn(tenant.emails.admin);
  const idp = await StubOidcProvider.start(`idp-${tenant.slug}.stub.test`, options.alg);
  const doh = new StubDohResolver();
  routeOutboundFetch({ [idp.host]: idp.fetch, [doh.host]: doh.fetch });
  const put = await adminCall(
    admin,
    '/api/v1/sso',
    'PUT',
    idp.connectionSettings(options.algorithms),
  );
  expect(put.status).toBe(200);
  const domain = `${tenant.slug}.test`;
  const added = await json<{
    id: string;
    verification: { recordName: string; recordValue: string };
  }>(await adminCall(admin, '/api/v1/sso/domains', 'POST', { domain }));
  doh.publishTxt(added.verification.recordName, added.verification.recordValue);
  const verified = await adminCall(admin, `/api/v1/sso/domains/${added.id}/verify`, 'POST');
  expect(verified.status).toBe(200);
  return { tenant, admin, idp, doh, domain, domainId: added.id };
}

export async function startSso(email: string, query: Record<string, string> = {}) {
  const params = new URLSearchParams({ email, ...query });
  const response = await call(`/api/v1/auth/sso/start?${params}`, {
    headers: fromAnywhere(),
    redirect: 'manual',
  });
  const binding = /__Host-sp_sso=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  return { response, location: response.headers.get('location') ?? '', binding };
}

export function callback(query: Record<string, string>, cookie?: string) {
  return call(`/api/v1/auth/sso/callback?${new URLSearchParams(query)}`, {
    redirect: 'manual',
    headers: { ...fromAnywhere(), ...(cookie ? { cookie: `__Host-sp_sso=${cookie}` } : {}) },
  });
}

/** The whole console round trip: start, sign in at the provider, come back. */
export async function consoleSignIn(idp: StubOidcProvider, email: string) {
  const started = await startSso(email);
  expect(started.response.status).toBe(302);
  const { code, state } = idp.authorize(started.location, email);
  return callback({ code, state }, started.binding);
}

/** What the extension keeps for its launchWebAuthFlow: a PKCE verifier and its S256 challenge. */
export function extensionPkce() {
  return createPkcePair();
}

/** POST /auth/sso/exchange as the extension's background would. */
export function exchange(body: unknown, headers: Record<string, string> = {}) {
  return call('/api/v1/auth/sso/exchange', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...fromAnywhere(), ...headers },
    body: JSON.stringify(body),
  });
}

/** The extension's round trip up to its redirect: the one-time code and the verifier it needs. */
export async function extensionSignInCode(idp: StubOidcProvider, email: string) {
  const pkce = await extensionPkce();
  const started = await startSso(email, {
    transport: 'bearer',
    redirect_uri: EXTENSION_REDIRECT,
    code_challenge: pkce.challenge,
  });
  expect(started.response.status).toBe(302);
  const { code, state } = idp.authorize(started.location, email);
  const done = await callback({ code, state });
  const handoff = new URL(done.headers.get('location')!).searchParams.get('code');
  expect(handoff).toBeTruthy();
  return { code: handoff!, codeVerifier: pkce.verifier };
}
