// Worker modules imported by scripts name the global D1Database type (workers-types), which
// clashes with the DOM types scripts use; drizzle's structural D1 type stands in for it.
type D1Database = Parameters<typeof import('drizzle-orm/d1').drizzle>[0];
