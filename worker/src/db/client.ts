import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as schema from './schema';

export type Database = DrizzleD1Database<typeof schema>;

/** The raw client. Only `db/` may use it; features go through `tenantDb` or `systemDb`. */
export function createDatabase(d1: D1Database): Database {
  return drizzle(d1, { schema });
}
