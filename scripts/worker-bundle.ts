import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OFFLINE_WRANGLER_ENV } from './local-env';

export const BUNDLE_DIR = 'dist/worker';
/** Workers' compressed size limit on the paid plan is 10 MB; we keep well under 3 MB. */
export const MAX_GZIPPED_BYTES = 3 * 1024 * 1024;

/** `wrangler deploy --dry-run`: bundles exactly what would be uploaded, without network. */
export function buildWorkerBundle(): { files: string[]; gzippedBytes: number; rawBytes: number } {
  const result = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', BUNDLE_DIR], {
    env: OFFLINE_WRANGLER_ENV,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stderr}`);
  const files = readdirSync(BUNDLE_DIR).filter(
    (f) => statSync(join(BUNDLE_DIR, f)).isFile() && !f.endsWith('.map'),
  );
  let gzippedBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(BUNDLE_DIR, file));
    rawBytes += bytes.length;
    gzippedBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzippedBytes, rawBytes };
}
