import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

const extensionRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Extension unit tests: WXT's fake browser (`fakeBrowser`) plus happy-dom for DOM-touching code.
// Real-page behaviour is proven in Chromium by the `browser` project.
export default defineProject({
  plugins: [WxtVitest({ root: extensionRoot })],
  test: {
    name: 'extension',
    root: repoRoot,
    include: ['extension/**/*.test.ts', 'extension/**/*.test.tsx'],
    exclude: ['extension/test/browser/**', '**/node_modules/**', 'extension/.output/**', 'extension/.wxt/**'],
    environment: 'happy-dom',
    mockReset: true,
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
