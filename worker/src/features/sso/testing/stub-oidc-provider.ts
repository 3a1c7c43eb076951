import {
  base64url,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { IdTokenAlgorithm } from '../../../../../shared/api/sso';
import { pkceChallenge } from '../pkce';

/** How the next ID token should be wrong (each refusal test sets one). */
export interface TokenTwist {
  issuer?: string;
  audience?: string | string[];
  nonce?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  email?: string;
  emailVerified?: unknown;
  /** `none`: unsigned; `HS256`: HMAC keyed with the public JWK (algorithm confusion). */
  alg?: 'none' | 'HS256' | 'RS256' | 'ES256';
  /** Signed by a key the provider never published, under the published key's id. */
  foreignKey?: boolean;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
  email: string;
}

/**
 * A local OpenID provider that signs real ID tokens (jose, generated keys), runs the
 * authorization code flow and refuses a code_verifier that does not match the S256 challenge.
 */
export class StubOidcProvider {
  readonly issuer: string;
  readonly clientId = 'spendprint-client';
  readonly clientSecret = `stub-client-secret-${crypto.randomUUID()}`;
  readonly host: string;
  next: TokenTwist = {};
  readonly tokenRequests: URLSearchParams[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private keys = new Map<string, { privateKey: CryptoKey; publicJwk: JWK }>();

  private constructor(
    host: string,
    readonly alg: IdTokenAlgorithm,
  ) {
    this.host = host;
    this.issuer = `https://${host}`;
  }

  static async start(host: string, alg: IdTokenAlgorithm = 'RS256'): Promise<StubOidcProvider> {
    const provider = new StubOidcProvider(host, alg);
    await provider.addKey(alg);
    return provider;
  }

  private async addKey(alg: string): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const kid = `kid-${alg}-${this.keys.size}`;
    this.keys.set(alg, {
      privateKey,
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
    });
  }

  /** What an admin enters in PUT /sso for this provider. */
  connectionSettings(algorithms: IdTokenAlgorithm[] = [this.alg]) {
    return {
      issuer: this.issuer,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      authorizationEndpoint: `${this.issuer}/authorize`,
      tokenEndpoint: `${this.issuer}/token`,
      jwksUri: `${this.issuer}/jwks`,
      idTokenAlgorithms: algorithms,
    };
  }

  /** The person signs in at the provider: answers the code and state the browser brings back. */
  authorize(location: string, email: string): { code: string; state: string } {
    const url = new URL(location);
    const q = url.searchParams;
    if (url.origin !== this.issuer || url.pathname !== '/authorize') throw new Error('not me');
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') {
      throw new Error('authorization code with S256 PKCE expected');
    }
    if (q.get('client_id') !== this.clientId || !q.get('scope')?.split(' ').includes('openid')) {
      throw new Error('unknown client or not an OpenID request');
    }
    const code = crypto.randomUUID();
    this.codes.set(code, {
      clientId: this.clientId,
      redirectUri: q.get('redirect_uri')!,
      codeChallenge: q.get('code_challenge')!,
      nonce: q.get('nonce')!,
      email,
    });
    return { code, state: q.get('state')! };
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === '/jwks' && request.method === 'GET') {
      return Response.json({ keys: [...this.keys.values()].map((key) => key.publicJwk) });
    }
    if (path === '/token' && request.method === 'POST') return this.token(request);
    return new Response('not found', { status: 404 });
  };

  private async token(request: Request): Promise<Response> {
    const expected = `Basic ${btoa(`${this.clientId}:${encodeURIComponent(this.clientSecret)}`)}`;
    if (request.headers.get('authorization') !== expected) {
      return Response.json({ error: 'invalid_client' }, { status: 401 });
    }
    const form = new URLSearchParams(await request.text());
    this.tokenRequests.push(form);
    const pending = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !pending ||
      pending.redirectUri !== form.get('redirect_uri') ||
      (await pkceChallenge(verifier)) !== pending.codeChallenge
    ) {
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    const idToken = await this.idToken(pending);
    this.next = {};
    return Response.json({ access_token: 'stub-access', token_type: 'Bearer', id_token: idToken });
  }

  private async idToken(pending: PendingCode): Promise<string> {
    const twist = this.next;
    const at = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      email: twist.email ?? pending.email,
      email_verified: 'emailVerified' in twist ? twist.emailVerified : true,
      nonce: twist.nonce ?? pending.nonce,
    };
    const alg = twist.alg ?? this.alg;
    const base = {
      iss: twist.issuer ?? this.issuer,
      aud: twist.audience ?? pending.clientId,
      sub: `sub-${pending.email}`,
      iat: at,
      exp: at + (twist.expiresIn ?? 300),
      ...claims,
    };
    const published = this.keys.get(this.alg)!;
    if (alg === 'none') {
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      return `${header}.${base64url.encode(JSON.stringify(base))}.`;
    }
    if (alg === 'HS256') {
      const secret = new TextEncoder().encode(JSON.stringify(published.publicJwk));
      return new SignJWT(base)
        .setProtectedHeader({ alg, kid: published.publicJwk.kid })
        .sign(secret);
    }
    if (!this.keys.has(alg)) await this.addKey(alg);
    const own = this.keys.get(alg)!;
    const signer = twist.foreignKey
      ? (await generateKeyPair(alg, { extractable: true })).privateKey
      : own.privateKey;
    return new SignJWT(base)
      .setProtectedHeader({ alg, kid: own.publicJwk.kid, typ: 'JWT' })
      .sign(signer);
  }
}
