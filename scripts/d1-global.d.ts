// Worker modules imported by scripts name the global D1Database type (workers-types), which
// clashes with the DOM types scripts use; drizzle's structural D1 type stands in for it.
import type { drizzle } from 'drizzle-orm/d1';

declare global {
  type D1Database = Parameters<typeof drizzle>[0];
}
