/**
 * The local D1 and R2 of wrangler.toml outside `wrangler dev`: the default state under
 * .wrangler/state, or the directory a `wrangler dev --persist-to <dir>` uses (browser tests).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getPlatformProxy } from 'wrangler';
import { OFFLINE_WRANGLER_ENV } from './local-env';

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The real D1 migrations applied to the local database. */
export function applyLocalMigrations(persistTo?: string): void {
  const args = ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'];
  if (persistTo) args.push('--persist-to', persistTo);
  const result = spawnSync('npx', args, {
    cwd: REPO_ROOT,
    env: OFFLINE_WRANGLER_ENV,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`wrangler d1 migrations apply failed:\n${result.stderr}${result.stdout}`);
  }
}

/** The Worker's bindings on the local state, through wrangler's platform proxy; dispose when done. */
export function openLocalBindings<Bindings extends Record<string, unknown>>(persistTo?: string) {
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  return getPlatformProxy<Bindings>({
    configPath: join(REPO_ROOT, 'wrangler.toml'),
    persist: persistTo ? { path: join(persistTo, 'v3') } : true,
  });
}

/** Runs `use` with the local bindings open, and closes them whatever happens. */
export async function withLocalBindings<Bindings extends Record<string, unknown>, T>(
  persistTo: string | undefined,
  use: (env: Bindings) => Promise<T>,
): Promise<T> {
  const { env, dispose } = await openLocalBindings<Bindings>(persistTo);
  try {
    return await use(env);
  } finally {
    await dispose();
  }
}
