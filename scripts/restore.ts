/**
 * `npm run restore -- BACKUP [--persist-to DIR]`: restores one tenant's backup into an EMPTY
 * local D1 database (the one `npm start` serves, or `wrangler dev --persist-to DIR`'s).
 * BACKUP is a backup file (e.g. fetched with `wrangler r2 object get`) or the object's key in
 * the local R2 bucket. The master secret comes from KEY_WRAPPING_SECRET or .dev.vars.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getPlatformProxy } from 'wrangler';
import {
  isEmptyDatabase,
  restoreBackupRows,
  type BackupContent,
  type SqlDatabase,
} from '../worker/src/db/restore-backup';
import { openBackup, type BackupEnvelope } from '../worker/src/features/backups/backup-envelope';
import { OFFLINE_WRANGLER_ENV } from './local-env';

interface Options {
  backup: string;
  persistTo?: string;
  masterSecret: string;
}

interface LocalBindings {
  DB: SqlDatabase;
  BUCKET: { get(key: string): Promise<{ text(): Promise<string> } | null> };
}

export class RestoreError extends Error {}

function masterSecretFromEnvironment(): string {
  const fromEnv = process.env.KEY_WRAPPING_SECRET;
  if (fromEnv) return fromEnv;
  const devVars = existsSync('.dev.vars') ? readFileSync('.dev.vars', 'utf8') : '';
  const match = /^KEY_WRAPPING_SECRET=['"]?([^'"\n]+)['"]?$/m.exec(devVars);
  if (!match) throw new RestoreError('KEY_WRAPPING_SECRET is not set (environment or .dev.vars)');
  return match[1]!;
}

function applyMigrations(persistTo?: string): void {
  const args = ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'];
  if (persistTo) args.push('--persist-to', persistTo);
  const result = spawnSync('npx', args, { env: OFFLINE_WRANGLER_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new RestoreError(`migrations failed: ${result.stderr}`);
}

async function openEnvelope(text: string, masterSecret: string): Promise<BackupContent> {
  let envelope: BackupEnvelope;
  try {
    envelope = JSON.parse(text) as BackupEnvelope;
  } catch {
    throw new RestoreError('the backup is not JSON');
  }
  const plaintext = await openBackup(envelope, masterSecret);
  return JSON.parse(new TextDecoder().decode(plaintext)) as BackupContent;
}

/** A backup file is opened (and checked) before anything touches the target database. */
export async function restore(options: Options) {
  const fromFile = existsSync(options.backup)
    ? await openEnvelope(readFileSync(options.backup, 'utf8'), options.masterSecret)
    : undefined;
  applyMigrations(options.persistTo);
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  const { env, dispose } = await getPlatformProxy<LocalBindings>({
    configPath: 'wrangler.toml',
    persist: options.persistTo ? { path: join(options.persistTo, 'v3') } : true,
  });
  try {
    let content = fromFile;
    if (!content) {
      const stored = await env.BUCKET.get(options.backup);
      if (!stored) throw new RestoreError(`no backup file or object ${options.backup}`);
      content = await openEnvelope(await stored.text(), options.masterSecret);
    }
    if (!(await isEmptyDatabase(env.DB))) {
      throw new RestoreError('the target database is not empty; restore needs an empty one');
    }
    const counts = await restoreBackupRows(env.DB, content);
    return { tenantId: content.tenantId, createdAt: content.createdAt, counts };
  } finally {
    await dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'persist-to': { type: 'string' } },
  });
  try {
    if (positionals.length !== 1)
      throw new RestoreError('usage: npm run restore -- BACKUP [--persist-to DIR]');
    const restored = await restore({
      backup: positionals[0]!,
      persistTo: values['persist-to'],
      masterSecret: masterSecretFromEnvironment(),
    });
    const rows = Object.values(restored.counts).reduce((a, b) => a + b, 0);
    console.info(`Restored tenant ${restored.tenantId} from ${restored.createdAt}: ${rows} rows.`);
  } catch (error) {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
