/** Environment for every wrangler call of the local stack: no login, telemetry or `Request.cf` lookup. */
export const OFFLINE_WRANGLER_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_TELEMETRY_DISABLED: '1',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
};

export const DEMO_PASSWORD = 'demo-password-123';
