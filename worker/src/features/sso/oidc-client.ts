import type { JSONWebKeySet } from 'jose';

/** Outbound calls to a tenant's identity provider. Nothing here logs a code, token or secret. */
const TIMEOUT_MS = 5_000;
const MAX_BODY_BYTES = 256 * 1024;

export class ProviderError extends Error {
  override name = 'ProviderError';
}

async function readJson(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new ProviderError(`${what} answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_BODY_BYTES) throw new ProviderError(`${what} answer is too large`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError(`${what} answer is not JSON`);
  }
}

export interface CodeExchange {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

/** Authorization code → ID token, authenticating with client_secret_basic (RFC 6749 2.3.1). */
export async function exchangeCode(exchange: CodeExchange): Promise<string> {
  const credentials = `${encodeURIComponent(exchange.clientId)}:${encodeURIComponent(exchange.clientSecret)}`;
  const response = await fetch(exchange.tokenEndpoint, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      authorization: `Basic ${btoa(credentials)}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      code_verifier: exchange.codeVerifier,
      client_id: exchange.clientId,
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await readJson(response, 'token endpoint')) as { id_token?: unknown };
  if (typeof body.id_token !== 'string') throw new ProviderError('no id_token in the answer');
  return body.id_token;
}

export async function fetchJwks(jwksUri: string): Promise<JSONWebKeySet> {
  const response = await fetch(jwksUri, {
    redirect: 'manual',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await readJson(response, 'JWKS')) as { keys?: unknown };
  if (!Array.isArray(body.keys)) throw new ProviderError('JWKS has no keys');
  return body as JSONWebKeySet;
}
