import { chromium, type Browser } from 'playwright-core';
import { describe, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, isCi } from '../../../../scripts/test-support/chromium-path';

export { chromiumPath };

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
