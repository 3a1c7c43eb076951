import { ApiError } from '../../utils/api/api-error';
import type { Failure } from '../../utils/messaging';

/** Turns any thrown error into a message-safe failure (no stack, token or line text). */
export function toFailure(error: unknown): Failure {
  if (error instanceof ApiError) return { ok: false, error: error.kind, message: error.message };
  return { ok: false, error: 'server', message: 'Something went wrong in Spendprint.' };
}
