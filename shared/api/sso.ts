import { z } from 'zod';

/** ID-token signature algorithms a tenant may pin; nothing else (and never `none`) is accepted. */
export const ID_TOKEN_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;
export type IdTokenAlgorithm = (typeof ID_TOKEN_ALGORITHMS)[number];

const httpsUrl = z.url({ protocol: /^https$/ }).max(2048);

export const SsoConnectionPut = z.object({
  issuer: httpsUrl,
  clientId: z.string().trim().min(1).max(255),
  /** Required the first time; leave out to keep the stored secret. */
  clientSecret: z.string().min(1).max(1024).optional(),
  authorizationEndpoint: httpsUrl,
  tokenEndpoint: httpsUrl,
  jwksUri: httpsUrl,
  idTokenAlgorithms: z
    .array(z.enum(ID_TOKEN_ALGORITHMS))
    .min(1)
    .max(ID_TOKEN_ALGORITHMS.length)
    .default(['RS256']),
});

export const SsoConnection = z.object({
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.literal(true),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  jwksUri: z.string(),
  idTokenAlgorithms: z.array(z.enum(ID_TOKEN_ALGORITHMS)),
  /** Register this as the redirect URI at the identity provider. */
  callbackUrl: z.string(),
  updatedAt: z.string(),
});

export const SsoDomainCreate = z.object({ domain: z.string().trim().min(4).max(253) });

export const SsoDomain = z.object({
  id: z.string(),
  domain: z.string(),
  verifiedAt: z.string().nullable(),
  verification: z.object({
    recordType: z.literal('TXT'),
    recordName: z.string(),
    recordValue: z.string(),
  }),
  createdAt: z.string(),
});
export const SsoDomainList = z.object({ domains: z.array(SsoDomain) });
export const SsoDomainIdParam = z.object({ id: z.string().regex(/^dom_[0-9a-f-]{36}$/) });

export const SsoStartQuery = z.object({
  email: z.email().max(254),
  /** `cookie` for the console; `bearer` for the extension's launchWebAuthFlow. */
  transport: z.enum(['cookie', 'bearer']).default('cookie'),
  redirect_uri: z.string().max(2048).optional(),
  /** Bearer transport: the extension's PKCE challenge (S256) for the one-time hand-off code. */
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'base64url SHA-256')
    .optional(),
});

export const SsoCallbackQuery = z.object({
  state: z.string().min(1).max(512),
  code: z.string().min(1).max(2048).optional(),
  error: z.string().max(256).optional(),
});

/** The extension trades the one-time code from its redirect URL, with its PKCE verifier. */
export const SsoExchangeRequest = z.object({
  code: z.string().min(1).max(256),
  codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'an RFC 7636 code verifier'),
});
