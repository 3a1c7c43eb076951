import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { AppEnv } from '../env';
import { problemResponse } from '../lib/problem';

const statusToCode: Record<number, ErrorCode> = {
  400: ErrorCode.validation,
  401: ErrorCode.unauthenticated,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
  413: ErrorCode.payloadTooLarge,
  415: ErrorCode.unsupportedMediaType,
  429: ErrorCode.rateLimited,
};

/** Maps every thrown error to problem+json; internal reasons are logged, never returned. */
/** Database triggers speak through RAISE(ABORT, 'spendprint:<code>'). */
const TRIGGER_ERRORS: Record<string, AppError> = {
  'spendprint:period-locked': new AppError(
    ErrorCode.periodLocked,
    'A signed-off period covers that date; an admin must reopen it first.',
  ),
  'spendprint:report-final': new AppError(
    ErrorCode.conflict,
    'The report is approved or rejected (or changed state meanwhile) and can no longer change; revise it to issue a corrected version.',
  ),
};

function fromTrigger(error: Error): AppError | undefined {
  const text = `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`;
  const key = Object.keys(TRIGGER_ERRORS).find((marker) => text.includes(marker));
  return key ? TRIGGER_ERRORS[key] : undefined;
}

export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) return problemResponse(c, error);
  const triggered = fromTrigger(error);
  if (triggered) return problemResponse(c, triggered);
  if (error instanceof HTTPException) {
    const code = statusToCode[error.status] ?? ErrorCode.internal;
    return problemResponse(c, new AppError(code));
  }
  console.error(
    JSON.stringify({ requestId: c.get('requestId'), error: error.name, message: error.message }),
  );
  return problemResponse(c, new AppError(ErrorCode.internal));
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, new AppError(ErrorCode.notFound, 'No such route.'));
