import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { extensionRoot, repoRoot, testBuildDir } from './paths';

const SOURCE_ENTRIES = ['entrypoints', 'features', 'components', 'utils', 'public', 'assets', 'wxt.config.ts'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Rebuilds the test extension when it is missing or older than its sources. */
export default function setup(): void {
  if (process.env.SPENDPRINT_SKIP_BUILD === '1') return;
  const manifest = path.join(testBuildDir, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sourcesAt = Math.max(
    ...SOURCE_ENTRIES.map((entry) => newestMtime(path.join(extensionRoot, entry))),
    newestMtime(path.join(repoRoot, 'shared', 'api')),
  );
  if (builtAt > sourcesAt) return;
  console.info('[browser tests] building the test extension (SPENDPRINT_BUILD=test wxt build extension)…');
  execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'wxt'), ['build', 'extension'], {
    cwd: repoRoot,
    env: { ...process.env, SPENDPRINT_BUILD: 'test' },
    stdio: 'inherit',
  });
}
