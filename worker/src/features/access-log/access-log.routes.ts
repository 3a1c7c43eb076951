import { desc } from 'drizzle-orm';
import { AccessLogPage, AccessLogQuery } from '../../../../shared/api/access-log';
import { accessLog } from '../../db/schema';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { accessLogFilter, cursorOf } from './access-log-filter';

const listRoute = defineRoute('access-log:read', {
  method: 'get',
  path: '/access-log',
  tags: ['governance'],
  summary: 'API calls made with credentials of this tenant, newest first (kept 13 months)',
  description:
    'Filter by time (`from`, `to`), route prefix, status code or class (`4xx`) and method; page ' +
    "with `cursor` = the previous answer's `nextCursor`. Credentials appear only as fingerprints.",
  request: { query: AccessLogQuery },
  responses: { 200: jsonContent(AccessLogPage), ...problemResponses(400, 401, 403) },
});

export const accessLogRoutes = createRouter().openapi(listRoute, async (c) => {
  const { limit, ...filter } = c.req.valid('query');
  const rows = await c.var.db
    .select(accessLog, accessLogFilter(filter))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const entries = page.map(({ tenantId: _tenant, at, ...entry }) => ({
    ...entry,
    at: at.toISOString(),
  }));
  const nextCursor = rows.length > limit ? cursorOf(page.at(-1)!) : null;
  return c.json({ entries, nextCursor }, 200);
});
