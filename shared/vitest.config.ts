import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'shared',
    root: new URL('..', import.meta.url).pathname,
    include: ['shared/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
