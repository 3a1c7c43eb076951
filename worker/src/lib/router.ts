import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { AppEnv } from '../env';

export function validationError(error: ZodError): AppError {
  const errors = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  return new AppError(ErrorCode.validation, 'Some fields are missing or invalid.', { errors });
}

/** Every feature router is built here so all share the validation → problem+json hook. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
