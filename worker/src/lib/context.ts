import type { GlobalDb } from '../db/global-db';

/** Values middleware puts on the Hono context for handlers to read. */
export interface AppVariables {
  requestId: string;
  globalDb: GlobalDb;
}
