import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes reviewed, flat NNNN_name.sql files that wrangler applies.
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/src/db/schema/index.ts',
  out: './migrations',
});
