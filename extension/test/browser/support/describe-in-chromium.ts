import { describe, test } from 'vitest';
import { browserTestsAvailable, chromiumPath, isCi } from './chromium';

/**
 * `describe` for tests that need Debian Chromium. Without Chromium: a loud warning and a skip,
 * except under `CI=true`, where a failing test stands in for the whole block.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (!chromiumPath && isCi) {
    describe(name, () => {
      test('Chromium is installed (required when CI=true)', () => {
        throw new Error('Chromium not found: CI must run the browser tests (apt-get install -y chromium, or set CHROMIUM_PATH)');
      });
    });
    return;
  }
  describe.skipIf(!browserTestsAvailable())(name, body);
}
