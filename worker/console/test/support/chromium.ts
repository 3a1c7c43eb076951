import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, test } from 'vitest';

/** Debian's Chromium: `CHROMIUM_PATH`, else whatever `command -v chromium` prints. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found && existsSync(found)) return found;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

export const chromiumPath = findChromium();
const isCi = process.env.CI === 'true' || process.env.CI === '1';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  if (!chromiumPath)
    throw new Error('Chromium not found: install Debian `chromium` or set CHROMIUM_PATH');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * `describe` for tests that need Chromium. Without it: a loud warning and a skip, except under
 * `CI=true`, where a failing test stands in for the whole block.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (!chromiumPath && isCi) {
    describe(name, () => {
      test('Chromium is installed (required when CI=true)', () => {
        throw new Error(
          'Chromium not found: CI must run the browser tests (apt-get install -y chromium, or set CHROMIUM_PATH)',
        );
      });
    });
    return;
  }
  if (!chromiumPath) {
    console.warn(
      '\n⚠️  SPENDPRINT CONSOLE BROWSER TESTS SKIPPED: Chromium not found (install Debian `chromium` or set CHROMIUM_PATH).\n',
    );
  }
  describe.skipIf(!chromiumPath)(name, body);
}
