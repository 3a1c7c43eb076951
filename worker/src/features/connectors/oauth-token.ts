import { z } from 'zod';
import { tokenFingerprint } from '../../lib/crypto/tokens';
import { ErpError, type OutboundClient } from './outbound-client';

/** OAuth 2.0 client credentials grant (RFC 6749 4.4), client authenticated in the form body. */
export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
}

export interface AccessToken {
  token: string;
  expiresAt: Date;
}

const TokenAnswer = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', 'not a bearer token'),
  expires_in: z.coerce.number().int().positive().max(31_536_000).optional(),
});

/** Without `expires_in`, assume an hour, as many providers do. */
const DEFAULT_LIFETIME_SECONDS = 3600;

export async function requestAccessToken(
  client: OutboundClient,
  credentials: ClientCredentials,
  at: Date,
): Promise<AccessToken> {
  const answer = await client.send('POST', credentials.tokenUrl, {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: credentials.scopes,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    }).toString(),
  });
  if (answer.status !== 200) {
    throw new ErpError(
      answer.status === 400 || answer.status === 401
        ? `the token endpoint refused the client (${answer.status}): check the client id, secret and scopes`
        : `the token endpoint answered ${answer.status}`,
    );
  }
  let parsed: z.infer<typeof TokenAnswer>;
  try {
    parsed = TokenAnswer.parse(JSON.parse(answer.body));
  } catch {
    throw new ErpError('the token endpoint did not answer with a bearer token');
  }
  // The token request's log row names the token it issued, so later calls can be tied to it.
  answer.call.tokenFingerprint = await tokenFingerprint(parsed.access_token);
  const lifetime = parsed.expires_in ?? DEFAULT_LIFETIME_SECONDS;
  return { token: parsed.access_token, expiresAt: new Date(at.getTime() + lifetime * 1000) };
}
