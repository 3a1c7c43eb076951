import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** Environment for every wrangler call of the local stack: no login, telemetry or `Request.cf` lookup. */
export const OFFLINE_WRANGLER_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_TELEMETRY_DISABLED: '1',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
};

export const DEMO_PASSWORD = 'demo-password-123';

const ed25519Jwk = () =>
  JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
const randomSecret = () => randomBytes(32).toString('base64url');

/**
 * Every Worker secret with a generator for throwaway values: `npm start` writes them to
 * .dev.vars, tests and benchmarks pass fresh ones. Production sets them with `wrangler secret put`.
 */
export const LOCAL_SECRETS: Readonly<Record<string, () => string>> = {
  SESSION_SIGNING_JWK: ed25519Jwk,
  AUDIT_SIGNING_JWK: ed25519Jwk,
  DATA_SEALING_SECRET: randomSecret,
  DESCRIPTION_HASH_SECRET: randomSecret,
  KEY_WRAPPING_SECRET: randomSecret,
};

export function freshSecrets(): Record<string, string> {
  return Object.fromEntries(Object.entries(LOCAL_SECRETS).map(([name, make]) => [name, make()]));
}

/** `wrangler dev` on 127.0.0.1 (workerd, local D1/R2) with the given vars; the flags both callers share. */
export function wranglerDevArgs(
  port: number,
  extra: string[],
  vars: Record<string, string>,
): string[] {
  return [
    'wrangler',
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-ip',
    '127.0.0.1',
    '--show-interactive-dev-session=false',
    // The deployed bundle is minified (wrangler.toml); local development keeps readable code.
    '--minify=false',
    ...extra,
    ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
  ];
}
