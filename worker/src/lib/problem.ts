import type { Context } from 'hono';
import type { AppError } from '../../../shared/errors';
import { errorStatus, errorTitle, problemTypeBase, type Problem } from '../../../shared/errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(c: Context, error: AppError): Response {
  const status = errorStatus[error.code];
  const { retryAfterSeconds, ...extras } = error.extras;
  const body: Problem = {
    type: problemTypeBase + error.code,
    title: errorTitle[error.code],
    status,
    ...(error.detail ? { detail: error.detail } : {}),
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId') ?? 'unknown',
    ...extras,
  };
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
  if (retryAfterSeconds !== undefined)
    headers['Retry-After'] = String(Math.ceil(retryAfterSeconds));
  return new Response(JSON.stringify(body), { status, headers });
}
