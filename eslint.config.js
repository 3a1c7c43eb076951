import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformImports = [
  { group: ['cloudflare:*'], message: 'shared/ is runtime-neutral.' },
  {
    group: ['hono', 'hono/*', '@hono/*'],
    message: 'shared/ must not depend on the Worker framework.',
  },
  { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'shared/ must not depend on the database.' },
  {
    group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill'],
    message: 'shared/ must not use extension APIs.',
  },
  { group: ['node:*'], message: 'shared/ runs in Workers and browsers too.' },
  { group: ['**/worker/**', '**/extension/**'], message: 'shared/ imports nothing from the apps.' },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.output/**',
      '**/.wxt/**',
      '**/.wrangler/**',
      'dist/**',
      'data/**',
      'migrations/**',
      'shared/engine/generated/**',
      'worker/console/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/vitest.config.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: platformImports }] },
  },
  {
    files: ['worker/**/*.ts', 'worker/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/extension/**'], message: 'The Worker never imports the extension.' },
          ],
        },
      ],
    },
  },
  {
    // Route code reaches tenant data only through the tenant-scoped layer (db/tenant-db.ts).
    files: ['worker/src/features/**/*.ts', 'worker/src/middleware/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/extension/**'], message: 'The Worker never imports the extension.' },
            {
              group: ['drizzle-orm/d1', '**/db/client'],
              message: 'Use the tenant-scoped data layer (c.var.db).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='DB'], MemberExpression[property.value='DB']",
          message: 'Use the tenant-scoped data layer (c.var.db), not the raw D1 binding.',
        },
      ],
    },
  },
  {
    files: ['extension/**/*.ts', 'extension/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/worker/**'],
              allowTypeImports: true,
              message: 'The extension may import only types from the Worker.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', '**/*.config.ts', 'worker/test/**/*.ts', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
);
