import { z } from 'zod';
import {
  estimateRequestSchema,
  estimateResponseSchema,
  MAX_ESTIMATE_LINES,
} from '../../../../shared/api/estimates';
import { lineBatchBodyLimit, maxLines } from '../../lib/line-batch';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { estimateForTenant } from './estimate-with-tenant';

const EstimatesAnswer = estimateResponseSchema.extend({
  ruleVersion: z.number().int().describe('Tenant rule version the answers used; caches key on it'),
});

const estimatesRoute = defineRoute(
  'estimates:read',
  {
    method: 'post',
    path: '/estimates',
    tags: ['estimates'],
    summary: `Estimate up to ${MAX_ESTIMATE_LINES} lines; answers in the same order`,
    description:
      'Descriptions are classified in memory and never stored or logged (zero persistence).',
    request: jsonBody(estimateRequestSchema),
    responses: {
      200: jsonContent(EstimatesAnswer),
      ...problemResponses(400, 401, 403, 413),
    },
  },
  { afterAccess: [maxLines(MAX_ESTIMATE_LINES)] },
);

export const estimatesRoutes = createRouter();
estimatesRoutes.post('/estimates', lineBatchBodyLimit);
estimatesRoutes.openapi(estimatesRoute, async (c) => {
  const { lines } = c.req.valid('json');
  const { ruleVersion, results } = await estimateForTenant(
    c.var.db,
    c.env.DESCRIPTION_HASH_SECRET,
    lines,
  );
  return c.json({ ruleVersion, results }, 200);
});
