/**
 * `npm run restore -- BACKUP [--persist-to DIR]`: restores one tenant's backup into an EMPTY
 * local D1 database (the one `npm start` serves, or `wrangler dev --persist-to DIR`'s).
 * BACKUP is a backup file (e.g. fetched with `wrangler r2 object get`) or the object's key in
 * the local R2 bucket. The master secret comes from KEY_WRAPPING_SECRET or .dev.vars.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  isEmptyDatabase,
  restoreBackupRows,
  type BackupContent,
  type SqlDatabase,
} from '../worker/src/db/restore-backup';
import { openBackup, type BackupEnvelope } from '../worker/src/features/backups/backup-envelope';
import { applyLocalMigrations, withLocalBindings } from './local-state';

interface Options {
  backup: string;
  persistTo?: string;
  masterSecret: string;
}

type LocalBindings = {
  DB: SqlDatabase;
  BUCKET: { get(key: string): Promise<{ text(): Promise<string> } | null> };
};

export class RestoreError extends Error {}

function masterSecretFromEnvironment(): string {
  const fromEnv = process.env.KEY_WRAPPING_SECRET;
  if (fromEnv) return fromEnv;
  const devVars = existsSync('.dev.vars') ? readFileSync('.dev.vars', 'utf8') : '';
  const match = /^KEY_WRAPPING_SECRET=['"]?([^'"\n]+)['"]?$/m.exec(devVars);
  if (!match) throw new RestoreError('KEY_WRAPPING_SECRET is not set (environment or .dev.vars)');
  return match[1]!;
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
  applyLocalMigrations(options.persistTo);
  return withLocalBindings(options.persistTo, async (env: LocalBindings) => {
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
  });
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
