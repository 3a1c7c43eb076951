import { fileURLToPath } from 'node:url';

export const extensionRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** Where `npm run build:extension:test` writes the unpacked test extension. */
export const testBuildDir = fileURLToPath(new URL('../../../.output/test/chrome-mv3', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('../../fixtures', import.meta.url));
