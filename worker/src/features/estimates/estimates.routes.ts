import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
  estimateRequestSchema,
  estimateResponseSchema,
  MAX_ESTIMATE_LINES,
} from '../../../../shared/api/estimates';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { estimateForTenant } from './estimate-with-tenant';

const EstimatesAnswer = estimateResponseSchema.extend({
  ruleVersion: z.number().int().describe('Tenant rule version the answers used; caches key on it'),
});

/** 500 lines of 1,000 characters with their fields fit well within this. */
const MAX_BODY_BYTES = 1024 * 1024;

const estimatesRoute = defineRoute('estimates:read', {
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
});

const tooManyLines = () =>
  new AppError(ErrorCode.payloadTooLarge, `Send at most ${MAX_ESTIMATE_LINES} lines per request.`);

export const estimatesRoutes = createRouter();
estimatesRoutes.post(
  '/estimates',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw tooManyLines();
    },
  }),
  async (c, next) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const lines = (body as { lines?: unknown } | undefined)?.lines;
    if (Array.isArray(lines) && lines.length > MAX_ESTIMATE_LINES) throw tooManyLines();
    await next();
  },
);
estimatesRoutes.openapi(estimatesRoute, async (c) => {
  const { lines } = c.req.valid('json');
  const { ruleVersion, results } = await estimateForTenant(
    c.var.db,
    c.env.DESCRIPTION_HASH_SECRET,
    lines,
  );
  return c.json({ ruleVersion, results }, 200);
});
