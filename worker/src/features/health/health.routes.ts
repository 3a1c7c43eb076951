import { z } from 'zod';
import { createRouter } from '../../lib/router';
import { jsonContent } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';

const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['ok', 'unavailable']),
  time: z.string(),
});

const healthRoute = defineRoute('public', {
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Liveness and database reachability',
  responses: { 200: jsonContent(HealthSchema) },
});

export const healthRoutes = createRouter().openapi(healthRoute, async (c) => {
  const database = await c.var.globalDb.ping();
  return c.json({ status: 'ok' as const, database, time: new Date().toISOString() }, 200);
});
