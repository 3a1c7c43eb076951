import { z } from 'zod';
import { CONNECTOR_KINDS } from '../connector-kinds';
import { fullDateSchema } from './spend';

export { CONNECTOR_KIND_INFO, CONNECTOR_KINDS, type ConnectorKind } from '../connector-kinds';

const httpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https:// URL' })
  .max(2048)
  .refine((value) => {
    const url = new URL(value);
    return !url.username && !url.password && !url.search && !url.hash;
  }, 'must not carry credentials, a query or a fragment');

const scope = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'a scope is letters, digits and . _ : -');

export const ConnectorCreate = z.object({
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string().trim().min(1).max(100),
  /** The instance, e.g. https://acme.coupahost.com (no path). */
  baseUrl: httpsUrl,
  /** The OAuth 2.0 token endpoint; for Coupa `<baseUrl>/oauth2/token`. */
  tokenUrl: httpsUrl,
  clientId: z.string().trim().min(1).max(255),
  clientSecret: z.string().min(1).max(1024),
  scopes: z
    .array(scope)
    .min(1)
    .max(10)
    .refine((list) => new Set(list).size === list.length, 'scopes must not repeat'),
  /** The first pull takes documents updated after this date; default 90 days back. */
  since: fullDateSchema.optional(),
});

export const ConnectorIdParam = z.object({ id: z.string().regex(/^erp_[0-9a-f-]{36}$/) });

export const AllowedOperation = z.object({
  operation: z.string(),
  method: z.string(),
  /** A path pattern on the instance (`:name` is one path segment) or the token URL. */
  target: z.string(),
});

export const ConnectorPull = z.object({
  id: z.string(),
  connectorId: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  requestedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  status: z.enum(['ok', 'failed']),
  documents: z.number().int(),
  linesNew: z.number().int(),
  linesDuplicate: z.number().int(),
  linesSkipped: z.number().int(),
  errors: z.array(z.string()),
  more: z.boolean(),
});

export const Connector = z.object({
  id: z.string(),
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string(),
  baseUrl: z.string(),
  tokenUrl: z.string(),
  clientId: z.string(),
  scopes: z.array(z.string()),
  /** Whether a client secret is stored (sealed); the secret itself is never returned. */
  clientSecretSet: z.boolean(),
  state: z.enum(['active', 'revoked', 'deleted']),
  since: z.string(),
  /** The ERP's "updated at" of the newest document taken so far. */
  cursor: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The only calls this connector can make: reads, and its token request. */
  allowList: z.array(AllowedOperation),
  lastPull: ConnectorPull.nullable(),
});

export const ConnectorList = z.object({ connectors: z.array(Connector) });

export const ConnectorPullList = z.object({ pulls: z.array(ConnectorPull) });

export const ConnectorCall = z.object({
  id: z.string(),
  connectorId: z.string(),
  pullId: z.string().nullable(),
  at: z.string(),
  method: z.string(),
  /** Scheme, host and path; never the query string or any credential. */
  endpoint: z.string(),
  operation: z.string().nullable(),
  status: z.number().int().nullable(),
  outcome: z.enum(['ok', 'http-error', 'network-error', 'refused']),
  /** First 16 characters of base64url(SHA-256(access token)); null before a token exists. */
  tokenFingerprint: z.string().nullable(),
  scope: z.string(),
  durationMs: z.number().int(),
});

export const ConnectorCallsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ConnectorCallPage = z.object({
  calls: z.array(ConnectorCall),
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
});

export type ConnectorCreate = z.infer<typeof ConnectorCreate>;
export type ConnectorView = z.infer<typeof Connector>;
export type ConnectorPullView = z.infer<typeof ConnectorPull>;
export type ConnectorCallView = z.infer<typeof ConnectorCall>;
