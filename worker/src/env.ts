import type { AppVariables } from './lib/context';

/** Bindings and variables the Worker reads; mirrors wrangler.toml. */
export interface Env {
  DB: D1Database;
  BUCKET: R2Bucket;
  ENVIRONMENT: 'local' | 'test' | 'production';
  CONSOLE_ORIGIN: string;
  EXTENSION_ORIGIN: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
