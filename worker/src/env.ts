import type { ImportMessage } from './features/imports/import-message';
import type { AppVariables } from './lib/context';

/** Bindings and variables the Worker reads; mirrors wrangler.toml. */
export interface Env {
  DB: D1Database;
  BUCKET: R2Bucket;
  /** CSV import steps (features/imports/import-job.ts consumes them). */
  IMPORT_QUEUE: Queue<ImportMessage>;
  ENVIRONMENT: 'local' | 'test' | 'production';
  CONSOLE_ORIGIN: string;
  EXTENSION_ORIGIN: string;
  /** Secret: private Ed25519 JWK (JSON) that signs session tokens. */
  SESSION_SIGNING_JWK: string;
  /** Secret: seals small secrets at rest (TOTP seeds). */
  DATA_SEALING_SECRET: string;
  /** Secret: private Ed25519 JWK (JSON) that signs audit checkpoints. */
  AUDIT_SIGNING_JWK: string;
  /** Secret: root of the per-tenant keys (HKDF) that hash line descriptions (HMAC-SHA-256). */
  DESCRIPTION_HASH_SECRET: string;
  /** Secret (≥ 32 characters): master key (HKDF) that wraps every tenant's managed and BYOK keys. */
  KEY_WRAPPING_SECRET: string;
  /** SSO domain checks: a DNS-over-HTTPS JSON resolver (default Cloudflare's dns-query). */
  DOH_RESOLVER_URL?: string;
  /** Production mail: a JSON send endpoint (e.g. https://api.resend.com/emails), its sender
   * address, and the API token (secret). Without them mail stays in the outbox (dev mailbox). */
  MAIL_API_URL?: string;
  MAIL_FROM?: string;
  MAIL_API_TOKEN?: string;
  API_RATE_LIMITER: RateLimit;
  SIGN_IN_RATE_LIMITER: RateLimit;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
