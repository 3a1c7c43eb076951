import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { AppEnv } from '../env';

/**
 * A batch of 500 lines at the longest fields the schemas allow (1,000-character descriptions,
 * 300-character suppliers), every character \u-escaped, stays under this.
 */
const MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** Stops a body over 5 MB while it streams in, before anything parses it. */
export const lineBatchBodyLimit = bodyLimit({
  maxSize: MAX_BATCH_BYTES,
  onError: () => {
    throw new AppError(ErrorCode.payloadTooLarge, 'The request body is over 5 MB.');
  },
});

/**
 * 413 for more than `max` lines (the schema alone would say 400). Runs after authentication,
 * so a caller without a credential learns nothing about the body.
 */
export function maxLines(max: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const lines = (body as { lines?: unknown } | undefined)?.lines;
    if (Array.isArray(lines) && lines.length > max) {
      throw new AppError(ErrorCode.payloadTooLarge, `Send at most ${max} lines per request.`);
    }
    await next();
  });
}
